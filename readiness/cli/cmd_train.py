"""`readiness train [ID|FILE] [--practice] [--seed N] [--var NAME=VALUE]...`: play an exercise."""

from __future__ import annotations

import argparse
from typing import Any

from readiness.settings import Settings


def add_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "train",
        parents=[common],
        help="play a crisis exercise (saved after every step)",
        description="Play a crisis exercise: a live feed, decisions with a countdown, a reply "
        "you write, and a debrief. Progress is saved after every step; starting the same "
        "scenario again offers to resume.",
    )
    p.add_argument(
        "scenario", nargs="?", metavar="ID|FILE", help="scenario id, translation id or .toml file"
    )
    p.add_argument(
        "--practice",
        action="store_true",
        help="no countdowns: the scenario clock moves on with each decision",
    )
    p.add_argument(
        "--seed",
        type=int,
        metavar="N",
        help="show the choices in the order of seed N (a demo, a bug report); "
        "default: a new order per run, kept when the run is resumed",
    )
    p.add_argument(
        "--var",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help='set a scenario placeholder, e.g. --var org="Caritas Köln" (repeatable)',
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

    from readiness.tui.app import make_app

    app = make_app(settings, library=library, start=content, home=False)
    return app.run() or 0
