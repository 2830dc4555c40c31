"""What a key changes is painted as soon as the app is idle; what can wait, waits a frame.

`readiness.tui.prompt_paint`: a screen paints its own changes (a clock tick, a post arriving)
at most once per frame period, but a key's effect at once; work a key causes that is not part
of its answer (saving, the feed after a reply) runs after the frame that shows the answer."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.widgets import OptionList
from train_helpers import FakeClock, begin, key_for, let_time_pass, paste, train_app

from readiness.settings import Settings
from readiness.tui import prompt_paint
from readiness.tui.app import make_app
from readiness.tui.screens.scenario_player import PlayerScreen
from readiness.tui.widgets.decision_panel import DecisionPanel


async def test_a_key_is_painted_at_once_however_recent_the_last_frame(
    results: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every moment is made "just after a paint": the screen's own change is left to
    Textual's update timer, the key's change is painted by the idle screen itself."""
    app = make_app(Settings(results_dir=results), home=True)
    async with app.run_test() as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, prompt_paint.PromptPaint)
        by_idle: list[object] = []
        paint_now = prompt_paint.paint_now

        def counted(target: Any) -> None:
            by_idle.append(target)
            paint_now(target)

        monkeypatch.setattr(prompt_paint, "paint_now", counted)
        monkeypatch.setattr(prompt_paint, "monotonic", lambda: screen._painted_at)
        highlighted = screen.query_one(OptionList).highlighted

        screen.refresh(layout=True)  # a change of the screen's own, within the frame period
        await pilot.pause(0.1)
        assert by_idle == []

        await pilot.press("down")
        await pilot.pause()
        assert by_idle == [screen]
        assert screen.query_one(OptionList).highlighted != highlighted


async def test_a_posted_reply_shows_the_next_step_before_the_feed_catches_up(
    results: Path, clock: FakeClock
) -> None:
    """The frame answering Ctrl+S already shows the next decision; saving the run and adding
    the reply to the feed come after it (before, they ran first and held the frame up)."""
    app = train_app(results)
    order: list[str] = []
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await begin(pilot)
        await let_time_pass(pilot, clock, 4)
        await pilot.press(key_for(screen, "answer"))
        await pilot.pause()
        await paste(pilot, "Sorry Lena, that was a mistake on our side.")
        await pilot.pause()
        decision = screen.query_one(DecisionPanel)
        feed_items = len(screen.session.run.feed.items)
        display = app._display

        def recorded(target: Any, renderable: Any) -> None:
            if renderable is not None:
                order.append("frame with the decision" if decision.display else "frame")
            display(target, renderable)

        after_step = screen._after_step

        def recorded_after_step() -> None:
            order.append("after step")
            after_step()

        app._display = recorded  # type: ignore[method-assign]
        screen._after_step = recorded_after_step  # type: ignore[method-assign]
        await pilot.press("ctrl+s")
        await pilot.pause(0.3)
        assert isinstance(app.screen, PlayerScreen)
        assert "after step" in order
        assert order.index("frame with the decision") < order.index("after step")
        assert len(screen.session.run.feed.items) > feed_items  # the reply reached the feed
        assert not screen.session.unsaved  # and the step was saved


async def test_after_paint_work_runs_even_when_nothing_is_painted(results: Path) -> None:
    app = make_app(Settings(results_dir=results), home=True)
    ran: list[str] = []
    async with app.run_test() as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, prompt_paint.PromptPaint)
        screen.after_paint(lambda: ran.append("ran"))
        await pilot.pause(prompt_paint.AFTER_PAINT_LATEST + 0.1)
        assert ran == ["ran"]
