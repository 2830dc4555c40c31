"""`readiness report`: the gap report from result files, as Markdown, HTML or JSON."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from readiness.errors import UsageError
from readiness.settings import Settings


def add_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "report",
        parents=[common],
        help="gap report from result files (Markdown, HTML or JSON)",
        description="Build the gap report of one participant from their result files "
        "(one self-assessment and any number of exercises), or of a whole workshop with --group.",
    )
    p.add_argument("results_files", nargs="*", type=Path, metavar="RESULT", help="result files")
    p.add_argument("--profile", metavar="P", help="target profile id (default: the assessment's)")
    p.add_argument("--compare", type=Path, metavar="OLD", help="an earlier result to compare with")
    p.add_argument(
        "--include-practice",
        action="store_true",
        help="count practice-mode exercise runs as evidence (left out by default)",
    )
    p.add_argument("--format", choices=["md", "html", "json"], default="md", help="output format")
    p.add_argument("-o", "--output", type=Path, metavar="FILE", help="write here instead of stdout")
    p.add_argument("--kit", type=Path, metavar="DIR", help="also write a starter kit of documents")
    p.add_argument(
        "--force",
        action="store_true",
        help="let --kit overwrite starter-kit files in DIR, and -o replace a symbolic link",
    )
    p.add_argument("--journal", action="store_true", help="the exercise journal of scenario runs")
    p.add_argument("--group", type=Path, metavar="DIR", help="group report of a workshop folder")
    p.add_argument("--anonymous", action="store_true", help="group report without pseudonyms")
    p.set_defaults(func=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    from readiness.cli.common import library_for

    if args.group is not None:
        try:
            from readiness.cli.cmd_report_group import run_group
        except ModuleNotFoundError as exc:
            raise UsageError("group reports are not available in this build") from exc
        return run_group(args, settings)
    if not args.results_files:
        raise UsageError("name at least one result file (or use --group DIR)")
    from readiness.reports.service import build_for_files, write_output

    library = library_for(settings, quiet=True)
    text, kit_files = build_for_files(
        library,
        args.results_files,
        settings.lang,
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
