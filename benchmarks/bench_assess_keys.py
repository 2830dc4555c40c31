"""Key press to repaint while answering a self-assessment (target: p95 ≤ 50 ms).

Drives the real question screen headless with `App.run_test` and `pilot.press`, saving every
answer to a real results folder, and times each key from the press until the last screen
update it caused (the app's `_display` call with the compositor's update). Two figures per
key: the first repaint (what the participant sees respond) and the settled screen (the last
repaint the key caused; Textual sometimes adds a second pass after widgets change size).

Run: .venv/bin/python benchmarks/bench_assess_keys.py [PRESSES]
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


Timings = dict[str, list[tuple[float, float]]]


async def measure(presses: int, size: tuple[int, int]) -> Timings:
    assessment = content()
    timings: Timings = {}
    with tempfile.TemporaryDirectory() as folder:
        settings = Settings(results_dir=Path(folder), participant="bench")
        app = make_app(settings, library=Library(files=[assessment]), start=assessment, home=False)
        shown: list[float] = []
        original = app._display

        def display(screen: Any, renderable: Any) -> None:
            if renderable is not None:
                shown.append(time.perf_counter())
            original(screen, renderable)

        app._display = display  # type: ignore[method-assign]
        async with app.run_test(size=size) as pilot:
            await pilot.pause(0.3)
            done = 0
            while done < presses:
                screen = app.screen
                if isinstance(screen, ResultScreen):
                    plan = [("back to questions", "b")] + [("back (←)", "left")] * 10
                elif isinstance(screen, QuestionScreen) and screen.session.current is not None:
                    kind = screen.session.current.type
                    pick = "2" if kind != "multi" else "1"
                    plan = [(f"pick ({kind})", pick), ("confirm + save (⏎)", "enter")]
                else:
                    raise SystemExit(f"unexpected screen {screen!r}")
                for label, key in plan:
                    await pilot.pause(SETTLE)
                    start = time.perf_counter()
                    shown.clear()
                    await pilot.press(key)
                    await asyncio.sleep(SETTLE)
                    if shown:
                        first, last = (shown[0] - start) * 1000, (shown[-1] - start) * 1000
                        timings.setdefault(label, []).append((first, last))
                    done += 1
    return timings


async def baseline(presses: int, size: tuple[int, int]) -> list[tuple[float, float]]:
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
    shown: list[float] = []
    original = app._display

    def display(screen: Any, renderable: Any) -> None:
        if renderable is not None:
            shown.append(time.perf_counter())
        original(screen, renderable)

    app._display = display  # type: ignore[method-assign]
    pairs: list[tuple[float, float]] = []
    async with app.run_test(size=size) as pilot:
        await pilot.pause(0.3)
        for _ in range(presses):
            await pilot.pause(SETTLE)
            start = time.perf_counter()
            shown.clear()
            await pilot.press("x")
            await asyncio.sleep(SETTLE)
            if shown:
                pairs.append(((shown[0] - start) * 1000, (shown[-1] - start) * 1000))
    return pairs


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(pct / 100 * len(ordered)) - 1))
    return ordered[index]


def row(label: str, pairs: list[tuple[float, float]]) -> list[object]:
    first = [f for f, _ in pairs]
    last = [s for _, s in pairs]
    return [
        label,
        len(pairs),
        f"{statistics.median(first):.1f}",
        f"{percentile(first, 95):.1f}",
        f"{statistics.median(last):.1f}",
        f"{percentile(last, 95):.1f}",
        f"{max(last):.1f}",
    ]


def main() -> None:
    presses = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    model = content().model
    print(f"assessment: {model.title} ({len(getattr(model, 'questions', []))} questions)")
    if hasattr(os, "getloadavg"):
        print("load average before: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    for size in ((80, 24), (120, 40)):
        timings = asyncio.run(measure(presses, size))
        rows = [row(label, pairs) for label, pairs in sorted(timings.items())]
        rows.append(row("all keys", [p for pairs in timings.values() for p in pairs]))
        rows.append(row("bare Textual app (baseline)", asyncio.run(baseline(presses // 2, size))))
        print_table(
            f"Key press to repaint at {size[0]}×{size[1]} (ms; target p95 ≤ 50)",
            ["key", "n", "first p50", "first p95", "settled p50", "settled p95", "settled max"],
            rows,
        )


if __name__ == "__main__":
    main()
