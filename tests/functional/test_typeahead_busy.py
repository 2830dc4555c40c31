"""Typing ahead into a busy browser session (issue 13, point 1): every key lands where the
participant typed it, whatever the app is doing when it arrives.

Two tests replay the moments that went wrong in a room joining at once: a key arriving while
a Tab is still climbing from the code field up to the app (it went into the code field),
and Down keys arriving at some moment while the join form closes and the home screen opens
(a Down went to no list, so Enter opened the wrong entry). The others send whole lines while
the app's event loop is busy: all at once, the way the web driver's input thread hands over
what one websocket message brought, and at several paces in between (one key each so many
turns of the event loop), so that keys arrive at many stages of the previous key's work."""

from __future__ import annotations

import asyncio
import contextlib
import os
import threading
import time
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest
from test_join_typeahead import CODE, NAMED, participant, settle
from textual import events
from textual._context import active_message_pump
from textual.keys import _character_to_key
from textual.message import Message
from textual.widgets import Input

from readiness.content.loader import load_paths
from readiness.settings import Settings
from readiness.tui.screens.assessment import QuestionScreen
from readiness.tui.screens.home import HomeScreen
from readiness.tui.screens.join import JoinScreen
from readiness.tui.workshop_apps import ParticipantApp, make_participant_app

ROOM_CHECK = Path(__file__).parent.parent / "data" / "workshop" / "content" / "room-check.en.toml"


def key_events(*parts: str) -> list[events.Key]:
    """The key events of `parts`; a part is text or one named key from NAMED."""
    keys: list[events.Key] = []
    for part in parts:
        chars = [part] if part in NAMED else list(part)
        for ch in chars:
            if ch in NAMED:
                keys.append(events.Key(NAMED[ch], None))
            else:
                keys.append(events.Key(_character_to_key(ch), ch))
    return keys


def arrive(app: ParticipantApp, keys: list[events.Key]) -> None:
    """Post `keys` to the app as the web driver does (`Driver.process_message`): sent by the
    app itself. (A key made inside some widget's handler would name that widget as its
    sender, and Textual stops a message from bubbling past its sender.)"""
    for key in keys:
        key.set_sender(app)
        app.post_message(key)


def fields(app: ParticipantApp) -> tuple[str, str, str]:
    screen = app.screen
    assert isinstance(screen, JoinScreen)
    return (
        screen.query_one("#join-code", Input).value,
        screen.query_one("#join-name", Input).value,
        screen.query_one("#join-team", Input).value,
    )


def handled_by_screen(message: Message, key: str) -> bool:
    """`message` is the key `key` being handled by a screen (on its way up to the app)."""
    from textual.screen import Screen

    if not (isinstance(message, events.Key) and message.key == key):
        return False
    try:
        return isinstance(active_message_pump.get(), Screen)
    except LookupError:
        return False


async def test_a_key_arriving_while_tab_climbs_to_the_app_goes_to_the_next_field(
    results: Path,
) -> None:
    app = participant(results)
    sent: list[bool] = []

    def hook(message: Message) -> None:
        # The screen is about to hand the Tab on to the app; the next key arrives just now,
        # ahead of the Tab in the app's queue.
        if not sent and handled_by_screen(message, "tab"):
            sent.append(True)
            arrive(app, key_events("p"))

    async with app.run_test(size=(80, 24), message_hook=hook) as pilot:
        await pilot.pause()
        arrive(app, key_events(CODE, "\t"))
        await settle(pilot, lambda: fields(app)[1] == "p")
        assert sent
        assert fields(app) == (CODE, "p", "")


def send_while_blocked(app: ParticipantApp, keys: list[events.Key]) -> None:
    """The web driver's way: its input thread posts every key of one websocket message into
    the app's loop, here while that loop is blocked (this call holds it until all are in)."""
    driver = app._driver
    assert driver is not None

    def post_all() -> None:
        for key in keys:
            key.set_sender(app)
            driver.send_message(key)

    poster = threading.Thread(target=post_all)
    poster.start()
    poster.join()


async def test_a_whole_join_line_sent_while_the_app_is_busy_lands_field_by_field(
    results: Path,
) -> None:
    app = participant(results)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        send_while_blocked(app, key_events(CODE, "\t", "w10-02", "\t", "table 3"))
        await settle(pilot, lambda: fields(app)[2] == "table 3")
        assert fields(app) == (CODE, "w10-02", "table 3")
        send_while_blocked(app, key_events("\r"))
        await settle(pilot, lambda: isinstance(app.screen, HomeScreen))
        assert (app.settings.participant, app.settings.team) == ("w10-02", "table 3")


@contextlib.asynccontextmanager
async def busy_event_loop(slice_seconds: float = 0.001) -> AsyncIterator[None]:
    """Another task on the app's event loop that takes a slice of it at every turn, as other
    sessions take the CPU on a loaded machine: timers fire late, messages pile up."""
    running = True

    async def hog() -> None:
        while running:
            time.sleep(slice_seconds)
            await asyncio.sleep(0)

    task = asyncio.create_task(hog())
    try:
        yield
    finally:
        running = False
        await task


async def type_at_pace(app: ParticipantApp, keys: list[events.Key], steps: int) -> None:
    """One key, then `steps` turns of the event loop, then the next key."""
    for key in keys:
        arrive(app, [key])
        for _ in range(steps):
            await asyncio.sleep(0)


PACES = [0, 1, 3, 5, 13]
"""Event-loop turns between two keys: from all at once to about one hop of a message."""


@pytest.mark.parametrize("steps", PACES)
async def test_a_join_line_at_any_pace_into_a_busy_app_lands_field_by_field(
    results: Path, steps: int
) -> None:
    app = participant(results)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        async with busy_event_loop():
            await type_at_pace(app, key_events(CODE, "\t", "p06", "\t", "table 6"), steps)
            await settle(pilot, lambda: fields(app)[2] == "table 6")
        assert fields(app) == (CODE, "p06", "table 6")


def five_checks(folder: Path) -> Path:
    """Content with five assessments, "Check 1" to "Check 5", listed in that order."""
    folder.mkdir()
    text = ROOM_CHECK.read_text(encoding="utf-8")
    for n in range(1, 6):
        (folder / f"check-{n}.en.toml").write_text(
            text.replace('id = "room-check-en"', f'id = "check-{n}"')
            .replace('translation_id = "room-check"', f'translation_id = "check-{n}"')
            .replace('title = "Room check"', f'title = "Check {n}"'),
            encoding="utf-8",
        )
    return folder


@pytest.fixture(scope="module")
def checks(tmp_path_factory: pytest.TempPathFactory) -> Callable[[Path], ParticipantApp]:
    lib = load_paths([five_checks(tmp_path_factory.mktemp("c") / "content")], with_builtin=False)
    assert [f.id for f in lib.files] == [f"check-{n}" for n in range(1, 6)]

    def make(folder: Path) -> ParticipantApp:
        return make_participant_app(Settings(lang="en", results_dir=folder), CODE, library=lib)

    return make


def opened(app: ParticipantApp) -> str:
    screen = app.screen
    assert isinstance(screen, QuestionScreen), f"an assessment opened, not {screen!r}"
    return screen.session.assessment.id


DEEP = os.environ.get("HYPOTHESIS_PROFILE") == "deep"
MOMENTS = range(130) if DEEP else [8, 33, 80, 111, 122]
"""How many messages (of any widget, screen or the app) after the join form's Enter the
Down keys arrive. 130 covers the whole way from the form to the filled home list (all of
them under `HYPOTHESIS_PROFILE=deep`). The earlier gate lost keys at one or two of them per
run, which ones depending on timing (111 and 122 among them); the quick run takes five."""


@pytest.mark.parametrize("moment", MOMENTS)
async def test_keys_arriving_at_any_moment_of_joining_reach_the_list(
    results: Path, checks: Callable[[Path], ParticipantApp], moment: int
) -> None:
    """Down, Down, Down, Enter arrive while the join form closes and the home screen opens:
    they wait for the list and open the fourth entry."""
    app = checks(results)
    seen: list[int] = []

    def hook(message: Message) -> None:
        if not seen:
            if isinstance(message, Input.Submitted) and message.input.id == "join-team":
                seen.append(0)
            return
        if seen[0] == moment:
            arrive(app, key_events("\x1b[B", "\x1b[B", "\x1b[B", "\r"))
        seen[0] += 1

    async with app.run_test(size=(80, 24), message_hook=hook) as pilot:
        await pilot.pause()
        arrive(app, key_events(CODE, "\t", "kite", "\t", "\r"))
        await settle(pilot, lambda: isinstance(app.screen, QuestionScreen))
        assert opened(app) == "check-4", "three Downs from the first entry"


@pytest.mark.parametrize("steps", [0, 5])
async def test_down_keys_typed_ahead_after_joining_open_the_entry_they_point_at(
    results: Path, checks: Callable[[Path], ParticipantApp], steps: int
) -> None:
    app = checks(results)
    line = key_events(CODE, "\t", "kite", "\t", "\r", "\x1b[B", "\x1b[B", "\x1b[B", "\r")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        async with busy_event_loop():
            await type_at_pace(app, line, steps)
            await settle(pilot, lambda: isinstance(app.screen, QuestionScreen))
        assert opened(app) == "check-4", "three Downs from the first entry"


async def test_down_keys_sent_while_the_app_is_busy_open_the_entry_they_point_at(
    results: Path, checks: Callable[[Path], ParticipantApp]
) -> None:
    app = checks(results)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        send_while_blocked(app, key_events(CODE, "\t", "kite", "\t", "\r"))
        send_while_blocked(app, key_events("\x1b[B", "\x1b[B", "\x1b[A", "\x1b[B", "\r"))
        await settle(pilot, lambda: isinstance(app.screen, QuestionScreen))
        assert opened(app) == "check-3", "down, down, up, down from the first entry"
