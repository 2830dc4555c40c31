"""Start-up to the first painted home screen, against a bare Textual app with header and footer.

Each sample is a fresh interpreter (imports included, as a user experiences it). The child
prints the wall-clock time of its first frame: the moment Textual hands the first rendered
update of the home screen to the terminal (`App._display`, wrapped; headless, nothing is
written, but a terminal would get the frame then). Peak memory comes from the
child's rusage. A second column shows when a callback scheduled after that refresh runs
(`call_after_refresh`, what this benchmark measured up to 2026-12-03): it also waits for
what the app starts once the screen is painted, such as readiness's content-loading thread.

Both apps start with Python's bytecode cache warm, as an installed app does from its second
start on (pip compiles a package when it installs it). With `PYTHONDONTWRITEBYTECODE` set
(some containers and CI images set it) no cache is ever written, and every start of an
editable install compiled readiness's modules from source while Textual's came compiled
from site-packages, a handicap of about 50 ms no user has. The children write their cache
into a temporary folder (`PYTHONPYCACHEPREFIX`), and one start of each, not counted, fills it.
Run: .venv/bin/python benchmarks/bench_startup.py [SAMPLES]
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _table import print_table

CHILD = r"""
import sys, time, json, resource
kind = sys.argv[1]
if kind == "readiness":
    # As the console script does: parse the command line, then build the app.
    from readiness.cli.main import build_parser, settings_from
    settings = settings_from(build_parser().parse_args([]))
if kind == "bare":
    from textual.app import App
    from textual.widgets import Footer, Header

    class Bare(App):
        def compose(self):
            yield Header()
            yield Footer()

    app = Bare()
else:
    from readiness.tui.app import make_app

    app = make_app(settings)


frame = {}
display = app._display


def first_frame(screen, renderable):
    # The home screen (readiness pushes it over the empty default screen on mount), once
    # there is something to show and no batch of updates holds it back.
    home = kind == "bare" or type(screen).__name__ == "HomeScreen"
    if not frame and home and renderable is not None and not app._batch_count:
        frame["at"] = time.time()
    display(screen, renderable)


app._display = first_frame


def record():
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"frame": frame["at"], "callback": time.time(), "rss": rss}), flush=True)
    app.exit()


async def painted(pilot):
    # Runs once the first screen is composed and mounted; the callback fires after the
    # refresh that paints it.
    app.call_after_refresh(record)


app.run(headless=True, size=(100, 30), auto_pilot=painted)
"""


def sample(kind: str, env: dict[str, str]) -> tuple[float, float, float]:
    start = time.time()
    out = subprocess.run(
        [sys.executable, "-c", CHILD, kind],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
        env=env,
    )
    data = json.loads(out.stdout.strip().splitlines()[-1])
    return data["frame"] - start, data["rss"], data["callback"] - start


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    results: dict[str, list[tuple[float, float, float]]] = {"bare": [], "readiness": []}
    with tempfile.TemporaryDirectory() as cache:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = cache
        for kind in results:
            sample(kind, env)  # fills the bytecode cache; not counted
        for _ in range(n):
            for kind in results:  # interleaved, so both see the same machine load
                results[kind].append(sample(kind, env))
    bare = statistics.median(t for t, _, _ in results["bare"])
    bare_cb = statistics.median(c for _, _, c in results["bare"])
    rows = []
    for kind, samples in results.items():
        times = sorted(t for t, _, _ in samples)
        med = statistics.median(times)
        callback = statistics.median(c for _, _, c in samples)
        rows.append(
            [
                "bare Textual app (baseline)" if kind == "bare" else "readiness home screen",
                f"{med * 1000:.0f}",
                f"{times[int(0.9 * (len(times) - 1))] * 1000:.0f}",
                f"{max(m for _, m, _ in samples):.0f}",
                f"{med / bare:.2f}x",
                f"{callback * 1000:.0f} ({callback / bare_cb:.2f}x)",
            ]
        )
    print_table(
        f"Start-up to the first frame, {n} fresh processes each (bytecode cache warm)",
        ["app", "median ms", "p90 ms", "RSS at paint MB", "ratio", "after-refresh callback"],
        rows,
    )


if __name__ == "__main__":
    main()
