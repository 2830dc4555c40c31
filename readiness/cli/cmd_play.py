"""`readiness play FILE [--watch]`: try a content file as a participant would, live-reloaded."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from readiness.i18n import t
from readiness.settings import Settings


def add_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "play",
        parents=[common],
        help=t("cli.help.play.help"),
        description=t("cli.help.play.description"),
    )
    p.add_argument("file", metavar="FILE", type=Path, help=t("cli.help.play.arg.file"))
    p.add_argument("--watch", action="store_true", help=t("cli.help.play.arg.watch"))
    p.add_argument("--practice", action="store_true", help=t("cli.help.play.arg.practice"))
    p.set_defaults(func=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    from readiness.authoring.load import load_file, load_one
    from readiness.errors import UsageError
    from readiness.i18n import t

    if not args.file.is_file():
        # An id (or translation id) works as in `graph` and `stats`: play the file behind it.
        if args.file.suffix == ".toml" or len(args.file.parts) > 1:
            raise UsageError(t("author.load.missing", path=args.file))
        from readiness.cli.common import resolve_any

        args.file = resolve_any(settings, str(args.file)).path
    if args.watch:
        content, problems = load_file(args.file)
    else:
        content, problems = load_one(args.file, settings.lang), []
    settings.practice = bool(args.practice)

    from readiness.tui.play_watch import WatchApp

    app = WatchApp(settings, args.file, content, problems, watch=args.watch)
    return app.run() or 0
