"""The gap report's data: what every renderer (TUI, Markdown, HTML, JSON) shows.

The JSON export is `GapReport.model_dump(mode="json")`; its shape is documented in
docs/reports.md and covered by tests, so scripts can rely on it.

Scores are kept unrounded; each `shown` field holds the whole number every renderer prints,
rounded once by `readiness.numbers.shown`. Gaps and changes are computed from shown numbers,
so a table's columns add up."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel

from readiness.i18n import Lang

Effort = Literal["low", "medium", "high"]
Impact = Literal["low", "medium", "high"]


class ShownRow(BaseModel):
    """A dimension's numbers as printed (whole numbers, rounded once)."""

    score: int | None
    target: int
    demonstrated: int | None = None


class DimensionRow(BaseModel):
    """One assessment dimension against the target profile."""

    id: str
    title: str
    score: float | None
    """0..100, unrounded; None when no question of it was answered."""
    target: float
    gap: int
    """Shown target minus shown score, at least 0 (0 without a score)."""
    weight: float
    priority: float
    """gap × weight: where closing the gap matters most."""
    answered: int
    missing: int
    demonstrated: float | None = None
    """0..100 from the counted exercises whose scoring dimensions give evidence for this one."""
    shown: ShownRow


class PlanStep(BaseModel):
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


class CapRow(BaseModel):
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
    """Percent per scoring dimension, as stored in the result."""
    scores_shown: dict[str, int] = {}
    """The same, as printed."""
    dimension_titles: dict[str, str]
    evidence_for: dict[str, list[str]]
    """Scoring dimension id -> assessment dimension ids."""
    version: str = ""
    """The version of the file the run was taken on."""
    outdated: bool = False
    """The file changed since the run: the scores are the run's as saved, while the names
    of its decisions, choices and ending (and the points of the decisions cited as
    evidence) come from the file as it is now."""


class Evidence(BaseModel):
    """One thing done in an exercise that scored in a scoring dimension: the proof a
    self-image line cites."""

    exercise: str
    """The scenario's title."""
    content_id: str
    node: str
    decision: str
    """The decision's (or reply step's) title."""
    action: str
    """What was done: the choice's text, or that the countdown ran out, or that a reply was
    posted."""
    kind: Literal["choice", "timeout", "reply"]
    dimension: str
    """The scenario's scoring dimension id."""
    dimension_title: str
    points: float
    """Points earned in that dimension (choices and timeouts: -5..5; replies: rubric points)."""
    good: bool
    """True: scored good in that dimension; False: scored poor."""
    score: str
    """The score as printed: "+3", "−2", or "2/2" for a reply's rubric points."""


class Mismatch(BaseModel):
    """Self-image and behaviour disagree on a dimension, with the decisions that show it."""

    kind: Literal["stronger", "weaker"]
    """`stronger`: the exercises show more than the self-assessment claims; `weaker`: less."""
    dimension: str
    dimension_title: str
    self_score: float
    demonstrated: float
    self_shown: int
    demonstrated_shown: int
    evidence: list[Evidence]
    """Decisions scored good (stronger) or poor (weaker) in a scoring dimension mapped to this
    dimension, strongest first."""
    message: str


class ExcludedRun(BaseModel):
    """An exercise run the comparison left out, and why."""

    content_id: str
    title: str
    run_id: str
    reason: Literal["practice", "unfinished"]


class NotLoadedRun(BaseModel):
    """A result given to the report whose content is not loaded, so nothing of it is in the
    report: named so that it does not vanish without a word."""

    kind: Literal["assessment", "scenario"]
    content_id: str
    title: str
    """The content's title as the result file recorded it ("" in old files)."""
    run_id: str

    def named(self, lang: Lang) -> str:
        """The line that names it ("leaked-photos-en: exercise “…”, run …"), for the command
        line and the app's report screen (the templates escape each part themselves)."""
        from readiness.i18n import t

        title = self.title or self.content_id
        return t(
            f"report.not_loaded_run.{self.kind}",
            lang,
            id=self.content_id,
            title=title,
            run=self.run_id,
        )


class Delta(BaseModel):
    """Progress on one dimension between two runs."""

    dimension: str
    title: str
    before: float | None
    after: float | None
    before_shown: int | None = None
    after_shown: int | None = None
    change: int | None
    """after_shown − before_shown, so the Δ column matches the two columns beside it."""


class Comparison(BaseModel):
    """Before/after two runs of the same assessment."""

    before_run: str
    before_date: str
    after_run: str
    after_date: str
    overall_before: float
    overall_after: float
    overall_before_shown: int = 0
    overall_after_shown: int = 0
    deltas: list[Delta]
    completed_actions: list[str]


class GapReport(BaseModel):
    """Everything a gap report says."""

    schema_version: int = 1
    language: str
    participant: str
    generated_at: str
    address: str | None = None
    """How the report's own words address the reader (German `du` or `Sie`): as the
    assessment it reports on does, else as its exercises do when they agree; None: the
    product's own voice (Sie)."""
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
    """0..100, unrounded."""
    overall_shown: int | None = None
    answered: int = 0
    missing: int = 0
    caps: list[CapRow] = []
    dimensions: list[DimensionRow] = []
    strengths: list[str] = []
    gaps: list[str] = []
    """Dimension ids below target, the largest shown gap first (ties: heavier dimension)."""
    actions: list[PlanStep] = []
    scenarios: list[ScenarioRun] = []
    """The exercise runs counted as evidence."""
    excluded: list[ExcludedRun] = []
    """Runs left out: unfinished ones always, practice runs unless `include_practice`."""
    include_practice: bool = False
    not_loaded: list[NotLoadedRun] = []
    """Results left out because the content they were taken on is not loaded."""
    mismatches: list[Mismatch] = []
    notes: list[NoteRow] = []
    comparison: Comparison | None = None
