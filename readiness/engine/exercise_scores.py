"""Scores per scoring dimension, 0..100, measured against what was possible at each step.

The rule (documented for trainers and report authors):

* Every decision the participant faced contributes, per dimension, the lowest and the highest
  value among the options that were open at that moment (the choices whose `when` held, plus
  the timeout path if the node has one; a dimension a choice does not mention counts 0), and
  the value of what was actually done.
* Every reply step contributes, per dimension, 0..the sum of the points of its rubric
  criteria for that dimension, and the points earned; if the reply could also time out, the
  timeout's value widens the range, and a timed-out reply earns the timeout's value.
* Per dimension: percent = (sum earned − sum lowest) / (sum highest − sum lowest) × 100.
  A dimension whose highest and lowest sums are equal (nothing in this run could move it)
  has no score: it is left out rather than shown as 0 or 100.

So 100 means "the best open option every time", 0 "the worst every time", whatever the path.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from readiness.engine.rubric import CriterionResult
from readiness.models.scenario import Criterion, Timeout


@dataclass
class Tally:
    """Running sums of lowest, highest and earned values per dimension."""

    dimensions: list[str]
    low: dict[str, float] = field(default_factory=dict)
    high: dict[str, float] = field(default_factory=dict)
    earned: dict[str, float] = field(default_factory=dict)
    changes: int = field(default=0, compare=False)
    """Bumped by every step added, so a reader can tell whether the scores moved."""
    _percentages: dict[str, float] | None = field(default=None, repr=False, compare=False)
    """Worked out once per change: the engine summarises the run after every clock move."""

    def _add(self, dim: str, low: float, high: float, earned: float) -> None:
        self._percentages = None
        self.changes += 1
        self.low[dim] = self.low.get(dim, 0.0) + low
        self.high[dim] = self.high.get(dim, 0.0) + high
        self.earned[dim] = self.earned.get(dim, 0.0) + earned

    def add_decision(
        self, options: Iterable[Mapping[str, float]], taken: Mapping[str, float]
    ) -> None:
        """A decision: `options` are the score tables of every open option (incl. timeout)."""
        tables = list(options)
        for dim in self.dimensions:
            values = [t.get(dim, 0.0) for t in tables] or [0.0]
            self._add(dim, min(values), max(values), taken.get(dim, 0.0))

    def add_reply(
        self,
        rubric: list[Criterion],
        results: list[CriterionResult] | None,
        timeout: Timeout | None,
    ) -> None:
        """A reply step: `results` when posted, None when the countdown ran out."""
        for dim in self.dimensions:
            top = sum(c.points for c in rubric if c.dimension == dim)
            low, high = 0.0, float(top)
            if timeout is not None:
                waited = timeout.scores.get(dim, 0.0)
                low, high = min(low, waited), max(high, waited)
            if results is None:
                earned = timeout.scores.get(dim, 0.0) if timeout is not None else 0.0
            else:
                earned = sum(r.points for r in results if r.criterion.dimension == dim)
            self._add(dim, low, high, earned)

    def percentages(self) -> dict[str, float]:
        """Percent per dimension that had a range; rounded to one decimal for reading."""
        if self._percentages is None:
            self._percentages = self._work_out()
        return dict(self._percentages)

    def _work_out(self) -> dict[str, float]:
        out: dict[str, float] = {}
        for dim in self.dimensions:
            low, high = self.low.get(dim, 0.0), self.high.get(dim, 0.0)
            if high <= low:
                continue
            share = (self.earned.get(dim, 0.0) - low) / (high - low)
            out[dim] = round(min(100.0, max(0.0, share * 100)), 1)
        return out
