"""A size the app already has is not a resize: the terminal's first report of its size does
not lay the first screen out and paint it a second time right after its first frame
(`repeats_known_size`), nor does the Resize Textual sends a screen it has just laid out
(`LaidOutOnce`). A real resize still reaches the screen."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from builtin_library import builtin_library
from textual import events
from textual.geometry import Size
from textual.screen import Screen

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


async def test_a_screen_that_appears_is_laid_out_once_for_its_size(
    results: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Textual sends a screen it has just laid out a Resize of that same size, and its
    handler lays the screen out again (`LaidOutOnce` drops it); a real resize still counts."""
    relaid: list[tuple[Screen[Any], Size]] = []
    screen_resized = Screen._screen_resized

    def recorded(self: Screen[Any], size: Size) -> None:
        relaid.append((self, size))
        screen_resized(self, size)

    monkeypatch.setattr(Screen, "_screen_resized", recorded)
    app = make_app(Settings(results_dir=results), library=builtin_library())
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(3):
            await pilot.pause()
        home = app.screen
        assert isinstance(home, HomeScreen)
        assert (home, Size(80, 24)) not in relaid
        await pilot.resize_terminal(120, 40)
        await pilot.pause(0.1)
        assert (home, Size(120, 40)) in relaid
        assert home.size == Size(120, 40)


async def test_the_home_screen_is_rendered_once_before_its_first_frame(
    results: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The app starts inside a batch of updates, and Textual drops whatever is painted in
    one: the home screen was rendered whole as it mounted, thrown away and rendered again.
    Now the first render of the home screen is the frame that is shown."""
    renders: list[bool] = []  # per render of the home screen: was the app in a batch?
    render_update = Screen._compositor_refresh

    def recorded(self: Screen[Any]) -> None:
        if isinstance(self, HomeScreen) and self is self.app.screen:
            renders.append(bool(self.app._batch_count))
        render_update(self)

    monkeypatch.setattr(Screen, "_compositor_refresh", recorded)
    app = make_app(Settings(results_dir=results), library=builtin_library())
    shown: list[Any] = []
    display = app._display

    def displayed(screen: Screen[Any], update: Any) -> None:
        if update is not None and not app._batch_count and isinstance(screen, HomeScreen):
            shown.append(update)
        display(screen, update)

    app._display = displayed  # type: ignore[method-assign]
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert shown, "the home screen was painted"
        assert True not in renders, "nothing is rendered while the batch hides it"
