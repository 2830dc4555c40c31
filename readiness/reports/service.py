"""From result files on disk to report text: the one path the CLI and the TUI share."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
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
    the content in that language where a translation that scores alike is loaded.

    A result whose content is not loaded is left out and named in `GapReport.not_loaded`;
    when that is every result, there is no report: a one-sentence error."""
    items = attach(library, results, lang)
    missing = [i.result.content_id for i in items if i.content is None]
    if missing and len(missing) == len(items):
        raise UsageError(t("report.content_not_loaded", lang, id=missing[0]))
    before = attach(library, [compare], lang)[0] if compare is not None else None
    report = build_report(
        items, lang, profile=profile, compare=before, include_practice=include_practice
    )
    return report, items


@dataclass
class Built:
    """What `build_output` made: the text to write, the starter-kit files written, and the
    report behind them (for what the command line says beside the text)."""

    text: str
    report: GapReport
    kit_files: list[Path] = field(default_factory=list)


def not_loaded_notice(report: GapReport, lang: Lang) -> str | None:
    """One line for the command line's error stream when results were left out because
    their content is not loaded (the report names them too; a journal does not), in `lang`
    (the command line's, which may differ from the report's)."""
    if not report.not_loaded:
        return None
    runs = "; ".join(x.named(lang) for x in report.not_loaded)
    return t("report.cli.not_loaded", lang, count=len(report.not_loaded), runs=runs)


def build_output(
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
) -> Built:
    """The report text (or journals), the report, and the starter-kit files written.

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
                changed = item.result.content_hash != item.content.sha256
                parts.append(render_journal(item.content.model, item.result, lang, changed=changed))
        if not parts:
            # Exercise runs given but none loaded: say why, not that none was given.
            gone = [x.content_id for x in report.not_loaded if x.kind == "scenario"]
            if gone:
                raise UsageError(t("report.content_not_loaded", lang, id=gone[0]))
            raise UsageError(t("report.journal.no_exercise", lang))
        return Built("\n\n".join(parts), report, kit_files)
    return Built(render(report, fmt), report, kit_files)


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
