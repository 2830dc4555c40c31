"""What the participant answered, arranged for the starter kit's strategy frame, guidelines
skeleton and action plan.

The kit quotes answers the way the participant read them (`answer_label`), next to the score
each answer earned, so a document says "you answered X" instead of handing out an empty form."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from readiness.analysis.build import Loaded
from readiness.analysis.model import DimensionRow, GapReport, PlanStep
from readiness.assessing.answers import answer_label, answer_score
from readiness.assessing.visibility import visible_questions
from readiness.i18n import Lang, t
from readiness.models.assessment import Assessment
from readiness.models.results import AssessmentResult
from readiness.reports.kit_topics import (
    FRAME_SECTIONS,
    GUIDE_ORDER,
    MONITOR_WORDS,
    NOT_GUIDELINES,
    guideline_section,
    mentions,
)


@dataclass(frozen=True)
class Quote:
    """One question with the answer given, as the participant read it."""

    question_id: str
    dimension: str
    question: str
    answer: str
    score: float | None
    """0..100 for an answer that counts; None for N/A, skipped or unanswered."""
    note: str = ""
    na_reason: str = ""


@dataclass(frozen=True)
class PlanItem:
    """An action of the plan with the answers that caused it."""

    action: PlanStep
    answers: list[Quote]


@dataclass(frozen=True)
class FrameSection:
    """One heading of the strategy frame with the dimensions and answers behind it."""

    key: str
    title: str
    dimensions: list[DimensionRow]
    quotes: list[Quote]
    items: list[PlanItem]


@dataclass(frozen=True)
class GuideSection:
    """One heading of the guidelines skeleton with the actions that belong there."""

    key: str
    title: str
    items: list[PlanItem] = field(default_factory=list)


def quotes_for(report: GapReport, items: Sequence[Loaded], lang: Lang) -> dict[str, Quote]:
    """Every question shown in the reported assessment run, by id, in question order."""
    runs = [
        i
        for i in items
        if isinstance(i.result, AssessmentResult)
        and i.content is not None
        and i.content.model.id == report.assessment_id
    ]
    if not runs:
        return {}
    latest = max(runs, key=lambda i: i.result.updated_at)
    assert isinstance(latest.result, AssessmentResult) and latest.content is not None
    model = latest.content.model
    assert isinstance(model, Assessment)
    answers = latest.result.answers
    quotes: dict[str, Quote] = {}
    for q in visible_questions(model, answers):
        answer = answers.get(q.id)
        value = answer_score(q, answer, report.profile)
        quotes[q.id] = Quote(
            question_id=q.id,
            dimension=q.dimension,
            question=q.text,
            answer=answer_label(q, answer, lang, report.profile),
            score=None if value is None else value * 100,  # rounded once, when shown
            note=answer.note if answer else "",
            na_reason=answer.na_reason if answer else "",
        )
    return quotes


def plan_items(report: GapReport, quotes: dict[str, Quote]) -> list[PlanItem]:
    """The whole plan in its order (quick wins first), each action with its answers."""
    return [PlanItem(a, [quotes[q] for q in a.questions if q in quotes]) for a in report.actions]


def frame_sections(
    report: GapReport, quotes: dict[str, Quote], plan: list[PlanItem], lang: Lang
) -> list[FrameSection]:
    """Audience, goals, messages, channels, resources: each with its answers and actions."""
    rows = {d.id: d for d in report.dimensions}
    sections = []
    for key, dims in FRAME_SECTIONS:
        sections.append(
            FrameSection(
                key=key,
                title=t(f"kit.frame.{key}", lang),
                dimensions=[rows[d] for d in dims if d in rows],
                quotes=[q for q in quotes.values() if q.dimension in dims],
                items=[p for p in plan if p.action.dimension in dims],
            )
        )
    return sections


def guide_sections(plan: list[PlanItem], lang: Lang) -> tuple[list[GuideSection], list[PlanItem]]:
    """The guidelines skeleton's sections with their actions, and the guideline-related
    actions that fit no section (shown at the end rather than lost)."""
    sections = {key: GuideSection(key, t(f"kit.guide.{key}", lang)) for key in GUIDE_ORDER}
    rest: list[PlanItem] = []
    for item in plan:
        action = item.action
        if action.dimension in NOT_GUIDELINES:
            continue
        key = guideline_section(action.questions, action.text)
        if key is None:
            rest.append(item)
        else:
            sections[key].items.append(item)
    return list(sections.values()), rest


def _ids(question_ids: Sequence[str]) -> str:
    return " ".join(q.replace("-", " ").replace("_", " ") for q in question_ids)


def _section(question_ids: Sequence[str], text: str, dimension: str) -> str | None:
    """Ids decide anywhere; wording only outside the strategy-frame dimensions, where
    a word like "contact" or "monitoring" is a passing mention rather than the topic."""
    if dimension in NOT_GUIDELINES:
        return guideline_section(question_ids, "")
    return guideline_section(question_ids, text)


def _about_monitoring(question_ids: Sequence[str], text: str, dimension: str) -> bool:
    if mentions(_ids(question_ids), MONITOR_WORDS):
        return True
    return dimension not in NOT_GUIDELINES and mentions(text, MONITOR_WORDS)


def topic_quotes(quotes: dict[str, Quote], section: str) -> list[Quote]:
    """Answers to the questions that belong to one guideline section (e.g. escalation)."""
    return [
        q for q in quotes.values() if _section([q.question_id], q.question, q.dimension) == section
    ]


def monitoring_quotes(quotes: dict[str, Quote]) -> list[Quote]:
    """Answers to questions about monitoring and early signals."""
    return [
        q for q in quotes.values() if _about_monitoring([q.question_id], q.question, q.dimension)
    ]


def monitoring_items(plan: list[PlanItem]) -> list[PlanItem]:
    """Actions about monitoring and early signals."""
    return [
        p for p in plan if _about_monitoring(p.action.questions, p.action.text, p.action.dimension)
    ]


def escalation_quotes(quotes: dict[str, Quote]) -> list[Quote]:
    """Answers about escalation and crisis contacts (monitoring has its own document)."""
    watch = monitoring_quotes(quotes)
    return [q for q in topic_quotes(quotes, "escalation") if q not in watch]


def escalation_items(plan: list[PlanItem]) -> list[PlanItem]:
    """Actions about escalation and crisis contacts (monitoring has its own document)."""
    watch = monitoring_items(plan)
    return [
        p
        for p in plan
        if _section(p.action.questions, p.action.text, p.action.dimension) == "escalation"
        and p not in watch
    ]


__all__ = [
    "FrameSection",
    "GuideSection",
    "PlanItem",
    "Quote",
    "escalation_items",
    "escalation_quotes",
    "frame_sections",
    "guide_sections",
    "monitoring_items",
    "monitoring_quotes",
    "plan_items",
    "quotes_for",
    "topic_quotes",
]
