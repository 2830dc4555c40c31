"""`readiness report`: the gap report from result files, as Markdown, HTML or JSON."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from readiness.errors import UsageError
from readiness.i18n import t
from readiness.settings import Settings


def add_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "report",
        parents=[common],
        help=t("cli.help.report.help"),
        description=t("cli.help.report.description"),
    )
    p.add_argument(
        "results_files",
        nargs="*",
        type=Path,
        metavar="RESULT",
        help=t("cli.help.report.arg.results_files"),
    )
    p.add_argument("--profile", metavar="P", help=t("cli.help.report.arg.profile"))
    p.add_argument("--compare", type=Path, metavar="OLD", help=t("cli.help.report.arg.compare"))
    p.add_argument(
        "--include-practice",
        action="store_true",
        help=t("cli.help.report.arg.include_practice"),
    )
    p.add_argument(
        "--format",
        choices=["md", "html", "json"],
        default="md",
        help=t("cli.help.report.arg.format"),
    )
    p.add_argument(
        "-o", "--output", type=Path, metavar="FILE", help=t("cli.help.report.arg.output")
    )
    p.add_argument("--kit", type=Path, metavar="DIR", help=t("cli.help.report.arg.kit"))
    p.add_argument(
        "--force",
        action="store_true",
        help=t("cli.help.report.arg.force"),
    )
    p.add_argument("--journal", action="store_true", help=t("cli.help.report.arg.journal"))
    p.add_argument("--group", type=Path, metavar="DIR", help=t("cli.help.report.arg.group"))
    p.add_argument("--anonymous", action="store_true", help=t("cli.help.report.arg.anonymous"))
    p.set_defaults(func=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    from readiness.cli.common import library_for

    if args.group is not None:
        from readiness.cli.cmd_report_group import run_group

        return run_group(args, settings)
    if not args.results_files:
        raise UsageError(t("cli.name_result_file"))
    from readiness.reports.service import build_for_files, write_output

    library = library_for(settings, quiet=True)
    text, kit_files = build_for_files(
        library,
        args.results_files,
        # Without --lang (or a locale naming a language), the report speaks its content's.
        settings.lang if settings.lang_chosen else None,
        profile=args.profile,
        compare=args.compare,
        include_practice=args.include_practice,
        fmt=args.format,
        journal=args.journal,
        kit=args.kit,
        force=args.force,
    )
    write_output(text, args.output, force=args.force)
    for path in kit_files:
        print(path, file=sys.stderr)
    return 0
