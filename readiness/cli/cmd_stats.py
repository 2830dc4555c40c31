"""`readiness stats`: paths, score ranges and duration of a scenario or assessment."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from readiness.i18n import t
from readiness.settings import Settings


def add_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "stats",
        parents=[common],
        help=t("cli.help.stats.help"),
        description=t("cli.help.stats.description"),
    )
    p.add_argument("file", metavar="FILE", type=Path, help=t("cli.help.stats.arg.file"))
    p.add_argument("--json", action="store_true", help=t("cli.help.stats.arg.json"))
    p.set_defaults(func=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    from readiness.authoring.stats import as_dict, assessment_stats, render, scenario_stats
    from readiness.cli.common import resolve_any
    from readiness.models.scenario import Scenario

    content = resolve_any(settings, str(args.file))
    model = content.model
    stats = scenario_stats(model) if isinstance(model, Scenario) else assessment_stats(model)
    if args.json:
        print(json.dumps(as_dict(stats), ensure_ascii=False, indent=2))
    else:
        sys.stdout.write(render(stats, settings.lang))
    return 0
