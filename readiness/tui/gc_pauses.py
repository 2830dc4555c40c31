"""Keep the cyclic garbage collector's pauses out of key presses.

Every repaint allocates tens of thousands of short-lived objects (strips, segments, styles).
With CPython's default thresholds the collector then runs dozens of times a second while a
screen repaints, and its full passes over everything a long exercise has built up stalled a
key press by 40-70 ms (measured with `benchmarks/bench_train.py`). Nearly all of that memory
is freed by reference counting anyway, so the app asks for far fewer collections while it
runs, and `settle()` freezes what a screen keeps alive for its lifetime so that later full
passes skip it.
"""

from __future__ import annotations

import gc

THRESHOLDS = (100_000, 50, 100)
"""Allocations before a young collection, and young/middle collections before an older one
(CPython's defaults: 700, 10, 10)."""


class CollectorTuning:
    """`start()` while the app runs, `stop()` gives the process its old thresholds back."""

    def __init__(self) -> None:
        self._before: tuple[int, int, int] | None = None

    def start(self) -> None:
        if self._before is None:
            self._before = gc.get_threshold()
            gc.set_threshold(*THRESHOLDS)

    def stop(self) -> None:
        if self._before is not None:
            gc.set_threshold(*self._before)
            self._before = None


def settle() -> None:
    """Collect now, then move everything alive into the permanent generation: for screens
    whose objects live as long as they do (the player during an exercise)."""
    gc.collect()
    gc.freeze()
