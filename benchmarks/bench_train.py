"""The crisis player: key press to repaint while the feed updates, and CPU use when idle.

1. Key press to repaint (issue 18 targets: p95 ≤ 20 ms per key, ≤ 50 ms to the debrief): the
   real player runs headless with `App.run_test` on a built-in scenario whose clock is sped
   up tenfold, so posts arrive and likes climb all the time. Each key (switch to feed / chat /
   decision, pick a choice, type a letter of the reply, post it) is timed from the press
   until the first screen update that shows its effect. A run reaches one reply step and one
   debrief, so the pick that opens a reply, the post and the last pick are also timed in runs
   steered to a reply (20 of each per size unless told otherwise), for a p95 that is not just
   the slowest of a handful.
2. Idle CPU (target < 5% of one core): `readiness train` runs in a real pseudo-terminal
   (80×24) with the clock running and nobody pressing keys; CPU time of the process over
   ~10 s divided by the wall time. A bare Textual app in the same terminal is the baseline.

Run: .venv/bin/python benchmarks/bench_train.py [PRESSES] [IDLE_SECONDS] [REPLY_SAMPLES]
"""

from __future__ import annotations

import asyncio
import fcntl
import os
import pty
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
from _table import print_table
from textual.app import App, ComposeResult
from textual.widgets import Static, TabbedContent, TabPane

from readiness.content.loader import ContentFile, Library, parse_file
from readiness.models.scenario import Ending, Reply, Scenario
from readiness.settings import Settings
from readiness.tui.app import make_app
from readiness.tui.screens.scenario_player import PlayerScreen
from readiness.tui.widgets.decision_panel import DecisionPanel
from readiness.tui.widgets.reply_editor import ReplyEditor

ROOT = Path(__file__).resolve().parent.parent
SETTLE = 0.15
"""Seconds to wait for the repaint that shows a key's effect."""
SPEEDUP = float(os.environ.get("BENCH_SPEEDUP", "10"))
"""How much faster than authored the scenario clock runs while keys are timed."""
CANDIDATES = ("scenarios/leaked-photos.en.toml", "tests/data/train/storm.en.toml")


def content(speedup: float = SPEEDUP) -> ContentFile:
    """A built-in scenario (realistic size), its clock `speedup` times faster."""
    for name in CANDIDATES:
        found, _ = parse_file(ROOT / name)
        if found is not None:
            model = found.model
            assert isinstance(model, Scenario)
            fast = model.model_copy(deep=True)
            fast.clock.minutes_per_second = min(60.0, model.clock.minutes_per_second * speedup)
            return ContentFile(path=found.path, model=fast, sha256=found.sha256, builtin=True)
    raise SystemExit("no scenario to benchmark")


def signature(app: Any) -> tuple[object, ...]:
    """What a key can change on screen: the tab, the focus, the step shown, the reply text."""
    screen = app.screen
    if not isinstance(screen, PlayerScreen):
        return (type(screen).__name__,)
    tabs = screen.query("TabLine")
    panels = [
        p
        for p in screen.query(".step-panel")
        if isinstance(p, DecisionPanel | ReplyEditor) and p.display and p.node is not None
    ]
    panel = panels[-1] if panels else None
    editor = screen.query("TextArea")
    return (
        tabs.first().active if tabs else None,  # type: ignore[attr-defined]
        app.focused.id if app.focused is not None else None,
        panel.node.id if panel is not None else None,
        len(editor.first().text) if editor else 0,  # type: ignore[attr-defined]
    )


Shown = list[tuple[float, tuple[object, ...]]]
"""Each screen update's time and what it showed (`signature`)."""


def recording_app(scenario: ContentFile, folder: str, participant: str, shown: Shown) -> Any:
    """The player on `scenario`, noting every screen update in `shown`."""
    settings = Settings(results_dir=Path(folder), participant=participant)
    app = make_app(settings, library=Library(files=[scenario]), start=scenario, home=False)
    original: Callable[..., Any] = app._display

    def display(screen: Any, renderable: Any) -> None:
        if renderable is not None:
            shown.append((time.perf_counter(), signature(app)))
        original(screen, renderable)

    app._display = display  # type: ignore[method-assign]
    return app


async def past_the_briefing(pilot: Any) -> None:
    await pilot.pause(0.3)
    await pilot.press("enter")
    await pilot.pause(0.3)


async def timed_press(
    pilot: Any, app: Any, key: str, shown: Shown
) -> tuple[float, tuple[object, ...]] | None:
    """Press `key` once the screen is quiet: milliseconds to the first update that shows a
    change, and what it showed; None if none did."""
    await pilot.pause(SETTLE)
    before = signature(app)
    shown.clear()
    start = time.perf_counter()
    await pilot.press(key)
    await asyncio.sleep(SETTLE)
    for at, seen in shown:
        if seen != before:
            return (at - start) * 1000, seen
    return None


async def measure(presses: int, size: tuple[int, int]) -> dict[str, list[float]]:
    scenario = content()
    timings: dict[str, list[float]] = {}
    shown: Shown = []
    done = 0
    with tempfile.TemporaryDirectory() as folder:
        while done < presses:
            app = recording_app(scenario, folder, f"bench{done}", shown)
            async with app.run_test(size=size) as pilot:
                await past_the_briefing(pilot)
                while done < presses and isinstance(app.screen, PlayerScreen):
                    if isinstance(app.screen.session.run.node, Reply):
                        plan = [("type a letter", "s")] * 3 + [("post reply (ctrl+s)", "ctrl+s")]
                    else:
                        plan = [
                            ("show feed (f)", "f"),
                            ("show chat (c)", "c"),
                            ("show decision (d)", "d"),
                            ("pick choice (1)", "1"),
                        ]
                    for label, key in plan:
                        hit = await timed_press(pilot, app, key, shown)
                        if hit is not None:
                            if hit[1] == ("DebriefScreen",):
                                label = "pick last choice (1) → debrief"
                            timings.setdefault(label, []).append(hit[0])
                        done += 1
                        if not isinstance(app.screen, PlayerScreen):
                            break
    return timings


def key_leading_to(app: Any, kind: type) -> str | None:
    """The number key of a shown choice that leads to a step of `kind`, if there is one."""
    run = app.screen.session.run
    nodes = {node.id: node for node in run.scenario.nodes}
    for number, choice in enumerate(run.shown_choices(), start=1):
        if isinstance(nodes.get(choice.next), kind):
            return str(number)
    return None


async def measure_rare_steps(samples: int, size: tuple[int, int]) -> dict[str, list[float]]:
    """The keys a run meets once, `samples` of each: the pick that opens a reply step, Ctrl+S
    that posts the reply, and the last pick that opens the debrief. The general walk above
    sees a handful of each; here every decision with a way to a reply takes it, the picks in
    between are not timed, and runs repeat until there are enough samples."""
    scenario = content()
    timings: dict[str, list[float]] = {
        "pick opening a reply": [],
        "post reply (ctrl+s)": [],
        "pick last choice (1) → debrief": [],
    }
    shown: Shown = []
    runs = 0
    with tempfile.TemporaryDirectory() as folder:
        while min(len(v) for v in timings.values()) < samples and runs < samples * 3:
            runs += 1
            app = recording_app(scenario, folder, f"reply{runs}", shown)
            async with app.run_test(size=size) as pilot:
                await past_the_briefing(pilot)
                while isinstance(app.screen, PlayerScreen):
                    node = app.screen.session.run.node
                    if isinstance(node, Reply):
                        await pilot.press(*"sss")
                        label, key = "post reply (ctrl+s)", "ctrl+s"
                    elif (opens := key_leading_to(app, Reply)) is not None:
                        label, key = "pick opening a reply", opens
                    elif (ends := key_leading_to(app, Ending)) is not None:
                        label, key = "pick last choice (1) → debrief", ends
                    else:
                        await pilot.press("1")  # on to the next decision, not timed
                        continue
                    hit = await timed_press(pilot, app, key, shown)
                    if hit is not None:
                        timings[label].append(hit[0])
    return timings


class BareTabs(App[None]):
    """Baseline: a bare Textual app with three tabs switched by the same keys."""

    BINDINGS = [("f", "show('feed')"), ("c", "show('chat')"), ("d", "show('decision')")]

    def compose(self) -> ComposeResult:
        with TabbedContent(initial="decision"):
            for name in ("decision", "feed", "chat"):
                with TabPane(name, id=name):
                    yield Static(name)

    def action_show(self, name: str) -> None:
        self.query_one(TabbedContent).active = name


async def measure_baseline(presses: int, size: tuple[int, int]) -> list[float]:
    app = BareTabs()
    shown: list[tuple[float, object]] = []
    original = app._display

    def display(screen: Any, renderable: Any) -> None:
        if renderable is not None:
            shown.append((time.perf_counter(), app.query_one(TabbedContent).active))
        original(screen, renderable)

    app._display = display  # type: ignore[method-assign]
    timings = []
    async with app.run_test(size=size) as pilot:
        await pilot.pause(0.3)
        for n in range(presses):
            key = "fcd"[n % 3]
            await pilot.pause(SETTLE)
            before = app.query_one(TabbedContent).active
            shown.clear()
            start = time.perf_counter()
            await pilot.press(key)
            await asyncio.sleep(SETTLE)
            hits = [t for t, sig in shown if sig != before]
            if hits:
                timings.append((hits[0] - start) * 1000)
    return timings


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(pct / 100 * len(ordered)) - 1))
    return ordered[index]


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def idle_cpu(command: list[str], seconds: float, keys: bytes = b"") -> float:
    """Percent of one core the command uses in an 80×24 pseudo-terminal while nobody types."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "80", "LINES": "24"}
    proc = subprocess.Popen(
        command, stdin=slave, stdout=slave, stderr=slave, env=env, close_fds=True
    )
    os.close(slave)
    stop = threading.Event()

    def drain() -> None:
        while not stop.is_set():
            try:
                if not os.read(master, 65536):
                    break
            except OSError:
                break

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    try:
        time.sleep(4)  # start-up, content loading, first paint
        if keys:
            os.write(master, keys)
            time.sleep(1)
        cpu0, wall0 = cpu_seconds(proc.pid), time.monotonic()
        time.sleep(seconds)
        cpu1, wall1 = cpu_seconds(proc.pid), time.monotonic()
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        stop.set()
        os.close(master)
    return (cpu1 - cpu0) / (wall1 - wall0) * 100


def summary(label: str, values: list[float]) -> tuple[object, ...]:
    return (
        label,
        len(values),
        f"{statistics.median(values):.1f}",
        f"{percentile(values, 95):.1f}",
        f"{max(values):.1f}",
    )


def main() -> None:
    presses = int(sys.argv[1]) if len(sys.argv) > 1 else 240
    idle_seconds = float(sys.argv[2]) if len(sys.argv) > 2 else 10.0
    replies = int(sys.argv[3]) if len(sys.argv) > 3 else 20
    model = content().model
    assert isinstance(model, Scenario)
    print(f"scenario: {model.title} (clock sped up to {model.clock.minutes_per_second:g} min/s)")
    for size in ((80, 24), (120, 40)):
        timings = asyncio.run(measure(presses, size))
        rows = [summary(label, v) for label, v in sorted(timings.items())]
        # The debrief is a new screen built from the whole run, not a repaint: its own row.
        playing = [v for label, values in timings.items() if "→" not in label for v in values]
        rows.append(summary("all keys while playing", playing))
        # A run has one reply step and one debrief: runs of their own to have enough.
        for label, values in asyncio.run(measure_rare_steps(replies, size)).items():
            if values:
                rows.append(summary(f"{label}, steered runs", values))
        rows.append(
            summary(
                "bare Textual app, switch tabs (baseline)", asyncio.run(measure_baseline(30, size))
            )
        )
        print_table(
            f"Key press to repaint at {size[0]}×{size[1]}, feed updating "
            "(ms; targets: p95 ≤ 20 per key, ≤ 50 to the debrief)",
            ["key", "n", "p50", "p95", "max"],
            rows,
        )
    python = str(Path(sys.executable))
    with tempfile.TemporaryDirectory() as folder:
        train = [
            python,
            "-m",
            "readiness",
            "train",
            str(ROOT / CANDIDATES[0]),
            "--results",
            folder,
            "--lang",
            "en",
        ]
        if not (ROOT / CANDIDATES[0]).exists():
            train[4] = str(ROOT / CANDIDATES[1])
        bare = [python, "-c", "from textual.app import App; App().run()"]
        baseline = idle_cpu(bare, idle_seconds)
        running = idle_cpu(train, idle_seconds, keys=b"\r")  # Enter closes the briefing
        rows = [
            ("bare Textual app (baseline)", f"{baseline:.1f}"),
            ("readiness train, clock running, idle", f"{running:.1f}"),
        ]
    print_table(
        f"Idle CPU over {idle_seconds:g} s in an 80×24 terminal (% of one core; target < 5)",
        ["process", "cpu %"],
        rows,
    )


if __name__ == "__main__":
    main()
