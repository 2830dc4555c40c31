"""SVG snapshots of player and debrief states beyond those in test_every_screen_snapshots.py
(the decision step, the reply step and the expert path at 80×24 and 160×50 in both languages):
the feed tab, the debrief's overview and the reply with its rubric (frozen clock)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from train_helpers import FakeClock, begin, key_for, let_time_pass, paste, train_app

from readiness.tui.screens import scenario_player
from readiness.tui.widgets import feed_entry


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> FakeClock:
    fake = FakeClock()
    monkeypatch.setattr(scenario_player, "TIME_SOURCE", fake)
    monkeypatch.setattr(feed_entry, "NEW_ITEM_SECONDS", 3600.0)  # highlights stay put
    return fake


@pytest.mark.parametrize(("size", "keys"), [((80, 24), "f")])
def test_player_snapshot(
    snap_compare, results: Path, clock: FakeClock, size: tuple[int, int], keys: str
) -> None:  # type: ignore[no-untyped-def]
    """Decision tab and side by side; at 80x24 also the feed tab (`f`): the urgent post with
    its bar, the comment under it, both still highlighted as new."""
    app = train_app(results)

    async def play(pilot: Pilot[int]) -> None:
        await begin(pilot)
        await let_time_pass(pilot, clock, 6.5)
        pilot.app.clear_notifications()
        await pilot.press(*keys)
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=play)


@pytest.mark.parametrize(
    ("size", "tab"),
    [((80, 24), 0), ((120, 40), 0), ((80, 24), 3)],
)
def test_debrief_snapshot(
    snap_compare, results: Path, clock: FakeClock, size: tuple[int, int], tab: int
) -> None:  # type: ignore[no-untyped-def]
    """Overview (scores) at both sizes, the reply with its rubric, the expert path beside yours."""
    app = train_app(results)

    async def play(pilot: Pilot[int]) -> None:
        screen = await begin(pilot)
        await let_time_pass(pilot, clock, 4)
        await pilot.press(key_for(screen, "answer"))
        await pilot.pause()
        await let_time_pass(pilot, clock, 20)
        await paste(pilot, "Sorry Lena, but that was your fault. DM us your order number.")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await let_time_pass(pilot, clock, 3)
        await pilot.press(key_for(screen, "statement"))
        await pilot.pause()
        for _ in range(tab):
            await pilot.press("right")
        pilot.app.clear_notifications()
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=play)
