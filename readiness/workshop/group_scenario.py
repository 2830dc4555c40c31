"""The room's picture of one scenario: decisions per node, endings, scores, replies."""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from readiness.engine.values import placeholder_values
from readiness.models.results import RubricHit, ScenarioResult
from readiness.models.scenario import Decision, Ending, Reply, Scenario
from readiness.placeholders import fill
from readiness.workshop.group_assessment import team_medians
from readiness.workshop.group_model import (
    ChoiceCount,
    DecisionPoint,
    DimensionGroup,
    EndingCount,
    ParticipantRow,
    ReplyGroup,
    ReplyRow,
    RubricMark,
    ScenarioGroup,
    Share,
)
from readiness.workshop.roster import Entry
from readiness.workshop.stats import distribution, share

TIMEOUT = "timeout"
OUTCOMES = ("good", "mixed", "bad")


def _values(scenario: Scenario, runs: Sequence[ScenarioResult]) -> dict[str, str]:
    """Placeholder values the room played with (the first run's), for readable texts."""
    known = runs[0].placeholders if runs else {}
    return placeholder_values(
        scenario, {k: v for k, v in known.items() if k in scenario.placeholders}
    )


@dataclass
class _Tally:
    """What the room's runs add up to, node by node (one pass over every step)."""

    reached: Counter[str] = field(default_factory=Counter)
    picks: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    by_team: dict[str, dict[str, Counter[str]]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(Counter))
    )
    replies: dict[str, list[ReplyRow]] = field(default_factory=lambda: defaultdict(list))


def _tally(
    scenario: Scenario,
    entries: Sequence[Entry],
    runs: Sequence[ScenarioResult],
    values: dict[str, str],
) -> _Tally:
    tally = _Tally()
    nodes = {node.id: node for node in scenario.nodes}
    for e, r in zip(entries, runs, strict=True):
        for step in r.steps:
            tally.reached[step.node] += 1
            key = TIMEOUT if step.timed_out else (step.choice or "")
            tally.picks[step.node][key] += 1
            tally.by_team[step.node][e.team][key] += 1
            node = nodes.get(step.node)
            if isinstance(node, Reply) and (step.reply_text.strip() or step.timed_out):
                hits = {h.criterion: h for h in step.rubric}
                tally.replies[step.node].append(
                    _reply_row(e, step.reply_text, node, hits, step.timed_out, values)
                )
    return tally


def scenario_group(
    scenario: Scenario,
    entries: Sequence[Entry],
    teams: Sequence[str],
    hashes: frozenset[str] = frozenset(),
    *,
    finished_only: bool = False,
) -> ScenarioGroup:
    """How the room decided at every node, where it ended, and what it wrote.

    `scenario` gives the words (the runs' own file, or a translation that scores alike);
    `hashes` as in `assessment_group`. `finished_only` (the group report): the endings'
    shares and the scores count finished runs only (an unfinished run's scores are those of
    the steps so far), the others are counted in `left_out`; every run's decisions and
    replies are shown all the same."""
    runs = [e.result for e in entries if isinstance(e.result, ScenarioResult)]
    entries = [e for e in entries if isinstance(e.result, ScenarioResult)]
    counts = [r.finished or not finished_only for r in runs]
    counted = [r for r, c in zip(runs, counts, strict=True) if c]
    counted_entries = [e for e, c in zip(entries, counts, strict=True) if c]
    values = _values(scenario, runs)
    side_by_side = len(teams) > 1
    tally = _tally(scenario, entries, runs, values)
    ending_nodes = [node for node in scenario.nodes if isinstance(node, Ending)]
    return ScenarioGroup(
        content_id=scenario.id,
        title=scenario.title,
        runs=len(runs),
        finished=sum(1 for r in runs if r.finished),
        left_out=len(runs) - len(counted),
        outdated=sum(1 for r in runs if hashes and r.content_hash not in {"", *hashes}),
        decisions=_decision_points(scenario, tally, teams if side_by_side else [], values),
        endings=_endings(ending_nodes, counted, values),
        outcomes=_outcomes(ending_nodes, counted),
        scores=_scores(scenario, counted_entries, counted, teams),
        replies=[
            ReplyGroup(
                node=node.id,
                title=fill(node.title, values),
                situation=fill(node.situation, values),
                expert_reply=fill(node.expert_reply, values),
                replies=tally.replies[node.id],
            )
            for node in scenario.nodes
            if isinstance(node, Reply) and tally.replies[node.id]
        ],
        participants=[
            ParticipantRow(
                name=e.name,
                team=e.team,
                finished=r.finished,
                overall=statistics.fmean(r.scores.values()) if r.scores and c else None,
                verdict=fill(next((x.title for x in ending_nodes if x.id == r.ending), ""), values),
                outcome=r.outcome or "",
            )
            for e, r, c in zip(entries, runs, counts, strict=True)
        ],
        teams=list(teams) if side_by_side else [],
    )


def _decision_points(
    scenario: Scenario, tally: _Tally, teams: Sequence[str], values: dict[str, str]
) -> list[DecisionPoint]:
    """Every node someone reached, with how often each choice was taken (by team if `teams`)."""
    points: list[DecisionPoint] = []
    for node in scenario.nodes:
        count = tally.reached[node.id]
        if isinstance(node, Ending) or not count:
            continue
        picks = tally.picks[node.id]
        choices = (
            [
                ChoiceCount(
                    id=c.id,
                    title=fill(c.text, values),
                    count=picks[c.id],
                    share=share(picks[c.id], count),
                    expert=c.id == node.expert,
                )
                for c in node.choices
            ]
            if isinstance(node, Decision)
            else []
        )
        points.append(
            DecisionPoint(
                node=node.id,
                kind=node.type,
                title=fill(node.title, values),
                situation=fill(node.situation, values),
                reached=count,
                choices=choices,
                timeouts=picks[TIMEOUT],
                timeout_share=share(picks[TIMEOUT], count),
                by_team={team: dict(tally.by_team[node.id].get(team, Counter())) for team in teams},
            )
        )
    return points


def _endings(
    ending_nodes: Sequence[Ending], runs: Sequence[ScenarioResult], values: dict[str, str]
) -> list[EndingCount]:
    reached = Counter(r.ending for r in runs if r.ending)
    return [
        EndingCount(
            id=e.id,
            title=fill(e.title, values),
            count=reached[e.id],
            share=share(reached[e.id], len(runs)),
            outcome=e.outcome,
        )
        for e in ending_nodes
    ]


def _outcomes(ending_nodes: Sequence[Ending], runs: Sequence[ScenarioResult]) -> list[Share]:
    outcome_of = {node.id: node.outcome for node in ending_nodes}
    counts = Counter(outcome_of.get(r.ending or "", r.outcome or "") for r in runs if r.ending)
    return [
        Share(id=o, title=o, count=counts[o], share=share(counts[o], len(runs))) for o in OUTCOMES
    ]


def _reply_row(
    e: Entry,
    text: str,
    node: Reply,
    hits: dict[str, RubricHit],
    timed_out: bool,
    values: dict[str, str],
) -> ReplyRow:
    marks = []
    for c in node.rubric:
        hit = hits.get(c.id)
        marks.append(
            RubricMark(
                criterion=c.id,
                title=fill(c.title, values),
                met=hit is not None and hit.met,
                reason=hit.reason if hit is not None else "",
                words=hit.words if hit is not None else "",
            )
        )
    earned = sum(c.points for c, m in zip(node.rubric, marks, strict=True) if m.met)
    return ReplyRow(
        name=e.name,
        team=e.team,
        text=text,
        timed_out=timed_out,
        points=earned,
        max_points=sum(c.points for c in node.rubric),
        rubric=marks,
    )


def _scores(
    scenario: Scenario,
    entries: Sequence[Entry],
    runs: Sequence[ScenarioResult],
    teams: Sequence[str],
) -> list[DimensionGroup]:
    """Distribution per scoring dimension (dimensions nobody could move are left out)."""
    out = []
    for dim in scenario.dimensions:
        values = [r.scores.get(dim.id) for r in runs]
        present = [v for v in values if v is not None]
        if present:
            out.append(
                DimensionGroup(
                    id=dim.id,
                    title=dim.title,
                    scores=distribution(present),
                    by_team=team_medians(entries, values, teams),
                )
            )
    return out
