"""Result files: one per participant and run, written by the app, read by reports."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict

from readiness.models.common import Language

SCHEMA_VERSION = 1


class _ResultModel(BaseModel):
    # Results are written by us; unknown keys from a newer version are kept, not rejected.
    model_config = ConfigDict(extra="ignore")


class ResultHeader(_ResultModel):
    """What every result file records about the run and the content it was taken on."""

    schema_version: int = SCHEMA_VERSION
    kind: Literal["assessment", "scenario"]
    run_id: str
    content_id: str
    content_version: str
    content_hash: str
    """sha256 of the content file, so a report can tell when the content changed since."""
    content_title: str = ""
    translation_id: str = ""
    language: Language = "en"
    participant: str = ""
    """A pseudonym; no other personal data is stored."""
    team: str = ""
    started_at: datetime
    updated_at: datetime
    finished: bool = False


class Answer(_ResultModel):
    """One answer as the participant gave it."""

    value: str | list[str] | None = None
    """Option id (yes_no: yes/no, likert: "1".."N"), or a list of ids for multi."""
    skipped: bool = False
    not_applicable: bool = False
    na_reason: str = ""
    note: str = ""
    """Evidence, who said so, a doubt: kept for the team discussion."""
    flagged: bool = False
    """Marked for review."""
    answered_at: datetime | None = None


class AssessmentResult(ResultHeader):
    """A self-assessment run, saved after every answer."""

    kind: Literal["assessment"] = "assessment"
    profile: str | None = None
    answers: dict[str, Answer] = {}
    position: str | None = None
    """Question id the participant was on, for resuming."""


class RubricHit(_ResultModel):
    """How one rubric criterion judged a reply."""

    criterion: str
    met: bool
    points: float = 0
    reason: str = ""
    """Why (see `readiness.engine.rubric.Reason`); empty in files from before it was kept."""
    words: str = ""
    """The words that decided the verdict, shown to the trainer in the group report."""


class Step(_ResultModel):
    """One thing the participant did (or let happen) at a node."""

    node: str
    kind: Literal["decision", "reply"]
    choice: str | None = None
    """Choice id taken; None for replies and timeouts."""
    timed_out: bool = False
    entered_minute: float = 0
    """Scenario minute when the node was entered."""
    seconds_taken: float = 0
    """Real seconds the participant took (exercise mode) — replay uses these."""
    reply_text: str = ""
    rubric: list[RubricHit] = []


class ScenarioResult(ResultHeader):
    """A crisis exercise run, saved after every step."""

    kind: Literal["scenario"] = "scenario"
    mode: Literal["exercise", "practice"] = "exercise"
    seed: int | None = None
    """Seed of the order in which each decision's choices are shown, so resume, replay and
    debrief show the order the participant saw. None in results saved before choices were
    shuffled: they were played, and are shown, in the authored order."""
    placeholders: dict[str, str] = {}
    steps: list[Step] = []
    ending: str | None = None
    outcome: str | None = None
    minute: float = 0
    final_vars: dict[str, float] = {}
    final_flags: list[str] = []
    scores: dict[str, float] = {}
    """Percent (0..100) per scoring dimension."""
    draft: str = ""
    """The reply being written when the run was last saved, so a killed run keeps it."""


AnyResult = AssessmentResult | ScenarioResult
