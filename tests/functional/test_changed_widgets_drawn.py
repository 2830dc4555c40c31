"""A partial update is drawn from the widgets in the changed regions only, and the terminal
still ends up showing exactly the screen.

`readiness.tui.textual_internals.install_changed_widgets_drawn_alone`: Textual drew every
widget in the rectangle around all changed regions; the pick that opens a reply changes the
middle column and the footer, so the unchanged feed and chat beside it were drawn and cut
row by row for nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from rich.cells import cell_len
from rich.segment import Segment
from textual._compositor import ChopsUpdate, LayoutUpdate
from textual.app import App, ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Label, Static
from train_helpers import FakeClock, begin, key_for, paste, train_app

from readiness.tui import textual_internals
from readiness.tui.screens.scenario_player import PlayerScreen

Cell = tuple[str, str]


class Terminal:
    """What a terminal shows after the updates the app sent it, cell by cell."""

    def __init__(self) -> None:
        self.cells: dict[tuple[int, int], Cell] = {}
        self.partial_updates = 0

    def _write(self, x: int, y: int, segments: list[Segment], x1: int, x2: int) -> None:
        for segment in segments:
            if segment.control:
                continue
            look = str(segment.style.clear_meta_and_links()) if segment.style else ""
            for char in segment.text:
                if x1 <= x < x2:
                    self.cells[(x, y)] = (char, look)
                x += cell_len(char)

    def apply(self, update: Any) -> None:
        if isinstance(update, LayoutUpdate):
            region = update.region
            for y, line in enumerate(update.strips, region.y):
                x = region.x
                for strip in line:
                    self._write(x, y, list(strip), region.x, region.right)
                    x += strip.cell_length
        elif isinstance(update, ChopsUpdate):
            self.partial_updates += 1
            for y, x1, x2 in update.spans:
                for x, strip in update.chops[y].items():
                    if strip is not None:
                        self._write(x, y, list(strip), x1, x2)

    def rows(self, width: int, height: int) -> list[list[Cell]]:
        return [[self.cells.get((x, y), (" ", "")) for x in range(width)] for y in range(height)]


def watch(app: App[Any]) -> Terminal:
    terminal = Terminal()
    display = app._display

    def shown(screen: Any, update: Any) -> None:
        if update is not None:
            terminal.apply(update)
        display(screen, update)

    app._display = shown  # type: ignore[method-assign]
    return terminal


def the_screen(app: App[Any]) -> list[list[Cell]]:
    """The whole screen drawn afresh, as a full update would send it."""
    terminal = Terminal()
    terminal.apply(app.screen._compositor.render_full_update())
    width, height = app.size
    return terminal.rows(width, height)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
async def test_the_player_shows_exactly_its_screen_after_every_key(
    results: Path, clock: FakeClock, size: tuple[int, int]
) -> None:
    app = train_app(results)
    terminal = watch(app)
    async with app.run_test(size=size) as pilot:
        screen = await begin(pilot)
        steps: list[tuple[str, ...]] = [("c",), ("f",), ("d",), (key_for(screen, "answer"),)]
        for keys in steps:
            await pilot.press(*keys)
            await pilot.pause()
            assert terminal.rows(*size) == the_screen(app), keys
        await paste(pilot, "We hear you, and we are looking into it now.")
        await pilot.pause()
        assert terminal.rows(*size) == the_screen(app)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PlayerScreen)
        assert terminal.rows(*size) == the_screen(app)
    assert terminal.partial_updates > 5  # the keys were painted by partial updates


async def test_the_unchanged_columns_beside_a_reply_step_are_not_drawn(
    results: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = train_app(results)
    drawn: list[Widget] = []
    render_lines = Widget.render_lines
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await begin(pilot)
        await pilot.pause()

        def counted(self: Widget, crop: Any) -> Any:
            drawn.append(self)
            return render_lines(self, crop)

        monkeypatch.setattr(Widget, "render_lines", counted)
        await pilot.press(key_for(screen, "answer"))
        await pilot.pause()
    names = {widget.id for widget in drawn}
    assert "reply-text" in names  # the reply box, in the middle column, was drawn
    assert not names & {"feed", "chat"}  # the columns beside it did not change


class Layers(App[None]):
    """Two labels far apart, a box floating over one of them, and a translucent cover."""

    CSS = """
    #row { height: 3; }
    #left, #right { width: 1fr; height: 3; background: $panel; }
    #float { layer: above; offset: 2 1; width: 12; height: 3; background: red 50%; }
    Screen { layers: below above; }
    """

    def compose(self) -> ComposeResult:
        with Horizontal(id="row"):
            yield Label("left", id="left")
            yield Label("right", id="right")
        with Vertical():
            yield Static("middle " * 30, id="middle")
        yield Static("floating", id="float")


class Cover(ModalScreen[None]):
    CSS = """
    Cover { background: $background 60%; align: center middle; }
    #box { width: 16; height: 3; }
    """

    def compose(self) -> ComposeResult:
        yield Label("over", id="box")


async def test_layers_and_a_translucent_screen_are_shown_exactly() -> None:
    textual_internals.install_changed_widgets_drawn_alone()
    app = Layers()
    terminal = watch(app)
    async with app.run_test(size=(60, 12)) as pilot:
        await pilot.pause()
        # Two changes far apart: the rectangle around them covers the floating box, which
        # overlaps only one of them.
        app.query_one("#left", Label).update("LEFT")
        app.query_one("#right", Label).update("RIGHT")
        await pilot.pause()
        assert terminal.rows(60, 12) == the_screen(app)
        await app.push_screen(Cover())
        await pilot.pause()
        app.screen.query_one("#box", Label).update("over it")
        await pilot.pause()
        assert terminal.rows(60, 12) == the_screen(app)
    assert terminal.partial_updates >= 2
