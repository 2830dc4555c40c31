"""The scenario engine as it was before it became event-driven: the clock ticks one tick at a
time, every drift condition, growth stop and pending inject checked at every tick.

It is kept as the specification of the event-driven engine: `test_engine_differential.py`
drives both with the same inputs and requires the same trace, and `bench_simulate.py` times
both in one run. Only `Run._run_to` and `Run._arrivals` differ (the feed's scan asks every
pending inject at every tick, in file order, as it first did); the rest is production code."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from readiness.engine.conditions import holds
from readiness.engine.feed import due_tick
from readiness.engine.run import LogEntry, Run
from readiness.engine.state import MAX_TICKS, TICKS_PER_MINUTE


class StepwiseRun(Run):
    """A `Run` that advances its clock tick by tick, as the engine did up to issue 18."""

    def _run_to(self, target: int, *, summarise: bool = True) -> None:
        """Process tick by tick up to `target`: drift, growth, then arrivals. (It always
        summarises, as it always did; `summarise=False` only spares the new engine a
        summary that `_enter` writes again at once.)"""
        target = min(target, MAX_TICKS)
        step = 1 / TICKS_PER_MINUTE
        while self.state.ticks < target:
            self.state.ticks += 1
            for drift in self.scenario.drift:
                if holds(drift.while_, self.state):
                    self.state.nudge(drift.var, drift.per_minute * step)
            self.feed.grow(self.state, step)
            if self.feed.pending:
                self._arrivals()
        self._summarise()

    def _arrivals(self) -> None:
        """Every pending inject in file order: due and its `when` holds, it arrives; an
        arrival's effects count for the injects after it, and the scan repeats until a
        pass delivers nothing."""
        feed, state = self.feed, self.state
        changed = True
        while changed and feed.pending:
            changed = False
            for inject in list(feed.pending):
                if state.ticks >= due_tick(inject) and holds(inject.when, state):
                    entry = next(e for e in feed.by_due if e[2] is inject)
                    item = feed.arrive(entry, state)
                    self.log.append(LogEntry(item.ticks, item=item))
                    changed = True


@contextmanager
def stepwise() -> Iterator[None]:
    """Every `Run` made inside the block (by simulate, replay, the debrief's expert path)
    ticks stepwise: for timing the old engine against the new one on the same code path."""
    originals = Run._run_to, Run._arrivals
    Run._run_to = StepwiseRun._run_to  # type: ignore[method-assign]
    Run._arrivals = StepwiseRun._arrivals  # type: ignore[method-assign]
    try:
        yield
    finally:
        Run._run_to, Run._arrivals = originals  # type: ignore[method-assign]
