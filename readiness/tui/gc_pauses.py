"""Keep the cyclic garbage collector's pauses out of key presses.

Every repaint allocates tens of thousands of short-lived objects (strips, segments, styles).
With CPython's default thresholds the collector then runs dozens of times a second while a
screen repaints, and its full passes over everything a long exercise has built up stalled a
key press by 40-70 ms (measured with `benchmarks/bench_train.py`). Nearly all of that memory
is freed by reference counting anyway, so the app asks for far fewer collections while it
runs, and `settle()` freezes what a screen keeps alive for its lifetime so that later full
passes skip it.

What reference counting cannot free is cyclic garbage, and Textual makes a lot of it: every
layout pass leaves a cycle holding the whole map of the screen (a recursive local function),
and a strip that caches itself (`divide` into one piece, `crop_extend` to its own length)
is a cycle of its own. With collections that rare, the one that did come was large: 35,000
to 66,000 objects, 24-41 ms, measured in the middle of painting the assessment's result
screen. So the collector's young passes are moved to where nobody waits: `collect_if_due()`
runs when a screen has painted and gone idle, and the thresholds above stay as a backstop
for long bursts without a pause. `readiness.tui.strip_cycles` removes the strips' cycles.
"""

from __future__ import annotations

import gc

THRESHOLDS = (100_000, 50, 100)
"""Allocations before a young collection, and young/middle collections before an older one
(CPython's defaults: 700, 10, 10)."""


IDLE_YOUNG = 10_000
"""Objects the young generation may hold before an idle screen collects it: a pass over that
many takes a few milliseconds, spent after a frame is shown, not before."""


def collection_due() -> bool:
    """Whether enough young objects piled up for `collect_if_due` to collect."""
    return gc.get_count()[0] >= IDLE_YOUNG and gc.isenabled()


def collect_if_due() -> bool:
    """Collect the young generation (and an older one when its turn has come by CPython's
    counts; a full pass is not put off as CPython does while little is waiting for one) if
    enough has piled up; True if it did. Called by idle screens."""
    if not collection_due():
        return False
    _, middle, old = gc.get_count()
    _, every_middle, every_old = gc.get_threshold()
    if middle >= every_middle:
        gc.collect(2 if old >= every_old else 1)
    else:
        gc.collect(0)
    return True


_process_before: tuple[int, int, int] | None = None
"""The process's own thresholds while any app has them tuned."""
_apps_tuning = 0


class CollectorTuning:
    """`start()` while an app runs, `stop()` when it ends. The thresholds are the process's,
    not the app's: while apps overlap in one process (a test suite, a program embedding two),
    the first start remembers the process's own values and only the last stop gives them
    back. Per app, an app ending while another ran restored the defaults under the other,
    and the other's end then "restored" the tuned values for good."""

    def __init__(self) -> None:
        self._started = False

    def start(self) -> None:
        global _process_before, _apps_tuning
        if self._started:
            return
        self._started = True
        if _apps_tuning == 0:
            _process_before = gc.get_threshold()
            gc.set_threshold(*THRESHOLDS)
        _apps_tuning += 1

    def stop(self) -> None:
        global _process_before, _apps_tuning
        if not self._started:
            return
        self._started = False
        _apps_tuning -= 1
        if _apps_tuning == 0 and _process_before is not None:
            gc.set_threshold(*_process_before)
            _process_before = None


def settle() -> None:
    """Collect now, then move everything alive into the permanent generation: for screens
    whose objects live as long as they do (the player during an exercise)."""
    gc.collect()
    gc.freeze()
