"""The clock's conditions as functions (`compiled`) answer exactly as the plain reading
(`holds`) does, for every kind and nesting, on any state: NaN, infinities and unknown
variables included. The engine's hot paths ask `compiled`; the stepwise reference engine
(tests/reference_engine.py) asks `holds`, so the differential test also compares the two."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis_budget import examples

from readiness.engine.conditions import compiled, holds
from readiness.engine.state import State
from readiness.models.scenario import StateCondition

NAMES = ["alpha", "beta", "gamma"]
"""A few names, so that conditions and states meet often."""

_values = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([0.0, -0.0, 1.0, 2.5, 10.0, math.nan, math.inf, -math.inf]),
)
_bounds = st.one_of(st.none(), st.floats(-20, 20, allow_nan=False), st.sampled_from([0, 1, 5]))


def _var_condition(draw: st.DrawFn) -> StateCondition:
    low, high = draw(_bounds), draw(_bounds)
    if low is None and high is None:
        high = draw(st.floats(-20, 20, allow_nan=False))
    return StateCondition(var=draw(st.sampled_from(NAMES)), at_least=low, at_most=high)


@st.composite
def conditions(draw: st.DrawFn, depth: int = 3) -> StateCondition:
    kinds = ["flag", "not_flag", "var", "visited"]
    if depth > 0:
        kinds += ["all", "any", "not"]
    kind = draw(st.sampled_from(kinds))
    name = draw(st.sampled_from(NAMES))
    if kind == "var":
        return _var_condition(draw)
    if kind in ("all", "any"):
        subs = draw(st.lists(conditions(depth - 1), max_size=3))
        return StateCondition(**{kind: subs})
    if kind == "not":
        return StateCondition(**{"not": draw(conditions(depth - 1))})
    return StateCondition(**{kind: name})


@st.composite
def states(draw: st.DrawFn) -> State:
    present = draw(st.lists(st.sampled_from(NAMES), unique=True))
    return State(
        bounds={name: (-math.inf, math.inf) for name in present},
        vars={name: draw(_values) for name in present},
        flags=set(draw(st.lists(st.sampled_from(NAMES)))),
        visited=set(draw(st.lists(st.sampled_from(NAMES)))),
    )


@settings(max_examples=examples(3000), deadline=None)
@given(condition=st.one_of(st.none(), conditions()), state=states())
def test_a_compiled_condition_answers_as_the_plain_reading(
    condition: StateCondition | None, state: State
) -> None:
    assert compiled(condition)(state) is holds(condition, state)


@settings(max_examples=examples(500), deadline=None)
@given(condition=conditions(), first=states(), second=states())
def test_a_condition_is_compiled_once_and_stays_right_as_the_state_changes(
    condition: StateCondition, first: State, second: State
) -> None:
    test = compiled(condition)
    assert compiled(condition) is test
    assert test(first) is holds(condition, first)
    assert test(second) is holds(condition, second)


def test_an_equal_condition_that_is_another_object_gets_its_own_test() -> None:
    """Kept by identity: an equal copy (another scenario's) is compiled for itself, and a
    changed copy never answers with the original's test."""
    original = StateCondition(var="alpha", at_least=5)
    copy = original.model_copy(update={"at_least": 1.0})
    state = State(bounds={"alpha": (0, 10)}, vars={"alpha": 3.0})
    assert compiled(original)(state) is False
    assert compiled(copy)(state) is True


def test_nan_holds_as_it_always_did() -> None:
    """No comparison with NaN is true, so a bounded test on a NaN value holds (the plain
    reading's answer, kept so that no run changes its course)."""
    state = State(bounds={"alpha": (-math.inf, math.inf)}, vars={"alpha": math.nan})
    condition = StateCondition(var="alpha", at_least=1, at_most=2)
    assert holds(condition, state) is True
    assert compiled(condition)(state) is True
