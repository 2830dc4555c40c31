"""`readiness graph`: a scenario's decision graph as Mermaid or Graphviz DOT."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from readiness.settings import Settings


def add_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "graph",
        parents=[common],
        help="print a scenario's decision graph (Mermaid or DOT)",
        description="Choices are labelled edges, timeouts dashed, the expert path is thick and "
        "endings are coloured by outcome. Paste Mermaid into Markdown; render DOT with "
        "`dot -Tsvg`.",
    )
    p.add_argument("scenario", metavar="FILE", help="scenario file (or id)")
    p.add_argument(
        "--format",
        choices=["mermaid", "dot"],
        default="mermaid",
        help="output format (default: mermaid)",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    from readiness.authoring.graph import dot, mermaid
    from readiness.cli.common import resolve
    from readiness.models.scenario import Scenario

    _, content = resolve(settings, args.scenario, "scenario")
    assert isinstance(content.model, Scenario)
    render = dot if args.format == "dot" else mermaid
    sys.stdout.write(render(content.model))
    return 0
