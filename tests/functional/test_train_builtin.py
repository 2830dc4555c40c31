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
