"""Evaluate a structured `StateCondition` against the state: our code, never `eval`."""

from __future__ import annotations

from collections.abc import Callable

from readiness.engine.state import State
from readiness.models.scenario import StateCondition

Test = Callable[[State], bool]
"""A condition turned into a function of the state (`compiled`)."""


def holds(condition: StateCondition | None, state: State) -> bool:
    """Whether the condition holds now; no condition always holds.

    The plain reading of a condition, for code that asks it now and then (and the
    specification `compiled` is held to by tests/unit/test_conditions_compiled.py)."""
    if condition is None:
        return True
    c = condition
    # Exactly one kind is set (the model guarantees it), so the first match decides.
    if c.flag is not None:
        return c.flag in state.flags
    if c.not_flag is not None:
        return c.not_flag not in state.flags
    if c.var is not None:
        value = state.vars.get(c.var, 0.0)
        if c.at_least is not None and value < c.at_least:
            return False
        return not (c.at_most is not None and value > c.at_most)
    if c.visited is not None:
        return c.visited in state.visited
    if c.all is not None:
        return all(holds(sub, state) for sub in c.all)
    if c.any is not None:
        return any(holds(sub, state) for sub in c.any)
    if c.not_ is not None:
        return not holds(c.not_, state)
    return False


def _always(state: State) -> bool:
    del state
    return True


def _never(state: State) -> bool:
    del state
    return False


_COMPILED: dict[int, tuple[StateCondition, Test]] = {}
_COMPILED_KEPT = 8192


def compiled(condition: StateCondition | None) -> Test:
    """`holds` of one condition as a function of the state, built once per condition.

    The clock asks the same few conditions again and again (every pending inject's `when`
    at each arrival scan, every drift's `while` at each leap: about 900 questions per run,
    1.8 million in a `simulate` of 1,000 playthroughs with their replays); a function made
    for the one kind of test a condition is answers without first asking which kind it is
    (`simulate` 6-10 % quicker). Kept with the condition object itself (content models are
    not changed once loaded), so a recycled id cannot match."""
    if condition is None:
        return _always
    hit = _COMPILED.get(id(condition))
    if hit is not None and hit[0] is condition:
        return hit[1]
    test = _compile(condition)
    if len(_COMPILED) >= _COMPILED_KEPT:
        del _COMPILED[next(iter(_COMPILED))]
    _COMPILED[id(condition)] = (condition, test)
    return test


def _compile(c: StateCondition) -> Test:
    # As `holds` reads it, kind by kind.
    if c.flag is not None:
        flag = c.flag
        return lambda state: flag in state.flags
    if c.not_flag is not None:
        not_flag = c.not_flag
        return lambda state: not_flag not in state.flags
    if c.var is not None:
        return _compare(c.var, c.at_least, c.at_most)
    if c.visited is not None:
        visited = c.visited
        return lambda state: visited in state.visited
    if c.all is not None:
        return _all_of(tuple(compiled(sub) for sub in c.all))
    if c.any is not None:
        return _any_of(tuple(compiled(sub) for sub in c.any))
    if c.not_ is not None:
        inner = compiled(c.not_)
        return lambda state: not inner(state)
    return _never


def _compare(var: str, at_least: float | None, at_most: float | None) -> Test:
    # Written as "not below, not above" rather than `low <= x <= high`: the same answer as
    # ever for every value, NaN included (it holds, as no comparison with it is true).
    if at_least is not None and at_most is not None:
        low, high = at_least, at_most
        return lambda state: not ((value := state.vars.get(var, 0.0)) < low or value > high)
    if at_least is not None:
        low = at_least
        return lambda state: not state.vars.get(var, 0.0) < low
    if at_most is not None:
        high = at_most
        return lambda state: not state.vars.get(var, 0.0) > high
    return _always


def _all_of(tests: tuple[Test, ...]) -> Test:
    def all_hold(state: State) -> bool:
        return all(test(state) for test in tests)

    return all_hold


def _any_of(tests: tuple[Test, ...]) -> Test:
    def any_holds(state: State) -> bool:
        return any(test(state) for test in tests)

    return any_holds


def sub_conditions(condition: StateCondition) -> list[StateCondition]:
    """The conditions nested in `all`, `any` and `not`, for code that walks a condition."""
    c = condition
    return [*(c.all or []), *(c.any or []), *([c.not_] if c.not_ is not None else [])]


def tests_vars(condition: StateCondition | None) -> bool:
    """Whether the condition looks at a variable anywhere; if not, only flags and visited
    steps decide it (see `State.facts`)."""
    if condition is None:
        return False
    return condition.var is not None or any(tests_vars(s) for s in sub_conditions(condition))
