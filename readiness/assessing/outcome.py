"""What scoring an assessment run produces: the `AssessmentScore` and its parts.

Plain frozen dataclasses, so the result screen, the reports and tests can read them without
knowing how they were computed (that is `scores.py`).
"""

from __future__ import annotations

from dataclasses import dataclass

from readiness.assessing.answers import Status
from readiness.assessing.levels import LevelCap
from readiness.models.assessment import Level, Profile
from readiness.models.common import Effort
from readiness.numbers import shown

EFFORT_ORDER: dict[str, int] = {"low": 0, "medium": 1, "high": 2}


@dataclass(frozen=True)
class Recommendation:
    """A recommendation that closes (part of) a gap, traceable to the answer that caused it."""

    question_id: str
    """The question whose answer lost points; its recommendation is `text`."""
    dimension_id: str
    question_text: str
    answer: str
    """The answer given, as the participant read it."""
    text: str
    """The recommendation, in the content's language."""
    effort: Effort
    lost: float
    """Weighted points this question lost within its dimension: weight × (1 - score)."""
    impact: float
    """Overall points (0..100) gained if this question were answered as well as possible."""
    critical: bool = False
    """True when this question currently caps the level."""


@dataclass(frozen=True)
class DimensionScore:
    """One dimension: score, counts, and the gap to the profile's target."""

    id: str
    title: str
    weight: float
    score: float | None
    """0..100, or None when no question of this dimension was answered (all N/A or missing)."""
    target: float
    """The profile's target (0..100); 0 when the profile does not list this dimension."""
    gap: int
    """The shown target minus the shown score (both rounded once by `readiness.numbers`), at
    least 0; 0 when there is no score. So the numbers on every screen add up."""
    priority: float
    """gap × dimension weight: what to work on first."""
    questions: int
    """Questions asked (visible) in this dimension."""
    answered: int
    missing: int
    """Asked but skipped or not yet answered."""
    not_applicable: int
    hidden: int
    """Conditional questions not asked because their condition does not hold."""
    actions: tuple[Recommendation, ...] = ()
    """Recommendations of this dimension's questions that lost points, most lost first."""

    @property
    def met(self) -> bool:
        """A strength: scored, with a target, and (as shown) at or above it."""
        return self.score is not None and self.target > 0 and self.gap == 0


@dataclass(frozen=True)
class Remark:
    """A note, a review flag or an N/A reason, for the team discussion."""

    question_id: str
    dimension_id: str
    question_text: str
    status: Status
    answer: str
    note: str
    flagged: bool
    na_reason: str
    """Only set when the question is N/A."""


@dataclass(frozen=True)
class AssessmentScore:
    """Everything a result screen or report needs from one assessment run."""

    assessment_id: str
    title: str
    language: str
    profile: Profile | None
    """The target profile used (None when the assessment has none)."""
    overall: float | None
    """0..100 over the scored dimensions; None when nothing has been answered."""
    level: Level
    """The verdict: the level by score, lowered by effective caps."""
    level_by_score: Level
    """The level the overall score alone would reach."""
    caps: tuple[LevelCap, ...]
    """Every cap that applies, in question order then dimension order; `effective` marks those
    that lowered the level."""
    dimensions: tuple[DimensionScore, ...]
    """All dimensions in the order of the file."""
    questions: int
    answered: int
    missing: int
    not_applicable: int
    hidden: int
    missing_questions: tuple[str, ...]
    """Ids of asked questions without an answer (skipped or not reached), in order."""
    actions: tuple[Recommendation, ...]
    """Every recommendation of a question that lost points: most overall impact first, then
    lowest effort, then question order."""
    remarks: tuple[Remark, ...]
    """Asked questions with a note, a review flag or an N/A reason, in order."""

    @property
    def complete(self) -> bool:
        return self.missing == 0

    @property
    def capped(self) -> bool:
        return self.level.id != self.level_by_score.id

    @property
    def limiting_caps(self) -> tuple[LevelCap, ...]:
        """Caps that hold the verdict where it is: those at the verdict's own level, the ones
        that lowered it first. A cap above the verdict limits nothing yet (see `later_caps`),
        and a critical question that was passed is never a cap at all."""
        at_verdict = [c for c in self.caps if c.level.id == self.level.id]
        return tuple(sorted(at_verdict, key=lambda c: not c.effective))

    @property
    def later_caps(self) -> tuple[LevelCap, ...]:
        """Caps above the verdict, lowest level first: ceilings that start to count once the
        score climbs to their level. Kept apart so they are never read as holding the verdict
        down now."""
        above = [c for c in self.caps if c.level.min_score > self.level.min_score]
        return tuple(sorted(above, key=lambda c: c.level.min_score))

    @property
    def strengths(self) -> tuple[DimensionScore, ...]:
        """Dimensions at or above their target, furthest above first (as shown)."""
        met = [d for d in self.dimensions if d.met]
        return tuple(sorted(met, key=lambda d: -(shown(d.score or 0.0) - shown(d.target))))

    def top_gaps(self, limit: int = 3) -> tuple[DimensionScore, ...]:
        """Dimensions below target, largest (shown) gap first; ties: heavier dimension first,
        then file order. Sorted by the number printed beside each, so the list reads in order."""
        gaps = [d for d in self.dimensions if d.gap > 0]
        return tuple(sorted(gaps, key=lambda d: (-d.gap, -d.weight))[:limit])

    def dimension(self, dim_id: str) -> DimensionScore:
        return next(d for d in self.dimensions if d.id == dim_id)
