"""The quick start for real: `readiness serve` forks browser sessions from a pre-imported
process (`readiness.workshop.forkserver`), each in a process of its own, and carries on
when one of them, or the fork server itself, dies.

A browser is `test_serve.py`'s (page, websocket, terminal size, terminal output); which
process serves a browser is read from /proc. Only 127.0.0.1 is used."""

from __future__ import annotations

import asyncio
import os
import signal
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_serve import Server, children, launch, open_browser

from readiness.workshop.forkserver import WarmStart

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not WarmStart.supported(), reason="needs fork and SCM_RIGHTS"),
]

JOIN_FORM = "Join the workshop"


def fork_server_pid(server: Server) -> int | None:
    """The pid of the fork server (a child of `serve`), None if there is none."""
    for pid in children(server.proc.pid):
        if "readiness.cli.serve_warm" in cmdline(pid):
            return pid
    return None


def cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


async def new_session(server: Server, known: set[int]) -> int:
    """The forked process that appeared for a browser (besides the `known` ones)."""
    fork_server = fork_server_pid(server)
    assert fork_server is not None
    end = time.monotonic() + 30
    while not (fresh := set(children(fork_server)) - known):
        assert time.monotonic() < end, "no session was forked"
        await asyncio.sleep(0.05)
    assert len(fresh) == 1
    return fresh.pop()


@pytest.fixture(scope="module")
def warm(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A server with its fork server, shared by the tests that leave the fork server alive
    (each `serve` start costs seconds of CPU). Sessions of an earlier test may still be
    ending: the tests look only at processes that appeared for their own browsers."""
    with launch(tmp_path_factory.mktemp("warm") / "room", content=None) as server:
        yield server


def sessions_now(server: Server) -> set[int]:
    fork_server = fork_server_pid(server)
    assert fork_server is not None, server.output()
    return set(children(fork_server))


async def test_browsers_get_the_join_form_from_forked_processes_of_their_own(
    warm: Server,
) -> None:
    server = warm
    fork_server = fork_server_pid(server)
    earlier = sessions_now(server)
    async with open_browser(server) as first:
        await first.expect(JOIN_FORM)
        one = await new_session(server, earlier)
        async with open_browser(server) as second:
            await second.expect(JOIN_FORM)
            two = await new_session(server, earlier | {one})
            assert one != two
            for pid in (one, two):
                assert os.getsid(pid) == pid  # its own session, apart from the server
            # No per-browser process of the server stays: only the fork server.
            end = time.monotonic() + 30
            while children(server.proc.pid) != [fork_server]:
                assert time.monotonic() < end, "the launchers should have ended"
                await asyncio.sleep(0.05)
    assert "quick start" not in server.output().lower()  # no fallback notice


async def test_a_crashed_session_does_not_take_the_server_down(warm: Server) -> None:
    server = warm
    earlier = sessions_now(server)
    async with open_browser(server) as doomed:
        await doomed.expect(JOIN_FORM)
        pid = await new_session(server, earlier)
        os.kill(pid, signal.SIGKILL)
        await doomed.until_closed()
    assert server.proc.poll() is None
    assert fork_server_pid(server) is not None
    earlier = sessions_now(server)
    async with open_browser(server) as next_one:
        await next_one.expect(JOIN_FORM)
        assert await new_session(server, earlier) != pid


async def test_when_the_fork_server_dies_sessions_start_as_before(tmp_path: Path) -> None:
    with launch(tmp_path / "room", content=None) as server:
        fork_server = fork_server_pid(server)
        assert fork_server is not None
        os.kill(fork_server, signal.SIGKILL)
        end = time.monotonic() + 30
        while fork_server in children(server.proc.pid):  # reaped by `serve`
            assert time.monotonic() < end
            await asyncio.sleep(0.05)
        async with open_browser(server) as late:
            await late.expect(JOIN_FORM)
            sessions = [p for p in children(server.proc.pid) if "--session" in cmdline(p)]
            assert sessions, "the session should run as a process of the server"
        assert "The quick start stopped" in server.output()


async def test_no_quick_start_starts_every_session_as_a_fresh_process(tmp_path: Path) -> None:
    with launch(tmp_path / "room", "--no-quick-start", content=None) as server:
        assert fork_server_pid(server) is None
        async with open_browser(server) as plain:
            await plain.expect(JOIN_FORM)
