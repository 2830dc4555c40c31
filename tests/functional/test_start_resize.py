"""The terminal's first report of its size is not a resize: the first screen is laid out and
painted once for it, not a second time right after its first frame (`repeats_known_size`).
A real resize still reaches the screen."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from builtin_library import builtin_library
from textual import events
from textual.geometry import Size

from readiness.settings import Settings
from readiness.tui.app import make_app
from readiness.tui.screens.home import HomeScreen


async def test_the_first_screen_gets_the_terminal_size_once(
    results: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sizes: list[Size] = []
    post_message = HomeScreen.post_message

    def recorded(self: HomeScreen, message: Any) -> bool:
        if isinstance(message, events.Resize):
            sizes.append(message.size)
        return post_message(self, message)

    monkeypatch.setattr(HomeScreen, "post_message", recorded)
    app = make_app(Settings(results_dir=results), library=builtin_library())
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(3):
            await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert sizes == [Size(80, 24)]  # its first layout; the terminal's repeat is dropped
        await pilot.resize_terminal(100, 30)
        await pilot.pause(0.1)
        assert sizes[-1] == Size(100, 30)
        assert app.screen.size == Size(100, 30)
