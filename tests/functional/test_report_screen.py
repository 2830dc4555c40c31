"""The report screen and the saved-results browser, driven like a user would."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from textual.widgets import DataTable

from readiness.content.loader import load_paths
from readiness.i18n import t
from readiness.models.results import Answer, AssessmentResult
from readiness.settings import Settings
from readiness.storage import save_result
from readiness.tui.app import ReadinessApp, make_app
from readiness.tui.screens.report import ReportScreen
from readiness.tui.widgets.action_plan import ActionPlan
from readiness.tui.widgets.gap_bars import GapBars

DATA = Path(__file__).parent.parent / "data" / "report"
T0 = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)


def saved_run(folder: Path, participant: str = "fox") -> Path:
    f = next(f for f in load_paths([DATA], with_builtin=False).files if f.id == "tiny-check-en")
    result = AssessmentResult(
        run_id="20261101T090000-abcd",
        content_id=f.id,
        content_version="1.0",
        content_hash=f.sha256,
        content_title="Tiny check",
        participant=participant,
        started_at=T0,
        updated_at=T0,
        finished=True,
        answers={
            "goals": Answer(value="yes"),
            "measured": Answer(value="3"),
            "escalation": Answer(value="no"),
            "drill": Answer(value="years"),
            "imprint": Answer(not_applicable=True, na_reason="none yet"),
            "privacy": Answer(value=["notice", "consent"]),
        },
    )
    return save_result(folder, result)


async def until_built(app: ReadinessApp, pilot) -> ReportScreen:  # type: ignore[no-untyped-def]
    """Wait for the report worker: under load it may not have started when we first look."""
    for _ in range(500):
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        if isinstance(screen, ReportScreen) and screen.report is not None:
            plan = screen.query_one("#report-plan", ActionPlan)
            if plan.display and plan.region.height <= 1:
                continue
            await pilot.pause()
            return screen
    raise AssertionError("the report was never built")


async def rows_shown(app: ReadinessApp, pilot) -> DataTable:  # type: ignore[no-untyped-def,type-arg]
    for _ in range(500):
        await app.workers.wait_for_complete()
        await pilot.pause()
        tables = app.screen.query(DataTable)
        if tables and tables.first().row_count:
            return tables.first()
    raise AssertionError("no saved results were listed")


def app_for(results: Path, **kw: object) -> ReadinessApp:
    settings = Settings(lang="en", content_dirs=[DATA], results_dir=results, **kw)  # type: ignore[arg-type]
    library = load_paths([DATA], with_builtin=False)
    return make_app(settings, library=library)


async def test_saved_results_open_the_gap_report(results: Path) -> None:
    saved_run(results)
    app = app_for(results)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("r")
        table = await rows_shown(app, pilot)
        assert table.row_count == 1
        await pilot.press("g")  # Enter opens the run itself (test_results_browser)
        screen = await until_built(app, pilot)
        assert screen.report is not None and screen.report.verdict == "Not ready yet"
        bars = screen.query_one(GapBars)
        assert [r.id for r in bars.rows] == ["strategy", "crisis", "legal"]
        plan = screen.query_one("#report-plan", ActionPlan)
        assert plan.display and len(screen.report.actions) > 0


async def test_export_writes_all_three_formats(results: Path) -> None:
    path = saved_run(results)
    app = app_for(results)
    async with app.run_test(size=(100, 40)) as pilot:
        app.open_report(path)
        await until_built(app, pilot)
        await pilot.press("x")
        await app.workers.wait_for_complete()
        await pilot.pause()
    written = sorted(p.name for p in (results / "reports").iterdir())
    assert written == [f"{path.stem}.{ext}" for ext in ("html", "json", "md")]


async def test_browser_participants_see_only_their_own_results(results: Path) -> None:
    saved_run(results, "fox")
    saved_run(results, "owl")
    app = app_for(results, restricted=True, participant="owl")
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("r")
        table = await rows_shown(app, pilot)
        assert table.row_count == 1
        assert "owl" in str(table.get_row_at(0)[4])  # date, kind, mode, state, pseudonym


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_report_screen_snapshot(snap_compare, results: Path, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    path = saved_run(results)
    app = app_for(results)

    async def open_report(pilot) -> None:  # type: ignore[no-untyped-def]
        app.open_report(path)
        await until_built(app, pilot)

    assert snap_compare(app, terminal_size=size, run_before=open_report)


@pytest.mark.parametrize("lang", ["en", "de"])
async def test_every_action_reads_in_full_with_effort_impact_and_why(
    results: Path, lang: str
) -> None:
    """80x24: each action's whole text, its effort, impact and the question behind it are
    on screen when scrolled to; the body has the keyboard (Page Down scrolls at once)."""
    path = saved_run(results)
    settings = Settings(lang=lang, content_dirs=[DATA], results_dir=results)  # type: ignore[arg-type]
    app = make_app(settings, library=load_paths([DATA], with_builtin=False))
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_report(path)
        screen = await until_built(app, pilot)
        assert screen.report is not None
        body = screen.query_one("#report-body")
        assert app.focused is body
        plan = screen.query_one("#report-plan", ActionPlan)
        lines = [s.text.rstrip() for s in plan.render_lines(plan.region.reset_offset)]
        shown = " ".join(" ".join(lines).split())
        effort = t("report.effort", lang)  # type: ignore[arg-type]
        for action in screen.report.actions:
            assert " ".join(action.text.split()) in shown
            level = t(f"report.level.{action.effort}", lang)  # type: ignore[arg-type]
            assert f"{effort}: {level}" in shown
            for question in action.question_texts:
                assert " ".join(question.split()) in shown
        assert max(len(line) for line in lines) <= plan.size.width
        await pilot.press("pagedown")
        await pilot.pause()
        assert body.scroll_y > 0


async def test_the_screen_names_left_out_results_as_the_written_report_does(
    results: Path,
) -> None:
    """A result whose content is not loaded was left out of the report screen without a word
    (the written report names it)."""
    from readiness.analysis.model import NotLoadedRun

    path = saved_run(results)
    app = app_for(results)
    async with app.run_test(size=(100, 40)) as pilot:
        await app.push_screen(ReportScreen(path))
        screen = await until_built(app, pilot)
        assert screen.report is not None
        gone = NotLoadedRun(kind="scenario", content_id="gone-en", title="[b]Gone[/b]", run_id="r1")
        screen.show(screen.report.model_copy(update={"not_loaded": [gone]}))
        await pilot.pause()
        shown = str(screen.query_one("#report-verdict").render())
        assert (
            "1 result is left out of this report because the content it was taken on is not"
            " loaded (add its folder with --content):\n• gone-en: exercise “[b]Gone[/b]”, run r1"
        ) in shown
