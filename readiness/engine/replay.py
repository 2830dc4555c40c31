"""Rebuild a run from its result file: resume a killed run, or check a saved one."""

from __future__ import annotations

from readiness.engine.errors import EngineError, ReplayError
from readiness.engine.run import Run
from readiness.models.results import ScenarioResult, Step
from readiness.models.scenario import Decision, Reply, Scenario

_TOLERANCE = 1e-6


def resume(scenario: Scenario, saved: ScenarioResult) -> Run:
    """A live run in the state `saved` was in after its last step.

    The steps are played again with their recorded seconds, which reproduces the clock, the
    feed, the state and the scores exactly. Time spent at the node that was open when the
    run stopped was not recorded, so that node starts afresh."""
    # A shallow copy with fresh containers: the other fields are immutable values, and a
    # deep copy of every saved step cost more than a tenth of a replay.
    fresh = saved.model_copy(
        update={
            "steps": [],
            "finished": False,
            "ending": None,
            "outcome": None,
            "placeholders": dict(saved.placeholders),
            "final_vars": {},
            "final_flags": [],
            "scores": {},
        }
    )
    try:
        run = Run(scenario, fresh)
    except (KeyError, EngineError) as exc:
        raise ReplayError(_changed(scenario, f"cannot start: {exc}")) from exc
    for number, step in enumerate(saved.steps, start=1):
        _replay_step(run, step, number, scenario)
    if isinstance(run.node, Reply):
        run.draft = saved.draft
    return run


def replay(scenario: Scenario, saved: ScenarioResult) -> ScenarioResult:
    """The result the same inputs produce on `scenario`: equal to `saved` when nothing changed."""
    return resume(scenario, saved).result


def _replay_step(run: Run, step: Step, number: int, scenario: Scenario) -> None:
    if run.finished:
        raise ReplayError(_changed(scenario, f"step {number} comes after the run had ended"))
    if run.node.id != step.node:
        raise ReplayError(
            _changed(
                scenario,
                f'step {number} was taken at "{step.node}" but the run is at "{run.node.id}"',
            )
        )
    if abs(run.state.minute - step.entered_minute) > _TOLERANCE:
        raise ReplayError(
            _changed(scenario, f'step {number} entered "{step.node}" at another minute')
        )
    try:
        if step.timed_out:
            run.draft = step.reply_text
        run.advance(step.seconds_taken)
        if step.timed_out:
            if run.result.steps and len(run.result.steps) == number:
                return  # the countdown expired inside advance(), as it did live
            run.wait()
        elif isinstance(run.node, Decision) and step.choice is not None:
            run.choose(step.choice)
        elif isinstance(run.node, Reply):
            run.reply(step.reply_text)
        else:
            raise ReplayError(_changed(scenario, f"step {number} does not fit node {step.node}"))
    except (KeyError, EngineError) as exc:
        if isinstance(exc, ReplayError):
            raise
        raise ReplayError(_changed(scenario, f"step {number}: {exc}")) from exc
    if len(run.result.steps) != number:
        raise ReplayError(_changed(scenario, f"step {number} could not be repeated"))


def _changed(scenario: Scenario, detail: str) -> str:
    return f'the saved run does not fit scenario "{scenario.id}" any more ({detail})'
