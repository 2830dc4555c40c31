"""Every built-in scenario that loads cleanly plays to its debrief in the real player."""

from __future__ import annotations

from pathlib import Path

import pytest
from builtin_library import builtin_library
from train_helpers import FakeClock, begin, paste

from readiness.models.scenario import Decision
from readiness.settings import Settings
from readiness.tui.app import make_app
from readiness.tui.screens.scenario_debrief import DebriefScreen
from readiness.tui.screens.scenario_player import PlayerScreen

LIBRARY = builtin_library()
BUILTIN = sorted(f.id for f in LIBRARY.scenarios)


@pytest.mark.parametrize("ident", BUILTIN)
async def test_builtin_scenario_plays_to_the_debrief(
    ident: str, results: Path, clock: FakeClock
) -> None:
    content = LIBRARY.get(ident, "scenario")
    assert content is not None
    settings = Settings(
        lang=content.model.language, results_dir=results, participant="smoke", seed=1
    )
    app = make_app(settings, library=LIBRARY, start=content, home=False)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await begin(pilot)
        for _ in range(len(content.model.nodes)):  # type: ignore[union-attr]
            if not isinstance(app.screen, PlayerScreen):
                break
            if isinstance(screen.session.run.node, Decision):
                await pilot.press("1")
            else:
                await paste(pilot, "Sorry!")  # the words are not judged here
                await pilot.press("ctrl+s")
            await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, DebriefScreen)
        assert app.screen.debrief.ending is not None


async def test_a_scenario_opens_from_the_home_screen(results: Path, clock: FakeClock) -> None:
    assert BUILTIN, "no built-in scenario loads (see test_builtin_library)"
    content = LIBRARY.get(BUILTIN[0], "scenario")
    assert content is not None
    app = make_app(Settings(results_dir=results), library=LIBRARY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.open_content(content)
        await begin(pilot)
        await pilot.press("q")
        await pilot.pause()
        assert type(app.screen).__name__ == "HomeScreen"


async def test_page_down_reads_a_situation_cut_off_above_the_choices(
    results: Path, clock: FakeClock
) -> None:
    """At 80x24 every choice shows and a long situation only begins: its question was below
    the fold, and the keyboard is on the choices. Page Down reads on, Page Up goes back."""
    from textual.containers import VerticalScroll

    from readiness.tui.widgets.decision_panel import DecisionPanel

    content = LIBRARY.get("leaked-photos-de", "scenario")
    assert content is not None
    settings = Settings(lang="de", results_dir=results, participant="kim", seed=1)
    app = make_app(settings, library=LIBRARY, start=content, home=False)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await begin(pilot)
        box = screen.query_one(DecisionPanel).query_one(".situation-box", VerticalScroll)
        for _ in range(6):  # on to a decision whose situation is cut off
            if box.max_scroll_y > 0:
                break
            await pilot.press("1")
            await pilot.pause()
        assert isinstance(screen.session.run.node, Decision) and box.max_scroll_y > 0
        chosen = screen.query_one("#choices").highlighted  # type: ignore[attr-defined]
        await pilot.press("pagedown")
        await pilot.pause()
        assert box.scroll_y == box.max_scroll_y  # read to the end (the question)
        await pilot.press("pageup")
        await pilot.pause()
        assert box.scroll_y == 0
        assert screen.query_one("#choices").highlighted == chosen  # type: ignore[attr-defined]
