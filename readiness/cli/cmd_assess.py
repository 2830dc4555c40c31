"""`readiness assess [ID|FILE] [--profile P]`: go straight into a self-assessment."""

from __future__ import annotations

import argparse
from typing import Any

from readiness.i18n import t
from readiness.settings import Settings


def add_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "assess",
        parents=[common],
        help=t("cli.help.assess.help"),
        description=t("cli.help.assess.description"),
    )
    p.add_argument("ident", nargs="?", metavar="ID|FILE", help=t("cli.help.assess.arg.ident"))
    p.add_argument(
        "--profile",
        metavar="P",
        help=t("cli.help.assess.arg.profile"),
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    from readiness.assessing.scores import unknown_profile
    from readiness.cli.common import resolve
    from readiness.errors import UsageError
    from readiness.models.assessment import Assessment

    library, content = resolve(settings, args.ident, "assessment")
    model = content.model
    assert isinstance(model, Assessment)
    if args.profile is not None:
        if args.profile not in [p.id for p in model.profiles]:
            raise UsageError(unknown_profile(model, args.profile))
        settings.profile = args.profile

    from readiness.cli.saved_note import run_then_note

    return run_then_note(settings, library, content)
