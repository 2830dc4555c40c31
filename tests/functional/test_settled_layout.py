"""A screen that lays itself out before painting (`SettledLayout`: the question, the player,
the result and the debrief) is styled once when it first appears: as it mounts, not again
when it becomes current moments later (Textual restyles every widget of a screen then)."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from textual.app import App
from textual.containers import VerticalScroll
from textual.screen import Screen
from train_helpers import FakeClock, begin, key_for, train_app

from readiness.tui.screens.scenario_player import PlayerScreen
from readiness.tui.widgets.reply_editor import ReplyEditor
from readiness.tui.widgets.tab_line import TabLine


async def test_the_player_is_not_restyled_whole_when_it_appears(
    results: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    restyled: list[Any] = []
    update_styles = App.update_styles

    def recorded(self: App[Any], node: Any, animate: bool = True) -> None:
        restyled.append(node)
        update_styles(self, node, animate)

    monkeypatch.setattr(App, "update_styles", recorded)
    app = train_app(results)
    async with app.run_test(size=(80, 24)) as pilot:
        player = await begin(pilot)
        assert player not in restyled
        # That its widgets still look as they should is what the screen snapshots check
        # (test_every_screen_snapshots, test_train_snapshots): unchanged by this.


async def test_a_key_is_painted_as_soon_as_the_screen_is_idle(
    results: Path, clock: FakeClock
) -> None:
    """Textual paints on a timer that can be two frame periods from its next tick; the player
    paints a key's changes once it is idle instead. With that timer stopped, the tab a key
    switches to is still painted."""
    app = train_app(results)
    frames: list[str] = []
    display = app._display

    def recorded(screen: Any, update: Any) -> None:
        if update is not None and isinstance(screen, PlayerScreen):
            frames.append(screen.query_one(TabLine).active)
        display(screen, update)

    app._display = recorded  # type: ignore[method-assign]
    async with app.run_test(size=(80, 24)) as pilot:
        player = await begin(pilot)
        await pilot.pause()
        player._update_timer.stop()
        frames.clear()
        for key, tab in (("c", "tab-chat"), ("f", "tab-feed")):
            await pilot.press(key)  # (pilot.pause() would paint through the timer's handler)
            for _ in range(200):  # up to 2 s on a slow machine; normally the first turn
                if frames and frames[-1] == tab:
                    break
                await asyncio.sleep(0.01)
            assert frames and frames[-1] == tab


def _situation_box(screen: PlayerScreen) -> VerticalScroll:
    return screen.query_one(ReplyEditor).query_one(".situation-box", VerticalScroll)


def _layout_of(box: VerticalScroll) -> tuple[object, ...]:
    """What a second layout pass could still change: the box's scroll bar and the widths
    its texts are wrapped to."""
    return (box.show_vertical_scrollbar, tuple(child.size for child in box.children))


@pytest.mark.parametrize(
    ("size", "scrolls"),
    [((80, 18), True), ((120, 40), False)],
    ids=["situation-scrolls", "situation-fits"],
)
@pytest.mark.parametrize("guessed", [True, False], ids=["guessed", "not-guessed"])
async def test_the_reply_step_is_laid_out_whole_in_the_frame_that_answers_the_key(
    results: Path,
    clock: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
    size: tuple[int, int],
    scrolls: bool,
    guessed: bool,
) -> None:
    """The key that opens a reply step shows the situation box with the scroll bar it needs
    and its texts wrapped beside it in the first frame. The panel's room is known from the
    decision panel it replaces, so the bar is set before the layout and one pass does; if
    that guess is missing or wrong, a second pass still runs before the paint."""
    if not guessed:
        monkeypatch.setattr(ReplyEditor, "expect_room", lambda self, room: None)
    passes: list[object] = []
    refresh_layout = Screen._refresh_layout

    def counted(self: Screen[Any], size: Any = None, scroll: bool = False) -> None:
        passes.append(self)
        refresh_layout(self, size, scroll)

    monkeypatch.setattr(Screen, "_refresh_layout", counted)
    app = train_app(results)
    first_frame: list[tuple[object, ...]] = []
    display = app._display

    def recorded(screen: Any, update: Any) -> None:
        if (
            update is not None
            and not first_frame
            and isinstance(screen, PlayerScreen)
            and screen.query_one(ReplyEditor).display
        ):
            first_frame.append((*_layout_of(_situation_box(screen)), len(passes)))
        display(screen, update)

    app._display = recorded  # type: ignore[method-assign]
    async with app.run_test(size=size) as pilot:
        screen = await begin(pilot)
        await pilot.pause()
        first_frame.clear()
        passes.clear()
        await pilot.press(key_for(screen, "answer"))
        await pilot.pause(0.2)
        settled = _layout_of(_situation_box(screen))
    assert settled[0] is scrolls
    # One pass when the bar was set in advance (or none was needed); a second one when the
    # bar had to be added. Either way the first frame is the settled picture.
    passes_before_the_frame = 2 if scrolls and not guessed else 1
    assert first_frame == [(*settled, passes_before_the_frame)]
