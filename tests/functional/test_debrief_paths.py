"""The debrief's expert tab (issue 14, point 8): your path and the expert's in one scroll,
each step's two sides on the same lines at 80x24."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.console import Console
from textual.containers import VerticalScroll
from textual.pilot import Pilot
from train_helpers import FakeClock, begin, key_for, let_time_pass, library, paste, train_app

from readiness.engine import Run, build_debrief, new_scenario_result
from readiness.tui.screens import scenario_player
from readiness.tui.screens.scenario_debrief import PANES, DebriefScreen
from readiness.tui.screens.scenario_debrief_text import paths
from readiness.tui.widgets import feed_entry


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> FakeClock:
    fake = FakeClock()
    monkeypatch.setattr(scenario_player, "TIME_SOURCE", fake)
    monkeypatch.setattr(feed_entry, "NEW_ITEM_SECONDS", 3600.0)
    return fake


async def play_to_debrief(pilot: Pilot[int], clock: FakeClock) -> DebriefScreen:
    """storm-en: answer at once, apologise to Lena, then the statement: the debrief."""
    screen = await begin(pilot)
    await let_time_pass(pilot, clock, 4)
    await pilot.press(key_for(screen, "answer"))
    await pilot.pause()
    await paste(pilot, "Sorry Lena, that was a mistake on our side.")
    await pilot.press("ctrl+s")
    await pilot.pause()
    await pilot.press(key_for(screen, "statement"))
    await pilot.pause()
    debrief = pilot.app.screen
    assert isinstance(debrief, DebriefScreen)
    return debrief


async def test_both_paths_scroll_together_step_beside_step(results: Path, clock: FakeClock) -> None:
    app = train_app(results)
    async with app.run_test(size=(80, 24)) as pilot:
        debrief = await play_to_debrief(pilot, clock)
        debrief.active_tab = "tab-expert"
        await pilot.pause()
        await pilot.pause()
        pane = debrief.query_one("#tab-expert")
        assert len(pane.query(VerticalScroll)) == 1  # one scroll for both paths
        assert app.focused is pane.query_one(VerticalScroll)  # arrows scroll it at once
        lines = [s.text for s in debrief._compositor.render_strips()]
        row = next(i for i, line in enumerate(lines) if "2. Your answer" in line)
        assert "Sorry Lena" in lines[row + 1] and "Lena, we are sorry" in lines[row + 1]
        first = next(i for i, line in enumerate(lines) if "1. A post is growing" in line)
        assert lines[first + 1].count("Answer at once.") == 2


def test_the_debrief_text_shows_each_sides_own_title_where_the_paths_branch() -> None:
    scenario = library().get("storm-en", "scenario").model  # type: ignore[union-attr]
    run = Run(scenario, new_scenario_result(scenario))  # type: ignore[arg-type]
    run.advance(2)
    run.choose("delete")
    run.choose("explain")
    console = Console(width=80, record=True)
    console.print(paths(build_debrief(run), run))
    lines = console.export_text().splitlines()
    row = next(i for i, line in enumerate(lines) if line.strip() == "2.")
    assert "The day after" in lines[row + 1] and "Your answer" in lines[row + 1]
    assert "Explain the process." in lines[row + 2]
    assert any("(not on this path)" in line and "Maria calls" in line for line in lines)
    assert "Ending: It fizzled out" in lines[-1] and "Ending: Calm again" in lines[-1]


async def test_each_tab_is_built_when_first_shown_and_kept(results: Path, clock: FakeClock) -> None:
    """The debrief paints its overview first; the other tabs' text is built the first time
    each is shown (→), with the keyboard on it, and stays built when you come back."""
    app = train_app(results)
    async with app.run_test(size=(80, 24)) as pilot:
        debrief = await play_to_debrief(pilot, clock)
        panes = [debrief.pane(pane_id) for pane_id, _ in PANES]
        built = {pane.id: len(pane.children) for pane in panes}
        assert built == {
            "tab-overview": 1,
            "tab-timeline": 0,
            "tab-decisions": 0,
            "tab-replies": 0,
            "tab-expert": 0,
        }
        for pane_id in ("tab-timeline", "tab-decisions", "tab-replies", "tab-expert"):
            await pilot.press("right")
            await pilot.pause()
            await pilot.pause()
            assert debrief.active_tab == pane_id
            assert app.focused is debrief.pane(pane_id).query_one(VerticalScroll)
        lines = "\n".join(s.text for s in debrief._compositor.render_strips())
        assert "Sorry Lena" in lines  # the expert tab: your answer beside the expert's
        replies = debrief.query_one("#tab-replies")
        assert "Sorry Lena, that was a mistake" in str(
            replies.query(".debrief-quote").first().render()
        )
        await pilot.press("right")  # round to the overview: nothing built twice
        await pilot.pause()
        assert debrief.active_tab == "tab-overview"
        assert all(len(pane.children) == 1 for pane in panes)


async def test_the_overview_text_has_the_keyboard_in_the_first_frame(
    results: Path, clock: FakeClock
) -> None:
    """Not the tab titles first (drawn highlighted for a frame) and the text a moment later."""
    app = train_app(results)
    focused_when_first_shown: list[object] = []
    display = app._display

    def recorded(screen: object, update: object) -> None:
        if isinstance(screen, DebriefScreen) and not focused_when_first_shown:
            focused_when_first_shown.append(app.focused)
        display(screen, update)  # type: ignore[arg-type]

    app._display = recorded  # type: ignore[method-assign]
    async with app.run_test(size=(80, 24)) as pilot:
        debrief = await play_to_debrief(pilot, clock)
        overview = debrief.pane("tab-overview").query_one(VerticalScroll)
        assert focused_when_first_shown == [overview]
        assert app.focused is overview
