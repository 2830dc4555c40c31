"""The quick start's fork server and launcher, without Textual: a tiny session that echoes.

A real fork server process (`WarmStart`) runs `ForkServer` with a session that reports
where it runs and echoes a line; the launcher is run the way textual-serve runs it (a shell
command with pipes). The session command itself, run when the launcher falls back, prints
"fresh process"."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from readiness.workshop.forkserver import WarmStart, parse_request

pytestmark = pytest.mark.skipif(not WarmStart.supported(), reason="needs fork and SCM_RIGHTS")

ECHO_SERVER = """
import os, sys
from pathlib import Path
from readiness.workshop.forkserver import READY, ForkServer

def run(argv):
    print("session", os.getpid(), os.getppid(), os.getsid(0), os.environ.get("COLUMNS"),
          os.getcwd(), argv[-1], flush=True)
    line = sys.stdin.readline().strip()
    if line == "crash":
        os.abort()
    print("echo", line, flush=True)
    return 0

def ready():
    os.write(1, READY)
    os.dup2(os.open(os.devnull, os.O_WRONLY), 1)

def notice(reason):
    print("notice:", reason, file=sys.stderr, flush=True)

ForkServer(Path(sys.argv[1]), sys.argv[3:], run, notice).serve(ready)
"""
COMMAND = [sys.executable, "-c", "print('fresh process')", "session"]


@pytest.fixture
def warm(tmp_path: Path) -> Iterator[WarmStart]:
    (tmp_path / "echo_forkserver.py").write_text(ECHO_SERVER)
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(tmp_path), *sys.path]))
    server = WarmStart(COMMAND, entry="echo_forkserver", env=env)
    assert server.start(timeout=60) is None
    try:
        yield server
    finally:
        server.stop()


def launch(warm: WarmStart, cwd: Path, **env: str) -> subprocess.Popen[str]:
    """The launcher as textual-serve starts it: a shell command with three pipes."""
    return subprocess.Popen(
        warm.command,
        shell=True,
        cwd=cwd,
        env={**warm.env, **env},
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def session_line(launcher: subprocess.Popen[str]) -> list[str]:
    assert launcher.stdout is not None
    return launcher.stdout.readline().split()


def echo(launcher: subprocess.Popen[str], text: str) -> str:
    assert launcher.stdin is not None and launcher.stdout is not None
    launcher.stdin.write(text + "\n")
    launcher.stdin.flush()
    return launcher.stdout.readline().strip()


def test_a_session_is_forked_with_the_launchers_pipes_environment_and_folder(
    warm: WarmStart, tmp_path: Path
) -> None:
    assert warm.process is not None
    launcher = launch(warm, tmp_path, COLUMNS="132")
    words = session_line(launcher)
    assert words[0] == "session"
    pid, parent, session = int(words[1]), int(words[2]), int(words[3])
    assert parent == warm.process.pid  # forked by the fork server, not a fresh process
    assert session == pid  # a session of its own: the terminal's Ctrl+C is not for it
    assert words[4:] == ["132", str(tmp_path), "session"]
    assert launcher.wait(30) == 0  # the launcher leaves once the session runs
    assert echo(launcher, "hello") == "echo hello"  # the pipes are the session's now


def test_two_launchers_get_two_processes(warm: WarmStart, tmp_path: Path) -> None:
    first, second = launch(warm, tmp_path), launch(warm, tmp_path)
    one, two = session_line(first), session_line(second)
    assert one[1] != two[1]
    assert echo(second, "two") == "echo two"
    assert echo(first, "one") == "echo one"


def test_a_crashing_session_leaves_the_fork_server_serving(warm: WarmStart, tmp_path: Path) -> None:
    crashing = launch(warm, tmp_path)
    pid = int(session_line(crashing)[1])
    assert crashing.stdin is not None and crashing.stdout is not None
    crashing.stdin.write("crash\n")
    crashing.stdin.flush()
    assert crashing.stdout.read() == ""  # its output ends: the browser sees the end
    deadline = time.monotonic() + 30
    while Path(f"/proc/{pid}").exists() and time.monotonic() < deadline:
        time.sleep(0.05)  # reaped by the fork server, no zombie left
    assert not Path(f"/proc/{pid}").exists()
    assert warm.alive()
    later = launch(warm, tmp_path)
    assert session_line(later)[0] == "session"
    assert echo(later, "still here") == "echo still here"


def test_another_environment_starts_a_fresh_process(warm: WarmStart, tmp_path: Path) -> None:
    # Textual reads TEXTUAL_* when imported: the fork server's copy would be wrong.
    launcher = launch(warm, tmp_path, TEXTUAL_FPS="5")
    assert launcher.communicate(timeout=60)[0].strip() == "fresh process"
    assert launcher.returncode == 0
    assert warm.alive()


def test_without_the_fork_server_the_launcher_starts_a_fresh_process(
    warm: WarmStart, tmp_path: Path
) -> None:
    command = warm.command
    env = dict(warm.env)
    warm.stop()
    launcher = subprocess.run(
        command, shell=True, env=env, capture_output=True, text=True, timeout=60
    )
    assert launcher.stdout.strip() == "fresh process"


def test_stopping_ends_the_sessions_still_running(warm: WarmStart, tmp_path: Path) -> None:
    launcher = launch(warm, tmp_path)
    pid = int(session_line(launcher)[1])
    folder = warm.folder
    assert folder is not None and (folder / "sessions.sock").exists()
    assert oct(folder.stat().st_mode & 0o777) == oct(0o700)
    warm.stop()
    assert not Path(f"/proc/{pid}").exists()
    assert not folder.exists()


def test_a_session_started_by_the_fork_server_ignores_the_servers_sigint(
    warm: WarmStart, tmp_path: Path
) -> None:
    assert warm.process is not None
    launcher = launch(warm, tmp_path)
    assert session_line(launcher)[0] == "session"
    os.kill(warm.process.pid, signal.SIGINT)  # Ctrl+C in a terminal is meant for `serve`
    assert echo(launcher, "after ctrl-c") == "echo after ctrl-c"
    assert warm.alive()


def test_a_request_names_the_folder_the_command_and_the_environment() -> None:
    def fields(*parts: bytes) -> bytes:
        return b"".join(part + b"\0" for part in parts)

    payload = fields(b"1", b"/work", b"2", b"python", b"-V", b"A=1", b"B=x=y")
    assert parse_request(payload) == (b"/work", ["python", "-V"], {b"A": b"1", b"B": b"x=y"})
    for broken in (
        b"",
        fields(b"2", b"/w", b"1", b"p"),  # another protocol
        fields(b"1", b"/w", b"9", b"p"),  # fewer parts than announced
        fields(b"1", b"/w", b"1", b"p", b"NOEQUALS"),
        fields(b"1", b"/w", b"1", b"p")[:-1],  # cut short
    ):
        with pytest.raises(ValueError):
            parse_request(broken)


def test_when_serve_is_gone_the_fork_server_ends_its_sessions_and_folder(
    warm: WarmStart, tmp_path: Path
) -> None:
    assert warm.process is not None and warm.process.stdin is not None
    launcher = launch(warm, tmp_path)
    pid = int(session_line(launcher)[1])
    folder = warm.folder
    assert folder is not None
    warm.process.stdin.close()  # as when `serve` is killed: its end of the pipe closes
    assert warm.process.wait(30) == 0
    assert not Path(f"/proc/{pid}").exists()
    assert not folder.exists()
