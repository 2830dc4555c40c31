"""The participant side of a workshop: joining with a code and a pseudonym, the pseudonym
prompt in a terminal, and sessions following the facilitator (start, pause, inject)."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from pathlib import Path

from test_dashboard import library
from textual.pilot import Pilot
from textual.widgets import Input

from readiness.settings import Settings
from readiness.tui.app import ReadinessApp, make_app
from readiness.tui.follow import follower_of
from readiness.tui.screens.assessment import QuestionScreen
from readiness.tui.screens.home import HomeScreen
from readiness.tui.screens.join import JoinScreen, PseudonymScreen
from readiness.tui.screens.paused import PausedScreen
from readiness.tui.screens.scenario_player import PlayerScreen
from readiness.tui.workshop_apps import ParticipantApp, make_participant_app
from readiness.workshop.control import issue, mark_workshop
from readiness.workshop.pseudonyms import CLAIMS

CODE = "ABC234"


async def until(pilot: Pilot[int], condition: object, tries: int = 100) -> None:
    """Let the session's own one-second poll run until `condition()` holds (bounded)."""
    for _ in range(tries):
        if condition():  # type: ignore[operator]
            await pilot.pause()  # let a screen that just opened finish mounting
            await pilot.pause()
            return
        await pilot.pause(0.1)
    raise AssertionError(f"never happened; screen stack: {pilot.app.screen_stack}")


def participant(folder: Path) -> ParticipantApp:
    return make_participant_app(Settings(lang="en", results_dir=folder), CODE, library=library())


async def type_into(pilot: Pilot[int], selector: str, text: str) -> None:
    pilot.app.screen.query_one(selector, Input).focus()
    await pilot.pause()
    await pilot.press(*text, "enter")
    await pilot.pause()


def message(pilot: Pilot[int]) -> str:
    return str(pilot.app.screen.query_one("#join-error").render())


# -- joining -----------------------------------------------------------------------------


async def test_a_browser_participant_joins_with_code_and_pseudonym(results: Path) -> None:
    app = participant(results)
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, JoinScreen)
        await type_into(pilot, "#join-code", "abc 234")
        assert "Code accepted" in message(pilot)
        await type_into(pilot, "#join-name", "Fox")
        await type_into(pilot, "#join-team", "Table 3")
        assert isinstance(app.screen, HomeScreen)
        assert (app.settings.participant, app.settings.team) == ("Fox", "Table 3")
        assert app.settings.restricted
    assert (results / CLAIMS / "fox").exists()


async def test_a_wrong_code_costs_an_attempt_and_five_end_the_session(results: Path) -> None:
    # The message stays for the real LOCKED_SECONDS (3 s): with 0.3 s the session could
    # already be gone when a loaded CI machine came to read the message.
    app = participant(results)
    async with app.run_test(size=(80, 24)) as pilot:
        await type_into(pilot, "#join-code", "WRONG2")
        assert "4 attempts left" in message(pilot)
        for _ in range(4):
            await type_into(pilot, "#join-code", "WRONG2")
        assert "Too many wrong codes" in message(pilot)
        assert app.screen.query_one("#join-name", Input).disabled
        # Plain sleeps while the session ends: a pilot pause waits for every widget on the
        # screen to answer, and a widget closed with its session in that moment never does.
        for _ in range(100):
            if app.return_code is not None:
                break
            await asyncio.sleep(0.1)
    assert app.return_code == 1
    assert not (results / CLAIMS).exists()


async def test_a_pseudonym_in_use_is_refused(results: Path) -> None:
    app = participant(results)
    (results / CLAIMS).mkdir()
    (results / CLAIMS / "fox").write_text("Fox\n\n")
    async with app.run_test(size=(80, 24)) as pilot:
        await type_into(pilot, "#join-code", CODE)
        await type_into(pilot, "#join-name", "FOX")
        await type_into(pilot, "#join-team", "")
        assert "That pseudonym is in use" in message(pilot)
        assert isinstance(app.screen, JoinScreen)


# -- the pseudonym prompt in a terminal ---------------------------------------------------


def terminal(folder: Path, name: str = "") -> ReadinessApp:
    return make_app(Settings(lang="en", results_dir=folder, participant=name), library=library())


async def test_a_terminal_participant_in_a_workshop_folder_is_asked_once(results: Path) -> None:
    mark_workshop(results)
    app = terminal(results)
    lib = app.library
    assert lib is not None
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_content(lib.get("room-check-en"))  # type: ignore[arg-type]
        await pilot.pause()
        assert isinstance(app.screen, PseudonymScreen)
        await type_into(pilot, "#pseudonym-name", "Owl")
        await type_into(pilot, "#pseudonym-team", "blue")
        assert isinstance(app.screen, QuestionScreen)
        assert (app.settings.participant, app.settings.team) == ("Owl", "blue")


async def test_escape_keeps_going_without_a_name_and_is_not_asked_again(results: Path) -> None:
    mark_workshop(results)
    app = terminal(results)
    lib = app.library
    assert lib is not None
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_content(lib.get("room-check-en"))  # type: ignore[arg-type]
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        app.pop_screen()
        app.open_content(lib.get("room-check-en"))  # type: ignore[arg-type]
        await pilot.pause()
        assert not isinstance(app.screen, PseudonymScreen)


async def test_solo_users_are_never_asked(results: Path) -> None:
    app = terminal(results)
    lib = app.library
    assert lib is not None
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_content(lib.get("room-check-en"))  # type: ignore[arg-type]
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)


# -- following the facilitator ------------------------------------------------------------


async def test_pause_covers_every_session_and_resume_lifts_it(results: Path) -> None:
    app = terminal(results, "fox")
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: follower_of(app) is not None)
        issue(results, "pause")
        await until(pilot, lambda: isinstance(app.screen, PausedScreen))
        await pilot.press("escape", "q")
        assert isinstance(app.screen, PausedScreen), "no key lifts the pause"
        issue(results, "resume")
        await until(pilot, lambda: isinstance(app.screen, HomeScreen))


async def test_start_opens_the_exercise_on_the_home_screen(results: Path) -> None:
    app = terminal(results, "fox")
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: follower_of(app) is not None)
        issue(results, "start", content_id="room-check-en")
        await until(pilot, lambda: isinstance(app.screen, QuestionScreen))


async def test_a_start_issued_before_the_session_follows_still_reaches_it(results: Path) -> None:
    """The facilitator starts the room the moment a participant arrives: after the session
    began but before it reads the control file (it does so after its first paint, and a
    browser participant after joining). In a room with earlier commands that start was
    lost and the participant sat on the home screen."""
    issue(results, "start", content_id="room-drill-en")  # an earlier round
    app = terminal(results, "fox")
    app.began_at -= timedelta(seconds=5)  # the session began a few seconds ago ...
    started = issue(results, "start", content_id="room-check-en")  # ... and this came since
    assert started.issued_at > app.began_at
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, QuestionScreen))


async def test_a_busy_participant_gets_the_start_when_back_home(results: Path) -> None:
    app = terminal(results, "fox")
    lib = app.library
    assert lib is not None
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: follower_of(app) is not None)
        app.open_content(lib.get("room-check-en"))  # type: ignore[arg-type]
        await pilot.pause()
        busy = app.screen
        issue(results, "start", content_id="room-drill-en")
        follower = follower_of(app)
        assert follower is not None
        await until(pilot, lambda: follower.pending_start == "room-drill-en")
        assert app.screen is busy, "a run in progress is never interrupted"
        app.pop_screen()
        await until(pilot, lambda: any(isinstance(s, PlayerScreen) for s in app.screen_stack))


async def test_an_inject_reaches_the_running_scenario(results: Path) -> None:
    app = terminal(results, "fox")
    async with app.run_test(size=(100, 40)) as pilot:
        await until(pilot, lambda: follower_of(app) is not None)
        issue(results, "start", content_id="room-drill-en")
        await until(pilot, lambda: any(isinstance(s, PlayerScreen) for s in app.screen_stack))
        player = next(s for s in app.screen_stack if isinstance(s, PlayerScreen))
        issue(results, "inject", content_id="other-scenario", author="Nobody", text="Not for you")
        issue(
            results, "inject", content_id="room-drill-en", author="Radio", text="Comment by noon?"
        )
        await until(
            pilot,
            lambda: any(i.id.startswith("facilitator-") for i in player.session.run.feed.items),
        )
        arrived = [i for i in player.session.run.feed.items if i.id.startswith("facilitator-")]
        assert [(i.author, i.text) for i in arrived] == [("Radio", "Comment by noon?")]
