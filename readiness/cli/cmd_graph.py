"""`readiness graph`: a scenario's decision graph as Mermaid or Graphviz DOT."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from readiness.i18n import t
from readiness.settings import Settings


def add_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "graph",
        parents=[common],
        help=t("cli.help.graph.help"),
        description=t("cli.help.graph.description"),
    )
    p.add_argument("scenario", metavar="FILE", help=t("cli.help.graph.arg.scenario"))
    p.add_argument(
        "--format",
        choices=["mermaid", "dot"],
        default="mermaid",
        help=t("cli.help.graph.arg.format"),
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    from readiness.authoring.graph import dot, mermaid
    from readiness.cli.common import resolve
    from readiness.models.scenario import Scenario

    _, content = resolve(settings, args.scenario, "scenario")
    assert isinstance(content.model, Scenario)
    render = dot if args.format == "dot" else mermaid
    sys.stdout.write(render(content.model, settings.lang))
    return 0
