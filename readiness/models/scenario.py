"""The scenario file format: a timed feed of injects and a graph of decisions and endings."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, Field, model_validator

from readiness.models.common import (
    Amount,
    ContentHeader,
    Count,
    Identifier,
    StrictModel,
    Text,
)
from readiness.models.message import ContentMessage


def _not_blank(value: str) -> str:
    """An empty keyword or pattern makes a criterion nobody can meet (or everybody)."""
    if not value.strip():
        raise ContentMessage("content.blank_keyword")
    return value


Channel = Literal["post", "comment", "dm", "chat", "press", "email", "news"]
Outcome = Literal["good", "mixed", "bad"]

MINUTES_IN_A_YEAR = 525_600
"""The latest scenario minute an inject can be set for: later, it would never arrive."""


class StateCondition(StrictModel):
    """A test on the scenario state. Exactly one of the kinds is given.

    Checked by our own code, never evaluated as an expression."""

    flag: Identifier | None = None
    """Holds while this flag is set."""
    not_flag: Identifier | None = None
    """Holds while this flag is not set."""
    var: Identifier | None = None
    """A state variable to compare with `at_least` and/or `at_most`."""
    at_least: Amount | None = None
    """`var` is at least this."""
    at_most: Amount | None = None
    """`var` is at most this."""
    visited: Identifier | None = None
    """Holds once the participant has been at this node."""
    all: list[StateCondition] | None = None
    """All of these hold."""
    any: list[StateCondition] | None = None
    """At least one of these holds."""
    not_: StateCondition | None = Field(default=None, alias="not")
    """This does not hold."""

    @model_validator(mode="after")
    def _one_kind(self) -> StateCondition:
        kinds = [
            k
            for k in ("flag", "not_flag", "var", "visited", "all", "any", "not_")
            if getattr(self, k) is not None
        ]
        if len(kinds) != 1:
            raise ContentMessage("content.model.state_condition_kind")
        if self.var is not None and self.at_least is None and self.at_most is None:
            raise ContentMessage("content.model.var_condition", at="var")
        if self.var is None and (self.at_least is not None or self.at_most is not None):
            raise ContentMessage("content.model.bounds_need_var")
        return self


class Effects(StrictModel):
    """What happens to the state when a choice is taken or an inject arrives."""

    vars: dict[str, Amount] = {}
    """Change per state variable (added, then clamped to the variable's range)."""
    set_flags: list[Identifier] = []
    """Flags that become set."""
    clear_flags: list[Identifier] = []
    """Flags that become unset."""
    advance_minutes: Annotated[float, Field(ge=0, le=1440)] = 0
    """Scenario minutes this action takes (a meeting, a call): the clock jumps ahead."""


class Variable(StrictModel):
    """A number the scenario tracks, e.g. reach or sentiment."""

    id: Identifier
    """Id used in effects and conditions."""
    title: Text
    """Label of the meter."""
    initial: Amount = 0
    """Value at the start."""
    min: Amount = 0
    """Lowest value."""
    max: Amount = 100
    """Highest value."""
    show: bool = True
    """Show a meter for this variable in the player."""
    good: Literal["high", "low"] = "high"
    """Whether a high value is good (trust) or bad (escalation); colours the meter."""


class Drift(StrictModel):
    """A variable that keeps moving each scenario minute while a condition holds: waiting
    has consequences."""

    var: Identifier
    """The variable that moves."""
    per_minute: Amount
    """Change per scenario minute."""
    while_: StateCondition | None = Field(default=None, alias="while")
    """Only while this holds (e.g. `{ not_flag = "responded" }`)."""


class Growth(StrictModel):
    """Engagement on a feed item that climbs while it goes unanswered."""

    likes_per_minute: Amount = 0
    """Likes added per scenario minute."""
    shares_per_minute: Amount = 0
    """Shares added per scenario minute."""
    comments_per_minute: Amount = 0
    """Comments added per scenario minute."""
    until: StateCondition | None = None
    """Growth stops once this holds (e.g. `{ flag = "responded" }`)."""


class Inject(StrictModel):
    """Something that arrives in the feed, a DM, the internal chat or as a press request."""

    id: Identifier
    """Unique within the file."""
    at: Annotated[float, Field(ge=0, le=MINUTES_IN_A_YEAR)] | None = None
    """Scenario minute at which it arrives."""
    when: StateCondition | None = None
    """Arrives as soon as this holds (and `at` has passed, if both are given)."""
    channel: Channel = "post"
    """post, comment, dm, chat (internal), press, email or news."""
    platform: str = ""
    """Platform shown with the item, e.g. instagram, x, facebook, linkedin, teams."""
    author: Text
    """Display name."""
    handle: str = ""
    """Handle such as @lena_k."""
    role: str = ""
    """For internal messages: boss, legal, works council, IT, colleague."""
    text: Text
    """What it says. May use placeholders such as {org}."""
    reply_to: Identifier | None = None
    """For comments: the inject id of the post it answers."""
    likes: Count = 0
    """Likes when it arrives."""
    shares: Count = 0
    """Shares when it arrives."""
    comments: Count = 0
    """Comments when it arrives."""
    growth: Growth | None = None
    """How its engagement climbs."""
    effects: Effects = Effects()
    """State changes when it arrives."""
    urgent: bool = False
    """Announce it prominently."""

    @model_validator(mode="after")
    def _has_trigger(self) -> Inject:
        if self.at is None and self.when is None:
            raise ContentMessage("content.model.inject_trigger")
        return self


class Choice(StrictModel):
    """One option at a decision node."""

    id: Identifier
    """Unique within its node; results refer to it."""
    text: Text
    """What the participant decides to do."""
    next: Identifier
    """The node that follows."""
    feedback: str = ""
    """Why this was a good or bad move, shown in the debrief. Teach, don't judge."""
    scores: dict[str, Annotated[float, Field(ge=-5, le=5)]] = {}
    """Points per scoring dimension (-5..5)."""
    effects: Effects = Effects()
    """State changes."""
    when: StateCondition | None = None
    """Offered only when this holds."""
    waits: bool = False
    """This choice means letting the time run ("wait and watch"). Practice mode then adds no
    wait option of its own beside it, so the participant never sees two ways to wait."""


class Timeout(StrictModel):
    """What happens when the countdown runs out: waiting is a decision too."""

    next: Identifier
    """The node that follows."""
    feedback: str = ""
    """Shown in the debrief."""
    scores: dict[str, Annotated[float, Field(ge=-5, le=5)]] = {}
    """Points per scoring dimension."""
    effects: Effects = Effects()
    """State changes."""


class Decision(StrictModel):
    """A situation with a countdown and choices."""

    type: Literal["decision"]
    """Always `decision`."""
    id: Identifier
    """Unique within the file."""
    title: str = ""
    """Short headline of the situation."""
    situation: Text
    """What the participant faces now."""
    time_limit: Annotated[int, Field(ge=0, le=3600)] = 60
    """Seconds to decide in exercise mode; 0 = no countdown."""
    timeout: Timeout | None = None
    """Path taken when the countdown expires (needed when time_limit > 0)."""
    expert: Identifier | None = None
    """The choice an experienced social media manager would take."""
    choices: list[Choice]
    """The options (two to nine)."""
    shuffle: bool = True
    """Show the choices in an order shuffled per run, so position gives nothing away. Set
    `false` to pin the order for ordinal choices such as now / in an hour / tomorrow."""

    @model_validator(mode="after")
    def _choices(self) -> Decision:
        if not 2 <= len(self.choices) <= 9:
            raise ContentMessage("content.model.choice_count", at="choices")
        if self.time_limit > 0 and self.timeout is None:
            raise ContentMessage("content.model.decision_timeout", at="time_limit")
        return self


class Criterion(StrictModel):
    """One thing the rubric looks for in a free-text reply."""

    id: Identifier
    """Unique within the reply node."""
    title: Text
    """What is checked, e.g. "Apologises"."""
    keywords: list[Annotated[str, AfterValidator(_not_blank)]] = []
    """Words or phrases (case-insensitive); any one found counts as found."""
    patterns: list[Annotated[str, AfterValidator(_not_blank)]] = []
    """Regular expressions (case-insensitive); any match counts as found."""
    expect: Literal["present", "absent"] = "present"
    """`present`: the reply should contain it; `absent`: it should not (blame, legal threats)."""
    points: Annotated[float, Field(ge=0, le=5)] = 1
    """Points when the criterion is met."""
    dimension: Identifier | None = None
    """Scoring dimension these points count towards."""
    met: str = ""
    """Feedback when met."""
    missed: str = ""
    """Feedback when missed: say what would have been better and why."""

    @model_validator(mode="after")
    def _has_matcher(self) -> Criterion:
        if not self.keywords and not self.patterns:
            raise ContentMessage("content.model.criterion_matcher")
        return self


class Reply(StrictModel):
    """The participant writes the actual post or reply."""

    type: Literal["reply"]
    """Always `reply`."""
    id: Identifier
    """Unique within the file."""
    title: str = ""
    """Short headline."""
    situation: Text
    """What to write and for whom."""
    platform: str = "x"
    """Where it is posted; sets the character limit unless `max_chars` is given."""
    max_chars: Annotated[int, Field(ge=20, le=100_000)] | None = None
    """Character limit (overrides the platform's)."""
    reply_to: Identifier | None = None
    """The inject being answered, shown above the editor."""
    time_limit: Annotated[int, Field(ge=0, le=3600)] = 0
    """Seconds to write in exercise mode; 0 = no countdown."""
    timeout: Timeout | None = None
    """Path taken when the countdown expires."""
    next: Identifier
    """The node that follows."""
    rubric: list[Criterion]
    """What good replies contain and avoid."""
    expert_reply: str = ""
    """A model answer shown in the debrief."""
    effects: Effects = Effects()
    """State changes when the reply is posted."""

    @model_validator(mode="after")
    def _timeout(self) -> Reply:
        if self.time_limit > 0 and self.timeout is None:
            raise ContentMessage("content.model.reply_timeout", at="time_limit")
        if not self.rubric:
            raise ContentMessage("content.model.reply_rubric")
        return self


class Ending(StrictModel):
    """Where a run ends, with the debrief for this outcome."""

    type: Literal["ending"]
    """Always `ending`."""
    id: Identifier
    """Unique within the file."""
    title: Text
    """Headline of the outcome."""
    outcome: Outcome
    """good, mixed or bad."""
    debrief: Text
    """What happened next and what to take away."""


Node = Annotated[Decision | Reply | Ending, Field(discriminator="type")]


class ScoringDimension(StrictModel):
    """What a scenario scores, e.g. speed, tone, transparency."""

    id: Identifier
    """Id used in choice scores and rubric criteria."""
    title: Text
    """Name in the debrief."""
    description: str = ""
    """What good looks like."""
    evidence_for: list[Identifier] = []
    """Assessment dimension ids this gives evidence for, so reports can set self-image beside
    behaviour."""


class Placeholder(StrictModel):
    """A name the trainer can set per workshop, e.g. the organisation."""

    default: Text
    """Value when the trainer sets none."""
    description: str = ""
    """What to put here."""


class Clock(StrictModel):
    """How scenario time relates to wall time."""

    start: Annotated[str, Field(pattern=r"^\d{2}:\d{2}$")] = "09:00"
    """Time of day at minute 0, shown on the feed."""
    minutes_per_second: Annotated[float, Field(gt=0, le=60)] = 0.5
    """Scenario minutes that pass per real second in exercise mode."""
    practice_step_minutes: Annotated[float, Field(ge=0, le=240)] = 10
    """Minutes that pass per decision in practice mode (no real-time clock)."""


class Scenario(ContentHeader):
    """A crisis exercise file."""

    kind: Literal["scenario"]
    """Always `scenario`."""
    briefing: Text
    """Who the participant is and what they know at the start."""
    start: Identifier
    """Id of the first node."""
    clock: Clock = Clock()
    """Scenario time settings."""
    placeholders: dict[str, Placeholder] = {}
    """Names a trainer can set per run: `{org}` in any text."""
    flags: dict[str, str] = {}
    """Every flag the scenario uses, with a description."""
    variables: list[Variable] = []
    """Numbers the scenario tracks."""
    drift: list[Drift] = []
    """Variables that move on their own over time."""
    dimensions: list[ScoringDimension]
    """What decisions are scored on."""
    injects: list[Inject] = []
    """The feed: posts, comments, DMs, internal chat, press requests."""
    nodes: list[Node]
    """Decisions, replies and endings."""

    @property
    def decision_count(self) -> int:
        """The exercise's size as `list`, `stats` and the home screen give it: one figure in
        every place (the home screen once counted replies in, "12 steps" beside "11
        decisions")."""
        return sum(isinstance(n, Decision) for n in self.nodes)

    @property
    def reply_count(self) -> int:
        """Replies to write, counted apart from the decisions."""
        return sum(isinstance(n, Reply) for n in self.nodes)
