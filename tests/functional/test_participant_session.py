"""A browser participant's session: only the join form before the code, leaving asks first,
coming back in the same browser, idle sessions closing with their answers saved."""

from __future__ import annotations

import html
import re
from pathlib import Path

from test_join_typeahead import CODE, library, settle
from textual.command import CommandPalette
from textual.pilot import Pilot
from textual.widgets import Input

from readiness.settings import Settings
from readiness.storage import scan_results
from readiness.tui.screens.assessment import QuestionScreen
from readiness.tui.screens.help import HelpScreen
from readiness.tui.screens.home import HomeScreen
from readiness.tui.screens.join import JoinScreen
from readiness.tui.screens.leave import LeaveScreen
from readiness.tui.workshop_apps import ParticipantApp, make_participant_app

MINE = "m" * 43
THEIRS = "t" * 43


def participant(folder: Path, device: str = MINE, idle_minutes: float = 20) -> ParticipantApp:
    return make_participant_app(
        Settings(lang="en", results_dir=folder),
        CODE,
        library=library(),
        device=device,
        idle_minutes=idle_minutes,
    )


async def join(pilot: Pilot[int], name: str, team: str = "") -> None:
    await pilot.press(*CODE, "tab", *name, "tab", *team, "enter")
    await settle(pilot, lambda: not isinstance(pilot.app.screen, JoinScreen))


def screen_text(app: ParticipantApp) -> str:
    """What the participant sees, as plain text (from the app's SVG screenshot)."""
    svg = app.export_screenshot()
    texts = re.findall(r"<text[^>]*>(.*?)</text>", svg, re.S)
    return html.unescape("".join(texts)).replace("\xa0", " ")


async def test_before_the_code_only_the_join_form_answers(results: Path) -> None:
    app = participant(results)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.press("question_mark")  # typed into the code field, not the help screen
        await pilot.press("f1", "ctrl+c", "ctrl+z", "ctrl+s", "escape")
        await pilot.pause()
        assert isinstance(app.screen, JoinScreen)
        assert not any(isinstance(s, (CommandPalette, HelpScreen)) for s in app.screen_stack)
        app_actions = {
            b.binding.action for b in app.active_bindings.values() if b.node is app and b.enabled
        }
        assert app_actions <= {"quit", "app.quit", "focus_next", "focus_previous"}, app_actions
        assert app.screen.query_one("#join-code", Input).value == "?"


async def test_leaving_asks_first_and_stay_keeps_the_session(results: Path) -> None:
    app = participant(results)
    async with app.run_test(size=(80, 24)) as pilot:
        await join(pilot, "fox")
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("q")
        assert isinstance(app.screen, LeaveScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen) and app.return_code is None
        await pilot.press("enter")  # the assessment: q there goes home, answers kept
        await settle(pilot, lambda: isinstance(app.screen, QuestionScreen))
        await pilot.press("1", "enter", "q")
        await settle(pilot, lambda: isinstance(app.screen, HomeScreen))
        await pilot.press("q")
        assert isinstance(app.screen, LeaveScreen)
        await pilot.press("enter")  # "Stay" has the focus
        assert isinstance(app.screen, HomeScreen) and app.return_code is None
        await pilot.press("q")
        await pilot.press("l")
        await settle(pilot, lambda: app.return_code is not None)
    assert app.return_code == 0
    [(_, result)] = scan_results(results)[0]
    assert result.participant == "fox" and len(result.answers) == 1  # type: ignore[union-attr]


async def test_coming_back_in_the_same_browser_gets_ones_results(results: Path) -> None:
    first = participant(results)
    async with first.run_test(size=(80, 24)) as pilot:
        await join(pilot, "Fox", "red")
        await pilot.press("enter")
        await settle(pilot, lambda: isinstance(first.screen, QuestionScreen))
        await pilot.press("1", "enter", "q")  # home, answers saved
        await settle(pilot, lambda: isinstance(first.screen, HomeScreen))
        await pilot.press("q", "l")  # leave the session
        await settle(pilot, lambda: first.return_code is not None)

    again = participant(results)
    async with again.run_test(size=(80, 24)) as pilot:
        await join(pilot, "fox")
        assert isinstance(again.screen, HomeScreen)
        assert (again.settings.participant, again.settings.team) == ("Fox", "red")
        assert any("Welcome back" in str(n.message) for n in again._notifications)
        await pilot.press("r")
        await settle(pilot, lambda: "Room check" in screen_text(again))

    other = participant(results, device=THEIRS)
    async with other.run_test(size=(80, 24)) as pilot:
        await pilot.press(*CODE, "tab", *"Fox", "tab", "enter")
        await pilot.pause()
        assert isinstance(other.screen, JoinScreen)
        shown = screen_text(other)
        assert "choose another." in shown, "the whole refusal is readable:\n" + shown


async def test_an_idle_session_closes_with_its_answers_saved(results: Path) -> None:
    app = participant(results, idle_minutes=0.02)  # 1.2 s
    async with app.run_test(size=(80, 24)) as pilot:
        await join(pilot, "owl")
        await pilot.press("enter")
        await settle(pilot, lambda: isinstance(app.screen, QuestionScreen))
        await pilot.press("1", "enter")
        await settle(pilot, lambda: app.return_code is not None, tries=600)
        assert any("No input for" in str(n.message) for n in app._notifications)
    [(_, result)] = scan_results(results)[0]
    assert result.participant == "owl" and len(result.answers) == 1  # type: ignore[union-attr]


async def test_the_empty_results_screen_shows_no_folder(results: Path) -> None:
    app = participant(results)
    async with app.run_test(size=(100, 24)) as pilot:
        await join(pilot, "wren")
        await pilot.press("r")
        await settle(pilot, lambda: "No results yet" in screen_text(app))
        shown = screen_text(app)
        assert str(results) not in shown and "/tmp" not in shown and "pytest" not in shown
