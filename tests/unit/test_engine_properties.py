"""Random walks through every fixture and every built-in scenario that loads cleanly:
they always end, scores stay in 0..100, and the saved result replays to itself."""

from __future__ import annotations

import tomllib

import pytest
import tomli_w
from builtin_library import builtin_library
from engine_fixtures import TRAIN
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis_budget import examples

from readiness.content.loader import load_paths
from readiness.engine import Run, build_debrief, new_scenario_result, replay
from readiness.models.results import ScenarioResult
from readiness.models.scenario import Decision, Ending, Reply, Scenario


def _scenarios() -> dict[str, Scenario]:
    found: dict[str, Scenario] = {}
    fixtures = load_paths([TRAIN], with_builtin=False)
    builtin = builtin_library()
    for f in [*fixtures.files, *builtin.scenarios]:
        if isinstance(f.model, Scenario):
            found[f.id] = f.model
    return found


SCENARIOS = _scenarios()


def _keywords(s: Scenario) -> list[str]:
    words = ["sorry", "DM", "lawyer"]
    for node in s.nodes:
        if isinstance(node, Reply):
            for c in node.rubric:
                words.extend(c.keywords)
    return words


def test_fixtures_and_builtins_are_walked() -> None:
    assert {"storm-en", "gate-en"} <= set(SCENARIOS)


@pytest.mark.parametrize("ident", sorted(SCENARIOS))
@settings(max_examples=examples(20), deadline=None)
@given(data=st.data())
def test_random_walk_ends_scores_stay_in_range_and_replay_reproduces(
    ident: str, data: st.DataObject
) -> None:
    s = SCENARIOS[ident]
    mode = data.draw(st.sampled_from(["exercise", "practice"]))
    run = Run(s, new_scenario_result(s, mode=mode, participant=f"walk-{ident}"))
    words = _keywords(s)
    bound = sum(not isinstance(n, Ending) for n in s.nodes)
    for _ in range(bound):
        if run.finished:
            break
        steps = len(run.result.steps)
        run.advance(data.draw(st.floats(0, 180, allow_nan=False)))
        if run.finished or len(run.result.steps) != steps:
            continue
        node = run.node
        options: list[str] = ["wait"] if run.can_wait else []
        if isinstance(node, Decision):
            options += [f"choose:{c.id}" for c in run.available_choices()]
        elif isinstance(node, Reply):
            options.append("reply")
        action = data.draw(st.sampled_from(options))
        if action == "wait":
            run.wait()
        elif action == "reply":
            parts = data.draw(
                st.lists(st.one_of(st.text(max_size=40), st.sampled_from(words)), max_size=8)
            )
            text = (" ".join(parts).strip() or "ok")[: run.reply_limit()]
            run.draft = text
            run.reply(text)
        else:
            run.choose(action.split(":", 1)[1])
    assert run.finished, f"no ending after {bound} steps at {run.node.id}"
    assert len(run.result.steps) <= bound
    assert all(0 <= v <= 100 for v in run.result.scores.values())
    # The same bytes save_result writes, read back as load_result reads them (no fsync here).
    text = tomli_w.dumps(run.result.model_dump(mode="python", exclude_none=True))
    saved = ScenarioResult.model_validate(tomllib.loads(text))
    assert replay(s, saved).model_dump() == saved.model_dump()
    debrief = build_debrief(run)
    assert debrief.ending is not None
    assert all(0 <= v <= 100 for v in debrief.expert.scores.values())
