"""Group analysis: a folder of result files in, one `GroupReport` out (plain Python)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from readiness.content.loader import Kind, Library
from readiness.i18n import Lang
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
    lang: Lang,
    anonymous: bool = False,
    folder: str = "",
    unreadable: Sequence[str] = (),
    generated_at: datetime | None = None,
) -> GroupReport:
    """The room's picture from these results, with content looked up in `library`."""
    chosen = latest_runs(results)
    roster = Roster(chosen, lang, anonymous)
    teams = roster.teams(chosen)
    report = GroupReport(
        language=lang,
        generated_at=(generated_at or datetime.now(UTC)).strftime("%Y-%m-%d %H:%M UTC"),
        folder=folder,
        anonymous=anonymous,
        files=len(results) + len(unreadable),
        unreadable=list(unreadable),
        participants=roster.count,
        teams=teams if len(teams) > 1 else [],
    )
    by_content: dict[tuple[Kind, str], list[AnyResult]] = {}
    for r in chosen:
        by_content.setdefault((r.kind, r.content_id), []).append(r)
    unknown = []
    for (kind, content_id), runs in by_content.items():
        content = library.get(content_id, kind)
        entries = [roster.entry(r) for r in runs]
        if content is None:
            unknown.append(content_id)
        elif isinstance(content.model, Assessment):
            report.assessments.append(
                assessment_group(content.model, entries, teams, content.sha256)
            )
        elif isinstance(content.model, Scenario):
            report.scenarios.append(scenario_group(content.model, entries, teams, content.sha256))
    report.assessments.sort(key=lambda g: g.title.casefold())
    report.scenarios.sort(key=lambda g: g.title.casefold())
    report.unknown_content = sorted(unknown)
    return report


def analyse_folder(
    folder: Path,
    library: Library,
    *,
    lang: Lang,
    anonymous: bool = False,
    scanner: FolderScanner | None = None,
) -> GroupReport:
    """Read every result file in `folder` (broken ones are listed, never fatal) and analyse."""
    scan = (scanner or FolderScanner(folder)).scan()
    return analyse(
        [r for _, r in scan.results],
        library,
        lang=lang,
        anonymous=anonymous,
        folder=folder.name,
        unreadable=[_short(msg, folder, anonymous) for msg in scan.unreadable],
    )


def _short(message: str, folder: Path, anonymous: bool) -> str:
    """The file name instead of the full path; no name at all when anonymous (a result
    file's name starts with the pseudonym)."""
    path, sep, reason = message.partition(": ")
    if not sep:
        return message
    return reason if anonymous else f"{Path(path).name}: {reason}"
