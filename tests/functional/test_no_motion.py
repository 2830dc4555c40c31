"""Switching tabs moves the underline at once: no slide repainted frame by frame (each frame a
repaint, in a workshop sent to every browser), unless the user asks Textual for motion."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from train_helpers import FakeClock, begin, train_app

from readiness.tui.widgets.tab_line import TabLine


async def test_a_tab_switch_repaints_once_not_frame_by_frame(
    results: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The player's tab line (80x24) draws the bar under the new tab in the frame that shows
    the tab: nothing on it is animated, whatever Textual's animation setting."""
    monkeypatch.setenv("TEXTUAL_ANIMATIONS", "full")
    app = train_app(results)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await begin(pilot)
        tab_line = screen.query_one(TabLine)
        renders: list[str] = []
        render = TabLine.render

        def counted(self: TabLine) -> Any:
            renders.append(self.active)
            return render(self)

        monkeypatch.setattr(TabLine, "render", counted)
        await pilot.press("c")  # the chat tab
        await pilot.pause(0.3)
        assert tab_line.active == "tab-chat"
        assert renders == ["tab-chat"]  # one repaint, already at the end of any slide


def test_motion_stays_when_the_user_asks_textual_for_it(
    results: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TEXTUAL_ANIMATIONS", "full")
    assert train_app(results).animation_level == "full"
    monkeypatch.delenv("TEXTUAL_ANIMATIONS")
    assert train_app(results).animation_level == "none"
