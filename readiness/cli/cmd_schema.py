"""`readiness schema`: print the JSON Schema for editors."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from readiness.i18n import t
from readiness.settings import Settings


def add_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("schema", parents=[common], help=t("cli.help.schema.help"))
    p.add_argument("kind", choices=["assessment", "scenario"])
    p.set_defaults(func=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    from readiness.content_schema import schema_text

    sys.stdout.write(schema_text(args.kind))
    return 0
