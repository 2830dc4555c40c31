"""Who is in the room: one latest run per participant and content, and the names to show.

A participant is a pseudonym within a team (case ignored); a run without a pseudonym is its
own participant. When someone took the same content twice, the room picture uses their
latest finished run, or their latest run if none is finished, so nobody counts twice."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from readiness.i18n import Lang, t
from readiness.models.results import AnyResult


@dataclass(frozen=True)
class Entry:
    """One run as the group report shows it."""

    name: str
    """The pseudonym, or a neutral label ("P3") in anonymous reports."""
    team: str
    """The team as typed, or the catalog's "no team" label."""
    result: AnyResult


def person(result: AnyResult) -> tuple[str, str]:
    """The key that identifies a participant across their runs."""
    if not result.participant.strip():
        return ("#" + result.run_id, "")
    return (result.participant.strip().casefold(), result.team.strip().casefold())


def latest_runs(
    results: Iterable[AnyResult], content_key: Callable[[AnyResult], str] | None = None
) -> list[AnyResult]:
    """Per participant and content: the run that represents them (see module doc). The
    content is the run's content id, or what `content_key` says (one key for a file and its
    translation when a report shows both as one)."""
    best: dict[tuple[str, str, str], AnyResult] = {}
    for r in results:
        key = (*person(r), content_key(r) if content_key else r.content_id)
        held = best.get(key)
        if held is None or (r.finished, r.updated_at, r.run_id) > (
            held.finished,
            held.updated_at,
            held.run_id,
        ):
            best[key] = r
    return sorted(best.values(), key=lambda r: (r.started_at, r.run_id))


def team_label(result: AnyResult, lang: Lang) -> str:
    return result.team.strip() or t("workshop.group.no_team", lang)


class Roster:
    """Stable display names: the same person has the same label in every section."""

    def __init__(self, results: Sequence[AnyResult], lang: Lang, anonymous: bool) -> None:
        self.lang = lang
        self.anonymous = anonymous
        first_seen: dict[tuple[str, str], tuple[datetime, str, str]] = {}
        for r in results:
            key = person(r)
            seen = (r.started_at, r.run_id, r.participant.strip())
            if key not in first_seen or seen[:2] < first_seen[key][:2]:
                first_seen[key] = seen
        ordered = sorted(first_seen.items(), key=lambda kv: kv[1][:2])
        self._labels: dict[tuple[str, str], str] = {}
        for n, (key, (_, _, name)) in enumerate(ordered, start=1):
            if anonymous or not name:
                self._labels[key] = t("workshop.group.participant_n", lang, n=n)
            else:
                self._labels[key] = name

    @property
    def count(self) -> int:
        return len(self._labels)

    def entry(self, result: AnyResult) -> Entry:
        return Entry(
            name=self._labels.get(person(result), "?"),
            team=team_label(result, self.lang),
            result=result,
        )

    def teams(self, results: Iterable[AnyResult]) -> list[str]:
        """Team labels present, sorted; the "no team" label only if someone has none."""
        return sorted({team_label(r, self.lang) for r in results}, key=str.casefold)
