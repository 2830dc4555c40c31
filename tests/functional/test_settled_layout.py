"""A screen that lays itself out before painting (`SettledLayout`: the question, the player,
the result and the debrief) is styled once when it first appears: as it mounts, not again
when it becomes current moments later (Textual restyles every widget of a screen then)."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from textual.app import App
from train_helpers import FakeClock, begin, train_app

from readiness.tui.screens.scenario_player import PlayerScreen
from readiness.tui.widgets.tab_line import TabLine


async def test_the_player_is_not_restyled_whole_when_it_appears(
    results: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    restyled: list[Any] = []
    update_styles = App.update_styles

    def recorded(self: App[Any], node: Any, animate: bool = True) -> None:
        restyled.append(node)
        update_styles(self, node, animate)

    monkeypatch.setattr(App, "update_styles", recorded)
    app = train_app(results)
    async with app.run_test(size=(80, 24)) as pilot:
        player = await begin(pilot)
        assert player not in restyled
        # That its widgets still look as they should is what the screen snapshots check
        # (test_every_screen_snapshots, test_train_snapshots): unchanged by this.


async def test_a_key_is_painted_as_soon_as_the_screen_is_idle(
    results: Path, clock: FakeClock
) -> None:
    """Textual paints on a timer that can be two frame periods from its next tick; the player
    paints a key's changes once it is idle instead. With that timer stopped, the tab a key
    switches to is still painted."""
    app = train_app(results)
    frames: list[str] = []
    display = app._display

    def recorded(screen: Any, update: Any) -> None:
        if update is not None and isinstance(screen, PlayerScreen):
            frames.append(screen.query_one(TabLine).active)
        display(screen, update)

    app._display = recorded  # type: ignore[method-assign]
    async with app.run_test(size=(80, 24)) as pilot:
        player = await begin(pilot)
        await pilot.pause()
        player._update_timer.stop()
        frames.clear()
        for key, tab in (("c", "tab-chat"), ("f", "tab-feed")):
            await pilot.press(key)  # (pilot.pause() would paint through the timer's handler)
            for _ in range(200):  # up to 2 s on a slow machine; normally the first turn
                if frames and frames[-1] == tab:
                    break
                await asyncio.sleep(0.01)
            assert frames and frames[-1] == tab
