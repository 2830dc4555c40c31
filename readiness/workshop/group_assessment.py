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
) -> AssessmentGroup:
    """Distributions per dimension, verdicts, the most common gaps and actions.

    `hashes`: the SHA-256 of every file the runs were taken on as it is now (the file and
    its translation when both are shown as one); a run with another hash counts as
    outdated."""
    pairs = [(e, e.result) for e in entries if isinstance(e.result, AssessmentResult)]
    entries = [e for e, _ in pairs]
    scores = [score_run(assessment, r) for _, r in pairs]
    n = len(pairs)
    dims: list[DimensionGroup] = []
    gaps: list[Share] = []
    for i, dim in enumerate(assessment.dimensions):
        rows = [s.dimensions[i] for s in scores]
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
                by_team=team_medians(entries, values, teams),
            )
        )
        if below:
            gaps.append(Share(id=dim.id, title=dim.title, count=below, share=share(below, n)))
    gaps.sort(key=lambda s: -s.count)
    levels = Counter(s.level.id for s in scores)
    return AssessmentGroup(
        content_id=assessment.id,
        title=assessment.title,
        runs=n,
        finished=sum(1 for _, r in pairs if r.finished),
        outdated=sum(1 for _, r in pairs if hashes and r.content_hash not in {"", *hashes}),
        overall=distribution([s.overall for s in scores if s.overall is not None]),
        dimensions=dims,
        levels=[
            Share(id=lv.id, title=lv.title, count=levels[lv.id], share=share(levels[lv.id], n))
            for lv in assessment.levels
        ],
        gaps=gaps,
        actions=_actions(assessment, scores, n),
        participants=[
            ParticipantRow(
                name=e.name,
                team=e.team,
                finished=r.finished,
                overall=s.overall,
                verdict=s.level.title if s.overall is not None else "",
            )
            for (e, r), s in zip(pairs, scores, strict=True)
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
