"""The scenario state: numeric variables, flags, visited nodes and the clock in ticks.

Time is counted in whole ticks of 1/`TICKS_PER_MINUTE` scenario minutes. Drift, growth and
arrivals follow per-tick rules, so the outcome never depends on how the caller slices real
time into `advance()` calls: this is what makes a run replayable from its result file. (The
engine applies many quiet ticks at once in closed form, `engine/leap.py`, with the same
result as ticking them one by one.)
"""

from __future__ import annotations

from dataclasses import dataclass, field

from readiness.models.scenario import Effects, Variable

TICKS_PER_MINUTE = 10
"""A tick is six scenario seconds: fine enough for climbing likes, coarse enough to be cheap."""

MAX_TICKS = 24 * 60 * TICKS_PER_MINUTE
"""The scenario clock stops after one scenario day, so an abandoned terminal cannot run away."""


def to_ticks(minutes: float) -> int:
    """Whole ticks for a span of scenario minutes (author values like `advance_minutes`)."""
    return max(0, round(minutes * TICKS_PER_MINUTE))


@dataclass
class State:
    """Everything conditions can test. Mutated only through `apply` and `nudge`."""

    bounds: dict[str, tuple[float, float]]
    vars: dict[str, float]
    flags: set[str] = field(default_factory=set)
    visited: set[str] = field(default_factory=set)
    ticks: int = 0
    revision: int = 0
    """Bumped on every visible change, so the UI repaints meters only when needed."""
    facts: int = 0
    """Bumped when flags or visited steps change: a condition that tests no variable can
    only change its truth then, so the feed need not ask it again in between."""

    @classmethod
    def initial(cls, variables: list[Variable]) -> State:
        return cls(
            bounds={v.id: (float(v.min), float(v.max)) for v in variables},
            vars={v.id: float(v.initial) for v in variables},
        )

    @property
    def minute(self) -> float:
        return self.ticks / TICKS_PER_MINUTE

    def nudge(self, var: str, delta: float) -> None:
        """Add `delta` to a variable and clamp it to its range; unknown names are ignored
        (the validator reports them; the player should not crash on them)."""
        if var not in self.vars or delta == 0:
            return
        low, high = self.bounds[var]
        # Rounding away float noise keeps 40 drifts of 0.05 at exactly 2.0, so thresholds
        # in conditions fire at the minute an author computes by hand.
        value = min(high, max(low, round(self.vars[var] + delta, 9)))
        if value != self.vars[var]:
            self.vars[var] = value
            self.revision += 1

    def apply(self, effects: Effects) -> None:
        """Variable changes and flags of a choice, timeout, reply or inject (not the clock jump)."""
        for var, delta in effects.vars.items():
            self.nudge(var, delta)
        before = len(self.flags)
        self.flags.update(effects.set_flags)
        self.flags.difference_update(effects.clear_flags)
        if effects.set_flags or effects.clear_flags or len(self.flags) != before:
            self.revision += 1
            self.facts += 1

    def visit(self, node_id: str) -> None:
        """Enter a step (conditions may test `visited`)."""
        if node_id not in self.visited:
            self.visited.add(node_id)
            self.facts += 1
        self.revision += 1
