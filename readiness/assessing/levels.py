"""Maturity levels: the level an overall score reaches, and the caps that hold it down.

A high average can hide a fatal hole (no leadership backing, no imprint). Critical questions
and the weakest-link rule therefore cap the level, and every cap says what caused it so the
verdict can be explained, not just announced.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal

from readiness.i18n import t
from readiness.models.assessment import Assessment, Level, Question
from readiness.numbers import shown, shown_text

CapReason = Literal["failed", "unanswered", "weakest_link"]


@dataclass(frozen=True)
class LevelCap:
    """One rule that limits the maturity level."""

    reason: CapReason
    """`failed`: a critical question scored below its threshold; `unanswered`: a critical
    question was skipped (it cannot count as passed); `weakest_link`: a dimension scored below
    the weakest-link threshold."""
    level: Level
    """The highest level reachable while this cap holds."""
    why: str
    """The explanation, in the content's language (the author's `why` for critical questions)."""
    question_id: str | None = None
    """The critical question that capped the level, for `failed` and `unanswered`."""
    question_text: str = ""
    answer: str = ""
    """The answer given, as the participant read it (`failed` only)."""
    dimension_id: str | None = None
    """The dimension of the question, or the weak dimension for `weakest_link`."""
    dimension_title: str = ""
    score: float | None = None
    """The question's score (0..1) or the dimension's score (0..100); None when unanswered."""
    threshold: float = 0.0
    """`critical.below` (0..1) or `weakest_link.below` (0..100)."""
    effective: bool = False
    """True when this cap actually lowered the level (it is lower than the level by score and
    no lower than any other cap)."""


def level_for_score(assessment: Assessment, overall: float | None) -> Level:
    """The highest level whose `min_score` the overall score, as shown, reaches (the lowest
    for None): a person who reads 60 next to "Ready from 60" must see "Ready"."""
    reached = assessment.levels[0]
    if overall is None:
        return reached
    for level in assessment.levels:
        if shown(overall) >= level.min_score:
            reached = level
    return reached


def _level(assessment: Assessment, level_id: str) -> Level:
    for level in assessment.levels:
        if level.id == level_id:
            return level
    # The validator rejects unknown level ids; a stray one caps at the bottom rather than crash.
    return assessment.levels[0]


def critical_cap(
    assessment: Assessment,
    question: Question,
    score: float | None,
    answer: str,
    dimension_title: str,
) -> LevelCap | None:
    """The cap a critical question imposes with this score, or None when it is passed."""
    crit = question.critical
    # Scores here are 0..1; files write every threshold on the 0..100 scale.
    if crit is None or (score is not None and round(score * 100, 9) >= crit.below):
        return None
    return LevelCap(
        reason="failed" if score is not None else "unanswered",
        level=_level(assessment, crit.max_level),
        why=crit.why,
        question_id=question.id,
        question_text=question.text,
        answer=answer,
        dimension_id=question.dimension,
        dimension_title=dimension_title,
        score=score,
        threshold=crit.below / 100,
    )


def weakest_link_caps(
    assessment: Assessment, dimension_scores: Sequence[tuple[str, str, float | None]]
) -> list[LevelCap]:
    """One cap per dimension (id, title, score) below the weakest-link threshold."""
    rule = assessment.weakest_link
    if rule is None:
        return []
    caps = []
    for dim_id, title, score in dimension_scores:
        if score is not None and shown(score) < rule.below:
            why = t(
                "assess.cap.weakest_link_why",
                lang=assessment.language,
                dimension=title,
                score=shown_text(score),
                below=f"{rule.below:g}",
            )
            caps.append(
                LevelCap(
                    reason="weakest_link",
                    level=_level(assessment, rule.max_level),
                    why=why,
                    dimension_id=dim_id,
                    dimension_title=title,
                    score=score,
                    threshold=rule.below,
                )
            )
    return caps


def apply_caps(
    assessment: Assessment, by_score: Level, caps: Sequence[LevelCap]
) -> tuple[Level, list[LevelCap]]:
    """The final level and the caps, each marked `effective` if it is what held the level down."""
    rank = {level.id: i for i, level in enumerate(assessment.levels)}
    final = by_score
    for cap in caps:
        if rank[cap.level.id] < rank[final.id]:
            final = cap.level
    marked = [
        replace(cap, effective=final.id == cap.level.id and final.id != by_score.id) for cap in caps
    ]
    return final, marked
