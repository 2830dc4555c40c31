"""Fixture scenarios for the engine tests (tests/data/train), loaded once."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from readiness.content.loader import load_paths
from readiness.engine import ReplayError, Run, new_scenario_result, replay
from readiness.engine.exercise_session import Mode
from readiness.models.scenario import Decision, Scenario

TRAIN = Path(__file__).parent.parent / "data" / "train"


@cache
def scenario(ident: str) -> Scenario:
    lib = load_paths([TRAIN], with_builtin=False)
    assert not lib.errors, [str(p) for p in lib.errors]
    found = lib.get(ident, "scenario")
    assert found is not None
    model = found.model
    assert isinstance(model, Scenario)
    return model


def start(ident: str = "storm-en", mode: Mode = "exercise", **values: str) -> Run:
    s = scenario(ident)
    return Run(s, new_scenario_result(s, mode=mode, values=values))


def refused_replay() -> ReplayError:
    """What replaying a run that took "ask-boss" on `storm_without_asking_the_boss` raises."""
    run = start()
    run.choose("ask-boss")
    try:
        replay(storm_without_asking_the_boss(), run.result)
    except ReplayError as refused:
        return refused
    raise AssertionError("the changed scenario replayed the run")


def storm_without_asking_the_boss() -> Scenario:
    """storm-en after its author removed the first step's choice "ask-boss": a run saved
    with that choice no longer replays."""
    changed = scenario("storm-en").model_copy(deep=True)
    first = changed.nodes[0]
    assert isinstance(first, Decision)
    first.choices = [c for c in first.choices if c.id != "ask-boss"]
    return changed
