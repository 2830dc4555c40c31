"""`readiness report`: the gap report from result files, as Markdown, HTML or JSON."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from readiness.errors import ContentError, UsageError
from readiness.i18n import t
from readiness.settings import Settings

if TYPE_CHECKING:
    from readiness.content.loader import Library


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
        if args.results_files:
            # The group report reads every result in the folder; files named beside it
            # would be silently left out.
            raise UsageError(t("cli.report.group_and_files", folder=args.group))
        ignored = [
            option
            for option, given in (
                ("--profile", args.profile is not None),
                ("--compare", args.compare is not None),
                ("--include-practice", args.include_practice),
                ("--kit", args.kit is not None),
                ("--journal", args.journal),
            )
            if given
        ]
        if ignored:
            # They shape one person's report; the group report would leave them out silently.
            raise UsageError(t("cli.report.not_with_group", options=", ".join(ignored)))
        from readiness.cli.cmd_report_group import run_group

        return run_group(args, settings)
    if args.anonymous:
        raise UsageError(t("cli.report.anonymous_needs_group"))
    if not args.results_files:
        raise UsageError(t("cli.name_result_file"))
    from readiness.reports.service import build_output, not_loaded_notice, write_output

    library = library_for(settings, quiet=True)
    try:
        built = build_output(
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
    except ContentError as exc:
        if args.profile is not None and _about_profile(exc, library, args.profile):
            # A --profile the assessment lacks is a usage error (exit 2), as for `assess`.
            raise UsageError(exc.message) from None
        raise
    write_output(built.text, args.output, force=args.force)
    for path in built.kit_files:
        print(path, file=sys.stderr)
    # Like unreadable files of a group report: left out, said on stderr and in the report.
    notice = not_loaded_notice(built.report, settings.lang)
    if notice:
        print(notice, file=sys.stderr)
    return 0


def _about_profile(error: ContentError, library: Library, profile: str) -> bool:
    """The error says that an assessment has no profile `profile` (the one asked for)."""
    from readiness.assessing.scores import unknown_profile
    from readiness.models.assessment import Assessment

    return any(
        error.message == unknown_profile(f.model, profile)
        for f in library.assessments
        if isinstance(f.model, Assessment)
    )
