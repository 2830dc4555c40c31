"""SVG snapshots of the workshop screens: the dashboard (both tabs, two sizes), its dialogs,
the join screen, the pseudonym prompt and the pause cover. Fixed data, fixed folder name."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from test_dashboard import fill_room, library, make
from textual.pilot import Pilot

from readiness.settings import Settings
from readiness.tui.app import make_app
from readiness.tui.screens.join import PseudonymScreen
from readiness.tui.screens.paused import PausedScreen
from readiness.tui.workshop_apps import make_participant_app

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]


@pytest.fixture
def room(tmp_path: Path) -> Path:
    folder = tmp_path / "room-42"
    folder.mkdir()
    fill_room(folder, library())
    return folder


async def loaded(pilot: Pilot[Any]) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES)
def test_dashboard_assessments(snap_compare: Any, room: Path, size: tuple[int, int]) -> None:
    assert snap_compare(make(room), run_before=loaded, terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_dashboard_scenarios(snap_compare: Any, room: Path, size: tuple[int, int]) -> None:
    async def scenarios(pilot: Pilot[Any]) -> None:
        await loaded(pilot)
        await pilot.press("s")
        await pilot.pause()

    assert snap_compare(make(room), run_before=scenarios, terminal_size=size)


def test_dashboard_paused_with_join_info(snap_compare: Any, room: Path) -> None:
    from readiness.workshop.serve import ServeInfo, write_info

    (room / "_serve.toml").unlink(missing_ok=True)
    import os
    from datetime import UTC, datetime

    write_info(
        room,
        ServeInfo(
            "http://127.0.0.1:8000/", "K7MPQ3", datetime(2025, 5, 1, tzinfo=UTC), os.getpid()
        ),
    )

    async def paused(pilot: Pilot[Any]) -> None:
        await loaded(pilot)
        await pilot.press("space")
        await loaded(pilot)

    assert snap_compare(make(room), run_before=paused, terminal_size=(80, 24))


def test_inject_dialog(snap_compare: Any, room: Path) -> None:
    async def inject(pilot: Pilot[Any]) -> None:
        await loaded(pilot)
        await pilot.press("s", "i", "tab", "enter", "down", "enter")
        await pilot.pause()

    assert snap_compare(make(room), run_before=inject, terminal_size=(80, 24))


def test_start_dialog(snap_compare: Any, room: Path) -> None:
    async def start(pilot: Pilot[Any]) -> None:
        await loaded(pilot)
        await pilot.press("g")
        await pilot.pause()

    assert snap_compare(make(room), run_before=start, terminal_size=(80, 24))


def test_join_screen_after_a_wrong_code(snap_compare: Any, tmp_path: Path) -> None:
    app = make_participant_app(Settings(lang="en", results_dir=tmp_path), "ABC234", library())
    assert snap_compare(app, press=["W", "R", "O", "N", "G", "2", "enter"], terminal_size=(80, 24))


def test_join_screen_in_german(snap_compare: Any, tmp_path: Path) -> None:
    app = make_participant_app(Settings(lang="de", results_dir=tmp_path), "ABC234", library())
    assert snap_compare(app, press=["a", "b", "c", "2", "3", "4", "enter"], terminal_size=(80, 24))


def test_pseudonym_prompt(snap_compare: Any, tmp_path: Path) -> None:
    app = make_app(Settings(lang="en", results_dir=tmp_path), library=library(), home=False)

    async def ask(pilot: Pilot[Any]) -> None:
        pilot.app.push_screen(PseudonymScreen())
        await pilot.pause()

    assert snap_compare(app, run_before=ask, terminal_size=(80, 24))


def test_pause_cover(snap_compare: Any, tmp_path: Path) -> None:
    app = make_app(Settings(lang="en", results_dir=tmp_path, participant="fox"), library=library())

    async def pause(pilot: Pilot[Any]) -> None:
        await pilot.pause()
        pilot.app.push_screen(PausedScreen())
        await pilot.pause()

    assert snap_compare(app, run_before=pause, terminal_size=(80, 24))
