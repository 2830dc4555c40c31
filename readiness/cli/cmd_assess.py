"""`readiness assess [ID|FILE] [--profile P]`: go straight into a self-assessment."""

from __future__ import annotations

import argparse
from typing import Any

from readiness.settings import Settings


def add_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "assess",
        parents=[common],
        help="take a self-assessment (answers are saved after every question)",
        description="Take a self-assessment. Answers are saved after every question; starting "
        "the same assessment again offers to resume where you left off.",
    )
    p.add_argument(
        "ident", nargs="?", metavar="ID|FILE", help="assessment id, translation id or .toml file"
    )
    p.add_argument(
        "--profile",
        metavar="P",
        help="target profile to compare against (default: the assessment's)",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    from readiness.cli.common import resolve
    from readiness.content.problems import did_you_mean
    from readiness.errors import UsageError
    from readiness.i18n import t
    from readiness.models.assessment import Assessment

    library, content = resolve(settings, args.ident, "assessment")
    model = content.model
    assert isinstance(model, Assessment)
    if args.profile is not None:
        ids = [p.id for p in model.profiles]
        if args.profile not in ids:
            raise UsageError(
                t(
                    "assess.cli.unknown_profile",
                    id=model.id,
                    profile=args.profile,
                    hint=did_you_mean(args.profile, ids),
                    known=", ".join(ids) or "–",
                )
            )
        settings.profile = args.profile

    from readiness.tui.app import make_app

    app = make_app(settings, library=library, start=content, home=False)
    return app.run() or 0
