"""The room's picture of one assessment, from the scoring engine's score of every run."""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from collections.abc import Sequence

from readiness.assessing import AssessmentScore, Recommendation, score
from readiness.errors import ContentError
from readiness.models.assessment import Assessment
from readiness.models.results import AssessmentResult
from readiness.workshop.group_model import (
    ActionCount,
    AssessmentGroup,
    DimensionGroup,
    ParticipantRow,
    Share,
)
from readiness.workshop.roster import Entry
from readiness.workshop.stats import distribution, share

TOP_ACTIONS = 10


def score_run(assessment: Assessment, result: AssessmentResult) -> AssessmentScore:
    """Score a run; a profile the file no longer has falls back to the default profile."""
    try:
        return score(assessment, result)
    except ContentError:
        return score(assessment, result.model_copy(update={"profile": None}))


def team_medians(
    entries: Sequence[Entry], values: Sequence[float | None], teams: Sequence[str]
) -> dict[str, float | None]:
    """Median per team, teams side by side; empty when there is at most one team."""
    if len(teams) < 2:
        return {}
    grouped: dict[str, list[float]] = defaultdict(list)
    for e, v in zip(entries, values, strict=True):
        if v is not None:
            grouped[e.team].append(v)
    return {team: statistics.median(grouped[team]) if grouped.get(team) else None for team in teams}


def assessment_group(
    assessment: Assessment,
    entries: Sequence[Entry],
    teams: Sequence[str],
    hashes: frozenset[str] = frozenset(),
    *,
    finished_only: bool = False,
) -> AssessmentGroup:
    """Distributions per dimension, verdicts, the most common gaps and actions.

    `hashes`: the SHA-256 of every file the runs were taken on as it is now (the file and
    its translation when both are shown as one); a run with another hash counts as
    outdated.

    `finished_only` (the group report): an unfinished check has no honest verdict, so
    only finished runs count in the verdicts, the distributions, the gaps, the actions and
    the teams' medians; the unfinished ones are counted in `left_out` and listed among the
    participants without a score or verdict. Without it (the live dashboard) every run
    counts as far as it got."""
    pairs = [(e, e.result) for e in entries if isinstance(e.result, AssessmentResult)]
    entries = [e for e, _ in pairs]
    scores = [score_run(assessment, r) for _, r in pairs]
    counts = [r.finished or not finished_only for _, r in pairs]  # runs the picture is of
    counted = [s for s, c in zip(scores, counts, strict=True) if c]
    counted_entries = [e for e, c in zip(entries, counts, strict=True) if c]
    n = len(counted)
    dims: list[DimensionGroup] = []
    gaps: list[Share] = []
    for i, dim in enumerate(assessment.dimensions):
        rows = [s.dimensions[i] for s in counted]
        values = [r.score for r in rows]
        targets = Counter(r.target for r in rows)
        below = sum(1 for r in rows if r.gap > 0)
        dims.append(
            DimensionGroup(
                id=dim.id,
                title=dim.title,
                scores=distribution([v for v in values if v is not None]),
                target=targets.most_common(1)[0][0] if targets else None,
                below_target=below,
                by_team=team_medians(counted_entries, values, teams),
            )
        )
        if below:
            gaps.append(Share(id=dim.id, title=dim.title, count=below, share=share(below, n)))
    gaps.sort(key=lambda s: -s.count)
    levels = Counter(s.level.id for s in counted)
    return AssessmentGroup(
        content_id=assessment.id,
        title=assessment.title,
        runs=len(pairs),
        finished=sum(1 for _, r in pairs if r.finished),
        left_out=len(pairs) - n,
        outdated=sum(1 for _, r in pairs if hashes and r.content_hash not in {"", *hashes}),
        overall=distribution([s.overall for s in counted if s.overall is not None]),
        dimensions=dims,
        levels=[
            Share(id=lv.id, title=lv.title, count=levels[lv.id], share=share(levels[lv.id], n))
            for lv in assessment.levels
        ],
        gaps=gaps,
        actions=_actions(assessment, counted, n),
        participants=[
            ParticipantRow(
                name=e.name,
                team=e.team,
                finished=r.finished,
                overall=s.overall if c else None,
                verdict=s.level.title if c and s.overall is not None else "",
            )
            for (e, r), s, c in zip(pairs, scores, counts, strict=True)
        ],
        teams=list(teams) if len(teams) > 1 else [],
    )


def _actions(
    assessment: Assessment, scores: Sequence[AssessmentScore], n: int
) -> list[ActionCount]:
    """Recommendations by how many participants they apply to, then by mean impact."""
    titles = {d.id: d.title for d in assessment.dimensions}
    order = {q.id: i for i, q in enumerate(assessment.questions)}
    impacts: dict[str, list[float]] = defaultdict(list)
    first: dict[str, Recommendation] = {}
    for s in scores:
        for a in s.actions:
            impacts[a.question_id].append(a.impact)
            first.setdefault(a.question_id, a)
    counts = [
        ActionCount(
            question_id=qid,
            text=first[qid].text,
            dimension_title=titles.get(first[qid].dimension_id, first[qid].dimension_id),
            effort=first[qid].effort,
            count=len(values),
            share=share(len(values), n),
            mean_impact=round(statistics.fmean(values), 1),
        )
        for qid, values in impacts.items()
    ]
    counts.sort(key=lambda a: (-a.count, -a.mean_impact, order.get(a.question_id, 0)))
    return counts[:TOP_ACTIONS]
