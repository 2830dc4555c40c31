"""`q` means the same on every screen (issue 14, point 9): leave this screen (Esc too), shown in
the footer as q/Esc; answers are saved as they are given, so nothing is asked or lost."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_assess_flow import FIXTURE
from test_dashboard import fill_room, library
from textual.pilot import Pilot

from readiness.content.loader import Library, parse_file
from readiness.settings import Settings
from readiness.storage import scan_results
from readiness.tui.app import ReadinessApp, make_app
from readiness.tui.screens.assessment import QuestionScreen
from readiness.tui.screens.assessment_overview import OverviewScreen
from readiness.tui.screens.assessment_result import ResultScreen
from readiness.tui.screens.home import HomeScreen
from readiness.tui.screens.report import ReportScreen
from readiness.tui.workshop_apps import make_dashboard_app


def footer(app: ReadinessApp) -> str:
    return app.screen._compositor.render_strips()[-1].text


def home_app(results: Path) -> tuple[ReadinessApp, object]:
    content, problems = parse_file(FIXTURE)
    assert content is not None, problems
    settings = Settings(results_dir=results, participant="Kim")
    return make_app(settings, library=Library(files=[content])), content


async def wait_for(pilot: Pilot[object], kind: type) -> None:
    for _ in range(200):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        if isinstance(pilot.app.screen, kind):
            return
    raise AssertionError(f"never reached {kind.__name__}, at {pilot.app.screen!r}")


async def test_q_leaves_question_overview_result_and_report_one_screen_at_a_time(
    results: Path,
) -> None:
    app, content = home_app(results)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        app.open_content(content)  # type: ignore[arg-type]
        await wait_for(pilot, QuestionScreen)
        assert "q/Esc Leave" in footer(app)
        await pilot.press("1", "enter", "o")
        assert isinstance(app.screen, OverviewScreen)
        assert "q/Esc" in footer(app)
        await pilot.press("q")  # the overview goes back to the question
        assert isinstance(app.screen, QuestionScreen)
        await pilot.press("r")  # the result so far
        assert isinstance(app.screen, ResultScreen)
        assert "q/Esc Leave" in footer(app)
        await pilot.press("g")
        await wait_for(pilot, ReportScreen)
        assert "q/Esc Back" in footer(app)
        await pilot.press("q")  # the report goes back to the result
        assert isinstance(app.screen, ResultScreen)
        await pilot.press("q")  # the result leaves the assessment: home, answers saved
        await wait_for(pilot, HomeScreen)
        assert any("answers are saved" in n.message for n in app._notifications)
        assert app.is_running
    [(_, run)] = scan_results(results)[0]
    assert run.answers["goals"].value == "yes"  # type: ignore[union-attr]


async def test_escape_leaves_a_question_like_q(results: Path) -> None:
    app, content = home_app(results)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.open_content(content)  # type: ignore[arg-type]
        await wait_for(pilot, QuestionScreen)
        await pilot.press("2", "enter", "escape")
        await wait_for(pilot, HomeScreen)


async def test_the_german_question_footer_shows_q_at_80_columns(results: Path) -> None:
    content, _ = parse_file(FIXTURE)
    assert content is not None
    settings = Settings(lang="de", results_dir=results, participant="Kim")
    app = make_app(settings, library=Library(files=[content]), start=content, home=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "q/Esc Verlassen" in footer(app) and "? Hilfe" in footer(app)


@pytest.mark.parametrize(
    ("lang", "shown"), [("en", "q/Esc Quit ? Help"), ("de", "q/Esc Beenden ? Hilfe")]
)
async def test_the_dashboard_shows_q_and_leaves_on_it(
    tmp_path: Path, lang: str, shown: str
) -> None:
    room = tmp_path / "room"
    room.mkdir()
    fill_room(room, library())
    settings = Settings(lang=lang, results_dir=room)  # type: ignore[arg-type]
    app = make_dashboard_app(settings, room, library=library())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert shown in footer(app)
        await pilot.press("q")
        await pilot.pause()
    assert not app.is_running


async def test_q_on_the_briefing_leaves_the_exercise(results: Path) -> None:
    from train_helpers import opened, train_app

    from readiness.tui.screens.scenario_dialogs import BriefingScreen

    app = train_app(results)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        assert isinstance(app.screen, BriefingScreen)
        await pilot.press("q")
        await pilot.pause()
    assert not app.is_running and app.return_code in (0, None)


async def test_keys_typed_after_q_on_home_are_ignored_while_the_app_closes(
    results: Path,
) -> None:
    """A fast typist's `q` then `r`: the app is already closing when `r` arrives. It opened
    the results browser into the closing app, which failed with a traceback on the way out."""
    from textual import events

    app, _ = home_app(results)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for key in ("q", "r"):  # both queued before the app handles the first
            app.post_message(events.Key(key, key))
        await pilot.pause(0.5)
    assert app.return_code == 0
