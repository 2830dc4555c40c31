"""The app asks for fewer garbage-collector passes while it runs and gives the old settings
back when it ends (tests and embedding programs share the process)."""

from __future__ import annotations

import gc
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
