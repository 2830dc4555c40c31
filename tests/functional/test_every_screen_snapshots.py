"""SVG snapshots of every screen at 80×24 and 160×50, in English and in German (issue 14,
"Done when"; home has its own in test_home_space.py).

English screens use the fixtures of the other tests (tests/data/assess, train, workshop);
German ones their German twins in tests/data/screens_de (the workshop room's in
tests/data/workshop/content_de), so a German snapshot shows German content under a German
UI. Everything on screen is fixed: the participant, the seed of the
choice order, the scenario clock (FakeClock), the save time and the results' dates."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from test_assess_snapshots import NOTE, WHOLE_RUN
from test_dashboard import fill_room
from test_dashboard import library as room_library
from textual.pilot import Pilot
from textual.widgets import DataTable
from train_helpers import SEED, FakeClock, begin, key_for, let_time_pass, paste

from readiness import storage
from readiness.content.loader import ContentFile, Library, load_paths
from readiness.engine import Run, new_scenario_result
from readiness.models.assessment import Assessment
from readiness.models.results import Answer, AssessmentResult
from readiness.models.scenario import Scenario
from readiness.settings import Settings
from readiness.tui.app import ReadinessApp, make_app
from readiness.tui.screens import scenario_player
from readiness.tui.screens.report import ReportScreen
from readiness.tui.widgets import feed_entry
from readiness.tui.workshop_apps import make_dashboard_app, make_participant_app

DATA = Path(__file__).parent.parent / "data"
FOLDERS = {
    "en": [DATA / "assess" / "fixture-check.en.toml", DATA / "train" / "storm.en.toml"],
    "de": [DATA / "screens_de"],
}
ROOM_DE = DATA / "workshop" / "content_de"
T0 = datetime(2026, 11, 2, 9, 30, tzinfo=UTC)

SCREENS = [
    pytest.param(size, lang, id=f"{size[0]}x{size[1]}-{lang}")
    for size in ((80, 24), (160, 50))
    for lang in ("en", "de")
]
REPLY = {
    "en": "Sorry Lena, that should not have happened. Please DM us your order.",
    "de": "Lena, das tut uns leid. Schicken Sie uns bitte eine DM mit Ihrer Bestellung.",
}


@pytest.fixture(autouse=True)
def frozen(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeClock]:
    """Scenario time only moves when a test moves it; saves carry a fixed date, shown in UTC
    whatever the machine's time zone (the results browser shows local time)."""
    fake = FakeClock()
    monkeypatch.setattr(scenario_player, "TIME_SOURCE", fake)
    monkeypatch.setattr(feed_entry, "NEW_ITEM_SECONDS", 3600.0)
    monkeypatch.setattr(storage, "now", lambda: T0)
    zone = os.environ.get("TZ")
    os.environ["TZ"] = "UTC"
    time.tzset()
    yield fake
    if zone is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = zone
    time.tzset()


def library(lang: str) -> Library:
    lib = load_paths(FOLDERS[lang], with_builtin=False)
    assert not lib.errors, [str(p) for p in lib.errors]
    return lib


def content(lang: str, kind: str) -> ContentFile:
    ident = {"assessment": "fixture-check", "scenario": "storm"}[kind]
    found = library(lang).get(f"{ident}-{lang}", kind)
    assert found is not None
    return found


def app_for(lang: str, results: Path, start: str | None = None) -> ReadinessApp:
    settings = Settings(lang=lang, results_dir=results, participant="Kim", seed=SEED)  # type: ignore[arg-type]
    lib = library(lang)
    if start is None:
        return make_app(settings, library=lib)
    return make_app(settings, library=lib, start=content(lang, start), home=False)


def saved_assessment(lang: str, results: Path) -> Path:
    f = content(lang, "assessment")
    result = AssessmentResult(
        run_id="20261102T093000-a1b2",
        content_id=f.id,
        content_version="1",
        content_hash=f.sha256,
        content_title=f.model.title,
        participant="Kim",
        started_at=T0,
        updated_at=T0,
        finished=True,
        answers={
            "goals": Answer(value="yes"),
            "audience": Answer(value="4"),
            "channels": Answer(value=["a", "c"]),
            "backing": Answer(value="yes"),
            "backing-detail": Answer(value="mostly"),
            "budget": Answer(not_applicable=True, na_reason="volunteers"),
            "impressum": Answer(value="no"),
            "data-leak": Answer(value="no"),
            "privacy": Answer(value="2"),
        },
    )
    assert isinstance(f.model, Assessment)
    return storage.save_result(results, result)


def saved_exercise(lang: str, results: Path) -> Path:
    f = content(lang, "scenario")
    assert isinstance(f.model, Scenario)
    result = new_scenario_result(f.model, content_hash=f.sha256, participant="Kim", seed=SEED)
    result.run_id = "20261102T093000-c3d4"
    result.started_at = T0
    run = Run(f.model, result)
    run.advance(2)
    run.choose("answer")
    run.reply(REPLY[lang])
    run.choose("statement")
    return storage.save_result(results, run.result)


async def settle(pilot: Pilot[Any]) -> None:
    for _ in range(3):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


# -- self-assessment ------------------------------------------------------------------------


@pytest.mark.parametrize(("size", "lang"), SCREENS)
def test_question(snap_compare: Any, results: Path, size: tuple[int, int], lang: str) -> None:
    """The first question with its help text, a note and the review flag."""
    app = app_for(lang, results, start="assessment")
    assert snap_compare(app, press=["_", *NOTE, "_"], terminal_size=size)


@pytest.mark.parametrize(("size", "lang"), SCREENS)
def test_result(snap_compare: Any, results: Path, size: tuple[int, int], lang: str) -> None:
    app = app_for(lang, results, start="assessment")
    assert snap_compare(app, press=["_", *WHOLE_RUN, "_"], terminal_size=size)


@pytest.mark.parametrize(("size", "lang"), SCREENS)
def test_report(snap_compare: Any, results: Path, size: tuple[int, int], lang: str) -> None:
    path = saved_assessment(lang, results)
    app = app_for(lang, results)

    async def open_report(pilot: Pilot[Any]) -> None:
        await pilot.pause()
        app.open_report(path)
        for _ in range(500):
            await settle(pilot)
            screen = app.screen
            if isinstance(screen, ReportScreen) and screen.report is not None:
                break
        await settle(pilot)

    assert snap_compare(app, terminal_size=size, run_before=open_report)


@pytest.mark.parametrize(("size", "lang"), SCREENS)
def test_results_browser(
    snap_compare: Any, results: Path, size: tuple[int, int], lang: str
) -> None:
    saved_assessment(lang, results)
    saved_exercise(lang, results)
    app = app_for(lang, results)

    async def browse(pilot: Pilot[Any]) -> None:
        await pilot.pause()
        await pilot.press("r")
        for _ in range(100):
            await settle(pilot)
            tables = app.screen.query(DataTable)
            if tables and tables.first().row_count == 2:
                break
        await settle(pilot)

    assert snap_compare(app, terminal_size=size, run_before=browse)


# -- crisis exercise ------------------------------------------------------------------------


@pytest.mark.parametrize(("size", "lang"), SCREENS)
def test_briefing(snap_compare: Any, results: Path, size: tuple[int, int], lang: str) -> None:
    assert snap_compare(app_for(lang, results, start="scenario"), press=["_"], terminal_size=size)


@pytest.mark.parametrize(("size", "lang"), SCREENS)
def test_player_decision(
    snap_compare: Any, results: Path, frozen: FakeClock, size: tuple[int, int], lang: str
) -> None:
    async def play(pilot: Pilot[Any]) -> None:
        await begin(pilot)
        await let_time_pass(pilot, frozen, 6.5)
        pilot.app.clear_notifications()
        await pilot.pause()

    assert snap_compare(
        app_for(lang, results, start="scenario"), run_before=play, terminal_size=size
    )


@pytest.mark.parametrize(("size", "lang"), SCREENS)
def test_player_reply(
    snap_compare: Any, results: Path, frozen: FakeClock, size: tuple[int, int], lang: str
) -> None:
    """A reply half written: the box, the character count, the way out (Esc) in the footer."""

    async def play(pilot: Pilot[Any]) -> None:
        screen = await begin(pilot)
        await let_time_pass(pilot, frozen, 4)
        await pilot.press(key_for(screen, "answer"))
        await pilot.pause()
        await let_time_pass(pilot, frozen, 10)
        await paste(pilot, REPLY[lang][:40])
        pilot.app.clear_notifications()
        await pilot.pause()

    assert snap_compare(
        app_for(lang, results, start="scenario"), run_before=play, terminal_size=size
    )


@pytest.mark.parametrize(("size", "lang"), SCREENS)
def test_debrief_expert_path(
    snap_compare: Any, results: Path, frozen: FakeClock, size: tuple[int, int], lang: str
) -> None:
    """Your path and the expert's, step beside step (the last tab)."""

    async def play(pilot: Pilot[Any]) -> None:
        screen = await begin(pilot)
        await let_time_pass(pilot, frozen, 4)
        await pilot.press(key_for(screen, "answer"))
        await pilot.pause()
        await let_time_pass(pilot, frozen, 20)
        await paste(pilot, REPLY[lang])
        await pilot.press("ctrl+s")
        await pilot.pause()
        await let_time_pass(pilot, frozen, 3)
        await pilot.press(key_for(screen, "statement"))
        await pilot.pause()
        await pilot.press("left")  # from the first tab round to the last
        pilot.app.clear_notifications()
        await pilot.pause()

    assert snap_compare(
        app_for(lang, results, start="scenario"), run_before=play, terminal_size=size
    )


# -- workshop -------------------------------------------------------------------------------


@pytest.mark.parametrize(("size", "lang"), SCREENS)
def test_dashboard(snap_compare: Any, tmp_path: Path, size: tuple[int, int], lang: str) -> None:
    """The facilitator's room with three participants, who took the room's content in the
    dashboard's language (the German twin is tests/data/workshop/content_de)."""
    room = tmp_path / "room-42"
    room.mkdir()
    lib = room_library() if lang == "en" else load_paths([ROOM_DE], with_builtin=False)
    fill_room(room, lib, lang)
    app = make_dashboard_app(Settings(lang=lang, results_dir=room), room, library=lib)  # type: ignore[arg-type]
    assert snap_compare(app, run_before=settle, terminal_size=size)


@pytest.mark.parametrize(("size", "lang"), SCREENS)
def test_join(snap_compare: Any, tmp_path: Path, size: tuple[int, int], lang: str) -> None:
    """The join form with the code half typed."""
    settings = Settings(lang=lang, results_dir=tmp_path)  # type: ignore[arg-type]
    app = make_participant_app(settings, "ABC234", room_library())
    assert snap_compare(app, press=["a", "b", "c"], terminal_size=size)
