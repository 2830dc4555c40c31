"""The closed form of `engine.leap` against the per-tick arithmetic it replaces, on awkward
numbers: rates of a third, rates close to half a nano-unit, bounds that are not whole
nano-units, clamping at either end, several drifts on one variable pulling the same way or
both ways. Wherever the leap claims to be exact, the value and the number of revisions
must be the ones `State.nudge` produces tick by tick."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis_budget import examples

from readiness.engine.leap import NANO, Shape, Thresholds, nano
from readiness.engine.state import State
from readiness.models.scenario import StateCondition

RATES = [0.1, -0.1, 1 / 3, -1 / 3, 0.05, 2.5, -7.25, 25.0, 90.0, 4.9e-10, 5.1e-10, 1e-10, 0.015]
BOUNDS = [0.0, -100.0, 100.0, 0.5, 1000000.0, 0.1234567891, 3.0, -0.25]


@settings(max_examples=examples(400), deadline=None)
@given(
    start=st.integers(-200_000_000_000, 200_000_000_000),
    deltas=st.lists(st.sampled_from(RATES), min_size=1, max_size=3),
    bounds=st.tuples(st.sampled_from(BOUNDS), st.sampled_from(BOUNDS)),
    ticks=st.integers(1, 400),
)
def test_closed_form_equals_ticking_wherever_it_claims_to(
    start: int, deltas: list[float], bounds: tuple[float, float], ticks: int
) -> None:
    low, high = min(bounds), max(bounds)
    x0 = min(high, max(low, start / NANO))
    state = State(bounds={"x": (low, high)}, vars={"x": x0})
    first = nano(x0)
    low_n, high_n = nano(low), nano(high)
    if first is None or low_n is None or high_n is None:
        return  # the leap declines these (ticks instead); nothing to compare
    shape = Shape(deltas, low_n, high_n)
    reach = shape.reach(first)
    n = min(ticks, reach)
    if n < 1:
        return
    for _ in range(n):
        for d in deltas:
            state.nudge("x", d)
    assert shape.at(first, n) / NANO == state.vars["x"]
    assert shape.changes(first, n) == state.revision


def test_the_closed_form_covers_the_usual_rates() -> None:
    """Not a vacuous property: ordinary scenario numbers are in closed form for long."""
    assert Shape([2.5], 0, 100 * 10**9).reach(0) > 10_000
    assert Shape([1 / 3 * 0.1], 0, None).reach(0) > 10_000
    both_ways = Shape([-0.006, 0.004], 0, 6 * 10**9)
    assert both_ways.mixed and both_ways.reach(3 * 10**9) > 100


def test_bands_follow_every_threshold_in_nested_conditions() -> None:
    t = Thresholds()
    t.add(
        StateCondition.model_validate(
            {"any": [{"var": "x", "at_least": 5}, {"not": {"var": "x", "at_most": 2}}]}
        )
    )
    assert t.band("x", 1.0) == t.band("x", 2.0) != t.band("x", 2.5)
    assert t.band("x", 2.5) == t.band("x", 4.999) != t.band("x", 5.0)
    assert t.band("y", 1.0) == t.band("y", 1e9)
