"""Group analysis: a folder of result files in, one `GroupReport` out (plain Python)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from readiness.content.loader import ContentFile, Kind, Library
from readiness.content.translations import common_language, in_language, marked_title
from readiness.errors import ResultFileError
from readiness.i18n import DEFAULT_LANGUAGE, Lang
from readiness.models.assessment import Assessment
from readiness.models.results import AnyResult
from readiness.models.scenario import Scenario
from readiness.workshop.group_assessment import assessment_group
from readiness.workshop.group_model import GroupReport
from readiness.workshop.group_scenario import scenario_group
from readiness.workshop.roster import Roster, latest_runs
from readiness.workshop.scan import FolderScanner


def analyse(
    results: Sequence[AnyResult],
    library: Library,
    *,
    lang: Lang | None,
    anonymous: bool = False,
    folder: str = "",
    unreadable: Sequence[ResultFileError] = (),
    generated_at: datetime | None = None,
    finished_only: bool = False,
) -> GroupReport:
    """The room's picture from these results, with content looked up in `library`.

    In one language (`lang`; None: the one most runs were taken in, English when none
    names a language with a catalog): runs of a file and of
    its translation that scores alike form one group, worded in `lang`; content without
    such a translation keeps its words, its title marked with its language.

    `finished_only`: the group report's picture, where verdicts, distributions, gaps,
    actions, endings and scores count finished runs only and say how many unfinished ones
    were left out (`assessment_group`, `scenario_group`); without it, the live dashboard's,
    where every run counts as far as it got."""
    if lang is None:
        lang = common_language(results, DEFAULT_LANGUAGE)
    words: dict[tuple[Kind, str], ContentFile] = {}
    """(kind, content id of a run) -> the file whose words the report shows."""
    for r in results:
        content = library.get(r.content_id, r.kind)
        if content is not None and (r.kind, r.content_id) not in words:
            words[(r.kind, r.content_id)] = in_language(library, content, lang)

    def group_key(r: AnyResult) -> str:
        found = words.get((r.kind, r.content_id))
        return found.id if found is not None else r.content_id

    chosen = latest_runs(results, group_key)
    roster = Roster(chosen, lang, anonymous)
    teams = roster.teams(chosen)
    report = GroupReport(
        language=lang,
        generated_at=(generated_at or datetime.now(UTC)).strftime("%Y-%m-%d %H:%M UTC"),
        folder=folder,
        anonymous=anonymous,
        files=len(results) + len(unreadable),
        unreadable=[_unreadable(error, lang, anonymous) for error in unreadable],
        participants=roster.count,
        teams=teams if len(teams) > 1 else [],
    )
    by_group: dict[tuple[Kind, str], list[AnyResult]] = {}
    hashes: dict[tuple[Kind, str], set[str]] = {}
    unknown: set[str] = set()
    for r in chosen:
        shown = words.get((r.kind, r.content_id))
        if shown is None:
            unknown.add(r.content_id)
            continue
        own = library.get(r.content_id, r.kind)
        by_group.setdefault((r.kind, shown.id), []).append(r)
        hashes.setdefault((r.kind, shown.id), set()).add(own.sha256 if own else "")
    for (kind, shown_id), runs in by_group.items():
        content = library.get(shown_id, kind)
        assert content is not None
        entries = [roster.entry(r) for r in runs]
        known = frozenset(hashes[(kind, shown_id)])
        model = content.model
        if isinstance(model, Assessment):
            group = assessment_group(model, entries, teams, known, finished_only=finished_only)
            group.title = marked_title(group.title, model.language, lang)
            report.assessments.append(group)
        elif isinstance(model, Scenario):
            sgroup = scenario_group(model, entries, teams, known, finished_only=finished_only)
            sgroup.title = marked_title(sgroup.title, model.language, lang)
            report.scenarios.append(sgroup)
    report.assessments.sort(key=lambda g: g.title.casefold())
    report.scenarios.sort(key=lambda g: g.title.casefold())
    report.unknown_content = sorted(unknown)
    return report


def analyse_folder(
    folder: Path,
    library: Library,
    *,
    lang: Lang | None,
    anonymous: bool = False,
    scanner: FolderScanner | None = None,
    finished_only: bool = False,
) -> GroupReport:
    """Read every result file in `folder` (broken ones are listed, never fatal) and analyse
    (`finished_only` as in `analyse`)."""
    scan = (scanner or FolderScanner(folder)).scan()
    return analyse(
        [r for _, r in scan.results],
        library,
        lang=lang,
        anonymous=anonymous,
        folder=folder.name,
        unreadable=scan.unreadable,
        finished_only=finished_only,
    )


def _unreadable(error: ResultFileError, lang: Lang, anonymous: bool) -> str:
    """The file's name and why it could not be read; only why when anonymous (a result
    file's name starts with the pseudonym)."""
    return error.reason.text(lang) if anonymous else error.named(lang)
