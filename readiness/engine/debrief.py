"""Everything the debrief and the reports show about one run, computed from the engine.

`debrief_for(scenario, result)` works on a saved result (it replays the steps), so the
debrief screen, the Markdown journal and the gap report all see the same facts."""

from __future__ import annotations

from dataclasses import dataclass, field

from readiness.engine.expert import ExpertPath, expert_path
from readiness.engine.replay import resume
from readiness.engine.rubric import CriterionResult
from readiness.engine.run import Run
from readiness.engine.timeline import TimelineEntry, node_title, timeline
from readiness.models.results import ScenarioResult
from readiness.models.scenario import Decision, Ending, Reply, Scenario
from readiness.platforms import char_limit


@dataclass(frozen=True)
class ShownChoice:
    """One option of a decision as the participant saw it, referred to by id and text."""

    id: str
    text: str
    chosen: bool
    expert: bool


@dataclass(frozen=True)
class DecisionReview:
    """One decision the participant faced: what they did, why it mattered, what an expert does."""

    step_index: int
    node_id: str
    title: str
    situation: str
    chosen: str
    """Text of the choice taken; '' when the countdown ran out (see `timed_out`)."""
    timed_out: bool
    feedback: str
    seconds_taken: float
    expert_choice: str
    """Text of the expert choice at this node ('' when the author marked none)."""
    expert_feedback: str
    followed_expert: bool
    scores: dict[str, float]
    options: list[ShownChoice] = field(default_factory=list)
    """The choices that were open, in the order the participant saw them."""


@dataclass(frozen=True)
class ReplyReview:
    """A reply the participant wrote, with the rubric's verdicts and the model answer."""

    step_index: int
    node_id: str
    title: str
    situation: str
    text: str
    timed_out: bool
    platform: str
    limit: int
    criteria: list[CriterionResult]
    expert_reply: str


@dataclass(frozen=True)
class ExerciseDimension:
    id: str
    title: str
    description: str
    percent: float | None
    """None when nothing in this run could move the dimension."""
    expert_percent: float | None
    evidence_for: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Debrief:
    result: ScenarioResult
    ending: Ending | None
    ending_title: str
    ending_text: str
    scores: list[ExerciseDimension]
    timeline: list[TimelineEntry]
    decisions: list[DecisionReview]
    replies: list[ReplyReview]
    expert: ExpertPath


def build_debrief(run: Run, expert: ExpertPath | None = None) -> Debrief:
    """The debrief of a run (finished or not). `expert`: the run's expert path if already
    worked out (it depends only on the scenario and its variables, and takes a replay of
    the whole scenario to find)."""
    if expert is None:
        expert = expert_path(run.scenario, run.values)
    decisions: list[DecisionReview] = []
    replies: list[ReplyReview] = []
    for index, step in enumerate(run.result.steps):
        node = run.nodes[step.node]
        title = node_title(run, step.node)
        if isinstance(node, Decision):
            decisions.append(_decision(run, node, index, title))
        elif isinstance(node, Reply):
            replies.append(
                ReplyReview(
                    step_index=index,
                    node_id=node.id,
                    title=title,
                    situation=run.fill(node.situation),
                    text=step.reply_text,
                    timed_out=step.timed_out,
                    platform=node.platform,
                    limit=char_limit(node.platform, node.max_chars),
                    criteria=run.rubric_results.get(index, []),
                    expert_reply=run.fill(node.expert_reply),
                )
            )
    ending = run.node if isinstance(run.node, Ending) else None
    scores = [
        ExerciseDimension(
            id=d.id,
            title=run.fill(d.title),
            description=run.fill(d.description),
            percent=run.result.scores.get(d.id),
            expert_percent=expert.scores.get(d.id),
            evidence_for=list(d.evidence_for),
        )
        for d in run.scenario.dimensions
    ]
    return Debrief(
        result=run.result,
        ending=ending,
        ending_title=run.fill(ending.title) if ending else "",
        ending_text=run.fill(ending.debrief) if ending else "",
        scores=scores,
        timeline=timeline(run),
        decisions=decisions,
        replies=replies,
        expert=expert,
    )


def debrief_for(scenario: Scenario, result: ScenarioResult) -> Debrief:
    """The debrief of a saved run; raises `ReplayError` when the scenario changed since."""
    return build_debrief(resume(scenario, result))


def _decision(run: Run, node: Decision, index: int, title: str) -> DecisionReview:
    step = run.result.steps[index]
    expert = next((c for c in node.choices if c.id == node.expert), None)
    if step.timed_out:
        timeout = node.timeout
        chosen, feedback, scores = (
            "",
            timeout.feedback if timeout else "",
            dict(timeout.scores if timeout else {}),
        )
    else:
        choice = next(c for c in node.choices if c.id == step.choice)
        chosen, feedback, scores = choice.text, choice.feedback, dict(choice.scores)
    return DecisionReview(
        step_index=index,
        node_id=node.id,
        title=title,
        situation=run.fill(node.situation),
        chosen=run.fill(chosen),
        timed_out=step.timed_out,
        feedback=run.fill(feedback),
        seconds_taken=step.seconds_taken,
        expert_choice=run.fill(expert.text) if expert else "",
        expert_feedback=run.fill(expert.feedback) if expert else "",
        followed_expert=expert is not None and step.choice == expert.id,
        scores=scores,
        options=[
            ShownChoice(
                id=c.id,
                text=run.fill(c.text),
                chosen=c.id == step.choice,
                expert=c.id == node.expert,
            )
            for ident in run.offered.get(index, [])
            for c in node.choices
            if c.id == ident
        ],
    )
