"""Switching tabs moves the underline at once: no slide repainted frame by frame (each frame a
repaint, in a workshop sent to every browser), unless the user asks Textual for motion."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.widgets._tabs import Underline
from train_helpers import FakeClock, begin, train_app


async def test_a_tab_switch_repaints_once_not_frame_by_frame(
    results: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("TEXTUAL_ANIMATIONS", raising=False)
    slides: list[str] = []
    animate = Underline.animate

    def recorded(self: Underline, attribute: str, *args: Any, **kwargs: Any) -> None:
        slides.append(attribute)
        animate(self, attribute, *args, **kwargs)

    monkeypatch.setattr(Underline, "animate", recorded)
    app = train_app(results)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await begin(pilot)
        underline = screen.query_one(Underline)
        before = (underline.highlight_start, underline.highlight_end)
        await pilot.press("c")  # the chat tab
        await pilot.pause()
        assert (underline.highlight_start, underline.highlight_end) != before
        assert slides == []


def test_motion_stays_when_the_user_asks_textual_for_it(
    results: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TEXTUAL_ANIMATIONS", "full")
    assert train_app(results).animation_level == "full"
    monkeypatch.delenv("TEXTUAL_ANIMATIONS")
    assert train_app(results).animation_level == "none"
