"""Every painted line goes through one filter of the app's: Textual's colour conversion and
ours (controls dropped, emoji widths) together, as they were applied one after the other.

Each filter applied to a new line costs a pass and a new `Strip`; with three, 10-14 µs a
line, one to three milliseconds of a step's frame in the player."""

from __future__ import annotations

from pathlib import Path
from unittest.mock import patch

from rich.text import Text
from textual.app import App
from textual.filter import ANSIToTruecolor
from textual.geometry import Region
from textual.strip import Strip
from textual.widgets import Static

from readiness.settings import Settings
from readiness.tui.app import make_app
from readiness.tui.safe_text import ScreenTextFilter


def cells(strip: Strip) -> list[tuple[str, object]]:
    return [(char, segment.style) for segment in strip for char in segment.text]


async def test_one_filter_converts_colours_and_keeps_controls_off(results: Path) -> None:
    app = make_app(Settings(results_dir=results), home=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.3)
        (one,) = app.get_line_filters()
        assert isinstance(one, ScreenTextFilter)
        truecolor = one.truecolor
        assert isinstance(truecolor, ANSIToTruecolor) and truecolor.enabled

        # A line in terminal colours, dim, with a control character and an emoji: painted as
        # Textual's conversion and then our filter, one after the other, painted it.
        text = Text("red\x1b[2J ", style="red")
        text.append("dim blue 🗑\ufe0f", style="dim bright_blue on black")
        static = Static(text)
        await app.screen.mount(static)
        await pilot.pause()
        crop = Region(0, 0, static.region.width, static.region.height)
        static.refresh()
        line = static.render_lines(crop)[0]
        separate = [*App.get_line_filters(app), ScreenTextFilter()]
        assert [type(f) for f in separate] == [ANSIToTruecolor, ScreenTextFilter]
        with patch.object(app, "get_line_filters", return_value=separate):
            static.refresh()
            expected = static.render_lines(crop)[0]
        assert cells(line) == cells(expected)
        assert line.text.startswith("red[2J dim blue")
        assert all(
            segment.style is None or segment.style.color is None or segment.style.color.triplet
            for segment in line
        )  # every colour a true colour

        # Another theme: Textual makes a new conversion, and the app a new filter for it.
        app.theme = "textual-light"
        await pilot.pause()
        (after,) = app.get_line_filters()
        assert after is not one and after.truecolor is not truecolor  # type: ignore[attr-defined]

        # Terminal colours kept as they are (no conversion): our filter alone.
        app.ansi_color = True
        await pilot.pause()
        assert app.get_line_filters() == [app._text_filter]
