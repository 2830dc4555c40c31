"""The saved-results browser opens the run you pick (issue 14, point 7): a finished exercise
in its debrief, an unfinished one where it stopped, a self-assessment on its result screen;
`g` is the combined gap report; `d` deletes after asking; kind, mode and state fit at 80x24."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_report_screen import DATA as REPORT_DATA
from test_report_screen import saved_run, until_built
from textual.widgets import DataTable

from readiness.content.loader import load_paths
from readiness.engine import Run, Session, new_scenario_result
from readiness.models.scenario import Scenario
from readiness.settings import Settings
from readiness.tui.app import ReadinessApp, make_app
from readiness.tui.screens.assessment_result import ResultScreen
from readiness.tui.screens.report import ReportScreen
from readiness.tui.screens.results import ResultsScreen
from readiness.tui.screens.results_open import ConfirmDelete
from readiness.tui.screens.scenario_debrief import DebriefScreen
from readiness.tui.screens.scenario_dialogs import BriefingScreen

LIBRARY = load_paths([REPORT_DATA], with_builtin=False)


def saved_exercise(folder: Path, *, finished: bool, practice: bool = False) -> Path:
    content = LIBRARY.get("tiny-drill-en", "scenario")
    assert content is not None and isinstance(content.model, Scenario)
    result = new_scenario_result(
        content.model,
        mode="practice" if practice else "exercise",
        content_hash=content.sha256,
        participant="fox",
        seed=1,
    )
    run = Run(content.model, result)
    run.choose("answer")
    if finished:
        run.reply("Sorry, please send us a DM.")
        assert run.finished
    return Session(run, folder).save()


def browser_app(results: Path, lang: str = "en") -> ReadinessApp:
    settings = Settings(lang=lang, results_dir=results)  # type: ignore[arg-type]
    return make_app(settings, library=LIBRARY)


async def open_browser(app: ReadinessApp, pilot) -> DataTable:  # type: ignore[no-untyped-def,type-arg]
    await pilot.pause()
    await pilot.press("r")
    for _ in range(500):
        await app.workers.wait_for_complete()
        await pilot.pause()
        tables = app.screen.query(DataTable)
        if tables and tables.first().row_count:
            return tables.first()
    raise AssertionError("no saved results were listed")


async def pick(app: ReadinessApp, pilot, title: str) -> None:  # type: ignore[no-untyped-def]
    """Move the cursor to the row whose content title starts with `title`."""
    screen = app.screen
    assert isinstance(screen, ResultsScreen)
    row = next(i for i, (_, r) in enumerate(screen.runs) if r.content_title.startswith(title))
    screen.query_one(DataTable).move_cursor(row=row)
    await pilot.pause()


async def until(app: ReadinessApp, pilot, kind: type) -> None:  # type: ignore[no-untyped-def,type-arg]
    for _ in range(200):
        await pilot.pause()
        if isinstance(app.screen, kind):
            return
    raise AssertionError(f"{kind.__name__} never opened; at {app.screen}")


async def test_enter_opens_the_picked_run(results: Path) -> None:
    saved_run(results)
    saved_exercise(results, finished=True)
    app = browser_app(results)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_browser(app, pilot)
        await pick(app, pilot, "Tiny drill")
        await pilot.press("enter")
        await until(app, pilot, DebriefScreen)
        await pilot.press("escape")
        await until(app, pilot, ResultsScreen)
        await pick(app, pilot, "Tiny check")
        await pilot.press("enter")
        await until(app, pilot, ResultScreen)


async def test_an_unfinished_exercise_resumes_where_it_stopped(results: Path) -> None:
    saved_exercise(results, finished=False)
    app = browser_app(results)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_browser(app, pilot)
        await pilot.press("enter")
        await until(app, pilot, BriefingScreen)
        assert app.screen.resumed  # type: ignore[attr-defined]
        player = app.screen_stack[-2]
        assert player.session.run.node.id == "reply"  # type: ignore[attr-defined]


async def test_g_opens_the_combined_gap_report(results: Path) -> None:
    saved_run(results)
    app = browser_app(results)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_browser(app, pilot)
        await pilot.press("g")
        screen = await until_built(app, pilot)
        assert isinstance(screen, ReportScreen)


async def test_a_run_is_deleted_only_after_confirming(results: Path) -> None:
    path = saved_exercise(results, finished=True)
    app = browser_app(results)
    async with app.run_test(size=(80, 24)) as pilot:
        table = await open_browser(app, pilot)
        await pilot.press("d")
        await until(app, pilot, ConfirmDelete)
        await pilot.press("escape")  # keep
        await until(app, pilot, ResultsScreen)
        assert path.exists()
        await pilot.press("d")
        await until(app, pilot, ConfirmDelete)
        await pilot.press("y")
        await until(app, pilot, ResultsScreen)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not path.exists()
        assert table.row_count == 0


@pytest.mark.parametrize(
    ("lang", "words"),
    [("en", ["Exercise", "practice", "in progress"]), ("de", ["Übung", "Üben", "läuft"])],
)
async def test_kind_mode_and_state_fit_at_80_columns(
    results: Path, lang: str, words: list[str]
) -> None:
    saved_exercise(results, finished=False, practice=True)
    app = browser_app(results, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        table = await open_browser(app, pilot)
        await pilot.pause()
        line = table.render_line(1).text  # the first row under the header
        for word in words:
            assert word in line, line


async def test_unreadable_files_are_named_with_the_reason_in_german(results: Path) -> None:
    """Not just "2 files could not be read": which ones and why, in the screen's language,
    so the participant knows which file to look at (a name shown as text, never markup)."""
    saved_exercise(results, finished=True)
    (results / "fox--tiny-drill-en--half.toml").write_text("kind = 'scenario'\nrun_id = ")
    (results / "fox--[bold]odd--x.toml").write_text('kind = "survey"\n')
    app = browser_app(results, lang="de")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_browser(app, pilot)
        (notice,) = [n.message for n in app._notifications]
    assert notice.split("\n") == [
        "2 Dateien im Ergebnisordner konnten nicht gelesen werden:",
        'fox--[bold]odd--x.toml: kind muss "assessment" oder "scenario" sein',
        "fox--tiny-drill-en--half.toml: keine gültige Ergebnisdatei: ungültiger Wert "
        "(am Ende der Datei: ist sie abgeschnitten?)",
    ]


def test_beyond_three_unreadable_files_the_rest_are_counted(tmp_path: Path) -> None:
    from readiness.errors import ResultFileError
    from readiness.i18n.catalog_text import CatalogText
    from readiness.tui.screens.results import broken_files

    broken = [
        ResultFileError(tmp_path / f"run-{i}.toml", CatalogText("storage.too_deep"))
        for i in range(5)
    ]
    assert broken_files(broken).split("\n") == [
        "5 files in the results folder could not be read:",
        "run-0.toml: not a valid result file: nested too deeply",
        "run-1.toml: not a valid result file: nested too deeply",
        "run-2.toml: not a valid result file: nested too deeply",
        "… and 2 more files",
    ]
