"""Rows that are the same are drawn once and repeated, and every widget looks as Textual draws it.

`readiness.tui.textual_internals.install_alike_rows_drawn_once`: Textual drew every row of a
container (a column, a panel, a screen's background) and of a scroll bar through its styles
cache, 1-1.7 ms per column at 120x40, though a row is drawn from its kind (border, padding,
content) and the widget's own line there, and most of those rows have the same of both."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from rich.console import Group
from rich.style import Style
from rich.text import Text
from textual._styles_cache import StylesCache
from textual.app import App, ComposeResult
from textual.containers import Grid, Horizontal, Vertical, VerticalScroll
from textual.geometry import Region
from textual.screen import ModalScreen
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Label, OptionList, Static

from readiness.tui import textual_internals

CSS = """
#plain { height: 6; background: $panel; }
#padded { height: 9; padding: 2 3 1 1; background: $boost; }
#framed { height: 10; border: round $primary; padding: 1 2; border-title-align: center; }
#outlined { height: 7; outline: heavy $warning; padding: 1 0 2 0; }
#hatched { height: 5; hatch: cross $accent 40%; }
#tinted { height: 5; background: red; tint: blue 30%; opacity: 70%; }
#left-edge { height: 6; border-left: thick $success; border-bottom: tall $error; }
#keylined { height: 6; layout: grid; grid-size: 2; keyline: thin $primary; }
#scroller { height: 6; border: solid $secondary; }
Label { height: 1; }
"""


class Containers(App[None]):
    """One container for each way Textual draws a container's rows."""

    CSS = CSS

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="page"):
            with Vertical(id="plain"):
                yield Label("plain")
            with Vertical(id="padded"):
                yield Label("padded")
            framed = Vertical(Label("framed"), id="framed")
            framed.border_title = "Title"
            framed.border_subtitle = "Sub"
            yield framed
            yield Vertical(Label("outlined"), id="outlined")
            yield Vertical(Label("hatched"), id="hatched")
            yield Vertical(Label("tinted"), id="tinted")
            yield Horizontal(Label("left"), id="left-edge")
            yield Grid(Label("a"), Label("b"), Label("c"), Label("d"), id="keylined")
            with VerticalScroll(id="scroller"):
                for number in range(12):
                    yield Static(f"line {number}")


class Cover(ModalScreen[None]):
    """A translucent screen: the one beneath shows through, row by row."""

    CSS = """
    Cover { background: $background 60%; align: center middle; }
    #box { width: 20; height: 5; border: thick $primary; }
    """

    def compose(self) -> ComposeResult:
        yield Vertical(Label("over"), id="box")


def cells(lines: list[Strip]) -> list[list[tuple[str, Style | None]]]:
    """Each row as (character, style) per cell, however the row is cut into segments."""
    return [
        [(char, segment.style) for segment in strip for char in segment.text] for strip in lines
    ]


def widgets(app: App[Any]) -> Iterator[Widget]:
    """Every widget on the screen, the screen and the scroll bars shown included."""
    for widget in [app.screen, *app.screen.query(Widget)]:
        yield widget
        if widget.show_vertical_scrollbar:
            yield widget.vertical_scrollbar
        if widget.show_horizontal_scrollbar:
            yield widget.horizontal_scrollbar


def fresh(widget: Widget, crop: Region, render: Any) -> list[Strip]:
    widget._set_dirty()  # as after a change of style or size: every row to be drawn again
    lines: list[Strip] = render(widget, crop)
    return lines


@pytest.fixture
def rows_drawn(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The y of every row Textual's styles cache draws."""
    seen: list[int] = []
    render_line = StylesCache.render_line

    def counted(self: StylesCache, styles: Any, y: int, *args: Any) -> Strip:
        seen.append(y)
        return render_line(self, styles, y, *args)

    monkeypatch.setattr(StylesCache, "render_line", counted)
    return seen


async def test_every_container_looks_as_textual_draws_it(rows_drawn: list[int]) -> None:
    textual_internals.install_alike_rows_drawn_once()
    original = textual_internals._WIDGET_RENDER_LINES
    app = Containers()
    async with app.run_test(size=(50, 40)) as pilot:
        await pilot.pause()
        app.query_one("#page").scroll_to(y=8, animate=False)
        await pilot.pause()
        compared = 0
        for widget in widgets(app):
            region = widget.region
            if not region:
                continue
            whole = Region(0, 0, region.width, region.height)
            inner = Region(1, 1, max(1, region.width - 3), max(1, region.height - 2))
            for crop in (whole, inner):
                mine = fresh(widget, crop, Widget.render_lines)
                textuals = fresh(widget, crop, original)
                assert cells(mine) == cells(textuals), f"{widget!r} {crop}"
                compared += 1
        assert compared > 20

        # The plain column (6 rows) is drawn from one row; the framed box (10 rows: top border,
        # top padding, content, bottom padding, bottom border) from five; the scroller's scroll
        # bar (4 rows, 12 lines scrolled to the top) from its thumb, the thumb's end and one
        # row of its track.
        rows_drawn.clear()
        fresh(app.query_one("#plain"), Region(0, 0, 50, 6), Widget.render_lines)
        assert rows_drawn == [0]
        rows_drawn.clear()
        fresh(app.query_one("#framed"), Region(0, 0, 50, 10), Widget.render_lines)
        assert rows_drawn == [0, 1, 2, 8, 9]
        bar = app.query_one("#scroller").vertical_scrollbar
        rows_drawn.clear()
        fresh(bar, Region(0, 0, bar.region.width, 4), Widget.render_lines)
        assert rows_drawn == [0, 1, 2]
        # An outline with padding: Textual repeats its top row for the bottom padding (a
        # Textual quirk), so every row is left to Textual to stay as it draws it.
        rows_drawn.clear()
        fresh(app.query_one("#outlined"), Region(0, 0, 50, 7), Widget.render_lines)
        assert rows_drawn == list(range(7))


async def test_a_translucent_screen_shows_what_is_beneath_row_by_row() -> None:
    textual_internals.install_alike_rows_drawn_once()
    app = Containers()
    async with app.run_test(size=(40, 20)) as pilot:
        await pilot.pause()
        await app.push_screen(Cover())
        await pilot.pause()
        lines = fresh(app.screen, Region(0, 0, 40, 20), Widget.render_lines)
        assert any("plain" in line.text for line in lines)  # the screen beneath, dimmed
        assert cells(lines) == cells(
            fresh(app.screen, Region(0, 0, 40, 20), textual_internals._WIDGET_RENDER_LINES)
        )


async def test_a_dirty_row_redraws_the_row_its_kind_is_drawn_from() -> None:
    textual_internals.install_alike_rows_drawn_once()
    app = Containers()
    async with app.run_test(size=(50, 40)) as pilot:
        await pilot.pause()
        plain = app.query_one("#plain")
        crop = Region(0, 0, plain.region.width, 6)
        expected = cells(fresh(plain, crop, textual_internals._WIDGET_RENDER_LINES))
        plain._set_dirty()
        Widget.render_lines(plain, crop)
        stale = Strip.blank(crop.width, Style(bgcolor="#ff00ff"))
        plain._styles_cache._cache[0] = stale  # the row the others are copied from, outdated
        # Only row 4 is marked for redrawing (as a refresh of a region does): Textual would
        # draw row 4 again, so the row it is copied from is drawn again too.
        plain._styles_cache.set_dirty(Region(0, 4, crop.width, 1))
        assert cells(Widget.render_lines(plain, crop)) == expected
        # Nothing dirty: the cached row is used as Textual uses its cache.
        plain._styles_cache._cache[0] = stale
        assert cells(Widget.render_lines(plain, crop)) == cells([stale] * 6)


async def test_each_row_of_a_text_is_drawn_with_its_own_position(rows_drawn: list[int]) -> None:
    """Even blank lines of a text differ: each carries where it is, for selecting text."""
    textual_internals.install_alike_rows_drawn_once()
    app = Containers()
    async with app.run_test(size=(50, 40)) as pilot:
        await pilot.pause()
        text = Static("one\n\n\ntwo\n\nthree")
        await app.query_one("#plain").mount(text)
        await pilot.pause()
        rows_drawn.clear()
        lines = fresh(text, Region(0, 0, text.region.width, 6), Widget.render_lines)
        assert rows_drawn == [0, 1, 2, 3, 4, 5]
        assert [strip.text.strip() for strip in lines] == ["one", "", "", "two", "", "three"]
        assert [next(iter(strip)).style.meta["offset"] for strip in lines] == [
            (0, y) for y in range(6)
        ]


async def test_a_rich_renderable_draws_a_repeated_line_once_and_the_rest_in_runs(
    rows_drawn: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Rich renderables other than text carry no positions: their blank lines are alike.
    The different rows between them are drawn in runs, one call of Textual's each, not row
    by row."""
    textual_internals.install_alike_rows_drawn_once()
    calls: list[Region] = []
    original = textual_internals._WIDGET_RENDER_LINES

    def counted(widget: Widget, crop: Region) -> list[Strip]:
        calls.append(crop)
        return original(widget, crop)

    app = Containers()
    async with app.run_test(size=(50, 40)) as pilot:
        await pilot.pause()
        text = Static(Group(*(Text(line) for line in ["one", "two", "", "3", "4", "", "5"])))
        await app.query_one("#plain").mount(text)
        await pilot.pause()
        crop = Region(0, 0, text.region.width, 7)
        expected = cells(fresh(text, crop, original))
        monkeypatch.setattr(textual_internals, "_WIDGET_RENDER_LINES", counted)
        rows_drawn.clear()
        lines = fresh(text, crop, Widget.render_lines)
        assert cells(lines) == expected
        assert rows_drawn == [0, 1, 2, 3, 4, 6]
        assert [(c.y, c.height) for c in calls] == [(0, 5), (6, 1)]


async def test_a_widget_drawing_its_own_lines_is_left_to_textual(rows_drawn: list[int]) -> None:
    textual_internals.install_alike_rows_drawn_once()
    app = Containers()
    async with app.run_test(size=(50, 40)) as pilot:
        await pilot.pause()
        options = OptionList("same", "same", "same", id="options")
        await app.query_one("#plain").mount(options)
        await pilot.pause()
        rows_drawn.clear()
        fresh(options, Region(0, 0, options.region.width, 3), Widget.render_lines)
        assert sorted(rows_drawn) == list(range(options.region.height))[:3]
