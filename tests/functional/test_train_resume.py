"""A killed or abandoned exercise can be continued (state rebuilt by replay) or restarted."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import TextArea
from train_helpers import FakeClock, begin, key_for, let_time_pass, saved, train_app

from readiness.tui.screens.scenario_dialogs import BriefingScreen, ScenarioResumeDialog
from readiness.tui.screens.scenario_player import PlayerScreen
from readiness.tui.widgets.decision_panel import DecisionPanel


async def play_first_step_and_leave(results: Path, clock: FakeClock, draft: str = "") -> None:
    app = train_app(results)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await begin(pilot)
        await let_time_pass(pilot, clock, 3)
        await pilot.press(key_for(screen, "answer"))
        await pilot.pause()
        if draft:
            await pilot.press(*draft)
            await pilot.press("tab")  # out of the editor, so "q" is a key, not a letter
        await pilot.press("q")
        await pilot.pause()


async def test_continue_rebuilds_the_run_where_it_stopped(results: Path, clock: FakeClock) -> None:
    await play_first_step_and_leave(results, clock)
    (before,) = saved(results)
    assert [s.node for s in before.steps] == ["first"] and not before.finished
    app = train_app(results)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ScenarioResumeDialog)
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, BriefingScreen)
        screen = await begin(pilot)
        run = screen.session.run
        assert run.node.id == "write" and run.minute == 3
        assert [i.id for i in run.feed.items] == ["complaint", "pile-on"]
        await pilot.press(*"Sorry, DM us")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert run.node.id == "second"
    (after,) = saved(results)
    assert after.run_id == before.run_id
    assert [s.node for s in after.steps] == ["first", "write"]


async def test_start_again_leaves_the_old_run_and_begins_a_new_one(
    results: Path, clock: FakeClock
) -> None:
    await play_first_step_and_leave(results, clock)
    app = train_app(results)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("n")
        screen = await begin(pilot)
        assert screen.session.run.node.id == "first" and not screen.session.run.result.steps
        await pilot.press("3")
        await pilot.pause()
    runs = saved(results)
    assert len(runs) == 2 and len({r.run_id for r in runs}) == 2


async def test_a_reply_being_written_survives_leaving(results: Path, clock: FakeClock) -> None:
    await play_first_step_and_leave(results, clock, draft="Dear Lena, we")
    (before,) = saved(results)
    assert before.draft == "Dear Lena, we"
    app = train_app(results)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("r")
        screen = await begin(pilot)
        assert isinstance(screen, PlayerScreen)
        assert screen.query_one(TextArea).text == "Dear Lena, we"


async def test_cancelling_the_resume_dialog_when_started_directly_quits(
    results: Path, clock: FakeClock
) -> None:
    await play_first_step_and_leave(results, clock)
    app = train_app(results)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
    assert app.return_code == 0


async def test_a_resumed_run_shows_the_choices_in_the_order_it_had(
    results: Path, clock: FakeClock
) -> None:
    """The seed is saved with the run: continuing it (even with another --seed) shows each
    decision as it was shown before, and the number keys pick the same choices."""
    app = train_app(results, seed=1)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await begin(pilot)
        await pilot.press(key_for(screen, "delete"))
        await pilot.pause()
        before = screen.query_one(DecisionPanel).option_ids()
        await pilot.press("q")
        await pilot.pause()
    (saved_run,) = saved(results)
    assert saved_run.seed == 1 and before == ["threaten", "explain"]  # apologise is closed
    app = train_app(results, seed=2)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("r")
        screen = await begin(pilot)
        assert screen.session.run.node.id == "third"
        assert screen.query_one(DecisionPanel).option_ids() == before
        await pilot.press("2")
        await pilot.pause()
    (after,) = saved(results)
    assert after.seed == 1 and after.steps[-1].choice == "explain"
