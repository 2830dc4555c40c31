"""`readiness play FILE [--watch]`: try a content file as a participant would, live-reloaded."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from readiness.settings import Settings


def add_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "play",
        parents=[common],
        help="preview a scenario or assessment file (--watch: reload on save)",
        description="Play a content file as a participant would, without recording a result. "
        "With --watch the file is reloaded whenever it is saved: you stay at the step you "
        "were on if it still exists, and problems are shown on screen until you fix them.",
    )
    p.add_argument("file", metavar="FILE", type=Path, help="scenario or assessment file")
    p.add_argument("--watch", action="store_true", help="reload the file whenever it is saved")
    p.add_argument("--practice", action="store_true", help="scenarios: no countdowns")
    p.set_defaults(func=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    from readiness.authoring.load import load_file, load_one
    from readiness.errors import UsageError
    from readiness.i18n import t

    if not args.file.is_file():
        raise UsageError(t("author.load.missing", path=args.file))
    if args.watch:
        content, problems = load_file(args.file)
    else:
        content, problems = load_one(args.file), []
    settings.practice = bool(args.practice)

    from readiness.tui.play_watch import WatchApp

    app = WatchApp(settings, args.file, content, problems, watch=args.watch)
    return app.run() or 0
