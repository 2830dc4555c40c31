"""The path an experienced social media manager would take, played through the same engine."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from readiness.engine.exercise_session import new_scenario_result
from readiness.engine.run import Run
from readiness.models.scenario import Choice, Decision, Ending, Reply, Scenario


@dataclass(frozen=True)
class ExpertStep:
    """One step of the expert path."""

    node_id: str
    title: str
    kind: Literal["decision", "reply", "wait"]
    action: str
    """The choice text, the model reply, or '' for waiting."""
    feedback: str
    inferred: bool = False
    """True when the author marked no expert choice here and the best-scoring open choice
    stands in for it."""


@dataclass(frozen=True)
class ExpertPath:
    steps: list[ExpertStep] = field(default_factory=list)
    ending: Ending | None = None
    scores: dict[str, float] = field(default_factory=dict)


def _best(choices: list[Choice]) -> Choice:
    return max(choices, key=lambda c: sum(c.scores.values()))


def _model_reply(run: Run, node: Reply) -> str:
    text = run.fill(node.expert_reply).strip()
    if not text:
        words = [
            run.fill(c.keywords[0]) for c in node.rubric if c.expect == "present" and c.keywords
        ]
        text = " ".join(words) or "…"
    return text[: run.reply_limit()]


def expert_path(scenario: Scenario, values: Mapping[str, str]) -> ExpertPath:
    """Follow `expert` choices (and `expert_reply` texts) from the start, in practice mode so
    no countdown interferes. Conditions still apply: the path is one a person could play."""
    run = Run(scenario, new_scenario_result(scenario, mode="practice", values=values))
    steps: list[ExpertStep] = []
    for _ in range(len(scenario.nodes) + 1):
        node = run.node
        if isinstance(node, Ending):
            break
        title = run.fill(node.title or node.situation.split("\n")[0])
        if isinstance(node, Decision):
            open_choices = run.available_choices()
            chosen = next((c for c in open_choices if c.id == node.expert), None)
            inferred = chosen is None
            if chosen is None and open_choices:
                chosen = _best(open_choices)
            if chosen is None:
                feedback = node.timeout.feedback if node.timeout else ""
                steps.append(ExpertStep(node.id, title, "wait", "", run.fill(feedback), True))
                run.wait()
                continue
            steps.append(
                ExpertStep(
                    node.id,
                    title,
                    "decision",
                    run.fill(chosen.text),
                    run.fill(chosen.feedback),
                    inferred,
                )
            )
            run.choose(chosen.id)
        else:
            text = _model_reply(run, node)
            steps.append(
                ExpertStep(node.id, title, "reply", text, "", not node.expert_reply.strip())
            )
            run.reply(text)
    ending = run.node if isinstance(run.node, Ending) else None
    return ExpertPath(steps=steps, ending=ending, scores=dict(run.result.scores))
