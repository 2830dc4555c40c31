"""The assessment file format: dimensions, questions, maturity levels and target profiles."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, Field, field_validator, model_validator

from readiness.models.common import ContentHeader, Effort, Identifier, StrictModel, Text
from readiness.models.message import ContentMessage

QuestionType = Literal["yes_no", "likert", "single", "multi"]


def _not_a_fraction(value: float) -> float:
    """0.9 where 90 was meant passes a 0..100 range check and then never triggers (or marks
    48/100 a strength), so a value between 0 and 1 with a fractional part is refused."""
    if 0 < value < 1:
        raise ContentMessage("content.scale.fraction", value=f"{value:g}", fixed=f"{value * 100:g}")
    return value


Percent = Annotated[float, Field(ge=0, le=100), AfterValidator(_not_a_fraction)]
"""A score on the one scale every file uses: 0..100 (a question, a dimension, the overall)."""


class Dimension(StrictModel):
    """One area of readiness, e.g. leadership backing."""

    id: Identifier
    """Id used by questions (`dimension = "..."`) and profiles."""
    title: Text
    """Name shown in the UI and reports."""
    description: str = ""
    """What this dimension covers, in one or two sentences."""
    weight: Annotated[float, Field(gt=0, le=10)] = 1.0
    """How much this dimension counts in the overall score."""


class Option(StrictModel):
    """One answer of a single- or multiple-choice question."""

    id: Identifier
    """Id stored in results and used by conditions."""
    text: Text
    """What the participant reads."""
    points: Annotated[float, Field(ge=0, le=100)] = 0.0
    """Points for this answer; the question's score is points divided by the best possible."""
    exclusive: bool = False
    """Multiple choice only: picking this clears all others (e.g. "none of these")."""


class Recommendation(StrictModel):
    """What to do when this question reveals a gap."""

    text: Text
    """A concrete next step, written so it can go straight into an action plan."""
    effort: Effort = "medium"
    """Effort to close the gap: low, medium or high. Quick wins (low effort) come first."""


class Critical(StrictModel):
    """A question without which readiness is impossible, whatever the rest says."""

    below: Annotated[Percent, Field(gt=0)] = 50
    """The question caps the verdict when its score (0..100, like every score in a file) is
    below this: 50 for "failed when less than half"."""
    max_level: Identifier
    """The highest maturity level (id) reachable while this question is failed."""
    why: Text
    """One sentence that explains the cap in the result."""


class AnswerCondition(StrictModel):
    """Show a question only when an earlier answer holds.

    Exactly one of `question`, `all`, `any` or `not` is given."""

    question: Identifier | None = None
    """Id of an earlier question."""
    any_of: list[str] | None = None
    """The condition holds if the answer is one of these option ids (yes_no: `yes`/`no`;
    likert: `1`..`5`; multi: any of them selected)."""
    min_score: Percent | None = None
    """The condition holds if the question's score (0..100, like every score in a file) is at
    least this."""
    all: list[AnswerCondition] | None = None
    """All of these hold."""
    any: list[AnswerCondition] | None = None
    """At least one of these holds."""
    not_: AnswerCondition | None = Field(default=None, alias="not")
    """This does not hold."""

    @model_validator(mode="after")
    def _one_kind(self) -> AnswerCondition:
        kinds = [k for k in ("question", "all", "any", "not_") if getattr(self, k) is not None]
        if len(kinds) != 1:
            raise ContentMessage("content.model.answer_condition_kind")
        if self.question is not None and self.any_of is None and self.min_score is None:
            raise ContentMessage("content.model.question_condition", at="question")
        return self


class Question(StrictModel):
    """One question of an assessment."""

    id: Identifier
    """Unique within the file; results refer to it."""
    dimension: Identifier
    """The dimension (id) this question counts towards."""
    type: QuestionType
    """yes_no, likert (a 1..N scale), single (one option) or multi (several options)."""
    text: Text
    """The question itself, as the participant reads it."""
    help: str = ""
    """Why it matters and how to answer honestly; shown beside the question."""
    options: list[Option] = []
    """Answers for single and multi questions (at least two)."""
    scale: Annotated[int, Field(ge=3, le=7)] = 5
    """Likert only: number of steps."""
    scale_labels: list[str] = []
    """Likert only: a label per step, lowest first. Defaults to disagree..agree."""
    invert: bool = False
    """yes_no only: `no` is the good answer."""
    weight: Annotated[float, Field(gt=0, le=10)] = 1.0
    """How much this question counts within its dimension."""
    not_applicable: bool = False
    """The participant may answer "does not apply to us" (with a reason); the question then
    leaves the score and caps nothing."""
    not_applicable_for: list[Identifier] = []
    """Profiles (ids) for which "does not apply" is allowed even though `not_applicable` is
    false: a profile without such a structure, e.g. no management above a solo creator. For
    every other profile the question must be answered."""
    critical: Critical | None = None
    """Set when the verdict must be capped if this question is failed."""
    critical_for: list[Identifier] = []
    """Profiles (ids) this question is critical for; empty: every profile. For the other
    profiles it is scored like any question but caps nothing."""
    when: AnswerCondition | None = None
    """Ask this question only when the condition holds."""
    recommendation: Recommendation | None = None
    """The action that closes the gap this question reveals."""
    references: list[str] = []
    """Sources for the facts behind this question."""

    @model_validator(mode="after")
    def _options_fit_type(self) -> Question:
        if self.type in ("single", "multi"):
            if len(self.options) < 2:
                raise ContentMessage("content.model.two_options", at="type", type=self.type)
            if max(o.points for o in self.options) <= 0:
                raise ContentMessage("content.model.option_points", at="options")
        elif self.options:
            raise ContentMessage("content.model.no_options", at="options", type=self.type)
        if self.scale_labels and self.type != "likert":
            raise ContentMessage("content.model.scale_labels_likert", at="scale_labels")
        if self.scale_labels and len(self.scale_labels) != self.scale:
            raise ContentMessage(
                "content.model.scale_labels_count", at="scale_labels", scale=self.scale
            )
        if self.invert and self.type != "yes_no":
            raise ContentMessage("content.model.invert", at="invert")
        if self.critical_for and self.critical is None:
            raise ContentMessage("content.model.critical_for", at="critical_for")
        return self

    def allows_na(self, profile: str | None) -> bool:
        """Whether "does not apply" counts for this profile (None: no profile chosen)."""
        return self.not_applicable or (profile is not None and profile in self.not_applicable_for)

    def critical_in(self, profile: str | None) -> bool:
        """Whether this question caps the verdict for this profile (None: no profile)."""
        if self.critical is None:
            return False
        return not self.critical_for or profile is None or profile in self.critical_for

    def option_ids(self) -> list[str]:
        """Every answer id this question accepts."""
        if self.type == "yes_no":
            return ["yes", "no"]
        if self.type == "likert":
            return [str(i) for i in range(1, self.scale + 1)]
        return [o.id for o in self.options]


class Level(StrictModel):
    """A maturity level reached from a minimum overall score."""

    id: Identifier
    """Id used by critical questions and the weakest-link rule."""
    title: Text
    """Verdict shown to the participant, e.g. "Ready to launch"."""
    min_score: Percent
    """Lowest overall score (0..100) for this level; the lowest level starts at 0."""
    description: str = ""
    """What this level means and what to do next."""


class Profile(StrictModel):
    """The target an organisation of a kind should reach per dimension."""

    id: Identifier
    """Id chosen with `--profile`."""
    title: Text
    """Name shown in the profile picker."""
    description: str = ""
    """Who this profile is for."""
    targets: dict[str, Percent]
    """Target score (0..100, like every score in a file) per dimension id; dimensions not
    listed have target 0."""


class WeakestLink(StrictModel):
    """An organisation is only as ready as its weakest dimension."""

    below: Annotated[Percent, Field(gt=0)] = 40
    """Any dimension scoring (0..100) below this caps the level."""
    max_level: Identifier
    """The highest level (id) reachable while a dimension is below the threshold."""


class Assessment(ContentHeader):
    """A self-assessment file."""

    kind: Literal["assessment"]
    """Always `assessment`."""
    dimensions: list[Dimension]
    """The areas scored, in the order they are shown."""
    questions: list[Question]
    """Questions in the order they are asked."""
    levels: list[Level]
    """Maturity levels, lowest first."""
    profiles: list[Profile] = []
    """Target profiles to compare against."""
    weakest_link: WeakestLink | None = None
    """Optional rule that caps the level when one dimension is very weak."""
    default_profile: Identifier | None = None
    """Profile used when the participant picks none."""

    # Field validators (not a model validator) so the error names the key: `levels: ...`.
    @field_validator("levels")
    @classmethod
    def _levels_ordered(cls, levels: list[Level]) -> list[Level]:
        if not levels:
            raise ContentMessage("content.model.one_level")
        scores = [lvl.min_score for lvl in levels]
        if scores != sorted(scores) or len(set(scores)) != len(scores):
            raise ContentMessage("content.model.levels_order")
        if scores[0] != 0:
            raise ContentMessage("content.model.first_level")
        return levels

    @field_validator("questions")
    @classmethod
    def _has_questions(cls, questions: list[Question]) -> list[Question]:
        if not questions:
            raise ContentMessage("content.model.one_question")
        return questions
