"""`readiness stats`: the numbers a trainer checks before a workshop.

Scenario: paths, shortest/longest way to each ending, score range per dimension, duration.
Assessment: questions per dimension and type, critical questions, duration."""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any

from readiness.content.paths import Paths
from readiness.content.reading import DECIDE_SECONDS, reading_seconds
from readiness.i18n import t
from readiness.i18n.formats import number, number_range
from readiness.models.assessment import Assessment
from readiness.models.scenario import Decision, Ending, Reply, Scenario


@dataclass
class EndingStats:
    id: str
    title: str
    outcome: str
    paths: int
    shortest: int
    """Fewest steps (choices, replies, timeouts) from the start."""
    longest: int


@dataclass
class ScenarioStats:
    id: str
    decisions: int
    replies: int
    injects: int
    paths: int
    endings: list[EndingStats]
    scores: dict[str, tuple[float, float]]
    """Fewest and most points per dimension over all complete paths."""
    minutes: tuple[float, float]
    """Estimated playing time over all paths, in minutes."""
    declared_minutes: int
    expert_path: list[str] = field(default_factory=list)


@dataclass
class AssessmentStats:
    id: str
    questions: int
    per_dimension: dict[str, int]
    per_type: dict[str, int]
    critical: list[str]
    conditional: int
    minutes: tuple[float, float]
    """Estimated time: only unconditional questions .. every question."""
    declared_minutes: int


def scenario_stats(s: Scenario) -> ScenarioStats:
    paths = Paths(s)
    counts = paths.path_counts()
    steps = paths.steps_to_endings()
    nodes = {n.id: n for n in s.nodes}
    endings = []
    for ident in paths.endings:
        node = nodes[ident]
        assert isinstance(node, Ending)
        endings.append(EndingStats(ident, node.title, node.outcome, counts[ident], *steps[ident]))
    lo, hi = paths.duration_range()
    expert = paths.expert_path()
    return ScenarioStats(
        id=s.id,
        decisions=sum(isinstance(n, Decision) for n in s.nodes),
        replies=sum(isinstance(n, Reply) for n in s.nodes),
        injects=len(s.injects),
        paths=sum(counts.values()),
        endings=endings,
        scores=paths.score_range(),
        minutes=(round(lo / 60, 1), round(hi / 60, 1)),
        declared_minutes=s.duration_minutes,
        expert_path=[s.start, *(e.target for e in expert)],
    )


ANSWER_SECONDS = 8
"""Time to settle on an answer once a question is read."""


def assessment_stats(a: Assessment) -> AssessmentStats:
    def seconds(q: Any) -> float:
        texts = [q.text, q.help, *(o.text for o in q.options), *q.scale_labels]
        return reading_seconds(*texts) + ANSWER_SECONDS

    every = sum(seconds(q) for q in a.questions)
    always = sum(seconds(q) for q in a.questions if q.when is None)
    return AssessmentStats(
        id=a.id,
        questions=len(a.questions),
        per_dimension={d.id: sum(q.dimension == d.id for q in a.questions) for d in a.dimensions},
        per_type=dict(Counter(q.type for q in a.questions)),
        critical=[q.id for q in a.questions if q.critical is not None],
        conditional=sum(q.when is not None for q in a.questions),
        minutes=(round(always / 60, 1), round(every / 60, 1)),
        declared_minutes=a.duration_minutes,
    )


def as_dict(stats: ScenarioStats | AssessmentStats) -> dict[str, Any]:
    """Plain data for `stats --json`."""
    data = asdict(stats)
    data["kind"] = "scenario" if isinstance(stats, ScenarioStats) else "assessment"
    return data


def _num(x: float) -> str:
    """A figure in the UI language's way (1,5 in German), whole numbers without decimals."""
    return number(x, 0 if float(x).is_integer() else 1)


def render(stats: ScenarioStats | AssessmentStats) -> str:
    """Human-readable report in the UI language."""
    if isinstance(stats, AssessmentStats):
        return _render_assessment(stats)
    lines = [
        t("author.stats.title", id=stats.id),
        t(
            "author.stats.steps",
            decisions=t("author.stats.decisions", count=stats.decisions),
            replies=t("author.stats.replies", count=stats.replies),
            injects=t("author.stats.injects", count=stats.injects),
        ),
        t("author.stats.paths", paths=stats.paths),
        t("author.stats.endings"),
    ]
    for e in stats.endings:
        lines.append(
            "  "
            + t(
                "author.stats.ending",
                id=e.id,
                outcome=e.outcome,
                paths=t("author.stats.ending_paths", count=e.paths),
                steps=t(
                    "author.stats.ending_steps",
                    count=e.longest,
                    range=number_range(e.shortest, e.longest),
                ),
            )
        )
    lines.append(t("author.stats.scores"))
    width = max((len(d) for d in stats.scores), default=0)
    for dim, (lo, hi) in stats.scores.items():
        lines.append(f"  {dim:<{width}}  " + t("format.range", low=f"{_num(lo):>6}", high=_num(hi)))
    lines.append(t("author.stats.expert", path=" -> ".join(stats.expert_path)))
    lines.append(_duration(stats.minutes, stats.declared_minutes))
    return "\n".join(lines) + "\n"


def _duration(minutes: tuple[float, float], declared: int) -> str:
    text = t(
        "author.stats.duration",
        range=number_range(minutes[0], minutes[1], 1),
        declared=declared,
        decide=DECIDE_SECONDS,
    )
    return text


def _render_assessment(stats: AssessmentStats) -> str:
    lines = [
        t("author.stats.title", id=stats.id),
        t("author.stats.questions", count=stats.questions, conditional=stats.conditional),
        t("author.stats.per_dimension"),
    ]
    width = max((len(d) for d in stats.per_dimension), default=0)
    for dim, count in stats.per_dimension.items():
        lines.append(f"  {dim:<{width}}  {count}")
    lines.append(t("author.stats.per_type"))
    for kind, count in sorted(stats.per_type.items()):
        lines.append(f"  {kind:<8}  {count}")
    critical = ", ".join(stats.critical) if stats.critical else "-"
    lines.append(t("author.stats.critical", count=len(stats.critical), ids=critical))
    lines.append(_duration(stats.minutes, stats.declared_minutes))
    return "\n".join(lines) + "\n"
