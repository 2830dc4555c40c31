"""The debrief's tab titles: one line of titles, the active one underlined, a click picks one,
and on a narrow terminal the active title stays in view."""

from __future__ import annotations

from textual.app import App, ComposeResult

from readiness.tui.widgets.tab_line import TabLine

TABS = [("a", "Overview"), ("b", "Timeline"), ("c", "Decisions"), ("d", "Expert path")]


class TabsApp(App[None]):
    def __init__(self) -> None:
        super().__init__()
        self.changes: list[str] = []

    def compose(self) -> ComposeResult:
        yield TabLine(TABS)

    def on_tab_line_changed(self, event: TabLine.Changed) -> None:
        self.changes.append(event.tab)


def lines(app: App[None]) -> list[str]:
    return [strip.text for strip in app.screen._compositor.render_strips()]


def bar_under(app: App[None]) -> str:
    """The titles' text above the highlighted part of the bar."""
    tab_line = app.query_one(TabLine)
    strips = app.screen._compositor.render_strips()
    bar_color = tab_line.get_component_rich_style("tab-line--bar").color
    x, under = 0, []
    for segment in strips[1]:
        if segment.style is not None and segment.style.color == bar_color:
            under.extend(range(x, x + len(segment.text)))
        x += len(segment.text)
    return "".join(strips[0].text[i] for i in under)


async def test_the_titles_sit_on_one_line_and_the_bar_marks_the_active_one() -> None:
    app = TabsApp()
    async with app.run_test(size=(80, 5)) as pilot:
        await pilot.pause()
        assert lines(app)[0].rstrip() == " Overview  Timeline  Decisions  Expert path"
        assert bar_under(app) == "Overview"
        app.query_one(TabLine).step(1)
        await pilot.pause()
        assert bar_under(app) == "Timeline"
        app.query_one(TabLine).step(-2)  # round past the first to the last
        await pilot.pause()
        assert bar_under(app) == "Expert path"
        assert app.changes == ["b", "d"]


async def test_a_click_on_a_title_shows_that_tab() -> None:
    app = TabsApp()
    async with app.run_test(size=(80, 5)) as pilot:
        await pilot.pause()
        await pilot.click(TabLine, offset=(23, 0))  # on "Decisions"
        await pilot.pause()
        assert app.query_one(TabLine).active == "c"
        assert app.changes == ["c"]
        await pilot.click(TabLine, offset=(1, 1))  # the bar under "Overview" counts too
        await pilot.pause()
        assert app.changes == ["c", "a"]


async def test_on_a_narrow_terminal_the_active_title_stays_in_view() -> None:
    app = TabsApp()
    async with app.run_test(size=(30, 5)) as pilot:
        await pilot.pause()
        assert lines(app)[0].startswith(" Overview  Timeline")
        assert bar_under(app) == "Overview"  # the titles cut at the edge, not wrapped
        app.query_one(TabLine).active = "c"  # ends past the edge: the line moves just enough
        await pilot.pause()
        assert lines(app)[0].rstrip().endswith("Decisions")
        assert bar_under(app) == "Decisions"
        app.query_one(TabLine).active = "d"
        await pilot.pause()
        assert lines(app)[0].rstrip().endswith("Expert path")
        assert bar_under(app) == "Expert path"
        shown = lines(app)[0]
        await pilot.click(TabLine, offset=(shown.index("Decisions") + 2, 0))
        await pilot.pause()
        assert app.query_one(TabLine).active == "c"  # the click found the shifted title


async def test_with_the_keyboard_on_the_line_the_arrows_switch_tabs() -> None:
    """Tab from a reply box lands here (as on Textual's tab bar); ← → then switch tabs."""
    app = TabsApp()
    async with app.run_test(size=(80, 5)) as pilot:
        await pilot.press("tab")
        assert isinstance(app.focused, TabLine)
        await pilot.press("right", "right")
        await pilot.pause()
        assert app.changes == ["b", "c"]
        await pilot.press("left")
        await pilot.pause()
        assert app.query_one(TabLine).active == "b"
