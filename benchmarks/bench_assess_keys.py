"""Key press to repaint while answering a self-assessment (issue 18 targets: p95 ≤ 20 ms per
key, ≤ 50 ms to the result screen).

Drives the real question screen headless with `App.run_test` and `pilot.press`, saving every
answer to a real results folder, and times each key from the press until the last screen
update it caused (the app's `_display` call with the compositor's update). Three figures per
key: the first repaint (what the participant sees respond), the settled screen (the last
repaint that changed what a cell shows, replayed on a cell grid by `_screen.py`), and the last
write (Textual adds a second layout pass after a widget changed size, which re-sends cells
that look the same: it costs time but shows nothing new).

The result screen is also timed once per fresh assessment, RESULTS times (20 unless told).

Run: .venv/bin/python benchmarks/bench_assess_keys.py [PRESSES] [RESULTS]
"""

from __future__ import annotations

import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
from _screen import Recorder
from _table import print_table

from readiness.content.loader import ContentFile, Library, parse_file
from readiness.settings import Settings
from readiness.tui.app import make_app
from readiness.tui.screens.assessment import QuestionScreen
from readiness.tui.screens.assessment_result import ResultScreen

ROOT = Path(__file__).resolve().parent.parent
SETTLE = 0.12
"""Seconds to keep listening for screen updates after a key was handled."""


def content() -> ContentFile:
    """The main built-in assessment (realistic length), else the test fixture."""
    for path in (
        ROOT / "assessments" / "institutional-readiness.en.toml",
        ROOT / "tests" / "data" / "assess" / "fixture-check.en.toml",
    ):
        found, _ = parse_file(path)
        if found is not None:
            return found
    raise SystemExit("no assessment to benchmark")


Timing = tuple[float, float, float]
"""(first repaint, last repaint that changed a cell, last write) in milliseconds."""
Timings = dict[str, list[Timing]]


async def timed_press(pilot: Any, recorder: Recorder, key: str) -> Timing | None:
    """Press `key` once the screen is quiet; None if nothing was written."""
    await pilot.pause(SETTLE)
    recorder.since(time.perf_counter())  # bring the cell grid up to date
    start = time.perf_counter()
    await pilot.press(key)
    await asyncio.sleep(SETTLE)
    writes = recorder.since(start)
    if not writes:
        return None
    changed = [at for at, visible in writes if visible] or [writes[0][0]]
    return writes[0][0] * 1000, changed[-1] * 1000, writes[-1][0] * 1000


def assessment_app(assessment: ContentFile, folder: str, participant: str) -> Any:
    settings = Settings(results_dir=Path(folder), participant=participant)
    return make_app(settings, library=Library(files=[assessment]), start=assessment, home=False)


def pick_key(kind: str) -> str:
    """A key that picks an answer of a question of `kind` (the second; the first of a multi)."""
    return "2" if kind != "multi" else "1"


async def measure(presses: int, size: tuple[int, int]) -> Timings:
    assessment = content()
    timings: Timings = {}
    with tempfile.TemporaryDirectory() as folder:
        app = assessment_app(assessment, folder, "bench")
        recorder = Recorder(app)
        async with app.run_test(size=size) as pilot:
            await pilot.pause(0.3)
            done = 0
            while done < presses:
                screen = app.screen
                if isinstance(screen, ResultScreen):
                    plan = [("back", "b")] + [("back (←)", "left")] * 10
                elif isinstance(screen, QuestionScreen) and screen.session.current is not None:
                    kind = screen.session.current.type
                    plan = [(f"pick ({kind})", pick_key(kind)), ("confirm + save (⏎)", "enter")]
                else:
                    raise SystemExit(f"unexpected screen {screen!r}")
                for label, key in plan:
                    before = type(app.screen)
                    timing = await timed_press(pilot, recorder, key)
                    if type(app.screen) is not before:
                        # A new screen is built, not a question repainted: its own row.
                        label = f"{label} → {type(app.screen).__name__}"
                    if timing is not None:
                        timings.setdefault(label, []).append(timing)
                    done += 1
    return timings


async def measure_results(samples: int, size: tuple[int, int]) -> list[Timing]:
    """The last answer's Enter to the result screen, once per fresh assessment, `samples`
    times: the walk above reaches the result screen a few times per run, too few for a p95.
    The questions before it are answered without timing."""
    assessment = content()
    timings: list[Timing] = []
    with tempfile.TemporaryDirectory() as folder:
        for sample in range(samples):
            app = assessment_app(assessment, folder, f"result{sample}")
            recorder = Recorder(app)
            async with app.run_test(size=size) as pilot:
                await pilot.pause(0.3)
                while isinstance(app.screen, QuestionScreen):
                    session = app.screen.session
                    if session.current is None:
                        raise SystemExit("question screen without a question")
                    await pilot.press(pick_key(session.current.type))
                    if session.index() + 1 < len(session.visible()):
                        await pilot.press("enter")
                        continue
                    timing = await timed_press(pilot, recorder, "enter")
                    if timing is not None and isinstance(app.screen, ResultScreen):
                        timings.append(timing)
    return timings


async def baseline(presses: int, size: tuple[int, int]) -> list[Timing]:
    """The same measurement on a bare Textual app: Header, a Static updated per key, Footer."""
    from textual.app import App, ComposeResult
    from textual.widgets import Footer, Header, Static

    class Bare(App[None]):
        BINDINGS = [("x", "next", "Next")]

        def compose(self) -> ComposeResult:
            yield Header()
            yield Static("question 0", id="text")
            yield Footer()

        def action_next(self) -> None:
            self.count = getattr(self, "count", 0) + 1
            text = f"question {self.count}\n" * (self.count % 3 + 1)
            self.query_one("#text", Static).update(text)

    app = Bare()
    recorder = Recorder(app)
    timings: list[Timing] = []
    async with app.run_test(size=size) as pilot:
        await pilot.pause(0.3)
        for _ in range(presses):
            timing = await timed_press(pilot, recorder, "x")
            if timing is not None:
                timings.append(timing)
    return timings


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(pct / 100 * len(ordered)) - 1))
    return ordered[index]


def row(label: str, timings: list[Timing]) -> list[object]:
    columns = [[timing[i] for timing in timings] for i in range(3)]
    first, settled, last = columns
    return [
        label,
        len(timings),
        f"{statistics.median(first):.1f}",
        f"{percentile(first, 95):.1f}",
        f"{statistics.median(settled):.1f}",
        f"{percentile(settled, 95):.1f}",
        f"{max(settled):.1f}",
        f"{percentile(last, 95):.1f}",
    ]


def main() -> None:
    presses = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    results = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    model = content().model
    print(f"assessment: {model.title} ({len(getattr(model, 'questions', []))} questions)")
    if hasattr(os, "getloadavg"):
        print("load average before: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    for size in ((80, 24), (120, 40)):
        timings = asyncio.run(measure(presses, size))
        rows = [row(label, pairs) for label, pairs in sorted(timings.items())]
        answering = [p for label, pairs in timings.items() if "→" not in label for p in pairs]
        rows.append(row("all keys while answering", answering))
        rows.append(
            row(
                "last answer (⏎) → result screen, fresh runs",
                asyncio.run(measure_results(results, size)),
            )
        )
        rows.append(row("bare Textual app (baseline)", asyncio.run(baseline(presses // 2, size))))
        print_table(
            f"Key press to repaint at {size[0]}×{size[1]} "
            "(ms; targets: p95 ≤ 20 per key, ≤ 50 to the result screen)",
            [
                "key",
                "n",
                "first p50",
                "first p95",
                "settled p50",
                "settled p95",
                "settled max",
                "last write p95",
            ],
            rows,
        )


if __name__ == "__main__":
    main()
