"""`readiness new`: write a commented starter file that validates as written."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from readiness.i18n import t
from readiness.settings import Settings


def add_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "new",
        parents=[common],
        help=t("cli.help.new.help"),
        description=t("cli.help.new.description"),
    )
    p.add_argument("kind", choices=["assessment", "scenario"])
    p.add_argument("name", metavar="NAME", help=t("cli.help.new.arg.name"))
    p.add_argument(
        "-o",
        "--output",
        type=Path,
        default=Path("."),
        metavar="DIR",
        help=t("cli.help.new.arg.output"),
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    from readiness.authoring.scaffold import slug, write_scaffold, write_schema
    from readiness.content.loader import load_library
    from readiness.errors import UsageError
    from readiness.i18n import t

    ident = f"{slug(args.name, settings.lang)}-{settings.lang}"
    taken = load_library(settings.content_dirs).get(ident)
    if taken is not None:
        raise UsageError(t("author.new.id_taken", id=ident, path=taken.path))
    path = write_scaffold(args.kind, args.name, settings.lang, args.output)
    print(t("cli.new.written", path=path))
    schema = write_schema(args.kind, args.output, settings.lang)
    if schema is not None:
        print(t("content.new.schema_written", path=schema))
    return 0
