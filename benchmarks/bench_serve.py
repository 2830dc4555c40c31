"""Load check of browser participation: 30 concurrent sessions on loopback.

Starts `readiness serve` on 127.0.0.1 (never another address) with a fresh workshop folder,
opens N websockets at once as browsers would, and measures per session the time to the first
screen (the join screen painted) and, after typing the code and a pseudonym, the time to the
home screen. Memory is the resident size of the server and every session process (from
/proc, Linux only). Everything stops by itself: a hard limit of 180 s, then the server is
stopped and the folder removed.

Run: .venv/bin/python benchmarks/bench_serve.py [SESSIONS]
"""

from __future__ import annotations

import asyncio
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import aiohttp

sys.path.insert(0, str(Path(__file__).parent))
from _table import print_table

from readiness.workshop.serve import read_info

HOST = "127.0.0.1"
LIMIT = 180.0
TOKEN = re.compile(
    r"\x1b\[([0-9;?<>=]*)([ -/]*)([@-~])|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)"
    r"|\x1b[PX^_][^\x1b]*\x1b\\|\x1b.|([^\x1b]+)",
    re.S,
)


class Screen:
    """Just enough of a terminal to read what the app shows (cursor moves and text)."""

    def __init__(self, width: int = 80, height: int = 24) -> None:
        self.rows = [[" "] * width for _ in range(height)]
        self.x = self.y = 0

    def feed(self, data: str) -> None:
        for m in TOKEN.finditer(data):
            params, inter, final, text = m.groups()
            if text is not None:
                for ch in text:
                    if ch >= " " and 0 <= self.y < len(self.rows) and 0 <= self.x < 80:
                        self.rows[self.y][self.x] = ch
                        self.x += 1
            elif final == "H" and not inter:
                parts = (params or "").split(";")
                self.y = int(parts[0] or 1) - 1
                self.x = int(parts[1] or 1) - 1 if len(parts) > 1 else 0

    def text(self) -> str:
        return "\n".join("".join(r) for r in self.rows)


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def rss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def descendants(root: int) -> list[int]:
    parents: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            parents.setdefault(ppid, []).append(int(entry.name))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        for child in parents.get(pid, []):
            found.append(child)
            todo.append(child)
    return found


async def session(port: int, code: str, n: int) -> tuple[float, float]:
    """(seconds to the first screen, seconds from submitting the join form to home)."""
    started = time.perf_counter()
    screen = Screen()
    async with aiohttp.ClientSession() as http:
        await (await http.get(f"http://{HOST}:{port}/")).read()
        async with http.ws_connect(
            f"ws://{HOST}:{port}/ws?width=80&height=24", headers={"Origin": f"http://{HOST}:{port}"}
        ) as ws:

            async def until(word: str) -> None:
                while word not in screen.text():
                    msg = await ws.receive()
                    if msg.type == aiohttp.WSMsgType.BINARY:
                        screen.feed(msg.data.decode("utf-8", "replace"))
                    elif msg.type != aiohttp.WSMsgType.TEXT:
                        raise RuntimeError(f"session {n} closed: {msg.type}")

            async def keys(text: str, then: str | None = None, pause: float = 0.0) -> None:
                await ws.send_json(["stdin", text])
                if then is not None:
                    await until(then)
                await asyncio.sleep(pause)  # a person does not type faster than focus moves

            await until("Join the workshop")
            first = time.perf_counter() - started
            await asyncio.sleep(1.0)  # reading the screen
            await keys(code + "\r", then="Code accepted", pause=0.5)
            await keys(f"p{n:02d}", then=f"p{n:02d}")
            await keys("\r", pause=1.5)
            joined = time.perf_counter()
            await keys("\r", then="Self-assessments")
            return first, time.perf_counter() - joined


async def load(
    port: int, code: str, sessions: int, server_pid: int, first: int = 0
) -> tuple[list[object], int, int]:
    idle = rss_kb(server_pid) + sum(rss_kb(p) for p in descendants(server_pid))
    tasks = [asyncio.create_task(session(port, code, n)) for n in range(first, first + sessions)]
    peak = 0

    async def sample() -> None:
        nonlocal peak
        while True:
            total = rss_kb(server_pid) + sum(rss_kb(p) for p in descendants(server_pid))
            peak = max(peak, total)
            await asyncio.sleep(0.5)

    sampler = asyncio.create_task(sample())
    await asyncio.wait(tasks, timeout=LIMIT)
    sampler.cancel()
    results: list[object] = []
    for task in tasks:
        if not task.done():
            task.cancel()
            results.append(TimeoutError(f"not done within {LIMIT:.0f} s"))
        elif task.exception() is not None:
            results.append(task.exception())
        else:
            results.append(task.result())
    return results, idle, peak


def main() -> None:
    sessions = int(sys.argv[1]) if len(sys.argv) > 1 else 30
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "workshop"
        port = free_port()
        argv = [sys.executable, "-m", "readiness", "--lang", "en", "--results", str(folder)]
        argv += ["serve", "--host", HOST, "--port", str(port), "--max-sessions", str(sessions + 5)]
        server = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            deadline = time.monotonic() + 60
            while (info := read_info(folder)) is None:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise SystemExit("the server did not start")
                time.sleep(0.1)
            idle = rss_kb(server.pid) + sum(rss_kb(p) for p in descendants(server.pid))
            # Baseline in the same run: one browser alone (its pseudonym is p00).
            alone, _, _ = asyncio.run(load(port, info.code, 1, server.pid))
            time.sleep(3)  # let the baseline session's process end
            t0 = time.perf_counter()
            results, _, peak = asyncio.run(load(port, info.code, sessions, server.pid, first=1))
            wall = time.perf_counter() - t0
        finally:
            server.send_signal(signal.SIGINT)
            try:
                server.wait(30)
            except subprocess.TimeoutExpired:
                server.kill()
        joined = len(list((folder / "_participants").glob("*"))) if folder.exists() else 0
    ok = [r for r in results if isinstance(r, tuple)]
    failed = [r for r in results if not isinstance(r, tuple)]
    firsts = sorted(r[0] for r in ok)  # type: ignore[index]
    homes = sorted(r[1] for r in ok)  # type: ignore[index]
    base = alone[0] if alone and isinstance(alone[0], tuple) else (float("nan"), float("nan"))

    def pct(values: list[float], q: float) -> str:
        return f"{values[min(len(values) - 1, int(q * len(values)))]:.2f}" if values else "–"

    print_table(
        f"{sessions} concurrent browser sessions on loopback ({os.cpu_count()} CPUs), "
        f"all done in {wall:.1f} s",
        ["what", "median", "p90", "max"],
        [
            ["one session alone (baseline): first screen (s)", f"{base[0]:.2f}", "", ""],
            ["one session alone (baseline): join -> home (s)", f"{base[1]:.2f}", "", ""],
            ["time to first screen (s)", pct(firsts, 0.5), pct(firsts, 0.9), pct(firsts, 1.0)],
            [
                "join form sent -> home screen (s)",
                pct(homes, 0.5),
                pct(homes, 0.9),
                pct(homes, 1.0),
            ],
        ],
    )
    print_table(
        "Memory (resident, server + session processes)",
        ["what", "MB"],
        [
            ["server alone", f"{idle / 1024:.0f}"],
            [f"peak with {sessions} sessions", f"{peak / 1024:.0f}"],
            ["per session", f"{(peak - idle) / 1024 / max(1, sessions):.0f}"],
        ],
    )
    print(
        f"\nsessions ok: {len(ok)} + 1 alone, failed: {len(failed)}, pseudonyms claimed: {joined}"
    )
    for f in failed[:3]:
        print(f"  {type(f).__name__}: {f}")
    if failed:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
