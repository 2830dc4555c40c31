"""`readiness report --group DIR [--format md|html|json] [--anonymous] [-o FILE]`.

Wired by `readiness/cli/cmd_report.py`. It is command-line glue over the workshop analysis and
the group renderer, so it lives with the other commands (the workshop layer never imports
reports or the CLI)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from readiness.errors import UsageError
from readiness.i18n import t
from readiness.settings import Settings
from readiness.storage import write_output_file


def run_group(args: argparse.Namespace, settings: Settings) -> int:
    """Write the group report of the folder `args.group`; 0 on success.

    Reads `args.group` (Path), `args.format` ("md" | "html" | "json", default md),
    `args.anonymous` (bool) and `args.output` (Path | None: stdout)."""
    from readiness.cli.common import library_for
    from readiness.reports.group_render import render_group
    from readiness.workshop.group import analyse_folder

    folder: Path = args.group
    if not folder.is_dir():
        raise UsageError(t("workshop.cli.no_folder", folder=folder))
    library = library_for(settings, quiet=True)
    report = analyse_folder(
        folder,
        library,
        # Without --lang (or a locale naming a language): the language most runs were in.
        lang=settings.lang if settings.lang_chosen else None,
        anonymous=bool(getattr(args, "anonymous", False)),
        # An unfinished check has no honest verdict: the report counts finished runs only
        # and says how many it left out (the live dashboard shows every run as it goes).
        finished_only=True,
    )
    text = render_group(report, getattr(args, "format", None) or "md")
    output: Path | None = getattr(args, "output", None)
    if output is None:
        sys.stdout.write(text)
    else:
        write_output_file(output, text, replace_link=bool(getattr(args, "force", False)))
        print(t("workshop.cli.written", path=output), file=sys.stderr)
    if report.unreadable:
        print(t("workshop.cli.unreadable", count=len(report.unreadable)), file=sys.stderr)
    return 0
