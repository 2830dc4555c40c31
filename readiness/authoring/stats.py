"""`readiness stats`: the numbers a trainer checks before a workshop.

Scenario: paths, shortest/longest way to each ending, score range per dimension, duration.
Assessment: questions per dimension and type, critical questions, duration."""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any

from readiness.content.paths import Paths
from readiness.content.reading import DECIDE_SECONDS, reading_seconds
from readiness.i18n import Lang, t
from readiness.i18n.formats import number, number_range
from readiness.models.assessment import Assessment
from readiness.models.scenario import Decision, Ending, Scenario


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
    conditional_choices: int = 0
    """Choices offered only when their `when` holds. Paths, steps and points count every
    choice as offered, so with any of these they are upper bounds."""


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
        decisions=s.decision_count,
        replies=s.reply_count,
        injects=len(s.injects),
        paths=sum(counts.values()),
        endings=endings,
        scores=paths.score_range(),
        minutes=(round(lo / 60, 1), round(hi / 60, 1)),
        declared_minutes=s.duration_minutes,
        expert_path=[s.start, *(e.target for e in expert)],
        conditional_choices=sum(
            c.when is not None for n in s.nodes if isinstance(n, Decision) for c in n.choices
        ),
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


def _num(x: float, lang: Lang) -> str:
    """A figure the way `lang` writes it (1,5 in German), whole numbers without decimals."""
    return number(x, 0 if float(x).is_integer() else 1, lang)


def render(stats: ScenarioStats | AssessmentStats, lang: Lang) -> str:
    """Human-readable report in `lang`."""
    if isinstance(stats, AssessmentStats):
        return _render_assessment(stats, lang)
    lines = [
        t("author.stats.title", lang, id=stats.id),
        t(
            "author.stats.steps",
            lang,
            decisions=t("author.stats.decisions", lang, count=stats.decisions),
            replies=t("author.stats.replies", lang, count=stats.replies),
            injects=t("author.stats.injects", lang, count=stats.injects),
        ),
        t("author.stats.paths", lang, paths=number(stats.paths, lang=lang)),
    ]
    if stats.conditional_choices:
        lines.append(t("author.stats.conditional", lang, count=stats.conditional_choices))
    lines.append(t("author.stats.endings", lang))
    for e in stats.endings:
        lines.append(
            "  "
            + t(
                "author.stats.ending",
                lang,
                id=e.id,
                outcome=t(f"report.outcome.{e.outcome}", lang),
                paths=t("author.stats.ending_paths", lang, count=e.paths),
                steps=t(
                    "author.stats.ending_steps",
                    lang,
                    count=e.longest,
                    range=number_range(e.shortest, e.longest, lang=lang),
                ),
            )
        )
    lines.append(t("author.stats.scores", lang))
    width = max((len(d) for d in stats.scores), default=0)
    for dim, (lo, hi) in stats.scores.items():
        lines.append(
            f"  {dim:<{width}}  "
            + t("format.range", lang, low=f"{_num(lo, lang):>6}", high=_num(hi, lang))
        )
    lines.append(t("author.stats.expert", lang, path=" -> ".join(stats.expert_path)))
    lines.append(_duration(stats.minutes, stats.declared_minutes, lang))
    return "\n".join(lines) + "\n"


def _duration(minutes: tuple[float, float], declared: int, lang: Lang) -> str:
    text = t(
        "author.stats.duration",
        lang,
        range=number_range(minutes[0], minutes[1], 1, lang),
        declared=declared,
        decide=DECIDE_SECONDS,
    )
    return text


def _render_assessment(stats: AssessmentStats, lang: Lang) -> str:
    lines = [
        t("author.stats.title", lang, id=stats.id),
        t("author.stats.questions", lang, count=stats.questions, conditional=stats.conditional),
        t("author.stats.per_dimension", lang),
    ]
    width = max((len(d) for d in stats.per_dimension), default=0)
    for dim, count in stats.per_dimension.items():
        lines.append(f"  {dim:<{width}}  {count}")
    lines.append(t("author.stats.per_type", lang))
    for kind, count in sorted(stats.per_type.items()):
        lines.append(f"  {kind:<8}  {count}")
    critical = ", ".join(stats.critical) if stats.critical else "-"
    lines.append(t("author.stats.critical", lang, count=len(stats.critical), ids=critical))
    lines.append(_duration(stats.minutes, stats.declared_minutes, lang))
    return "\n".join(lines) + "\n"
