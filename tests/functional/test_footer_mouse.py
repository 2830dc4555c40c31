"""The footer is one widget that draws its entries as a line: the mouse still works on it as
on Textual's footer (a click presses the entry's key, a disabled entry rings the bell, the
entry under the mouse is lit)."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widget import Widget
from textual.widgets import Static

from readiness.tui.widgets.footer import LocalFooter
from readiness.tui.widgets.steady_footer import SteadyFooter


class Keys(App[None]):
    BINDINGS = [
        Binding("x", "count", "Count", tooltip="Counts one up"),
        ("y", "locked", "Locked"),
        ("t", "switch_on", "Switch on"),
        ("t", "switch_off", "Switch off"),
        ("question_mark", "help", "Help"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.counted = 0
        self.bells = 0
        self.switched = False

    def compose(self) -> ComposeResult:
        yield Static("body")
        yield SteadyFooter(compact=True, show_command_palette=False)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "locked":
            return None  # shown, disabled
        if action in ("switch_on", "switch_off"):
            return (action == "switch_off") == self.switched  # one of the two is shown
        return True

    def action_switch_on(self) -> None:
        self.switched = True
        self.refresh_bindings()

    def action_switch_off(self) -> None:
        self.switched = False
        self.refresh_bindings()

    def action_count(self) -> None:
        self.counted += 1

    def action_locked(self) -> None:
        raise AssertionError("a disabled entry must not run its action")

    def bell(self) -> None:
        self.bells += 1


def footer_line(app: App[None]) -> str:
    return app.screen._compositor.render_strips()[-1].text


def cell_of(app: App[None], text: str) -> int:
    line = footer_line(app)
    assert text in line, line
    return line.index(text)


async def test_a_click_on_an_entry_presses_its_key() -> None:
    app = Keys()
    async with app.run_test(size=(60, 5)) as pilot:
        await pilot.pause()
        x = cell_of(app, "Count")
        await pilot.click(LocalFooter, offset=(x, 0))
        await pilot.pause()
        assert app.counted == 1
        await pilot.click(LocalFooter, offset=(58, 0))  # past the last entry: nothing
        await pilot.pause()
        assert app.counted == 1 and app.bells == 0


async def test_a_disabled_entry_is_shown_dimmed_and_rings_the_bell() -> None:
    app = Keys()
    async with app.run_test(size=(60, 5)) as pilot:
        await pilot.pause()
        footer = app.screen.query_one(LocalFooter)
        entries = {entry.action: entry for entry in footer.entries}
        assert not entries["locked"].enabled and entries["count"].enabled
        strip = app.screen._compositor.render_strips()[-1]
        styles = {segment.text.strip(): segment.style for segment in strip if segment.text.strip()}
        locked, count = styles["Locked"], styles["Count"]
        # Textual draws dim text as a colour halfway to the background.
        assert locked is not None and count is not None and locked.color != count.color
        await pilot.click(LocalFooter, offset=(cell_of(app, "Locked"), 0))
        await pilot.pause()
        assert app.bells == 1


async def test_the_entry_under_the_mouse_is_lit() -> None:
    app = Keys()
    async with app.run_test(size=(60, 5)) as pilot:
        await pilot.pause()

        def background(text: str) -> object:
            strip = app.screen._compositor.render_strips()[-1]
            for segment in strip:
                if segment.text.strip() == text and segment.style is not None:
                    return segment.style.bgcolor
            raise AssertionError(text)

        before = background("Count")
        await pilot.hover(LocalFooter, offset=(cell_of(app, "Count"), 0))
        await pilot.pause()
        assert background("Count") != before
        assert background("Help") == before  # only the entry under the mouse
        await pilot.hover(Static, offset=(0, 0))
        await pilot.pause()
        assert background("Count") == before


async def test_an_entry_clicked_and_replaced_stays_lit_under_the_mouse() -> None:
    """A toggle's entry changes its label when clicked; the mouse has not moved, so the new
    entry under it is lit, as on Textual's footer."""
    app = Keys()
    async with app.run_test(size=(60, 5)) as pilot:
        await pilot.pause()

        def lit(text: str) -> bool:
            strip = app.screen._compositor.render_strips()[-1]
            plain = [s for s in strip if s.text.strip() == text and s.style is not None]
            help_ = [s for s in strip if s.text.strip() == "Help" and s.style is not None]
            assert plain and help_, (text, strip.text)
            return plain[0].style.bgcolor != help_[0].style.bgcolor  # type: ignore[union-attr]

        x = cell_of(app, "Switch on")
        await pilot.hover(LocalFooter, offset=(x, 0))
        await pilot.pause()
        assert lit("Switch on")
        await pilot.click(LocalFooter, offset=(x, 0))
        await pilot.pause()
        assert app.switched and "Switch off" in footer_line(app)
        assert lit("Switch off")


async def test_no_tooltip_is_left_behind_when_the_mouse_leaves() -> None:
    app = Keys()
    async with app.run_test(size=(60, 5)) as pilot:
        await pilot.pause()
        footer = app.screen.query_one(LocalFooter)
        await pilot.hover(LocalFooter, offset=(cell_of(app, "Count"), 0))
        await pilot.pause()
        assert footer.tooltip == "Counts one up"
        await pilot.hover(Static, offset=(0, 0))
        await pilot.pause()
        assert footer.tooltip is None


async def test_the_footer_stays_under_a_maximized_widget(results: Path) -> None:
    from readiness.settings import Settings
    from readiness.tui.app import make_app

    app = make_app(Settings(results_dir=results), home=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause(0.3)
        focused = app.focused
        assert focused is not None
        app.screen.maximize(focused)
        await pilot.pause()
        assert app.screen.maximized is focused
        assert "Help" in footer_line(app)


async def test_a_line_shown_before_is_not_drawn_again(monkeypatch: pytest.MonkeyPatch) -> None:
    """The player's footer changes between a decision's keys and a reply's at every step: a
    line shown before is kept, as Textual would draw it; new keys, the entry under the mouse
    and another theme are drawn."""
    drawn: list[str] = []
    render = LocalFooter.render

    def counted(self: LocalFooter) -> Text:
        line = render(self)
        drawn.append(line.plain)
        return line

    monkeypatch.setattr(LocalFooter, "render", counted)
    # The drawn lines are shared by every footer of the process: start from none, or a line
    # another test in this process drew would count as shown before.
    monkeypatch.setattr(LocalFooter, "_lines", {})
    app = Keys()
    async with app.run_test(size=(60, 5)) as pilot:
        await pilot.pause()
        first = app.screen._compositor.render_strips()[-1]
        drawn.clear()
        await pilot.press("t")  # "Switch on" becomes "Switch off"
        await pilot.pause()
        assert "Switch off" in footer_line(app)
        assert len(drawn) == 1
        await pilot.press("t")
        await pilot.pause()
        assert app.screen._compositor.render_strips()[-1] == first
        assert len(drawn) == 1  # the first line, kept

        footer = app.screen.query_one(LocalFooter)
        kept = footer.render_line(0)
        footer.refresh()  # Textual's own drawing of the same entries
        assert Widget.render_line(footer, 0) == kept

        drawn.clear()
        await pilot.hover(LocalFooter, offset=(cell_of(app, "Count"), 0))
        await pilot.pause()
        assert len(drawn) == 1  # lit: another line
        await pilot.hover(Static, offset=(0, 0))
        await pilot.pause()
        assert len(drawn) == 1 and app.screen._compositor.render_strips()[-1] == first

        app.theme = "textual-light"
        await pilot.pause()
        assert len(drawn) >= 2
        assert app.screen._compositor.render_strips()[-1] != first  # the light theme's colours
