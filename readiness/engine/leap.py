"""Jumping the scenario clock over ticks in which nothing can change course (issue 18).

The engine's rules are per tick (`Run._tick`): active drifts nudge their variables, engagement
grows on unanswered items, due injects arrive. Between two events (an inject that may arrive,
a variable crossing a threshold that some condition tests, a growth that stops) every tick
adds the same amounts, so the state after n ticks has a closed form. `leap` finds how far
that holds and applies it bit for bit as n single ticks would, including `State.nudge`'s
rounding to 9 decimals and its clamping, or declines, and the caller ticks once instead.

Why the closed form is exact: a value the engine stores is round(x + d, 9), the float
nearest to a whole number K of nano-units. Adding the same d again and rounding gives
K + round(d·1e9) as long as d·1e9 is not too close to a half and the float error of the
addition (relative 2⁻⁵³, i.e. about 2.5e-7 nano-units per unit of magnitude) stays below
the distance to that half. `Shape.reach` turns that bound into a number of ticks; past
it, the engine ticks one tick at a time as it always did. The differential test against the stepwise
reference (tests/unit/test_engine_differential.py) holds the two to the same trace."""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from copy import deepcopy
from dataclasses import dataclass, field
from functools import lru_cache

from readiness.engine.conditions import Test, compiled, sub_conditions
from readiness.engine.feed import Feed, FeedItem
from readiness.engine.state import TICKS_PER_MINUTE, State
from readiness.models.scenario import Inject, Scenario, StateCondition

STEP = 1 / TICKS_PER_MINUTE
"""Scenario minutes per tick, the factor `Run._tick` applies to every per-minute rate."""

NANO = 1e9
MAX_ABS = 4e6
"""Largest magnitude handled in closed form: K stays far below 2**53 and the float error
of one addition far below half a nano-unit."""
FLOAT_ERROR = 2.5e-7
"""Error of x + d in nano-units per unit of |x| + |d| (2 · 2⁻⁵³ · 1e9, rounded up)."""


def nano(x: float) -> int | None:
    """`x` as a whole number of nano-units when `x` is exactly the float nearest to one
    (as every value `State.nudge` stores is), else None."""
    if -MAX_ABS <= x <= MAX_ABS:  # also false for NaN and infinities
        k = round(x * NANO)
        if k / NANO == x:
            return k
    return None


class Shape:
    """How a value moves per tick under a fixed set of nudges (the active drifts of one
    variable, in file order, or one growth rate), each nudge rounded to 9 decimals and
    clamped to [low, high] as `State.nudge` and `Feed.grow` do. Prepared once per set."""

    __slots__ = ("high", "highest", "limit", "low", "lowest", "mixed", "per_tick", "steps")

    def __init__(self, deltas: Sequence[float], low: int | None, high: int | None) -> None:
        self.steps = [round(d * NANO) for d in deltas]
        self.per_tick = sum(self.steps)
        self.low = low
        self.high = high
        """Bounds in nano-units; None means unbounded on that side."""
        prefixes = [0]
        for step in self.steps:
            prefixes.append(prefixes[-1] + step)
        self.lowest = min(prefixes)
        self.highest = max(prefixes)
        """Lowest and highest offset from a tick's first value that the value takes during
        the tick (conditions of later drifts see it there)."""
        self.mixed = any(s > 0 for s in self.steps) and any(s < 0 for s in self.steps)
        """Deltas pulling both ways (say one drift while moderating, another while a rota
        is in place): exact only while no nudge hits a bound, since then the order of
        clamping matters."""
        slack = 0.5 - max(abs(d * NANO - s) for d, s in zip(deltas, self.steps, strict=True))
        biggest = max(abs(d) for d in deltas)
        limit = min(MAX_ABS, (slack - 1e-6) / FLOAT_ERROR) - biggest
        self.limit = -1 if limit <= 0 else math.floor(limit * NANO)
        """Largest magnitude in nano-units at which every addition still rounds to
        start + steps (-1: never)."""
        if self.mixed and (low is None or high is None or max(-low, high) > self.limit):
            self.limit = -1

    def at(self, start: int, k: int) -> int:
        """Nano-units after `k` ticks from `start` (clamped)."""
        raw = start + k * self.per_tick
        if self.high is not None and raw > self.high:
            return self.high
        if self.low is not None and raw < self.low:
            return self.low
        return raw

    def reach(self, start: int) -> int:
        """How many ticks from `start` the closed form is proven exact (-1: none)."""
        limit = self.limit
        if abs(start) > limit:
            return -1
        total = self.per_tick
        if self.mixed:
            assert self.low is not None and self.high is not None  # see __init__
            if start + self.lowest < self.low or start + self.highest > self.high:
                return -1  # a nudge would be clamped in the next tick
            if total > 0:
                return (self.high - self.highest - start) // total + 1
            if total < 0:
                return (start + self.lowest - self.low) // -total + 1
            return 1 << 62
        if total > 0 and (self.high is None or self.high > limit):
            return (limit - start) // total
        if total < 0 and (self.low is None or self.low < -limit):
            return (start + limit) // -total
        return 1 << 62

    def changes(self, start: int, n: int) -> int:
        """How many nudges changed the value in ticks 1..n (each bumps the state revision):
        a nudge changes it unless the value already sits at the bound it moves towards."""
        if self.mixed:  # never clamped within its reach: every nonzero nudge changes it
            return n * sum(1 for s in self.steps if s != 0)
        total = self.per_tick
        count = 0
        prefix = 0
        for s in self.steps:
            if s != 0:
                if total > 0 and self.high is not None:
                    count += min(n, max(0, -((start + prefix - self.high) // total)))
                elif total < 0 and self.low is not None:
                    count += min(n, max(0, -((self.low - start - prefix) // -total)))
                else:
                    count += n
            prefix += s
        return count


@lru_cache(maxsize=4096)
def shape_of(deltas: tuple[float, ...], low: int | None, high: int | None) -> Shape:
    """The `Shape` of these nudges and bounds: a pure function of the numbers, so every run
    (and every replay) of a scenario shares them."""
    return Shape(deltas, low, high)


def _bound(x: float) -> tuple[bool, int | None]:
    """(usable, nano-units or None for infinite): a finite bound that is not a whole
    nano-unit cannot be clamped to in closed form."""
    if math.isinf(x):
        return True, None
    k = nano(x)
    return k is not None, k


@dataclass
class Thresholds:
    """Every variable threshold a per-tick condition tests (drift `while`, inject `when`,
    growth `until`): while no variable crosses one, no such condition changes."""

    at_least: dict[str, list[float]] = field(default_factory=dict)
    at_most: dict[str, list[float]] = field(default_factory=dict)

    def add(self, condition: StateCondition | None) -> None:
        if condition is None:
            return
        c = condition
        if c.var is not None:
            for table, value in ((self.at_least, c.at_least), (self.at_most, c.at_most)):
                if value is not None:
                    found = table.setdefault(c.var, [])
                    if value not in found:
                        found.append(value)
                        found.sort()
        for sub in sub_conditions(c):
            self.add(sub)

    def band(self, var: str, x: float) -> tuple[int, int]:
        """Which tests on `var` hold at `x`: how many `at_least` values x reaches and how
        many `at_most` values it exceeds (the same band means the same truths)."""
        return (
            bisect_right(self.at_least.get(var, ()), x),
            bisect_left(self.at_most.get(var, ()), x),
        )


Drift = tuple[int, str, Test, float]
"""A drift as (its position in the file, variable, `while` as a test of the state, change
per tick)."""

_PREPARED: dict[int, tuple[Scenario, list[Drift], Thresholds]] = {}
_PREPARED_KEPT = 64


def _watch(thresholds: Thresholds, injects: Iterable[Inject]) -> None:
    for inject in injects:
        thresholds.add(inject.when)
        if inject.growth is not None:
            thresholds.add(inject.growth.until)


def _prepared(scenario: Scenario) -> tuple[list[Drift], Thresholds]:
    """The scenario's drifts and every threshold its conditions test: the same for every run
    of it (a run, its replay, the expert path, `simulate`'s thousands), so worked out once.
    Kept with the scenario object itself, so a recycled id cannot match."""
    hit = _PREPARED.get(id(scenario))
    if hit is not None and hit[0] is scenario:
        return hit[1], hit[2]
    drifts = [
        (n, d.var, compiled(d.while_), d.per_minute * STEP)
        for n, d in enumerate(scenario.drift)
        if d.per_minute != 0  # State.nudge ignores a zero delta
    ]
    thresholds = Thresholds()
    for d in scenario.drift:
        thresholds.add(d.while_)
    _watch(thresholds, scenario.injects)
    if len(_PREPARED) >= _PREPARED_KEPT:
        del _PREPARED[next(iter(_PREPARED))]
    _PREPARED[id(scenario)] = (scenario, drifts, thresholds)
    return drifts, thresholds


class Leaper:
    """The closed-form clock of one run: the scenario's drifts and thresholds prepared once,
    so a leap costs a few condition checks and some integer arithmetic."""

    def __init__(self, scenario: Scenario) -> None:
        self.drifts, self.thresholds = _prepared(scenario)
        self._own_thresholds = False
        self._shapes: dict[tuple[str, tuple[int, ...]], Shape | None] = {}
        self._growth: dict[int, tuple[Shape, Shape, Shape]] = {}

    def watch(self, injects: Iterable[Inject]) -> None:
        """Take the conditions of injects from outside the file (a facilitator's) into
        account (the file's are, see `_prepared`)."""
        if not self._own_thresholds:  # shared by every run of the scenario until now
            self.thresholds = deepcopy(self.thresholds)
            self._own_thresholds = True
        _watch(self.thresholds, injects)

    def _shape(self, state: State, var: str, drifts: tuple[int, ...]) -> Shape | None:
        key = (var, drifts)
        if key not in self._shapes:
            low_ok, low = _bound(state.bounds[var][0])
            high_ok, high = _bound(state.bounds[var][1])
            deltas = tuple(delta for n, _, _, delta in self.drifts if n in drifts)
            self._shapes[key] = shape_of(deltas, low, high) if low_ok and high_ok else None
        return self._shapes[key]

    def _growth_shapes(self, item: FeedItem) -> tuple[Shape, Shape, Shape]:
        growth = item.inject.growth
        assert growth is not None
        key = id(growth)
        if key not in self._growth:
            self._growth[key] = (
                shape_of((growth.likes_per_minute * STEP,), 0, None),
                shape_of((growth.shares_per_minute * STEP,), 0, None),
                shape_of((growth.comments_per_minute * STEP,), 0, None),
            )
        return self._growth[key]

    def leap(self, state: State, feed: Feed, target: int) -> bool:
        """Advance the clock by as many ticks towards `target` as the closed form covers;
        False (nothing done) when the next tick needs the full per-tick rules."""
        now = state.ticks
        horizon = target - now
        horizon = feed.arrival_horizon(state, horizon)
        if horizon < 1:
            return False
        vars_ = state.vars
        active: dict[str, tuple[int, ...]] = {}
        for n, var, while_, _ in self.drifts:
            if var in vars_ and while_(state):
                active[var] = (*active.get(var, ()), n)
        ramps: list[tuple[str, Shape, int]] = []
        for var, drifts in active.items():
            shape = self._shape(state, var, drifts)
            start = nano(vars_[var])
            if shape is None or start is None:
                return False
            horizon = min(horizon, shape.reach(start))
            ramps.append((var, shape, start))
        growing: list[tuple[FeedItem, tuple[Shape, Shape, Shape], tuple[int, int, int]]] = []
        for item in feed.growing_items:
            growth = item.inject.growth
            if growth is None or compiled(growth.until)(state):
                return False  # it stops at the next tick
            shapes = self._growth_shapes(item)
            likes, shares, comments = nano(item.likes), nano(item.shares), nano(item.comments)
            if likes is None or shares is None or comments is None:
                return False
            starts = (likes, shares, comments)
            for shape, start in zip(shapes, starts, strict=True):
                horizon = min(horizon, shape.reach(start))
            growing.append((item, shapes, starts))
        if horizon < 1:
            return False
        band = self.thresholds.band
        bands = [band(var, vars_[var]) for var, _, _ in ramps]

        def same_band(k: int) -> bool:
            """Whether every value each variable takes in ticks 1..k (also in the middle
            of a tick, where later drifts test it) lies in the band it starts in."""
            for (var, shape, start), before in zip(ramps, bands, strict=True):
                if shape.mixed:
                    last = start + (k - 1) * shape.per_tick
                    low = min(start, last) + shape.lowest
                    high = max(start, last) + shape.highest
                    if band(var, low / NANO) != before or band(var, high / NANO) != before:
                        return False
                elif band(var, shape.at(start, k) / NANO) != before:
                    return False
            return True

        n = horizon
        if not same_band(n):
            good, bad = 0, n
            while bad - good > 1:
                mid = (good + bad) // 2
                if same_band(mid):
                    good = mid
                else:
                    bad = mid
            n = good
            if n < 1:
                return False
        state.ticks += n
        for var, shape, start in ramps:
            vars_[var] = shape.at(start, n) / NANO
            state.revision += shape.changes(start, n)
        counts: list[tuple[FeedItem, float, float, float]] = []
        for item, (s_likes, s_shares, s_comments), (likes, shares, comments) in growing:
            counts.append(
                (
                    item,
                    s_likes.at(likes, n) / NANO,
                    s_shares.at(shares, n) / NANO,
                    s_comments.at(comments, n) / NANO,
                )
            )
        feed.set_counts(counts)
        return True
