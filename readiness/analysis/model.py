"""The gap report's data: what every renderer (TUI, Markdown, HTML, JSON) shows.

The JSON export is `GapReport.model_dump(mode="json")`; its shape is documented in
docs/reports.md and covered by tests, so scripts can rely on it."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel

Effort = Literal["low", "medium", "high"]
Impact = Literal["low", "medium", "high"]


class DimensionRow(BaseModel):
    """One assessment dimension against the target profile."""

    id: str
    title: str
    score: float | None
    """0..100; None when no question of it was answered."""
    target: float
    gap: float
    """max(0, target - score)."""
    weight: float
    priority: float
    """gap × weight: where closing the gap matters most."""
    answered: int
    missing: int
    demonstrated: float | None = None
    """0..100 from the exercises whose scoring dimensions give evidence for this one."""


class Action(BaseModel):
    """One step of the plan, traceable to the answers that caused it."""

    text: str
    dimension: str
    dimension_title: str
    effort: Effort
    impact: Impact
    priority: float
    quick_win: bool
    questions: list[str]
    """Question ids whose answers led to this action."""
    question_texts: list[str] = []
    done: bool = False
    """In a comparison: the gap behind this action was closed since the earlier run."""


class Cap(BaseModel):
    """Why the verdict is lower than the score alone would give."""

    reason: str
    source: str
    """Question id or dimension id that capped it."""
    level: str


class NoteRow(BaseModel):
    """A note, flag or N/A reason the participant left, for the team discussion."""

    question: str
    question_text: str
    note: str = ""
    flagged: bool = False
    na_reason: str = ""


class ScenarioRun(BaseModel):
    """How one exercise went."""

    content_id: str
    title: str
    language: str
    ending: str
    ending_title: str
    outcome: str
    mode: str
    steps: int
    timeouts: int
    scores: dict[str, float]
    """Percent per scoring dimension."""
    dimension_titles: dict[str, str]
    evidence_for: dict[str, list[str]]
    """Scoring dimension id -> assessment dimension ids."""
    outdated: bool = False


class Mismatch(BaseModel):
    """Self-image and behaviour disagree on a dimension."""

    dimension: str
    dimension_title: str
    self_score: float
    demonstrated: float
    message: str


class Delta(BaseModel):
    """Progress on one dimension between two runs."""

    dimension: str
    title: str
    before: float | None
    after: float | None
    change: float | None


class Comparison(BaseModel):
    """Before/after two runs of the same assessment."""

    before_run: str
    before_date: str
    after_run: str
    after_date: str
    overall_before: float
    overall_after: float
    deltas: list[Delta]
    completed_actions: list[str]


class GapReport(BaseModel):
    """Everything a gap report says."""

    schema_version: int = 1
    language: str
    participant: str
    generated_at: str
    assessment_id: str | None = None
    assessment_title: str | None = None
    assessment_version: str | None = None
    outdated: bool = False
    """The content file changed since the answers were given."""
    profile: str | None = None
    profile_title: str | None = None
    verdict: str
    level: str | None = None
    level_description: str = ""
    overall: float | None
    answered: int = 0
    missing: int = 0
    caps: list[Cap] = []
    dimensions: list[DimensionRow] = []
    strengths: list[str] = []
    gaps: list[str] = []
    """Dimension ids with the largest priority first."""
    actions: list[Action] = []
    scenarios: list[ScenarioRun] = []
    mismatches: list[Mismatch] = []
    notes: list[NoteRow] = []
    comparison: Comparison | None = None
