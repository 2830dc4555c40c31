"""`readiness play FILE` previews and keeps nothing: it must not say it saved (issue 16, 15)."""

from __future__ import annotations

from pathlib import Path

from pilot_waits import until
from textual.app import App

from readiness.authoring.load import load_file
from readiness.authoring.scaffold import write_scaffold
from readiness.settings import Settings
from readiness.tui.keys import label
from readiness.tui.play_watch import WatchApp
from readiness.tui.screens.scenario_dialogs import BriefingScreen
from readiness.tui.screens.scenario_player import PlayerScreen


def shown_leave_bindings(screen: PlayerScreen) -> list[str]:
    """Descriptions of the leave bindings the footer shows (check_action decides)."""
    return [
        label(b.description)
        for b in screen.BINDINGS
        if not isinstance(b, tuple)
        and b.action in ("leave", "leave_preview")
        and screen.check_action(b.action, ())
    ]


async def test_preview_footer_and_leaving_never_claim_a_save(tmp_path: Path) -> None:
    path = write_scaffold("scenario", "preview", "en", tmp_path)
    content, problems = load_file(path)
    settings = Settings(lang="en", results_dir=tmp_path / "unused", seed=1)  # type: ignore[arg-type]
    app = WatchApp(settings, path, content, problems, watch=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, BriefingScreen))
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, PlayerScreen))
        screen = app.screen
        assert isinstance(screen, PlayerScreen)
        assert shown_leave_bindings(screen) == ["Leave (preview, not saved)"]
        await pilot.press("q")
        await pilot.pause()
        assert all("saved" not in n.message.lower() for n in app._notifications)
    assert not (tmp_path / "unused").exists()


async def test_a_real_run_still_says_saved() -> None:
    """Outside a preview the player keeps its "Leave (saved)" key."""
    from readiness.tui.screens.scenario_player import PlayerScreen as Player

    labels = [label(b.description) for b in Player.BINDINGS if not isinstance(b, tuple)]
    assert "Leave (saved)" in labels and "Leave (preview, not saved)" in labels


async def test_preview_help_says_nothing_is_saved(tmp_path: Path) -> None:
    from textual.widgets import Static

    from readiness.tui.screens.help import HelpScreen

    path = write_scaffold("scenario", "preview", "en", tmp_path)
    content, problems = load_file(path)
    settings = Settings(lang="en", results_dir=tmp_path / "unused", seed=1)  # type: ignore[arg-type]
    app = WatchApp(settings, path, content, problems, watch=False)
    async with app.run_test(size=(100, 40)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, BriefingScreen))
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, PlayerScreen))
        await pilot.press("question_mark")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen))
        text = " ".join(str(s.render()) for s in app.screen.query(Static))
        assert "nothing you answer is saved" in text
        assert "Everything you answer is saved" not in text


def footer_text(app: App[int]) -> str:
    return app.screen._compositor.render_strips()[-1].text


async def test_an_assessment_preview_says_so_in_the_footer(tmp_path: Path) -> None:
    """`play` on an assessment showed just "Verlassen", where a scenario preview says that it
    keeps nothing; the question and the result screen now say it too, and leaving says
    nothing about saving."""
    from readiness.tui.screens.assessment_question import QuestionScreen
    from readiness.tui.screens.assessment_result import ResultScreen

    path = write_scaffold("assessment", "preview", "de", tmp_path)
    content, problems = load_file(path)
    settings = Settings(lang="de", results_dir=tmp_path / "unused")
    app = WatchApp(settings, path, content, problems, watch=False)
    preview_leave = "q/Esc Verlassen (Vorschau, nichts gespeichert)"
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, QuestionScreen))
        assert preview_leave in footer_text(app) and "? Hilfe" in footer_text(app)
        await pilot.press("r")  # straight to the result
        await until(pilot, lambda: isinstance(app.screen, ResultScreen))
        assert preview_leave in footer_text(app)
        await pilot.press("q")
        await pilot.pause()
        assert all("sind gespeichert" not in n.message for n in app._notifications)
    assert app.return_code == 0


async def test_a_real_assessment_keeps_its_leave_key(results: Path) -> None:
    """Outside a preview the question screen shows the plain "Verlassen" (answers are saved)."""
    from readiness.authoring.load import load_one
    from readiness.content.loader import Library
    from readiness.tui.app import make_app
    from readiness.tui.screens.assessment_question import QuestionScreen

    path = write_scaffold("assessment", "real", "de", results.parent)
    content = load_one(path, "de")
    settings = Settings(lang="de", results_dir=results)
    app = make_app(settings, library=Library(files=[content]), start=content, home=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, QuestionScreen))
        shown = footer_text(app)
        assert "q/Esc Verlassen ? Hilfe" in shown and "Vorschau" not in shown
