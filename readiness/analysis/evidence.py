"""Self-image versus behaviour: which decisions of which exercises speak for a dimension.

The rules (docs/reports.md has them as a table, tests/unit/test_self_image.py a test each):

1. Only finished exercise runs count; practice runs count only when asked for
   (`include_practice`); every run left out is listed with the reason.
2. An assessment dimension is compared only with the scoring dimensions whose `evidence_for`
   names it.
3. A choice is evidence in a scoring dimension when it scored points there: positive points are
   "good", negative points "poor"; a dimension it does not score gives no evidence.
4. A countdown that ran out is evidence only in the dimensions its timeout scores.
5. A reply is good in a scoring dimension when it met every rubric criterion of that
   dimension, poor when it met none; partly met is no evidence either way.
6. Endings score no dimension, so they are never evidence.
7. "Stronger than you think": the shown exercise score lies at least `MISMATCH_POINTS` above
   the shown self-score, and at least one decision scored good in the dimension.
8. "Weaker than you think": the shown self-score lies at least `MISMATCH_POINTS` above the
   shown exercise score, and at least one decision scored poor in the dimension.
9. Each line names the exercise, the decision and its score (at most `MAX_EVIDENCE`, largest
   points first), and the dimension, so no two lines read the same; a dimension without
   self-score or without such evidence gets no line.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from readiness.analysis.model import DimensionRow, Evidence, Mismatch
from readiness.i18n import Lang, t, t_addressed
from readiness.models.results import ScenarioResult
from readiness.models.scenario import Decision, Reply, Scenario, Timeout
from readiness.numbers import shown
from readiness.placeholders import fill

MISMATCH_POINTS = 25
"""Self-image and behaviour disagree when their shown scores lie this many points apart
(0..100 scale): smaller differences are within what one exercise can show."""

MAX_EVIDENCE = 3
"""Decisions cited per line: enough to check the claim, few enough to read aloud."""

Kind = Literal["choice", "timeout", "reply"]

ACTION_CHARS = 70
"""A choice's text is cut to this many characters in a line (the debrief has it in full)."""


def _short(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= ACTION_CHARS else line[: ACTION_CHARS - 1].rstrip() + "…"


def run_evidence(
    scenario: Scenario, result: ScenarioResult, lang: Lang, address: str | None = None
) -> list[Evidence]:
    """Every step of a run that scored good or poor in one of the scenario's dimensions,
    named in the report's form of address (`address`: "your reply").

    `scenario` is the file whose words are shown: the run's own, or a translation that
    scores alike (`readiness.content.translations`); evidence names the run's content id."""
    values = {k: p.default for k, p in scenario.placeholders.items()} | result.placeholders
    nodes = {n.id: n for n in scenario.nodes}
    titles = {d.id: fill(d.title, values) for d in scenario.dimensions}
    exercise = fill(scenario.title, values)
    out: list[Evidence] = []

    def add(
        node: Decision | Reply,
        kind: Kind,
        action: str,
        dim: str,
        pts: float,
        score: str,
        good: bool,
    ) -> None:
        heading = node.title or node.situation.strip().split("\n")[0]
        out.append(
            Evidence(
                exercise=exercise,
                content_id=result.content_id or scenario.id,
                node=node.id,
                decision=_short(fill(heading, values)),
                action=_short(fill(action, values)),
                kind=kind,
                dimension=dim,
                dimension_title=titles[dim],
                points=pts,
                good=good,
                score=score,
            )
        )

    def scored(node: Decision | Reply, kind: Kind, action: str, table: dict[str, float]) -> None:
        for dim, pts in table.items():
            if pts and dim in titles:
                add(node, kind, action, dim, pts, f"{pts:+g}".replace("-", "−"), pts > 0)

    for step in result.steps:
        node = nodes.get(step.node)
        if not isinstance(node, Decision | Reply):
            continue
        if step.timed_out:
            timeout: Timeout | None = node.timeout
            if timeout is not None:
                scored(node, "timeout", t("report.evidence.timeout", lang), timeout.scores)
            continue
        if isinstance(node, Decision):
            choice = next((c for c in node.choices if c.id == step.choice), None)
            if choice is not None:
                scored(node, "choice", choice.text, choice.scores)
            continue
        met = {h.criterion for h in step.rubric if h.met}
        for dim in titles:
            criteria = [c for c in node.rubric if c.dimension == dim]
            top = sum(c.points for c in criteria)
            if top <= 0:
                continue
            earned = sum(c.points for c in criteria if c.id in met)
            if 0 < earned < top:
                continue
            action = t_addressed("report.evidence.reply", address, lang)
            add(node, "reply", action, dim, earned, f"{earned:g}/{top:g}", earned >= top)
    return out


def mismatches(
    rows: Sequence[DimensionRow],
    evidence_for: dict[str, list[str]],
    evidence: Sequence[Evidence],
    lang: Lang,
    address: str | None = None,
) -> list[Mismatch]:
    """The self-image lines, one per dimension that disagrees and has the evidence to say so.

    `evidence_for` maps "scenario id/scoring dimension id" to the assessment dimension ids it
    gives evidence for."""
    out: list[Mismatch] = []
    for row in rows:
        if row.score is None or row.demonstrated is None:
            continue
        self_shown, shown_ex = shown(row.score), shown(row.demonstrated)
        kind: Literal["stronger", "weaker"]
        if shown_ex - self_shown >= MISMATCH_POINTS:
            kind, good = "stronger", True
        elif self_shown - shown_ex >= MISMATCH_POINTS:
            kind, good = "weaker", False
        else:
            continue
        mine = [
            e
            for e in evidence
            if e.good == good and row.id in evidence_for.get(f"{e.content_id}/{e.dimension}", [])
        ]
        if not mine:
            continue
        mine.sort(key=lambda e: -abs(e.points))
        cited = _dedupe(mine)[:MAX_EVIDENCE]
        items = "; ".join(
            t(
                "report.evidence.item",
                lang,
                exercise=e.exercise,
                decision=e.decision,
                action=e.action,
                dimension=e.dimension_title,
                score=e.score,
            )
            for e in cited
        )
        out.append(
            Mismatch(
                kind=kind,
                dimension=row.id,
                dimension_title=row.title,
                self_score=row.score,
                demonstrated=row.demonstrated,
                self_shown=self_shown,
                demonstrated_shown=shown_ex,
                evidence=cited,
                message=t_addressed(
                    f"report.mismatch.{kind}",
                    address,
                    lang,
                    dimension=row.title,
                    self_score=self_shown,
                    demonstrated=shown_ex,
                    evidence=items,
                ),
            )
        )
    return out


def _dedupe(items: list[Evidence]) -> list[Evidence]:
    """One citation per decision taken (a choice scoring in two mapped dimensions is cited
    once, with its largest points)."""
    seen: set[tuple[str, str, str]] = set()
    out = []
    for e in items:
        key = (e.content_id, e.node, e.action)
        if key not in seen:
            seen.add(key)
            out.append(e)
    return out
