"""The title line is one widget (`readiness.tui.widgets.header`): it draws what Textual's header
drew (the SVG snapshots of every screen with a header show the same cells), follows the
title, and the mouse works on it as on Textual's."""

from __future__ import annotations

from pathlib import Path

from textual.app import App, ComposeResult
from textual.command import CommandPalette
from textual.widgets import Header, Static

from readiness.i18n import set_language
from readiness.settings import Settings
from readiness.tui.app import make_app
from readiness.tui.widgets.header import ICON_WIDTH, LocalHeader


class Titled(App[None]):
    TITLE = "Institutional readiness"
    SUB_TITLE = "kim"

    def __init__(self, header: type[LocalHeader] | type[Header] = LocalHeader) -> None:
        super().__init__()
        self.header = header

    def compose(self) -> ComposeResult:
        yield self.header()
        yield Static("body")


def first_line(app: App[None]) -> str:
    return app.screen._compositor.render_strips()[0].text


async def test_the_line_is_the_one_textual_draws_and_follows_the_title() -> None:
    lines = {}
    for header in (Header, LocalHeader):
        app = Titled(header)
        async with app.run_test(size=(60, 5)) as pilot:
            await pilot.pause()
            lines[header] = first_line(app)
            app.sub_title = "a much longer name than fits in this narrow terminal, so cut"
            await pilot.pause()
            lines[header, "long"] = first_line(app)
            app.screen.title = "Result"
            app.screen.sub_title = ""
            await pilot.pause()
            lines[header, "screen"] = first_line(app)
    assert lines[LocalHeader] == lines[Header]
    assert lines[LocalHeader].strip() == "⭘            Institutional readiness — kim"
    assert lines[LocalHeader, "long"] == lines[Header, "long"]
    assert lines[LocalHeader, "long"].rstrip().endswith("…")
    assert lines[LocalHeader, "screen"] == lines[Header, "screen"]
    assert "Result" in lines[LocalHeader, "screen"]


async def test_the_icon_lights_up_says_what_it_does_and_opens_the_palette(results: Path) -> None:
    set_language("de")
    app = make_app(Settings(lang="de", results_dir=results), home=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        header = app.screen.query_one(LocalHeader)
        await pilot.hover(LocalHeader, offset=(1, 0))
        await pilot.pause()
        assert header.tooltip == "Befehlspalette öffnen"
        strip = header.render_lines(header.region.reset_offset)[0]
        lit = {segment.style.bgcolor for segment in strip if segment.text.strip() == "⭘"}
        await pilot.hover(LocalHeader, offset=(ICON_WIDTH + 10, 0))
        await pilot.pause()
        assert header.tooltip is None
        strip = header.render_lines(header.region.reset_offset)[0]
        plain = {segment.style.bgcolor for segment in strip if segment.text.strip() == "⭘"}
        assert lit != plain  # lit only under the mouse

        await pilot.click(LocalHeader, offset=(1, 0))
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)


async def test_a_click_beside_the_icon_makes_the_header_tall_and_back() -> None:
    app = Titled()
    async with app.run_test(size=(60, 8)) as pilot:
        await pilot.pause()
        header = app.query_one(LocalHeader)
        await pilot.click(LocalHeader, offset=(30, 0))
        await pilot.pause()
        assert header.size.height == 3
        lines = [strip.text for strip in app.screen._compositor.render_strips()[:3]]
        assert "Institutional readiness" in lines[1]  # the middle line, as Textual's
        assert "⭘" in lines[1]
        await pilot.click(LocalHeader, offset=(30, 1))
        await pilot.pause()
        assert header.size.height == 1


async def test_without_a_command_palette_the_icon_does_nothing() -> None:
    class Closed(Titled):
        ENABLE_COMMAND_PALETTE = False

    app = Closed()
    async with app.run_test(size=(60, 8)) as pilot:
        await pilot.pause()
        header = app.query_one(LocalHeader)
        await pilot.hover(LocalHeader, offset=(1, 0))
        await pilot.pause()
        assert header.tooltip is None
        await pilot.click(LocalHeader, offset=(1, 0))
        await pilot.pause()
        assert not isinstance(app.screen, CommandPalette)
