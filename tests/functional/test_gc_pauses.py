"""The app asks for fewer garbage-collector passes while it runs and gives the old settings
back when it ends (tests and embedding programs share the process)."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

import pytest
from train_helpers import opened, train_app

from readiness.settings import Settings
from readiness.tui import gc_pauses
from readiness.tui.app import make_app
from readiness.tui.gc_pauses import THRESHOLDS, CollectorTuning


def test_tuning_starts_once_and_restores() -> None:
    before = gc.get_threshold()
    tuning = CollectorTuning()
    tuning.start()
    tuning.start()  # a second start must not remember the tuned values as "before"
    assert gc.get_threshold() == THRESHOLDS
    tuning.stop()
    assert gc.get_threshold() == before


def test_overlapping_apps_restore_the_process_thresholds_when_the_last_ends() -> None:
    before = gc.get_threshold()
    first, second = CollectorTuning(), CollectorTuning()
    first.start()
    second.start()
    first.stop()
    assert gc.get_threshold() == THRESHOLDS, "the second app still runs"
    first.stop()  # a second stop of the same app must not end the other's tuning
    assert gc.get_threshold() == THRESHOLDS
    second.stop()
    assert gc.get_threshold() == before


async def test_the_app_tunes_while_running_and_restores_on_exit(results: Path) -> None:
    before = gc.get_threshold()
    app = make_app(Settings(results_dir=results), home=True)
    async with app.run_test() as pilot:
        await pilot.pause()
        assert gc.get_threshold() == THRESHOLDS
    assert gc.get_threshold() == before


async def test_the_player_freezes_its_objects_after_the_briefing_is_shown(
    results: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The full collection before freezing takes tens of milliseconds: it runs while the
    briefing is read, not before the briefing's first frame."""
    screens: list[str] = []

    def settle() -> None:
        screens.append(type(app.screen).__name__)

    monkeypatch.setattr(gc_pauses, "settle", settle)
    app = train_app(results)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        await pilot.pause()
        assert screens == ["BriefingScreen"]


class _Node:
    """An object in a reference cycle with itself: only the cyclic collector frees it."""

    def __init__(self) -> None:
        self.me = self


def _cyclic_garbage(count: int) -> weakref.ref[_Node]:
    last = _Node()
    for _ in range(count - 1):
        _Node()
    return weakref.ref(last)


def test_collect_if_due_waits_for_enough_young_objects() -> None:
    tuning = CollectorTuning()
    tuning.start()
    try:
        gc.collect()
        few = _cyclic_garbage(100)
        assert not gc_pauses.collect_if_due()
        assert few() is not None  # too little to be worth a pass
        many = _cyclic_garbage(gc_pauses.IDLE_YOUNG)
        assert gc_pauses.collect_if_due()
        assert few() is None and many() is None
    finally:
        tuning.stop()


async def test_an_idle_screen_collects_the_garbage_after_its_paint(results: Path) -> None:
    """Far below the backstop threshold (100,000), the collector still runs: once the screen
    has painted the key and gone idle."""
    app = make_app(Settings(results_dir=results), home=True)
    async with app.run_test() as pilot:
        await pilot.pause()
        gc.collect()
        garbage = _cyclic_garbage(gc_pauses.IDLE_YOUNG + 1000)
        assert gc.get_count()[0] < THRESHOLDS[0]
        await pilot.press("down")
        await pilot.pause()
        # A moment after the frame (`prompt_paint.COLLECT_AFTER`), not during it; on a loaded
        # machine the frame itself can come late, so wait for it (bounded: nothing else in an
        # idle app allocates the 100,000 objects that would trigger CPython's own pass).
        for _ in range(60):
            await pilot.pause(0.05)
            if garbage() is None:
                break
        assert garbage() is None


def test_strips_are_freed_without_the_cyclic_collector() -> None:
    """A strip divided into one piece, or cropped and extended to its own length, cached
    itself: a cycle that only the collector could free (`readiness.tui.strip_cycles`)."""
    from rich.segment import Segment
    from textual.strip import Strip

    from readiness.tui import strip_cycles

    strip_cycles.install()

    def strips_alive() -> int:
        return sum(isinstance(o, Strip) for o in gc.get_objects())

    gc.collect()
    gc.disable()
    try:
        before = strips_alive()
        for n in range(1, 50):
            strip = Strip([Segment("x" * (n + 1))], n + 1)
            assert strip.divide([n + 1]) == [strip]
            assert strip.crop_extend(0, n + 1, None) is strip
            assert [s.text for s in strip.divide([1, n + 1])] == ["x", "x" * n]
            del strip
        assert strips_alive() == before
    finally:
        gc.enable()
