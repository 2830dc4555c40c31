"""Typing ahead in a browser session: a whole join line arriving in one burst (a paste, an
autofill, a fast typist, a slow session under a joining room) lands key by key where a
person would expect it, and keys typed while the next screen opens are not lost.

The burst is posted to the app in one go, the way the web driver posts what one websocket
message brought, without waiting for the app in between (`pilot.press` waits after every
key and so never shows the fault)."""

from __future__ import annotations

from pathlib import Path

from textual import events
from textual.app import App
from textual.keys import _character_to_key
from textual.pilot import Pilot
from textual.widgets import Input, OptionList

from readiness.content.loader import Library, load_paths
from readiness.settings import Settings
from readiness.tui.screens.assessment import QuestionScreen
from readiness.tui.screens.home import HomeScreen
from readiness.tui.screens.scenario_dialogs import BriefingScreen
from readiness.tui.workshop_apps import ParticipantApp, make_participant_app

CODE = "ABC234"
CONTENT = Path(__file__).parent.parent / "data" / "workshop" / "content"
NAMED = {"\t": "tab", "\r": "enter", "\x1b[B": "down", "\x1b[A": "up", "\x7f": "backspace"}


def burst(app: App[int], *parts: str) -> None:
    """Post every key of `parts` at once; a part is text or one named key from NAMED."""
    for part in parts:
        if part in NAMED:
            app.post_message(events.Key(NAMED[part], None))
            continue
        for ch in part:
            if ch in NAMED:
                app.post_message(events.Key(NAMED[ch], None))
            else:
                app.post_message(events.Key(_character_to_key(ch), ch))


def library() -> Library:
    lib = load_paths([CONTENT], with_builtin=False)
    assert not [p for p in lib.problems if p.severity == "error"]
    return lib


def participant(folder: Path, loaded: bool = True) -> ParticipantApp:
    return make_participant_app(
        Settings(lang="en", results_dir=folder), CODE, library=library() if loaded else None
    )


async def settle(pilot: Pilot[int], condition: object, tries: int = 200) -> None:
    for _ in range(tries):
        if condition():  # type: ignore[operator]
            await pilot.pause()
            return
        await pilot.pause(0.02)
    raise AssertionError(f"never happened; screen stack: {pilot.app.screen_stack}")


async def test_a_whole_join_line_in_one_burst_lands_field_by_field(results: Path) -> None:
    app = participant(results)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        burst(app, CODE, "\t", "w10-02", "\t", "table 3", "\r")
        await settle(pilot, lambda: isinstance(app.screen, HomeScreen))
        assert (app.settings.participant, app.settings.team) == ("w10-02", "table 3")


async def test_enter_after_each_field_in_one_burst(results: Path) -> None:
    app = participant(results)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        burst(app, CODE.lower(), "\r", "Fox", "\r", "blue", "\r")
        await settle(pilot, lambda: isinstance(app.screen, HomeScreen))
        assert (app.settings.participant, app.settings.team) == ("Fox", "blue")


async def test_shift_tab_and_backspace_in_a_burst(results: Path) -> None:
    app = participant(results)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        burst(app, CODE, "\t", "Owx", "\x7f", "l", "\t", "tea")
        app.post_message(events.Key("shift+tab", None))
        # Tabbing into a filled field selects its text, as in a web form: typing replaces it.
        burst(app, "Owl", "\t", "team", "\r")
        await settle(pilot, lambda: isinstance(app.screen, HomeScreen))
        assert (app.settings.participant, app.settings.team) == ("Owl", "team")


async def test_keys_typed_while_home_opens_are_kept(results: Path) -> None:
    """Down then Enter right behind the join line open the second entry, not the first."""
    app = participant(results)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        burst(app, CODE, "\t", "heron", "\t", "\r", "\x1b[B", "\r")
        # The screen the entry opens, not just "neither join nor home": while one screen
        # replaces another, Textual's base screen is on top for a moment.
        await settle(pilot, lambda: isinstance(app.screen, BriefingScreen | QuestionScreen))
        assert isinstance(app.screen, BriefingScreen), "the second entry is the Room drill"


async def test_a_wrong_code_in_a_burst_keeps_the_following_keys_out_of_the_code(
    results: Path,
) -> None:
    app = participant(results)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        burst(app, "WRONG2", "\t", "kite", "\t", "x", "\r")
        await settle(pilot, lambda: "attempt" in str(app.screen.query_one("#join-error").render()))
        code = app.screen.query_one("#join-code", Input)
        assert "kite" not in code.value


async def test_keys_typed_while_the_content_still_loads_are_kept(results: Path) -> None:
    """The session reads its content in a thread: Down and Enter typed before the list is
    filled move and open the list once it is there."""
    app = participant(results, loaded=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        burst(app, CODE, "\t", "kite", "\t", "\r", "\x1b[B", "\r")
        await settle(pilot, lambda: isinstance(app.screen, BriefingScreen | QuestionScreen), 500)
        [home] = [s for s in app.screen_stack if isinstance(s, HomeScreen)]
        assert home.query_one(OptionList).highlighted == 2, "Down moved to the second entry"
