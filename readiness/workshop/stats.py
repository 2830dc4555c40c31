"""Five-number summaries and small histograms of 0..100 scores."""

from __future__ import annotations

import statistics
from collections.abc import Sequence

from pydantic import BaseModel

BINS = 5
"""0–19, 20–39, 40–59, 60–79, 80–100: few enough to read from the back of the room."""


class Distribution(BaseModel):
    """How a room scored on one dimension."""

    count: int
    min: float | None = None
    q1: float | None = None
    median: float | None = None
    q3: float | None = None
    max: float | None = None
    mean: float | None = None
    histogram: list[int] = [0] * BINS
    """Participants per bin of width 100/BINS; the last bin includes 100."""


def bin_of(score: float, bins: int = BINS) -> int:
    """The histogram bin a 0..100 score falls into (scores outside are clamped)."""
    clamped = max(0.0, min(100.0, score))
    return min(bins - 1, int(clamped * bins / 100))


def bin_labels(bins: int = BINS) -> list[str]:
    width = 100 // bins
    return [f"{i * width}–{100 if i == bins - 1 else (i + 1) * width - 1}" for i in range(bins)]


def distribution(scores: Sequence[float], bins: int = BINS) -> Distribution:
    """Min, quartiles, max, mean and histogram; quartiles by the inclusive method, so one
    participant's score is its own min, quartiles and max."""
    values = sorted(scores)
    hist = [0] * bins
    for v in values:
        hist[bin_of(v, bins)] += 1
    if not values:
        return Distribution(count=0, histogram=hist)
    if len(values) == 1:
        q1 = med = q3 = values[0]
    else:
        q1, med, q3 = statistics.quantiles(values, n=4, method="inclusive")
    return Distribution(
        count=len(values),
        # Unrounded: renderers round once, for display, with readiness.numbers.shown.
        min=values[0],
        q1=q1,
        median=med,
        q3=q3,
        max=values[-1],
        # fmean can land a hair outside [min, max] for equal values; keep it inside.
        mean=min(max(statistics.fmean(values), values[0]), values[-1]),
        histogram=hist,
    )


def share(count: int, total: int) -> float:
    """count / total rounded for reading (0 when there is nobody)."""
    return round(count / total, 3) if total else 0.0
