"""The live dashboard: the room's picture, live updates, broken files, the controls."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import OptionList, TabbedContent

from readiness.assessing import new_assessment_result
from readiness.content.loader import Library, load_paths
from readiness.engine import Run, new_scenario_result
from readiness.models.results import Answer, AnyResult
from readiness.models.scenario import Scenario
from readiness.settings import Settings
from readiness.storage import now, save_result
from readiness.tui.screens import dashboard
from readiness.tui.screens.dashboard import DashboardScreen
from readiness.tui.workshop_apps import DashboardApp, make_dashboard_app
from readiness.workshop.control import is_workshop, read_state

CONTENT = Path(__file__).parent.parent / "data" / "workshop" / "content"
T0 = now()


def library() -> Library:
    lib = load_paths([CONTENT], with_builtin=False)
    assert not lib.problems
    return lib


def assessment_run(
    lib: Library, name: str, team: str, answers: dict[str, str], n: int, lang: str = "en"
) -> AnyResult:
    content = lib.get(f"room-check-{lang}")
    assert content is not None
    result = new_assessment_result(content, participant=name, team=team)
    result.answers = {q: Answer(value=v) for q, v in answers.items()}
    result.finished = len(answers) == 3
    result.started_at = T0 + timedelta(seconds=n)
    return result


def scenario_run(
    lib: Library, name: str, team: str, moves: list[str], n: int, lang: str = "en"
) -> AnyResult:
    content = lib.get(f"room-drill-{lang}")
    assert content is not None and isinstance(content.model, Scenario)
    result = new_scenario_result(content.model, participant=name, team=team)
    run = Run(content.model, result)
    for move in moves:
        if move == "wait":
            run.wait()
        elif move.startswith("say:"):
            run.reply(move[4:])
        else:
            run.choose(move)
    result.started_at = T0 + timedelta(seconds=n)
    return result


REPLIES = {
    "en": ("Sorry, we are on it.", "Not our fault.", "Sorry!"),
    "de": ("Entschuldigung, wir kümmern uns.", "Nicht unsere Schuld.", "Tut uns leid!"),
}


def fill_room(folder: Path, lib: Library, lang: str = "en") -> None:
    """Three participants in two teams, each with the assessment and the exercise, taken on
    the room's content in `lang` (tests/data/workshop/content, or its German twin)."""
    first, second, third = (f"say:{text}" for text in REPLIES[lang])
    runs = [
        assessment_run(
            lib, "ada", "red", {"backing": "yes", "imprint": "yes", "rules": "5"}, 1, lang
        ),
        assessment_run(
            lib, "bob", "red", {"backing": "no", "imprint": "yes", "rules": "3"}, 2, lang
        ),
        assessment_run(
            lib, "cy", "blue", {"backing": "yes", "imprint": "no", "rules": "1"}, 3, lang
        ),
        scenario_run(lib, "ada", "red", ["answer", first, "explain"], 4, lang),
        scenario_run(lib, "bob", "red", ["wait", second, "delete"], 5, lang),
        scenario_run(lib, "cy", "blue", ["answer", third, "hide"], 6, lang),
    ]
    for r in runs:
        save_result(folder, r)


def make(folder: Path, lib: Library | None = None) -> DashboardApp:
    return make_dashboard_app(
        Settings(lang="en", results_dir=folder), folder, library=lib or library()
    )


async def settled(pilot: Pilot[int]) -> DashboardScreen:
    """Wait for the dashboard's folder worker to finish and the views to repaint."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, DashboardScreen)
    return screen


async def until(pilot: Pilot[int], condition: object, tries: int = 100) -> None:
    """Let the dashboard's own one-second poll run until `condition()` holds (bounded)."""
    for _ in range(tries):
        if condition():  # type: ignore[operator]
            await pilot.pause()
            return
        await pilot.pause(0.1)
    raise AssertionError("the dashboard did not update")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "room-42"
    path.mkdir()
    return path


def text_of(screen: DashboardScreen, selector: str) -> str:
    widget = screen.query_one(selector)
    return str(widget.render())


async def test_the_room_picture_shows_assessments_and_scenarios(folder: Path) -> None:
    lib = library()
    fill_room(folder, lib)
    async with make(folder, lib).run_test(size=(100, 40)) as pilot:
        screen = await settled(pilot)
        assert screen.report is not None and screen.report.participants == 3
        assert "3 participants" in text_of(screen, "#dash-status")
        assert "Leadership backing" in text_of(screen, "#a-dims")
        assert "Room check" in text_of(screen, "#a-title")
        await pilot.press("s")
        assert screen.query_one(TabbedContent).active == "scenarios"
        endings = text_of(screen, "#s-endings")
        assert "Calm" in endings and "Storm" in endings
        assert is_workshop(folder), "the dashboard marks the folder as a workshop"


async def test_a_new_result_file_appears_without_a_key_press(folder: Path) -> None:
    lib = library()
    assert dashboard.POLL_SECONDS <= 1.0, "a new file must show within two seconds"
    async with make(folder, lib).run_test(size=(100, 40)) as pilot:
        screen = await settled(pilot)
        assert screen.query_one("#a-empty").display
        save_result(folder, assessment_run(lib, "dee", "", {"backing": "yes"}, 9))
        await until(pilot, lambda: screen.report is not None and screen.report.participants == 1)
        assert not screen.query_one("#a-empty").display
        assert "1 participant, 0 finished" in text_of(screen, "#a-title")


async def test_broken_and_half_written_files_are_counted_not_fatal(folder: Path) -> None:
    lib = library()
    fill_room(folder, lib)
    (folder / "half.toml").write_text("kind = 'assessment'\nrun_id = ")
    (folder / "binary.toml").write_bytes(b"\xff\xfe\x00garbage")
    async with make(folder, lib).run_test(size=(100, 40)) as pilot:
        screen = await settled(pilot)
        assert screen.report is not None and screen.report.participants == 3
        assert "2 unreadable files skipped" in text_of(screen, "#dash-status")


async def test_next_cycles_through_the_content_of_a_tab(folder: Path) -> None:
    lib = library()
    fill_room(folder, lib)
    async with make(folder, lib).run_test(size=(100, 40)) as pilot:
        screen = await settled(pilot)
        await pilot.press("n")
        assert screen.index["assessments"] == 1
        assert "Room check" in text_of(screen, "#a-title"), "one assessment: n stays on it"
        await pilot.press("s", "n", "p")
        assert screen.index["scenarios"] == 0


async def test_pause_and_resume_write_the_control_file(folder: Path) -> None:
    async with make(folder).run_test(size=(100, 40)) as pilot:
        await settled(pilot)
        await pilot.press("space")
        screen = await settled(pilot)
        state = read_state(folder)
        assert state is not None and state.paused
        assert "PAUSED" in text_of(screen, "#dash-status")
        await pilot.press("space")
        await settled(pilot)
        state = read_state(folder)
        assert state is not None and not state.paused


async def test_start_for_everyone(folder: Path) -> None:
    async with make(folder).run_test(size=(100, 40)) as pilot:
        await settled(pilot)
        await pilot.press("g")
        await pilot.pause()
        options = pilot.app.screen.query_one(OptionList)
        ids = [options.get_option_at_index(i).id for i in range(options.option_count)]
        options.highlighted = ids.index("room-drill-en")
        await pilot.press("enter")
        await settled(pilot)
        state = read_state(folder)
        assert state is not None
        assert [(c.kind, c.content_id) for c in state.commands] == [("start", "room-drill-en")]


async def test_release_a_ready_made_inject(folder: Path) -> None:
    async with make(folder).run_test(size=(100, 40)) as pilot:
        await settled(pilot)
        await pilot.press("i")
        await pilot.pause()
        await pilot.press("tab", "enter", "down", "enter")  # the first ready-made inject
        await pilot.pause()
        await pilot.click("#inject-send")
        await settled(pilot)
        state = read_state(folder)
        assert state is not None
        [command] = state.commands
        assert (command.kind, command.channel, command.author) == (
            "inject",
            "press",
            "Local newspaper",
        )
        assert "journalist" in command.text


async def test_an_inject_needs_a_sender_and_a_text(folder: Path) -> None:
    async with make(folder).run_test(size=(100, 40)) as pilot:
        await settled(pilot)
        await pilot.press("i")
        await pilot.pause()
        await pilot.click("#inject-send")
        await pilot.pause()
        assert "Fill in who it is from" in str(pilot.app.screen.query_one("#inject-error").render())
        assert read_state(folder) is None
