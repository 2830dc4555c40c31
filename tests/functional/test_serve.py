"""Browser participation for real: a server on a loopback port, a browser's HTTP and
websocket traffic, a participant who joins, answers and whose result file lands.

The browser is played by aiohttp: it loads the page, opens the websocket the page would
open, sends key presses as `["stdin", ...]` and reads the terminal output the app sends
back (escape codes stripped). Only 127.0.0.1 is ever used.

Most tests here share one room (`room`, one `serve` per test process): starting `serve`
costs seconds of CPU, and a test suite that starts it for every test cannot stay under three
minutes. They run one after another in a process and keep out of each other's way as
participants in one room do: each joins under a pseudonym of its own and looks only at its
own files; a session only follows facilitator commands issued after it started. Tests that
need other options, or that stop parts of the server, start their own."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import shlex
import signal
import socket
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import aiohttp
import pytest
from terminal_screen import Terminal

from readiness.models.results import AssessmentResult
from readiness.storage import new_run_id, now, save_result, scan_results
from readiness.workshop.control import issue
from readiness.workshop.serve import INFO_FILE, read_info

pytestmark = pytest.mark.slow

CONTENT = Path(__file__).parent.parent / "data" / "workshop" / "content"
HOST = "127.0.0.1"


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


class Server:
    def __init__(self, folder: Path, port: int, proc: subprocess.Popen[bytes], log: Path) -> None:
        self.folder, self.port, self.proc, self.log = folder, port, proc, log
        info = read_info(folder)
        assert info is not None
        self.code = info.code
        self.url = f"http://{HOST}:{port}"

    def output(self) -> str:
        """What `serve` printed so far."""
        return self.log.read_text(errors="replace")


ROOM_FOLDER = ("room 1", "$(touch pwned)")
"""The shared room's folder, below a temporary folder: a space and shell syntax in its name
(the banner test checks that the dashboard command it prints is quoted)."""


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The room this module's tests share (see the module's docstring)."""
    with launch(tmp_path_factory.mktemp("serve").joinpath(*ROOM_FOLDER)) as running:
        yield running


def people_in(folder: Path) -> set[str]:
    """Every pseudonym claimed in the room and every participant with a result file (a
    session of an earlier test may still be saving as it ends: only a new name is news)."""
    claims = folder / "_participants"
    claimed = {p.name for p in claims.iterdir()} if claims.exists() else set()
    runs, _ = scan_results(folder)
    return claimed | {r.participant for _, r in runs}


def results_of(folder: Path, participant: str) -> list[tuple[Path, object]]:
    """The result files of one participant in the room (the room is shared)."""
    runs, bad = scan_results(folder)
    assert bad == []
    return [(path, r) for path, r in runs if r.participant == participant]


@contextlib.contextmanager
def launch(folder: Path, *extra: str, content: Path | None = CONTENT) -> Iterator[Server]:
    """`readiness serve` on a free loopback port, its output in `<folder>.log` beside the
    folder, stopped with Ctrl+C afterwards (`content`: a workshop folder, or built-ins only)."""
    port = free_port()
    folder.parent.mkdir(parents=True, exist_ok=True)
    log = folder.parent / f"{folder.name}.log"
    argv = [sys.executable, "-m", "readiness", "--lang", "en"]
    argv += ["--content", str(content)] if content is not None else []
    argv += ["--results", str(folder), "serve", "--host", HOST, "--port", str(port), *extra]
    with log.open("wb") as out:
        proc = subprocess.Popen(argv, stdout=out, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 90
    while not (folder / INFO_FILE).exists():
        assert proc.poll() is None, log.read_text(errors="replace")
        assert time.monotonic() < deadline, "server did not start"
        time.sleep(0.1)
    try:
        yield Server(folder, port, proc, log)
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(10)


class Browser:
    """What the page's script does: one websocket, keys in, terminal output out."""

    def __init__(self, ws: aiohttp.ClientWebSocketResponse) -> None:
        self.ws = ws
        self.terminal = Terminal()
        self.closed = False
        self.messages: list[object] = []

    async def _receive(self, timeout: float) -> bool:
        try:
            msg = await asyncio.wait_for(self.ws.receive(), timeout)
        except TimeoutError:
            return False
        if msg.type == aiohttp.WSMsgType.BINARY:
            self.terminal.feed(msg.data.decode("utf-8", "replace"))
            return True
        if msg.type in (
            aiohttp.WSMsgType.CLOSE,
            aiohttp.WSMsgType.CLOSED,
            aiohttp.WSMsgType.CLOSING,
        ):
            self.closed = True
            return False
        if msg.type == aiohttp.WSMsgType.TEXT:
            self.messages.append(json.loads(msg.data))
            return True
        return False

    def screen(self) -> str:
        return self.terminal.screen()

    async def expect(self, *words: str, timeout: float = 30) -> str:
        """Wait until every word is on the screen; returns the screen."""
        end = time.monotonic() + timeout
        while not all(w in self.screen() for w in words):
            left = end - time.monotonic()
            if left <= 0 or self.closed:
                raise AssertionError(f"never saw {words!r} on the screen:\n{self.screen()}")
            await self._receive(left)
        return self.screen()

    async def settle(self, quiet: float = 0.3, limit: float = 10) -> None:
        """Let the app finish reacting (no output for `quiet` seconds; the cursor blinks
        every 0.5 s): keys typed next go to the widget that has focus by then, as with a
        person at a keyboard."""
        end = time.monotonic() + limit
        while time.monotonic() < end and not self.closed and await self._receive(quiet):
            pass

    async def type(self, keys: str) -> None:
        await self.ws.send_json(["stdin", keys])
        await self.settle()

    async def until_closed(self, timeout: float = 30) -> None:
        end = time.monotonic() + timeout
        while not self.closed and time.monotonic() < end:
            await self._receive(end - time.monotonic())
        assert self.closed, "the session should have ended"


@pytest.fixture
async def browser(server: Server) -> AsyncIterator[Browser]:
    async with aiohttp.ClientSession() as session:
        page = await session.get(server.url + "/")
        assert page.status == 200
        async with session.ws_connect(
            f"ws://{HOST}:{server.port}/ws?width=80&height=24", headers={"Origin": server.url}
        ) as ws:
            b = Browser(ws)
            await b.expect("Join the workshop")
            await b.settle()
            yield b


async def join(b: Browser, code: str, name: str, team: str = "") -> None:
    await b.type(code + "\r")
    await b.type(name)
    await b.type("\r")
    await b.type(team + "\r")


async def test_another_web_site_cannot_open_a_session(server: Server) -> None:
    async with aiohttp.ClientSession() as session:
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            await session.ws_connect(
                f"ws://{HOST}:{server.port}/ws", headers={"Origin": "http://evil.example"}
            )
    assert refused.value.status == 403


async def test_page_is_served_from_this_machine_only(server: Server) -> None:
    async with aiohttp.ClientSession() as session:
        page = await (await session.get(server.url + "/")).text()
        script = await session.get(server.url + "/static/js/textual.js")
        assert script.status == 200
    assert f'data-session-websocket-url="ws://{HOST}:{server.port}/ws"' in page
    assert "googleapis" not in page and "https://" not in page


async def test_a_participant_joins_answers_and_the_result_lands(
    server: Server, browser: Browser
) -> None:
    await join(browser, server.code.lower(), "fox", "table 3")
    await browser.expect("Room check")  # the home screen lists the workshop's content
    issue(server.folder, "start", content_id="room-check-en")  # the facilitator starts it
    await browser.expect("shitstorm?")
    await browser.type("1")
    await browser.type("\r")
    await browser.expect("imprint?")
    await browser.type("2")
    await browser.type("\r")
    [(path, result)] = results_of(server.folder, "fox")
    assert isinstance(result, AssessmentResult)
    assert (result.participant, result.team, result.content_id) == (
        "fox",
        "table 3",
        "room-check-en",
    )
    assert {k: a.value for k, a in result.answers.items()} == {"backing": "yes", "imprint": "no"}
    assert path.parent == server.folder


async def test_a_wrong_code_gets_nowhere(server: Server, browser: Browser) -> None:
    before = people_in(server.folder)
    for _ in range(4):
        await browser.type("WRONG2\r")
    await browser.expect("1 attempt left")
    await browser.type("WRONG3\r")
    await browser.expect("Too many wrong codes")
    await browser.until_closed()
    assert people_in(server.folder) == before, "no result file, no pseudonym claimed"


async def test_a_pseudonym_in_use_is_refused(server: Server, browser: Browser) -> None:
    save_result(server.folder, private_run("owl"))
    await join(browser, server.code, "OWL")
    await browser.expect("That pseudonym is in use")
    assert not (server.folder / "_participants" / "owl").exists()


def private_run(name: str) -> AssessmentResult:
    return AssessmentResult(
        run_id=new_run_id(),
        content_id="room-check-en",
        content_version="1.0",
        content_hash="x",
        content_title="Private run of someone else",
        participant=name,
        started_at=now(),
        updated_at=now(),
    )


async def test_a_participant_sees_only_their_own_results(server: Server, browser: Browser) -> None:
    save_result(server.folder, private_run("owl"))
    await join(browser, server.code, "wren")
    await browser.expect("Room check")
    issue(server.folder, "start", content_id="room-check-en")
    await browser.expect("shitstorm?")
    await browser.type("1")
    await browser.type("\r")
    await browser.expect("imprint?")
    await browser.type("\x1b")  # Escape: back to the home screen
    await browser.type("r")  # the saved-results list
    shown = await browser.expect("Room check", "wren")
    assert "Private run of someone else" not in shown and "owl" not in shown


async def test_a_participant_downloads_their_own_html_report(
    server: Server, browser: Browser
) -> None:
    await join(browser, server.code, "heron")
    await browser.expect("Room check")
    issue(server.folder, "start", content_id="room-check-en")
    await browser.expect("shitstorm?")
    for key in ("1", "\r", "1", "\r", "5", "\r"):
        await browser.type(key)
    await browser.expect("Gap report")  # the assessment's result screen
    await browser.type("g")
    await browser.expect("Export")
    await browser.type("x")  # export: in the browser, a download
    end = time.monotonic() + 30
    while not any(m[0] == "deliver_file_start" for m in browser.messages):  # type: ignore[index]
        assert time.monotonic() < end, f"no download offered; screen:\n{browser.screen()}"
        await browser._receive(1)
    key = next(m[1] for m in browser.messages if m[0] == "deliver_file_start")  # type: ignore[index]
    async with aiohttp.ClientSession() as session:
        response = await session.get(f"{server.url}/download/{key}")
        html = await response.text()
    assert response.status == 200
    assert "<!DOCTYPE html>" in html and "heron" in html


def test_sessions_cannot_be_started_by_hand(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "READINESS_JOIN_CODE"}
    out = subprocess.run(
        [sys.executable, "-m", "readiness", "--results", str(tmp_path), "serve", "--session"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )
    assert out.returncode == 2
    assert "started by" in out.stderr or "verwendet" in out.stderr or "--session" in out.stderr


def test_serve_needs_a_workshop_folder() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "readiness", "--lang", "en", "serve"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 2
    assert "--results DIR" in out.stderr and "Traceback" not in out.stderr


# -- a room joining at once, and the limits of a room -------------------------------------


@contextlib.asynccontextmanager
async def open_browser(
    server: Server,
    session: aiohttp.ClientSession | None = None,
    query: str = "width=80&height=24",
    size: tuple[int, int] = (80, 24),
) -> AsyncIterator[Browser]:
    """The page, then its websocket; `session` keeps the browser's cookie between visits."""
    own = session is None
    http = session or aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))
    try:
        page = await http.get(server.url + "/")
        assert page.status == 200
        async with http.ws_connect(
            f"ws://{HOST}:{server.port}/ws?{query}", headers={"Origin": server.url}
        ) as ws:
            b = Browser(ws)
            b.terminal = Terminal(*size)
            await b.expect("Join the workshop", timeout=120)
            yield b
    finally:
        if own:
            await http.close()


FIRST_ENTRY = "Convincing the boss"
"""The first entry of the home list in English (built-in content comes first)."""


def claim_lines(folder: Path, key: str) -> list[str]:
    """The claim file's lines, waiting a few seconds for a session still writing it."""
    path = folder / "_participants" / key
    for _ in range(100):
        if path.exists():
            break
        time.sleep(0.1)
    return path.read_text(encoding="utf-8").splitlines()


async def test_a_whole_join_line_in_one_message_lands_field_by_field(server: Server) -> None:
    async with open_browser(server) as b:
        await b.ws.send_json(["stdin", f"{server.code}\tw10-02\ttable 3\r"])  # no waiting
        await b.expect("Room check")
    assert claim_lines(server.folder, "w10-02")[:2] == ["w10-02", "table 3"]


async def test_ten_participants_joining_at_once_each_get_their_own_fields(
    server: Server,
) -> None:
    """Ten sessions starting at once load the machine: every key must still land where it
    was typed (the type-ahead guarantee, docs/workshop.md). The step-by-step cases are in
    test_typeahead_busy.py."""

    async def one(n: int) -> None:
        async with open_browser(server) as b:
            # Typed ahead in three bursts as fast as the browser sends them, then Down and
            # Enter for the second entry, all before the app has shown anything of it.
            await b.ws.send_json(["stdin", f"{server.code}\t"])
            await b.ws.send_json(["stdin", f"p{n:02d}\ttable {n}"])
            await b.ws.send_json(["stdin", "\r\x1b[B\r"])
            shown = await b.expect("Question 1 of", timeout=150)
            assert FIRST_ENTRY not in shown, "Down was kept: the second entry opened"

    await asyncio.gather(*(one(n) for n in range(10)))
    for n in range(10):
        assert claim_lines(server.folder, f"p{n:02d}")[:2] == [f"p{n:02d}", f"table {n}"]


def children(pid: int) -> list[int]:
    """The live (not zombie) child processes of `pid` (Linux /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError, IndexError, ValueError):
                stat = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                if int(stat[1]) == pid and stat[0] != "Z":
                    found.append(int(entry.name))
    return sorted(found)


def session_pids(server: Server) -> set[int]:
    """The server's descendant processes."""
    found: set[int] = set()
    todo = children(server.proc.pid)
    while todo:
        pid = todo.pop()
        found.add(pid)
        todo += children(pid)
    return found


def session_memory_mb(server: Server, leave_out: set[int]) -> float:
    """Resident memory of the server's session processes not in `leave_out` (Linux /proc)."""
    total = 0
    for pid in session_pids(server) - leave_out:
        with contextlib.suppress(OSError):
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
    return total / 1024


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads /proc")
async def test_a_huge_terminal_size_is_bounded(server: Server) -> None:
    others = session_pids(server)  # the fork server, other tests' sessions still ending
    async with open_browser(server, query="width=20000&height=20000", size=(500, 200)) as b:
        await b.ws.send_json(["resize", {"width": 20000, "height": 20000}])
        end = time.monotonic() + 8
        peak = 0.0
        while time.monotonic() < end:
            await b._receive(0.5)
            peak = max(peak, session_memory_mb(server, others))
        assert not b.closed
    assert peak < 400, f"a session grew to {peak:.0f} MB"


async def test_one_computer_cannot_fill_the_room(tmp_path: Path) -> None:
    with launch(tmp_path / "room", "--per-address", "2") as server:
        connector = aiohttp.TCPConnector(local_addr=("127.0.0.2", 0))
        async with aiohttp.ClientSession(connector=connector) as http:
            headers = {"Origin": server.url}
            url = f"ws://{HOST}:{server.port}/ws"
            async with http.ws_connect(url, headers=headers), http.ws_connect(url, headers=headers):
                await asyncio.sleep(1)
                with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                    await http.ws_connect(url, headers=headers)
                page = await (await http.get(server.url + "/")).text()
            assert refused.value.status == 429
            assert "close one of its tabs" in page
            end = time.monotonic() + 60  # the closed tabs' sessions end: room again
            while True:
                try:
                    async with http.ws_connect(url, headers=headers) as ws:
                        assert not ws.closed
                        break
                except aiohttp.WSServerHandshakeError:
                    assert time.monotonic() < end, "the slots were never freed"
                    await asyncio.sleep(0.5)


async def test_an_idle_session_closes_itself_with_its_answers_saved(tmp_path: Path) -> None:
    # The start is issued while the form is open, so the question follows the join at once:
    # waiting for the facilitator after joining counted as idle time, and on a loaded machine
    # the session could close before the answer was typed.
    with launch(tmp_path / "room", "--idle-minutes", "0.15") as server:
        async with open_browser(server) as b:
            await b.expect("Join the workshop")
            issue(server.folder, "start", content_id="room-check-en")
            await b.type(f"{server.code}\towl\t\r")
            await b.expect("shitstorm?")
            await b.type("1\r")
            await b.expect("imprint?")
            await b.expect("No input for", timeout=60)
            await b.until_closed(timeout=60)
        [(_, result)] = scan_results(server.folder)[0]
    assert result.participant == "owl" and list(result.answers) == ["backing"]  # type: ignore[union-attr]


async def test_leaving_asks_and_the_same_browser_can_come_back(server: Server) -> None:
    async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as mine:
        async with open_browser(server, mine) as b:
            await b.type(f"{server.code}\tLynx\tred\r")
            await b.expect("Room check")
            issue(server.folder, "start", content_id="room-check-en")
            await b.expect("shitstorm?")
            await b.type("1\r")
            await b.type("q")  # from the questions back home, the answer saved
            await b.expect("Crisis exercises")
            await b.type("q")
            await b.expect("Leave the workshop session?", "join as Lynx")
            await b.type("l")
            await b.until_closed()
        async with open_browser(server, mine) as b:
            await b.type(f"{server.code}\tlynx\t\r")
            await b.expect("Welcome back, Lynx")
            await b.type("r")
            await b.expect("Room check", "Lynx")
    async with open_browser(server) as stranger:
        await stranger.type(f"{server.code}\tLynx\t\r")
        await stranger.expect("That pseudonym is in use", "choose another.")


def test_the_banner_quotes_the_dashboard_command(server: Server) -> None:
    """The room's folder has a space and `$(touch pwned)` in its name (`ROOM_FOLDER`)."""
    end = time.monotonic() + 30
    while "Press Ctrl+C" not in server.output():
        assert time.monotonic() < end, server.output()
        time.sleep(0.1)
    lines = server.output().splitlines()
    [line] = [x for x in lines if "readiness dashboard" in x]
    command = line.split(":", 1)[1]
    assert shlex.split(command) == ["readiness", "dashboard", str(server.folder.resolve())]
    assert server.folder.name == "$(touch pwned)"
    assert not (server.folder.parent.parent / "pwned").exists()


def test_a_second_server_on_the_room_is_refused_and_leaves_the_first_alone(
    server: Server,
) -> None:
    """A second `serve` on the same folder printed a banner with a code of its own and, on
    its way out, took the running server's code and address off the dashboard."""
    before = read_info(server.folder)
    argv = [sys.executable, "-m", "readiness", "--lang", "en", "--results", str(server.folder)]
    out = subprocess.run(
        [*argv, "serve", "--host", HOST, "--port", str(free_port())],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 2
    assert out.stdout == ""  # no banner, no code
    assert out.stderr.strip() == (
        f"readiness: A server for this results folder is already running at {before.url}"  # type: ignore[union-attr]
        f" (process {server.proc.pid}); join that one, or stop it first."
    )
    assert read_info(server.folder) == before


def test_a_busy_port_prints_no_banner(tmp_path: Path) -> None:
    """The banner, with a join code, used to be printed before the port was bound."""
    with socket.socket() as busy:
        busy.bind((HOST, 0))
        busy.listen()
        port = busy.getsockname()[1]
        argv = [sys.executable, "-m", "readiness", "--lang", "en", "--results", str(tmp_path)]
        out = subprocess.run(
            [*argv, "serve", "--host", HOST, "--port", str(port), "--no-quick-start"],
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert out.returncode == 2
    assert "Cannot listen on" in out.stderr and "code" not in out.stdout.lower()
    assert not (tmp_path / INFO_FILE).exists()
