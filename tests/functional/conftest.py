"""Fixtures shared by the UI tests."""

from __future__ import annotations

import pytest
from train_helpers import FakeClock

from readiness.tui.screens import scenario_player


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> FakeClock:
    """The player's clock, moved only by the test (`let_time_pass`)."""
    fake = FakeClock()
    monkeypatch.setattr(scenario_player, "TIME_SOURCE", fake)
    return fake
