"""Evaluate a structured `StateCondition` against the state: our code, never `eval`."""

from __future__ import annotations

from readiness.engine.state import State
from readiness.models.scenario import StateCondition


def holds(condition: StateCondition | None, state: State) -> bool:
    """Whether the condition holds now; no condition always holds.

    Exactly one kind is set (the model guarantees it), so the first match decides."""
    if condition is None:
        return True
    c = condition
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
