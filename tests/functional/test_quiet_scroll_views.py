"""A layout pass repaints a scroll view's scroll bars only when they change.

`readiness.tui.textual_internals.install_quiet_scroll_views`: Textual repainted the scroll
bars of every scroll view (the player's feed and chat, text areas) on every layout pass,
2 ms each at 120x40 in a step change that touched neither."""

from __future__ import annotations

from typing import Any

import pytest
from textual.app import App, ComposeResult
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.scrollbar import ScrollBar
from textual.strip import Strip
from textual.widgets import Static

from readiness.tui import textual_internals


class Tall(ScrollView):
    """A scroll view with 200 lines of content."""

    def on_mount(self) -> None:
        self.virtual_size = Size(20, 200)

    def render_line(self, y: int) -> Strip:
        return Strip.blank(self.size.width)


class Pair(App[None]):
    CSS = "Tall { height: 1fr; } #other { height: 3; }"

    def compose(self) -> ComposeResult:
        yield Static("other", id="other")
        yield Tall()


@pytest.fixture
def scrollbar_refreshes(monkeypatch: pytest.MonkeyPatch) -> list[ScrollBar]:
    seen: list[ScrollBar] = []
    refresh = ScrollBar.refresh

    def counted(self: ScrollBar, *args: Any, **kwargs: Any) -> Any:
        seen.append(self)
        return refresh(self, *args, **kwargs)

    monkeypatch.setattr(ScrollBar, "refresh", counted)
    return seen


async def test_a_layout_pass_leaves_unchanged_scroll_bars_alone(
    scrollbar_refreshes: list[ScrollBar],
) -> None:
    textual_internals.install_quiet_scroll_views()
    app = Pair()
    async with app.run_test(size=(40, 20)) as pilot:
        await pilot.pause()
        tall = app.query_one(Tall)
        bar = tall.vertical_scrollbar
        assert (bar.window_virtual_size, bar.window_size) == (200, 17)
        scrollbar_refreshes.clear()
        app.query_one("#other", Static).update("other\nlonger")  # a layout pass, Tall unchanged
        app.screen.refresh(layout=True)
        await pilot.pause()
        assert bar not in scrollbar_refreshes

        # What the scroll bar shows still follows the view: its content and its size.
        tall.virtual_size = Size(20, 300)
        await pilot.pause()
        assert bar.window_virtual_size == 300
        app.query_one("#other", Static).styles.height = 8
        await pilot.pause()
        assert bar.window_size == 12
        await pilot.resize_terminal(40, 30)
        await pilot.pause()
        assert bar.window_size == 22


async def test_without_it_textual_repaints_them_every_pass(
    scrollbar_refreshes: list[ScrollBar], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The measurement behind the patch, kept honest: Textual's own method does repaint."""
    monkeypatch.setattr(ScrollView, "_size_updated", textual_internals._SCROLL_VIEW_SIZE_UPDATED)
    app = Pair()
    async with app.run_test(size=(40, 20)) as pilot:
        await pilot.pause()
        bar = app.query_one(Tall).vertical_scrollbar
        scrollbar_refreshes.clear()
        app.screen.refresh(layout=True)
        await pilot.pause()
        assert bar in scrollbar_refreshes
