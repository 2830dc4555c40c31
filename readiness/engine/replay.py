"""Rebuild a run from its result file: resume a killed run, or check a saved one."""

from __future__ import annotations

from readiness.engine.errors import EngineError, ReplayError
from readiness.engine.run import Run
from readiness.i18n.catalog_text import CatalogText
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
        changed = _changed(scenario, CatalogText("replay.cannot_start", error=_reason(exc)))
        raise ReplayError(changed) from exc
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
        raise ReplayError(_changed(scenario, CatalogText("replay.after_end", step=number)))
    if run.node.id != step.node:
        raise ReplayError(
            _changed(
                scenario,
                CatalogText("replay.other_node", step=number, node=step.node, at=run.node.id),
            )
        )
    if abs(run.state.minute - step.entered_minute) > _TOLERANCE:
        raise ReplayError(
            _changed(scenario, CatalogText("replay.other_minute", step=number, node=step.node))
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
            raise ReplayError(
                _changed(scenario, CatalogText("replay.does_not_fit", step=number, node=step.node))
            )
    except (KeyError, EngineError) as exc:
        if isinstance(exc, ReplayError):
            raise
        raise ReplayError(
            _changed(scenario, CatalogText("replay.step_failed", step=number, error=_reason(exc)))
        ) from exc
    if len(run.result.steps) != number:
        raise ReplayError(_changed(scenario, CatalogText("replay.not_repeated", step=number)))


def _changed(scenario: Scenario, detail: CatalogText) -> CatalogText:
    return CatalogText("replay.changed", scenario=scenario.id, detail=detail)


def _reason(error: Exception) -> CatalogText | str:
    """Why the engine refused a step, worded with the rest of the sentence."""
    return error.message if isinstance(error, EngineError) else str(error)
