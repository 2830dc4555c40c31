"""A screen that lays itself out before painting (`SettledLayout`: the question, the player,
the result and the debrief) is styled once when it first appears: as it mounts, not again
when it becomes current moments later (Textual restyles every widget of a screen then)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.app import App
from train_helpers import FakeClock, begin, train_app


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
