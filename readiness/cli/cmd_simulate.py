"""`readiness simulate`: random playthroughs that find unvisited steps and engine errors."""

from __future__ import annotations

import argparse
import json
import random
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any

from readiness.i18n import t
from readiness.settings import Settings

MOST = 1_000_000
"""Largest number of runs (and of processes) the command takes."""


def _positive(text: str) -> int:
    """A whole number from 1 to `MOST`, refused in the user's language."""
    from readiness.i18n.formats import number

    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1 or value > MOST:
        raise argparse.ArgumentTypeError(t("cli.whole_number_range", low=1, high=number(MOST)))
    return value


def add_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "simulate",
        parents=[common],
        help=t("cli.help.simulate.help"),
        description=t("cli.help.simulate.description"),
    )
    p.add_argument("file", metavar="FILE", type=Path, help=t("cli.help.simulate.arg.file"))
    p.add_argument(
        "--random",
        dest="runs",
        type=_positive,
        default=100,
        metavar="N",
        help=t("cli.help.simulate.arg.random"),
    )
    p.add_argument(
        "--seed",
        type=int,
        default=None,
        metavar="S",
        help=t("cli.help.simulate.arg.seed"),
    )
    p.add_argument(
        "--jobs",
        type=_positive,
        default=None,
        metavar="J",
        help=t("cli.help.simulate.arg.jobs"),
    )
    p.add_argument("--json", action="store_true", help=t("cli.help.simulate.arg.json"))
    p.set_defaults(func=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    from readiness.authoring.progress import ProgressBar
    from readiness.authoring.simulate import render, simulate
    from readiness.cli.common import resolve_any
    from readiness.errors import UsageError
    from readiness.i18n import t
    from readiness.models.scenario import Scenario

    content = resolve_any(settings, str(args.file))
    if not isinstance(content.model, Scenario):
        raise UsageError(t("author.sim.not_scenario", path=args.file))
    seed = args.seed if args.seed is not None else random.randrange(1_000_000)
    bar = ProgressBar(args.runs, sys.stderr, "simulate", settings.lang)
    try:
        report = simulate(content.model, args.runs, seed, progress=bar, workers=args.jobs)
    finally:
        bar.finish()
    if args.json:
        data = asdict(report)
        data["endings"] = dict(report.endings)
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        sys.stdout.write(render(report, settings.lang))
    return 1 if report.failures else 0
