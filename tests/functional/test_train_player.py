"""Playing a crisis exercise with the keyboard: endings, countdowns, replies, pause, tabs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.widgets import ContentSwitcher, OptionList, Static, TextArea
from train_helpers import SEED, TRAIN, FakeClock, begin, key_for, let_time_pass, saved, train_app

from readiness import storage
from readiness.content.loader import load_paths
from readiness.engine import debrief
from readiness.errors import StorageError
from readiness.models.scenario import Inject
from readiness.settings import Settings
from readiness.tui.app import make_app
from readiness.tui.screens.scenario_debrief import DebriefScreen
from readiness.tui.screens.scenario_dialogs import PauseScreen
from readiness.tui.widgets.decision_panel import DecisionPanel
from readiness.tui.widgets.feed_timeline import FeedTimeline
from readiness.tui.widgets.reply_editor import ReplyEditor
from readiness.tui.widgets.tab_line import TabLine


@pytest.mark.parametrize(
    ("keys", "choices", "ending", "outcome"),
    [
        # Number keys pick by the place on screen, in the order of SEED:
        # first: ask-boss, delete, answer; second: brief, holding, statement;
        # third: threaten, (apologise, closed after a delete), explain.
        (["3", "reply", "3"], ["answer", "statement"], "good-end", "good"),
        (["2", "2"], ["delete", "explain"], "mixed-end", "mixed"),
        (["2", "1"], ["delete", "threaten"], "bad-end", "bad"),
    ],
)
async def test_number_keys_play_to_each_ending(
    results: Path,
    clock: FakeClock,
    keys: list[str],
    choices: list[str],
    ending: str,
    outcome: str,
) -> None:
    app = train_app(results)
    async with app.run_test(size=(80, 24)) as pilot:
        await begin(pilot)
        for key in keys:
            if key == "reply":
                await pilot.press(*"Sorry Lena, please DM us.")
                await pilot.press("ctrl+s")
            else:
                await pilot.press(key)
            await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, DebriefScreen)
        head = str(app.screen.query_one("#debrief-head", Static).render())
        assert f"({outcome} outcome)" in head
    (run,) = saved(results)
    assert (run.finished, run.ending, run.outcome) == (True, ending, outcome)
    assert [step.choice for step in run.steps if step.kind == "decision"] == choices
    assert run.seed == SEED


async def test_a_countdown_that_runs_out_takes_the_timeout_path(
    results: Path, clock: FakeClock
) -> None:
    app = train_app(results)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await begin(pilot)
        await let_time_pass(pilot, clock, 29)
        assert screen.session.run.node.id == "first"
        assert "0:01 left" in str(screen.query_one("#countdown").render())
        await let_time_pass(pilot, clock, 2)
        assert screen.session.run.node.id == "second"
        options = screen.query_one("#choices", OptionList)
        assert options.option_count == 2  # brief + holding; the statement needs a reply first
    (run,) = saved(results)
    assert run.steps[0].timed_out and run.steps[0].seconds_taken == 30
    assert not run.finished


REPLY = (
    "We are sorry, Lena, that your order arrived broken. "
    "Please send us a DM with your order number and we will sort it out today."
)


async def test_writing_a_reply_counts_characters_and_refuses_too_long_posts(
    results: Path, clock: FakeClock
) -> None:
    app = train_app(results)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await begin(pilot)
        await pilot.press(key_for(screen, "answer"))
        await pilot.pause()
        editor = screen.query_one(ReplyEditor)
        await pilot.press(*"Sorry 123")  # digits are text here, not choices
        await pilot.pause()
        assert editor.text == "Sorry 123"
        assert "9 / 280 characters" in str(screen.query_one("#reply-counter", Static).render())
        screen.query_one(TextArea).insert(" x" * 140)
        await pilot.pause()
        counter = screen.query_one("#reply-counter", Static)
        assert counter.has_class("-over")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert screen.session.run.node.id == "write"  # not posted
        screen.query_one(TextArea).text = REPLY
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert screen.session.run.node.id == "second"
    (run,) = saved(results)
    reply = run.steps[1]
    assert reply.reply_text == REPLY
    assert {h.criterion: h.met for h in reply.rubric} == {
        "apology": True,
        "offline": True,
        "no-blame": True,
    }


async def test_posting_a_reply_moves_on_within_the_key(results: Path, clock: FakeClock) -> None:
    """Ctrl+S acts at once, as a number key does: the next step is there when the key's
    handler returns, not a message later (a frame sooner, and a key typed right after
    lands on the step it was meant for). An empty reply stays, with the reason."""
    app = train_app(results)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await begin(pilot)
        await pilot.press(key_for(screen, "answer"))
        await pilot.pause()
        screen.action_post()
        assert screen.session.run.node.id == "write"
        await pilot.pause()
        assert [n.message for n in app._notifications] == ["Write something before you post."]
        screen.query_one(TextArea).text = REPLY
        await pilot.pause()
        screen.action_post()
        assert screen.session.run.node.id == "second"
        assert screen.query_one(DecisionPanel).display
        assert not screen.query_one(ReplyEditor).display


async def test_pause_stops_the_clock_and_shows_it(results: Path, clock: FakeClock) -> None:
    app = train_app(results)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await begin(pilot)
        await let_time_pass(pilot, clock, 5)
        assert screen.session.run.minute == 5
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, PauseScreen)
        assert "PAUSED" in str(screen.query_one("#status", Static).render())
        clock.now += 600  # a long facilitator break
        screen.tick()
        await pilot.pause()
        assert screen.session.run.minute == 5 and screen.session.run.node.id == "first"
        await pilot.press("p")
        await pilot.pause()
        assert app.screen is screen
        assert "PAUSED" not in str(screen.query_one("#status", Static).render())
        await let_time_pass(pilot, clock, 2)
        assert screen.session.run.minute == 7


async def test_practice_mode_has_no_countdown_and_offers_waiting(
    results: Path, clock: FakeClock
) -> None:
    app = train_app(results, practice=True)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await begin(pilot)
        await let_time_pass(pilot, clock, 300)
        assert screen.session.run.node.id == "first"
        assert "No countdown" in str(screen.query_one("#countdown").render())
        options = screen.query_one("#choices", OptionList)
        assert options.option_count == 4  # three choices and "wait and watch"
        await pilot.press("4")
        await pilot.pause()
        assert screen.session.run.node.id == "second"
        assert screen.session.run.result.steps[0].timed_out
        assert screen.check_action("pause", ()) is False


async def test_new_items_are_announced_on_their_tab_without_taking_focus(
    results: Path, clock: FakeClock
) -> None:
    app = train_app(results)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await begin(pilot)
        focused = app.focused
        await let_time_pass(pilot, clock, 4)  # Tom's comment (minute 2), Maria in chat (minute 4)
        tabs = screen.query_one(TabLine)
        assert tabs.active == "tab-decision" and app.focused is focused
        assert tabs.title("tab-feed") == "Feed ●1"
        assert tabs.title("tab-chat") == "Team & inbox ●1"
        shown = screen._compositor.render_strips()
        assert any("Feed ●1" in strip.text and "Team & inbox ●1" in strip.text for strip in shown)
        await pilot.press("f")
        await pilot.pause()
        assert tabs.active == "tab-feed"
        assert screen.query_one("#tabs", ContentSwitcher).current == "tab-feed"
        assert tabs.title("tab-feed") == "Feed"
        lines = screen.query_one(FeedTimeline).text_lines()
        # Tom's comment hangs under Lena's post, which is urgent (a bar beside it).
        assert lines[1:3] == [
            "▌ X Lena @lena · 09:00",
            "▌ Why is Bakery Lindner silent? Mouldy cake!",
        ]
        assert lines[-2:] == ["   ▌ X Tom @tom · 09:02", "   ▌ Same here."]


async def test_wide_terminals_show_feed_decision_and_chat_side_by_side(
    results: Path, clock: FakeClock
) -> None:
    app = train_app(results)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await begin(pilot)
        assert not screen.query(TabLine)
        columns = [w.id for w in screen.query_one("#columns").children]
        assert columns == ["feed-col", "step", "side-col"]
        mount_all = screen.mount_all

        def tick_then_mount(*args: Any, **kwargs: Any) -> Any:
            """The clock ticks between the old layout's removal and the new one's mount."""
            clock.now += 1
            screen.tick(smooth=True)
            return mount_all(*args, **kwargs)

        screen.mount_all = tick_then_mount  # type: ignore[method-assign]
        minute = screen.session.run.minute
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await pilot.pause()
        assert screen.query_one(TabLine).active == "tab-decision"
        assert screen.query_one("#choices", OptionList).option_count == 3
        screen.tick()
        assert screen.session.run.minute > minute  # the second that passed was not lost


async def test_the_debrief_offers_the_gap_report(results: Path, clock: FakeClock) -> None:
    app = train_app(results)
    opened: list[Path] = []
    app.open_report = opened.append  # type: ignore[method-assign]
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await begin(pilot)
        await pilot.press(key_for(screen, "delete"))
        await pilot.pause()
        await pilot.press(key_for(screen, "threaten"))
        await pilot.pause()
        assert isinstance(app.screen, DebriefScreen)
        await pilot.press("g")
        await pilot.pause()
    assert len(opened) == 1 and opened[0].exists()


async def test_the_mouse_picks_a_choice_too(results: Path, clock: FakeClock) -> None:
    app = train_app(results)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await begin(pilot)
        second = screen.query_one(DecisionPanel).option_ids()[1]
        assert second == "delete"  # the order of SEED: ask-boss, delete, answer
        await pilot.click("#choices", offset=(6, 1))  # second line: "2  Delete the post."
        await pilot.pause()
        await pilot.pause()
        assert screen.session.run.result.steps[0].choice == "delete"
        assert screen.session.run.node.id == "third"


async def test_the_expert_path_is_worked_out_while_the_participant_plays(
    results: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The debrief appears without replaying the scenario after the last choice."""
    app = train_app(results)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await begin(pilot)
        await app.workers.wait_for_complete()

        def worked_out_again(*_: object) -> None:
            raise AssertionError("the expert path was worked out after the last choice")

        monkeypatch.setattr(debrief, "expert_path", worked_out_again)
        await pilot.press(key_for(screen, "delete"))
        await pilot.pause()
        await pilot.press(key_for(screen, "threaten"))
        await pilot.pause()
        assert isinstance(app.screen, DebriefScreen)
        assert app.screen.debrief.expert.steps[0].node_id == "first"


async def test_each_choice_is_saved_and_a_failed_save_is_reported(
    results: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The save follows the repaint of the next step, a frame later, but always follows."""
    app = train_app(results)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await begin(pilot)
        await pilot.press(key_for(screen, "ask-boss"))
        await pilot.pause()
        (run,) = saved(results)
        assert [step.node for step in run.steps] == ["first"]

        def disk_full(*_: object) -> None:
            raise StorageError("cannot save results: no space left on the device")

        monkeypatch.setattr(storage, "save_result", disk_full)
        await pilot.press("1")
        await pilot.pause()
        assert screen.session.run.node.id != "second"  # the exercise goes on
        assert any("no space left" in str(n.message) for n in app._notifications)


async def test_what_arrives_together_gets_one_note_and_not_too_often(
    results: Path, clock: FakeClock
) -> None:
    """Several messages at once stacked toasts over the decision: now one note in the status
    line (never a toast over the options) names the first two and counts the rest; without an
    urgent item none follows while one shows (the tab's count says how many arrived); urgent
    ones are always announced."""
    app = train_app(results)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await begin(pilot)
        run = screen.session.run

        def arrive(ident: str, *, urgent: bool = False) -> None:
            inject = Inject(
                id=ident, at=run.minute, channel="chat", author=ident, text="?", urgent=urgent
            )
            run.add_inject(inject)

        def note() -> str:
            return str(screen.query_one("#status", Static).render())

        for ident in ("legal", "it", "hr"):
            arrive(ident)
        await let_time_pass(pilot, clock, 1)
        assert "New: legal (team chat)  ·  New: it (team chat)  ·  … and 1 more" in note()
        assert not [n for n in app._notifications if "New:" in str(n.message)]
        assert screen.query_one(TabLine).title("tab-chat") == "Team & inbox ●3"
        arrive("boss", urgent=True)
        await let_time_pass(pilot, clock, 1)
        assert "New: boss (team chat)" in note()
        await let_time_pass(pilot, clock, 5)  # after the note's time, the next one shows
        assert "New: Maria (team chat)" in note()  # the scenario's own message


async def test_practice_adds_no_wait_beside_an_authored_wait_choice(
    results: Path, clock: FakeClock, tmp_path: Path
) -> None:
    """A choice marked `waits = true` is the way to wait: no second "wait and watch"."""
    text = (TRAIN / "storm.en.toml").read_text(encoding="utf-8")
    marked = text.replace('id = "ask-boss"\n', 'id = "ask-boss"\nwaits = true\n', 1)
    assert marked != text
    folder = tmp_path / "content"
    folder.mkdir()
    (folder / "storm.en.toml").write_text(marked, encoding="utf-8")
    lib = load_paths([folder], with_builtin=False)
    content = lib.get("storm-en", "scenario")
    assert content is not None and not lib.errors
    settings = Settings(lang="en", results_dir=results, participant="kim", practice=True, seed=1)
    app = make_app(settings, library=lib, start=content, home=False)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await begin(pilot)
        assert screen.query_one(DecisionPanel).option_ids() == ["ask-boss", "delete", "answer"]
        labels = [
            str(screen.query_one("#choices", OptionList).get_option_at_index(i).prompt)
            for i in range(3)
        ]
        assert not any("let the time run" in label for label in labels)
