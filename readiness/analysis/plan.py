"""Order recommendations into a plan: quick wins first, then by impact per unit of effort."""

from __future__ import annotations

from readiness.analysis.model import Impact, PlanStep
from readiness.assessing.outcome import AssessmentScore

EFFORT_COST = {"low": 1.0, "medium": 2.0, "high": 4.0}


def impact_class(points: float, critical: bool) -> Impact:
    """Overall points a fix would add, in words; a capping question is always high impact."""
    if critical or points >= 3.0:
        return "high"
    if points >= 1.0:
        return "medium"
    return "low"


def plan_actions(scored: AssessmentScore) -> list[PlanStep]:
    """One action per recommendation that lost points.

    Quick wins (low effort, at least medium impact) come first, because early visible progress
    keeps a team going; the rest by impact divided by effort."""
    titles = {d.id: d.title for d in scored.dimensions}
    gaps = {d.id: d.gap for d in scored.dimensions}
    actions: list[PlanStep] = []
    merged: dict[str, PlanStep] = {}
    for a in scored.actions:
        impact = impact_class(a.impact, a.critical)
        # Closing a dimension that is below target counts more than polishing one above it.
        priority = a.impact * (1.5 if gaps.get(a.dimension_id, 0) > 0 else 1.0)
        priority += 100 if a.critical else 0
        if a.text in merged:  # the same advice for several questions: one action, all sources
            existing = merged[a.text]
            existing.questions.append(a.question_id)
            existing.question_texts.append(a.question_text)
            existing.priority = round(existing.priority + priority, 2)
            continue
        action = PlanStep(
            text=a.text,
            dimension=a.dimension_id,
            dimension_title=titles.get(a.dimension_id, a.dimension_id),
            effort=a.effort,
            impact=impact,
            priority=round(priority, 2),
            quick_win=a.effort == "low" and impact != "low",
            questions=[a.question_id],
            question_texts=[a.question_text],
        )
        merged[a.text] = action
        actions.append(action)
    actions.sort(key=lambda x: (not x.quick_win, -x.priority / EFFORT_COST[x.effort]))
    return actions
