"""`readiness train [ID|FILE] [--practice] [--seed N] [--var NAME=VALUE]...`: play an exercise."""

from __future__ import annotations

import argparse
from typing import Any

from readiness.i18n import t
from readiness.settings import Settings


def add_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "train",
        parents=[common],
        help=t("cli.help.train.help"),
        description=t("cli.help.train.description"),
    )
    p.add_argument("scenario", nargs="?", metavar="ID|FILE", help=t("cli.help.train.arg.scenario"))
    p.add_argument(
        "--practice",
        action="store_true",
        help=t("cli.help.train.arg.practice"),
    )
    p.add_argument(
        "--seed",
        type=int,
        metavar="N",
        help=t("cli.help.train.arg.seed"),
    )
    p.add_argument(
        "--var",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help=t("cli.help.train.arg.var"),
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    from readiness.cli.common import resolve
    from readiness.engine.values import parse_var_args, placeholder_values
    from readiness.models.scenario import Scenario

    values = parse_var_args(args.var)
    library, content = resolve(settings, args.scenario, "scenario")
    assert isinstance(content.model, Scenario)
    placeholder_values(content.model, values)  # unknown names fail here, before the app starts
    settings.variables = values
    settings.practice = bool(args.practice)
    settings.seed = args.seed

    from readiness.cli.saved_note import run_then_note

    return run_then_note(settings, library, content)
