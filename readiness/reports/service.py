"""From result files on disk to report text: the one path the CLI and the TUI share."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from readiness.analysis.build import Loaded, attach, build_report
from readiness.analysis.model import GapReport
from readiness.content.loader import Library
from readiness.content.translations import report_language
from readiness.errors import UsageError
from readiness.i18n import DEFAULT_LANGUAGE, Lang, t
from readiness.models.results import AnyResult, ScenarioResult
from readiness.models.scenario import Scenario
from readiness.reports.render import Format, render
from readiness.storage import load_result, write_output_file


def load_results(paths: Sequence[Path], lang: Lang) -> list[AnyResult]:
    """Read the named result files; a missing or broken one is a one-sentence error (a
    missing one in `lang`)."""
    results = []
    for path in paths:
        if not path.is_file():
            raise UsageError(t("cli.no_such_result_file", lang, path=path))
        results.append(load_result(path))
    return results


def report_for(
    library: Library,
    results: Sequence[AnyResult],
    lang: Lang,
    profile: str | None = None,
    compare: AnyResult | None = None,
    include_practice: bool = False,
) -> tuple[GapReport, list[Loaded]]:
    """The gap report of `results` in `lang`: labels from the catalog, titles and names from
    the content in that language where a translation that scores alike is loaded."""
    items = attach(library, results, lang)
    missing = [i.result.content_id for i in items if i.content is None]
    if missing and len(missing) == len(items):
        raise UsageError(f"the content these results were taken on is not loaded: {missing[0]}")
    before = attach(library, [compare], lang)[0] if compare is not None else None
    report = build_report(
        items, lang, profile=profile, compare=before, include_practice=include_practice
    )
    return report, items


def build_for_files(
    library: Library,
    paths: Sequence[Path],
    lang: Lang | None,
    profile: str | None = None,
    compare: Path | None = None,
    include_practice: bool = False,
    fmt: Format = "md",
    journal: bool = False,
    kit: Path | None = None,
    force: bool = False,
) -> tuple[str, list[Path]]:
    """The report text (or journals) and the starter-kit files written, if asked for.

    `lang` None: the language of the content (`report_language`), for a report nobody
    chose a language for (English where no result names one); errors about the files are
    in `lang`, else in English (the command line's language when none was asked for)."""
    results = load_results(paths, lang or DEFAULT_LANGUAGE)
    old = load_results([compare], lang or DEFAULT_LANGUAGE)[0] if compare is not None else None
    if lang is None:
        lang = report_language(results, DEFAULT_LANGUAGE)
    report, items = report_for(library, results, lang, profile, old, include_practice)
    kit_files: list[Path] = []
    if kit is not None:
        from readiness.reports.kit import write_kit

        kit_files = write_kit(kit, report, items, lang, force=force)
    if journal:
        from readiness.reports.journal import render_journal

        parts = []
        for item in items:
            if isinstance(item.result, ScenarioResult) and item.content is not None:
                assert isinstance(item.content.model, Scenario)
                parts.append(render_journal(item.content.model, item.result, lang))
        if not parts:
            raise UsageError("--journal needs at least one exercise result")
        return "\n\n".join(parts), kit_files
    return render(report, fmt), kit_files


def write_output(text: str, output: Path | None, force: bool = False) -> None:
    """To stdout, or to `output` (see `storage.write_output_file`; `force` replaces a link)."""
    if output is None:
        sys.stdout.write(text)
    else:
        write_output_file(output, text, replace_link=force)


def gather_for_participant(folder: Path, chosen: Path) -> list[AnyResult]:
    """The chosen result plus the same participant's other runs in the folder.

    A report opened from one exercise still sets self-assessment beside behaviour: it takes
    the participant's newest self-assessment and every exercise run. The report itself leaves
    unfinished and practice runs out of the evidence and lists them as left out."""
    from readiness.models.results import AssessmentResult
    from readiness.storage import runs_globs, scan_results

    main = load_result(chosen)
    runs, _ = scan_results(folder, runs_globs(main.participant))
    mine = [
        r for p, r in runs if r.participant == main.participant and p.resolve() != chosen.resolve()
    ]
    picked: list[AnyResult] = [main]
    if not isinstance(main, AssessmentResult):
        assessments = sorted(
            (r for r in mine if isinstance(r, AssessmentResult)), key=lambda r: r.updated_at
        )
        if assessments:
            picked.append(assessments[-1])
    picked += [r for r in mine if isinstance(r, ScenarioResult)]
    return picked
