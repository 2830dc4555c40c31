"""The group report's data: what the room did, for every renderer and the live dashboard.

The JSON export is `GroupReport.model_dump(mode="json")`; docs/workshop.md describes it.
Participant names appear only in `ParticipantRow.name` and `ReplyRow.name`, which hold
neutral labels ("P1", "P2", …) when the report is anonymous."""

from __future__ import annotations

from pydantic import BaseModel

from readiness.workshop.stats import Distribution


class Share(BaseModel):
    """How many of the room did or reached something."""

    id: str
    title: str
    count: int
    share: float
    """count / runs considered, 0..1."""


class DimensionGroup(BaseModel):
    """One dimension: the room's distribution and, where targets exist, how many fall short."""

    id: str
    title: str
    scores: Distribution
    target: float | None = None
    """The target most participants were measured against (None for scenario dimensions)."""
    below_target: int = 0
    by_team: dict[str, float | None] = {}
    """Median score per team (teams side by side); empty when there is at most one team."""


class ActionCount(BaseModel):
    """A recommended action and how many participants it applies to."""

    question_id: str
    text: str
    dimension_title: str
    effort: str
    count: int
    share: float
    mean_impact: float


class ParticipantRow(BaseModel):
    """One participant's latest run of one piece of content."""

    name: str
    team: str
    finished: bool
    overall: float | None = None
    verdict: str = ""
    """Assessment: the level's title; scenario: the ending's title."""
    outcome: str = ""


class AssessmentGroup(BaseModel):
    """The room's picture of one assessment."""

    content_id: str
    title: str
    runs: int
    finished: int
    left_out: int = 0
    """Unfinished runs not counted in the verdicts and statistics (the group report counts
    finished runs only; the live dashboard counts every run, so 0 there)."""
    outdated: int = 0
    """Runs taken on another version of the file (scores use the file as it is now)."""
    overall: Distribution
    dimensions: list[DimensionGroup]
    levels: list[Share]
    gaps: list[Share]
    """Dimensions below target, the most common first."""
    actions: list[ActionCount]
    participants: list[ParticipantRow]
    teams: list[str] = []


class ChoiceCount(Share):
    expert: bool = False
    """The choice an experienced social media manager would take."""


class EndingCount(Share):
    outcome: str
    """good, mixed or bad."""


class DecisionPoint(BaseModel):
    """How the room decided at one node."""

    node: str
    kind: str
    """decision or reply."""
    title: str
    situation: str
    reached: int
    choices: list[ChoiceCount] = []
    timeouts: int = 0
    timeout_share: float = 0.0
    by_team: dict[str, dict[str, int]] = {}
    """Team → choice id (or "timeout") → count; empty when there is at most one team."""


class RubricMark(BaseModel):
    criterion: str
    title: str
    met: bool
    reason: str = ""
    """Why the rubric judged so (`readiness.engine.rubric.Reason`); '' in older result files."""
    words: str = ""
    """The words that decided it, so the room can discuss the verdict."""


class ReplyRow(BaseModel):
    name: str
    team: str
    text: str
    timed_out: bool
    points: float
    max_points: float
    rubric: list[RubricMark]


class ReplyGroup(BaseModel):
    """Every free-text reply written at one node, side by side for the discussion."""

    node: str
    title: str
    situation: str
    expert_reply: str = ""
    replies: list[ReplyRow]


class ScenarioGroup(BaseModel):
    """The room's picture of one scenario."""

    content_id: str
    title: str
    runs: int
    finished: int
    left_out: int = 0
    """Unfinished runs not counted in the endings' shares and the scores (as in
    `AssessmentGroup.left_out`); their decisions and replies are shown all the same."""
    outdated: int = 0
    decisions: list[DecisionPoint]
    endings: list[EndingCount]
    outcomes: list[Share]
    scores: list[DimensionGroup]
    replies: list[ReplyGroup]
    participants: list[ParticipantRow]
    teams: list[str] = []


class GroupReport(BaseModel):
    """Everything the group report and the dashboard show."""

    schema_version: int = 1
    language: str
    generated_at: str
    folder: str
    anonymous: bool
    files: int
    """Result files read."""
    unreadable: list[str] = []
    """One message per file that could not be read (half-written, foreign, broken)."""
    participants: int
    teams: list[str] = []
    assessments: list[AssessmentGroup] = []
    scenarios: list[ScenarioGroup] = []
    unknown_content: list[str] = []
    """Content ids of results whose content is not loaded (pass --content)."""
