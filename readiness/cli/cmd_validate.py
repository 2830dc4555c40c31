"""`readiness validate`: every problem of every file at once, with key paths and suggestions."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from readiness.errors import UsageError
from readiness.i18n import t
from readiness.i18n.formats import plural
from readiness.settings import Settings


def add_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "validate",
        parents=[common],
        help=t("cli.help.validate.help"),
        description=t("cli.help.validate.description"),
    )
    p.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help=t("cli.help.validate.arg.paths"),
    )
    p.add_argument(
        "--format", choices=["text", "json"], default="text", help=t("cli.help.validate.arg.format")
    )
    p.add_argument("--strict", action="store_true", help=t("cli.help.validate.arg.strict"))
    p.set_defaults(func=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    from readiness.content.loader import (
        load_library,
        load_paths,
        missing_path_problem,
        safe_resolve,
    )

    for index, path in enumerate(args.paths):
        reason = missing_path_problem(path, settings.lang)
        if reason is not None and path.suffix != ".toml" and len(path.parts) == 1:
            # An id (or translation id) names the file behind it, as in graph, stats and play.
            from readiness.cli.common import resolve_any

            try:
                args.paths[index] = resolve_any(settings, str(path)).path
                continue
            except UsageError:
                pass
        if reason is not None:
            raise UsageError(reason)
    lib = (
        load_paths(args.paths, extra_dirs=settings.content_dirs)
        if args.paths
        else load_library(settings.content_dirs, warnings=True)
    )
    errors = [p for p in lib.problems if p.severity == "error"]
    warnings = [p for p in lib.problems if p.severity == "warning"]
    checked = len({f.path for f in lib.files} | set(lib.broken))
    if args.paths:
        wanted = [safe_resolve(p) for p in args.paths]
        checked = len(
            {
                path
                for path in [*(f.path for f in lib.files), *lib.broken]
                if any(safe_resolve(path) == w or w in safe_resolve(path).parents for w in wanted)
            }
        )
    if args.format == "json":
        print(
            json.dumps(
                {
                    "files": checked,
                    "errors": len(errors),
                    "warnings": len(warnings),
                    "problems": [p.as_dict(settings.lang) for p in lib.problems],
                },
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        # In file order, line by line, as an editor lists them (the checks find them in
        # their own order: a key at line 114 came before one at line 49).
        in_file_order = sorted(
            lib.problems, key=lambda p: (str(p.path), p.line or 0, p.column or 0)
        )
        for problem in in_file_order:
            print(problem.text(settings.lang))
        if lib.problems:
            print(
                t(
                    "cli.validate.summary",
                    files=plural("cli.count.files", checked),
                    errors=plural("cli.count.errors", len(errors)),
                    warnings=plural("cli.count.warnings", len(warnings)),
                )
            )
            if args.strict and warnings and not errors:
                print(t("cli.validate.strict_failed"))
        else:
            print(t("cli.validate.clean", files=plural("cli.count.files", checked)))
    failed = bool(errors) or (args.strict and bool(warnings))
    return 1 if failed else 0
