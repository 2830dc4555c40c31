"""A room of browsers: N websocket clients join `readiness serve` at once, on loopback.

For each way of starting sessions, in the same run: the per-process start (`serve
--no-quick-start`, every session a fresh Python process; the baseline) and the quick start
(sessions forked from a pre-imported process, `readiness.workshop.forkserver`). Each run
starts its own `readiness serve` on 127.0.0.1 (never another address) with a fresh
workshop folder, then opens N websockets at the same moment, each as the page's script
would: load the page, open the websocket, send the terminal size, read the output until
the join form is painted. That time is the figure (p50 / p90 / max). Every client then
joins (code, pseudonym, Enter) and waits for its home screen; once all are there, the
memory of every session's processes is read from /proc/PID/smaps_rollup (Linux): PSS
(shared pages split between the processes sharing them) and private pages, per session.
Everything stops by itself: a hard limit per run, then the server is stopped and the
folder removed. The load average is printed next to the figures: run it on an idle
machine for figures to compare.

Run: .venv/bin/python benchmarks/bench_serve.py --clients 30 [--mode both|warm|cold]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from _table import print_table
from terminal_screen import Terminal

from readiness.workshop.serve import read_info

HOST = "127.0.0.1"
LIMIT = 240.0
JOIN_FORM = "Join the workshop"
HOME = "Self-assessments"
FORK_SERVER = "readiness.cli.serve_warm"


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def children_of() -> dict[int, list[int]]:
    parents: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            parents.setdefault(ppid, []).append(int(entry.name))
    return parents


def descendants(root: int, parents: dict[int, list[int]]) -> list[int]:
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        for child in parents.get(pid, []):
            found.append(child)
            todo.append(child)
    return found


def memory_kb(pid: int) -> tuple[int, int]:
    """(PSS, private) in kB, from /proc/PID/smaps_rollup; (0, 0) if it is gone."""
    pss = private = 0
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            name, _, rest = line.partition(":")
            if name == "Pss":
                pss = int(rest.split()[0])
            elif name in ("Private_Clean", "Private_Dirty"):
                private += int(rest.split()[0])
    except (OSError, ValueError):
        pass
    return pss, private


TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def cpu_seconds(pid: int) -> float:
    """User + system CPU time the process has used so far."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return 0.0
    return (int(fields[11]) + int(fields[12])) / TICKS


def cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


@dataclass
class Memory:
    """kB: the sessions' processes together, the fork server, the web server; and the CPU
    seconds they used so far."""

    sessions_pss: int = 0
    sessions_private: int = 0
    sessions_cpu: float = 0.0
    processes: int = 0
    fork_server_pss: int = 0
    serve_pss: int = 0
    serve_cpu: float = 0.0


def measure(serve_pid: int) -> Memory:
    parents = children_of()
    memory = Memory(serve_pss=memory_kb(serve_pid)[0], serve_cpu=cpu_seconds(serve_pid))
    for pid in descendants(serve_pid, parents):
        pss, private = memory_kb(pid)
        if FORK_SERVER in cmdline(pid) and pid in parents.get(serve_pid, []):
            memory.fork_server_pss = pss
            continue
        memory.sessions_pss += pss
        memory.sessions_private += private
        memory.sessions_cpu += cpu_seconds(pid)
        memory.processes += 1
    return memory


@dataclass
class Outcome:
    first: float | None = None
    joined: bool = False
    error: str = ""
    stage: str = "page"
    screen: str = ""


@dataclass
class Run:
    mode: str
    outcomes: list[Outcome] = field(default_factory=list)
    memory: Memory = field(default_factory=Memory)
    wall: float = 0.0
    start_cpu: float = 0.0
    """CPU seconds of all session processes once every join form was painted."""
    claimed: int = 0
    log: str = ""
    load_before: str = ""
    load_after: str = ""


async def client(
    port: int, code: str, n: int, outcome: Outcome, painted: asyncio.Event, hold: asyncio.Event
) -> None:
    """One browser: page, websocket, size, join form; once every join form is painted
    (`painted`), join and wait on the home screen until `hold` is set (so that every
    session is alive when memory is read)."""
    screen = Terminal()
    try:
        await browse(port, code, n, outcome, painted, hold, screen)
    finally:
        outcome.screen = screen.screen()


async def browse(
    port: int,
    code: str,
    n: int,
    outcome: Outcome,
    painted: asyncio.Event,
    hold: asyncio.Event,
    screen: Terminal,
) -> None:
    started = time.perf_counter()
    url = f"http://{HOST}:{port}"
    async with aiohttp.ClientSession() as http:
        await (await http.get(url + "/")).read()
        async with http.ws_connect(
            f"ws://{HOST}:{port}/ws?width=80&height=24", headers={"Origin": url}
        ) as ws:
            await ws.send_json(["resize", {"width": 80, "height": 24}])

            async def until(word: str) -> None:
                while word not in screen.screen():
                    msg = await ws.receive()
                    if msg.type == aiohttp.WSMsgType.BINARY:
                        screen.feed(msg.data.decode("utf-8", "replace"))
                    elif msg.type != aiohttp.WSMsgType.TEXT:
                        raise RuntimeError(f"session {n} closed: {msg.type.name}")

            async def keys(text: str, then: str | None = None, pause: float = 0.0) -> None:
                await ws.send_json(["stdin", text])
                if then is not None:
                    await until(then)
                await asyncio.sleep(pause)  # a person does not type faster than focus moves

            async def wait_reading(event: asyncio.Event) -> None:
                """Wait, reading meanwhile (a reader answers the server's heartbeat)."""
                waiting = asyncio.create_task(event.wait())
                while not waiting.done():
                    reading = asyncio.create_task(ws.receive())
                    await asyncio.wait([waiting, reading], return_when=asyncio.FIRST_COMPLETED)
                    if not reading.done():
                        reading.cancel()
                    elif (msg := reading.result()).type == aiohttp.WSMsgType.BINARY:
                        screen.feed(msg.data.decode("utf-8", "replace"))
                    elif msg.type != aiohttp.WSMsgType.TEXT:
                        raise RuntimeError(f"session {n} closed: {msg.type.name}")

            outcome.stage = "join form"
            await until(JOIN_FORM)
            outcome.first = time.perf_counter() - started
            await wait_reading(painted)
            await asyncio.sleep(1.0)  # reading the screen
            outcome.stage = "code"
            await keys(code + "\r", then="Code accepted", pause=0.5)
            outcome.stage = "pseudonym"
            await keys(f"p{n:02d}", then=f"p{n:02d}")
            await keys("\r", pause=1.5)
            outcome.stage = "home screen"
            await keys("\r", then=HOME)
            outcome.joined = True
            await wait_reading(hold)


def load_average() -> str:
    return " / ".join(f"{v:.2f}" for v in os.getloadavg())


async def room(port: int, code: str, clients: int, serve_pid: int, run: Run) -> None:
    """Every client at the same moment; CPU read once all join forms are painted, memory
    once all are on their home screens."""
    painted, hold = asyncio.Event(), asyncio.Event()
    run.outcomes = [Outcome() for _ in range(clients)]
    tasks = [
        asyncio.create_task(client(port, code, n, outcome, painted, hold))
        for n, outcome in enumerate(run.outcomes)
    ]
    started = time.perf_counter()
    deadline = started + LIMIT

    async def until(ready: Callable[[Outcome], bool]) -> None:
        while time.perf_counter() < deadline:
            if all(ready(o) or t.done() for o, t in zip(run.outcomes, tasks, strict=True)):
                return
            await asyncio.sleep(0.05)

    await until(lambda o: o.first is not None)
    run.wall = time.perf_counter() - started
    run.start_cpu = measure(serve_pid).sessions_cpu
    painted.set()
    await until(lambda o: o.joined)
    run.memory = measure(serve_pid)
    hold.set()
    await asyncio.wait(tasks, timeout=30)
    for outcome, task in zip(run.outcomes, tasks, strict=True):
        if not task.done():
            task.cancel()
            outcome.error = f"not done within {LIMIT:.0f} s, at: {outcome.stage}"
        elif task.exception() is not None:
            error = task.exception()
            outcome.error = f"at: {outcome.stage}: {type(error).__name__}: {error}"


def one_run(mode: str, clients: int) -> Run:
    run = Run(mode, load_before=load_average())
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "workshop"
        port = free_port()
        argv = [sys.executable, "-m", "readiness", "--lang", "en", "--results", str(folder)]
        argv += ["serve", "--host", HOST, "--port", str(port)]
        argv += ["--max-sessions", str(clients + 5)]
        if mode == "cold":
            argv.append("--no-quick-start")
        log = Path(tmp) / "serve.log"
        with log.open("wb") as out:
            server = subprocess.Popen(argv, stdout=out, stderr=subprocess.STDOUT)
        try:
            deadline = time.monotonic() + 90
            while (info := read_info(folder)) is None:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise SystemExit(f"the server did not start:\n{log.read_text()}")
                time.sleep(0.1)
            time.sleep(2.0)  # let the server (and the fork server) settle
            serve_cpu = cpu_seconds(server.pid)
            asyncio.run(room(port, info.code, clients, server.pid, run))
            run.memory.serve_cpu -= serve_cpu
        finally:
            server.send_signal(signal.SIGINT)
            try:
                server.wait(60)
            except subprocess.TimeoutExpired:
                server.kill()
            run.log = log.read_text(errors="replace")
            for line in run.log.splitlines():
                if "quick start" in line.lower():
                    print(f"  [{mode}] {line.strip()}")
        run.claimed = len(list((folder / "_participants").glob("*")))
    run.load_after = load_average()
    return run


def pct(values: list[float], q: float) -> str:
    if not values:
        return "–"
    ordered = sorted(values)
    return f"{ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]:.2f}"


LABELS = {
    "cold": "per-process start (--no-quick-start, baseline)",
    "warm": "fork server (quick start)",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=30)
    parser.add_argument("--mode", choices=("both", "warm", "cold"), default="both")
    args = parser.parse_args()
    modes = ("warm", "cold") if args.mode == "both" else (args.mode,)
    uptime = subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()
    print(f"{args.clients} browsers joining at once on loopback, {os.cpu_count()} CPUs")
    print(f"machine at the start: {uptime}")
    runs = [one_run(mode, args.clients) for mode in modes]
    rows = []
    for run in runs:
        firsts = [o.first for o in run.outcomes if o.first is not None]
        joined = sum(o.joined for o in run.outcomes)
        n = max(1, args.clients)
        rows.append(
            [
                LABELS[run.mode],
                pct(firsts, 0.5),
                pct(firsts, 0.9),
                pct(firsts, 1.0),
                f"{joined}/{args.clients} ({run.claimed} claimed)",
                f"{run.memory.sessions_pss / 1024 / n:.1f}",
                f"{run.memory.sessions_private / 1024 / n:.1f}",
                f"{run.memory.fork_server_pss / 1024:.0f}" if run.mode == "warm" else "–",
                f"{run.memory.serve_pss / 1024:.0f}",
                f"{run.start_cpu / n:.2f}",
                f"{run.memory.sessions_cpu / n:.2f}",
                f"{run.memory.serve_cpu:.1f}",
                f"{run.load_before} → {run.load_after}",
            ]
        )
    print_table(
        "Time to the first painted join form (s), memory per session (MB, all of its "
        "processes, read with every session on its home screen)",
        [
            "sessions start",
            "p50",
            "p90",
            "max",
            "joined",
            "PSS/session",
            "private/session",
            "fork server PSS",
            "serve PSS",
            "CPU s/session to form",
            "to home",
            "serve CPU s",
            "load avg before → after",
        ],
        rows,
    )
    print("\ntargets: p90 ≤ 3 s, ≤ 30 MB PSS per session")
    failed = [(run.mode, o) for run in runs for o in run.outcomes if o.error]
    for mode, outcome in failed[:5]:
        print(f"  [{mode}] {outcome.error}")
    if failed:
        print(f"the screen of the first that failed:\n{failed[0][1].screen}")
        for run in runs:
            print(f"[{run.mode}] the server's output:\n{run.log}")
    if failed or any(run.claimed != args.clients for run in runs):
        raise SystemExit(1)


if __name__ == "__main__":
    main()
