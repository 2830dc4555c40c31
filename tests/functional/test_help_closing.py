"""The help's closing sentence fits the screen it is shown on: the dashboard's ended with
"Everything you answer is saved at once", though nobody answers anything there."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_waits import until
from test_assess_flow import FIXTURE
from test_dashboard import fill_room, library
from textual.pilot import Pilot
from textual.widgets import Static

from readiness.content.loader import Library, parse_file
from readiness.i18n import t
from readiness.settings import Settings
from readiness.tui.app import ReadinessApp, make_app
from readiness.tui.screens.assessment_question import QuestionScreen
from readiness.tui.screens.dashboard_dialogs import InjectDialog
from readiness.tui.screens.help import HelpScreen
from readiness.tui.workshop_apps import make_dashboard_app


async def help_text(pilot: Pilot[int], app: ReadinessApp, key: str = "question_mark") -> str:
    await pilot.press(key)
    await until(pilot, lambda: isinstance(app.screen, HelpScreen))
    text = " ".join(str(s.render()) for s in app.screen.query(Static))
    await pilot.press("escape")
    await until(pilot, lambda: not isinstance(app.screen, HelpScreen))
    return " ".join(text.split())


@pytest.mark.parametrize("lang", ["de", "en"])
async def test_the_dashboard_help_speaks_of_the_dashboard(tmp_path: Path, lang: str) -> None:
    room = tmp_path / "room"
    room.mkdir()
    fill_room(room, library())
    settings = Settings(lang=lang, results_dir=room)
    app = make_dashboard_app(settings, room, library=library())
    closing, usual = t("workshop.dash.help", lang), t("help.body", lang)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        on_dashboard = await help_text(pilot, app)
        assert closing in on_dashboard and usual not in on_dashboard
        await pilot.press("i")  # a dialog belongs to the screen beneath it
        await until(pilot, lambda: isinstance(app.screen, InjectDialog))
        over_dialog = await help_text(pilot, app, "f1")
        assert closing in over_dialog and usual not in over_dialog


async def test_a_question_keeps_the_usual_closing(results: Path) -> None:
    content, _ = parse_file(FIXTURE)
    assert content is not None
    settings = Settings(lang="de", results_dir=results, participant="Kim")
    app = make_app(settings, library=Library(files=[content]), start=content, home=False)
    async with app.run_test(size=(100, 40)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, QuestionScreen))
        text = await help_text(pilot, app)
        assert "Alles, was Sie beantworten, wird sofort gespeichert." in text
        assert t("workshop.dash.help", "de") not in text
