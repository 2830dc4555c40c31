"""Screens that change with every key are painted finished, in one go.

Textual paints a layout, then notices that sizes changed (a scrollbar is needed, text must
rewrap) and paints again a frame or two later; the participant saw a half-finished question
for ~30 ms on every other key. These tests replay what the app sends to the terminal on a
cell grid (`benchmarks/_screen.py`, the same one the latency benchmark uses) and count the
frames that changed what is on screen."""

from __future__ import annotations

import asyncio
import sys
import time
from pathlib import Path

import pytest
from train_helpers import begin, train_app

from readiness.content.loader import Library, parse_file
from readiness.settings import Settings
from readiness.tui.app import make_app
from readiness.tui.screens.assessment import QuestionScreen
from readiness.tui.screens.assessment_result import ResultScreen

sys.path.insert(0, str(Path(__file__).parents[2] / "benchmarks"))
from _screen import Recorder

ROOT = Path(__file__).parents[2]
SETTLE = 0.12
"""Long enough for Textual's deferred second layout pass (about 30 ms) to have happened."""


def institutional() -> Library:
    found, problems = parse_file(ROOT / "assessments" / "institutional-readiness.en.toml")
    assert found is not None, problems
    return Library(files=[found])


@pytest.mark.parametrize(("size", "questions"), [((80, 24), 30), ((120, 40), 12)])
async def test_each_question_is_painted_finished_at_once(
    results: Path, size: tuple[int, int], questions: int
) -> None:
    library = institutional()
    start = library.files[0]
    app = make_app(Settings(results_dir=results), library=library, start=start, home=False)
    recorder = Recorder(app)
    async with app.run_test(size=size) as pilot:
        await pilot.pause(SETTLE)
        for _ in range(questions):
            screen = app.screen
            assert isinstance(screen, QuestionScreen)
            current = screen.session.current
            assert current is not None
            await pilot.press("1" if current.type == "multi" else "2")
            await pilot.pause(SETTLE)
            recorder.since(time.perf_counter())
            pressed = time.perf_counter()
            await pilot.press("enter")
            await asyncio.sleep(SETTLE)
            frames = recorder.frames(pressed, size)
            assert isinstance(app.screen, QuestionScreen)
            assert len(frames) == 1, f"after {current.id}: {len(frames)} visible frames"


async def test_the_result_screen_arrives_with_its_footer_keys(results: Path) -> None:
    library = institutional()
    start = library.files[0]
    app = make_app(Settings(results_dir=results), library=library, start=start, home=False)
    recorder = Recorder(app)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause(SETTLE)
        recorder.since(time.perf_counter())
        pressed = time.perf_counter()
        await pilot.press("r")
        await asyncio.sleep(0.3)
        assert isinstance(app.screen, ResultScreen)
        frames = recorder.frames(pressed, (100, 30))
    # The first picture of the new screen is the whole screen, footer keys included.
    assert "Leave" in frames[0][-1] and "Help" in frames[0][-1]
    assert len(frames) == 1


async def test_the_pane_with_the_keyboard_is_marked(results: Path) -> None:
    app = train_app(results)
    recorder = Recorder(app)
    async with app.run_test(size=(120, 40)) as pilot:
        await begin(pilot)

        async def marked_after(key: str | None) -> list[str]:
            """The pane titles drawn reversed once the key's repaint is done (platform labels
            such as "X" are reversed too, and left out)."""
            if key is not None:
                await pilot.press(key)
            await pilot.pause(SETTLE)
            recorder.since(0.0)
            shown = recorder.screen.reversed_text(120, 40)
            return [text for text in shown if text in ("Feed", "Decision", "Team & inbox")]

        assert await marked_after(None) == ["Decision"]  # the decision has the keyboard at first
        assert await marked_after("f") == ["Feed"]
        assert await marked_after("c") == ["Team & inbox"]
        assert await marked_after("d") == ["Decision"]
