"""A killed or abandoned exercise can be continued (state rebuilt by replay) or restarted."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static, TextArea
from train_helpers import (
    SEED,
    TRAIN,
    FakeClock,
    begin,
    key_for,
    let_time_pass,
    opened,
    saved,
    train_app,
)

from readiness.content.loader import load_paths
from readiness.settings import Settings
from readiness.tui.app import make_app
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


async def test_a_run_continued_from_the_home_screen_keeps_its_form_of_address(
    tmp_path: Path, results: Path, clock: FakeClock
) -> None:
    """Continuing a saved run of a du scenario from the home screen: the resume dialog closed
    and the player opened at once, and then the home screen, briefly current in between,
    set the product's own Sie again. The reply box said "Strg+S veröffentlicht Ihre
    Antwort." under a step that says "du" (it said "deine" before leaving)."""
    folder = tmp_path / "content"
    folder.mkdir()
    text = (TRAIN / "storm.en.toml").read_text(encoding="utf-8")
    text = text.replace('id = "storm-en"', 'id = "sturm-de"', 1)
    text = text.replace('language = "en"', 'language = "de"\naddress = "du"', 1)
    (folder / "sturm.de.toml").write_text(text, encoding="utf-8")
    library = load_paths([folder], with_builtin=False)
    assert not library.errors
    content = library.get("sturm-de", "scenario")
    settings = Settings(lang="de", results_dir=results, participant="kim", seed=SEED)

    def hint(screen: PlayerScreen) -> str:
        return str(screen.query_one("#reply-counter", Static).render())

    app = make_app(settings, library=library, start=content, home=False)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await begin(pilot)
        await pilot.press(key_for(screen, "answer"))
        await pilot.press(*"Hallo")
        await pilot.pause()
        assert "deine Antwort" in hint(screen)
        await pilot.press("escape")
        await pilot.pause()
    app = make_app(settings, library=library, home=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        await pilot.press("enter")  # the only exercise on the list
        await pilot.pause()
        assert isinstance(app.screen, ScenarioResumeDialog)
        await pilot.press("r")
        screen = await begin(pilot)
        await pilot.press(*" Lena")
        await pilot.pause()
        assert screen.query_one(TextArea).text == "Hallo Lena"
        assert "deine Antwort" in hint(screen) and "Ihre" not in hint(screen)
