"""Warm start for browser sessions: one pre-imported process forks a session per browser.

Without it, textual-serve starts `python -m readiness … serve --session` for every browser
tab: each start imports Python's standard library, Textual and readiness again (about a
second of CPU and 60–70 MB each), so a room joining at once queues on the laptop's cores.

With it, `readiness serve` also starts a fork server (`python -m readiness.cli.serve_warm`,
the entry that imports Textual and readiness once; this module imports neither):

    readiness serve (aiohttp + textual-serve)
     ├── fork server: everything imported, listening on a Unix socket in a private
     │   temporary folder (mode 0700, the socket 0600)
     │    └── one forked process per browser session: its own process and session id
     └── per browser, for a moment: `sh -c` → `warm_launcher.py`, which hands the fork
         server its pipes (SCM_RIGHTS), environment, folder and command, and exits

textual-serve runs the launcher (`WarmStart.command`) where it ran the session command.
The forked process runs that same command line (`readiness.cli.main.main`), with the
launcher's pipes as standard input, output and error and the launcher's environment, so a
session is the same restricted participant app as before, with the same isolation: its own
process, restricted mode, the participant's own results only.

The fork server only forks for the one session command it was started with, and only when
the session's environment equals its own apart from the values that belong to one session
(`PER_SESSION`): Textual reads most of its settings from the environment when it is
imported. Anything else is refused and the launcher starts the session as a fresh process.
If the fork server cannot start or stops, `serve` says so in one line and uses the plain
session command (`readiness.tui.serve_server`).

Forking is safe here because the fork server never runs a thread or an event loop: it is a
`selectors` loop in the main thread. Before forking it freezes the garbage collector's
objects (`gc.freeze`) so that the children share the imported modules' memory pages
instead of copying them when a collection touches them.
"""

from __future__ import annotations

import atexit
import contextlib
import gc
import io
import os
import select
import selectors
import shlex
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import traceback
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import NoReturn

from readiness.workshop.joincode import ENV_VAR
from readiness.workshop.serve import DEVICE_ENV

PROTOCOL = b"1"
LAUNCHER = Path(__file__).with_name("warm_launcher.py")
SOCKET_NAME = "sessions.sock"
PER_SESSION = frozenset(
    name.encode() for name in ("COLUMNS", "ROWS", DEVICE_ENV, ENV_VAR, "PWD", "OLDPWD", "_")
)
"""Environment variables that differ from session to session (the browser's size, its
device token, the join code) or that the shell sets; read at run time, never at import."""
MAX_REQUEST = 1 << 20
READY = b"ready\n"
STOP_GRACE = 5.0
"""Seconds the sessions get to end after a SIGTERM when the fork server stops."""


@dataclass(frozen=True)
class Request:
    """What a launcher asks for: run `argv` in `cwd` with `env` on the pipes `fds`."""

    cwd: bytes
    argv: list[str]
    env: dict[bytes, bytes]
    fds: list[int]

    def close_fds(self) -> None:
        for fd in self.fds:
            with contextlib.suppress(OSError):
                os.close(fd)


def parse_request(payload: bytes) -> tuple[bytes, list[str], dict[bytes, bytes]]:
    """The launcher's fields (see `warm_launcher.request`); ValueError if malformed."""
    fields = payload.split(b"\0")
    if len(fields) < 3 or fields.pop() != b"" or fields[0] != PROTOCOL:
        raise ValueError("not a session request")
    count = int(fields[2])
    if not 0 < count <= len(fields) - 3:
        raise ValueError("bad command length")
    argv = [os.fsdecode(part) for part in fields[3 : 3 + count]]
    env: dict[bytes, bytes] = {}
    for entry in fields[3 + count :]:
        key, sep, value = entry.partition(b"=")
        if not sep or not key:
            raise ValueError("bad environment entry")
        env[key] = value
    return fields[1], argv, env


def receive_request(conn: socket.socket, fd_count: int = 3) -> Request:
    """Read one request and the pipes passed with it; ValueError or OSError if broken
    (any file descriptors received are closed then)."""
    data, fds, flags, _ = socket.recv_fds(conn, 65536, fd_count)
    try:
        if flags & socket.MSG_CTRUNC or len(fds) != fd_count or len(data) < 4:
            raise ValueError("no pipes passed")
        size = int.from_bytes(data[:4], "big")
        if size > MAX_REQUEST:
            raise ValueError("request too large")
        payload = bytearray(data[4:])
        while len(payload) < size:
            chunk = conn.recv(min(65536, size - len(payload)))
            if not chunk:
                raise ValueError("request cut short")
            payload += chunk
        cwd, argv, env = parse_request(bytes(payload[:size]))
    except BaseException:
        for fd in fds:
            with contextlib.suppress(OSError):
                os.close(fd)
        raise
    return Request(cwd, argv, env, fds)


def comparable(env: Mapping[bytes, bytes]) -> dict[bytes, bytes]:
    return {key: value for key, value in env.items() if key not in PER_SESSION}


class ForkServer:
    """The loop of the fork server process (see the module docstring).

    `run(argv)` is called in each forked process with the session command and returns its
    exit code; `notice(reason)` tells the facilitator, once per reason, why a session was
    refused the warm start."""

    def __init__(
        self,
        path: Path,
        command: Sequence[str],
        run: Callable[[list[str]], int],
        notice: Callable[[str], None],
    ) -> None:
        self.path = path
        self.command = list(command)
        self.run = run
        self.notice = notice
        self.env = comparable(os.environb)
        self.children: set[int] = set()
        self.stopping = False
        self.noticed: set[str] = set()
        self.listener: socket.socket | None = None
        self.selector: selectors.BaseSelector | None = None
        self.wakeup: tuple[int, int] | None = None

    # -- the loop ------------------------------------------------------------------------

    def serve(self, ready: Callable[[], None], control: int | None = 0) -> None:
        """Listen, call `ready()`, then fork sessions until SIGTERM or until `control`
        (the pipe from `serve`) reaches its end: `serve` is gone, so are we."""
        listener = self.listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        listener.bind(str(self.path))
        os.chmod(self.path, 0o600)
        listener.listen(128)
        read_end, write_end = self.wakeup = os.pipe()
        os.set_blocking(read_end, False)
        os.set_blocking(write_end, False)
        signal.set_wakeup_fd(write_end, warn_on_full_buffer=False)
        signal.signal(signal.SIGCHLD, _nothing)
        signal.signal(signal.SIGTERM, self._stop)
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        selector = self.selector = selectors.DefaultSelector()
        selector.register(listener, selectors.EVENT_READ, "accept")
        selector.register(read_end, selectors.EVENT_READ, "wakeup")
        if control is not None:
            selector.register(control, selectors.EVENT_READ, "control")
        # As Python's documentation of `gc.freeze` advises for forking: no collection in
        # the parent (it would leave holes among the shared objects that the children then
        # fill, copying those pages), everything frozen right before each fork, and the
        # collector back on in each child.
        gc.collect()
        gc.disable()
        gc.freeze()
        ready()
        try:
            while not self.stopping:
                for key, _ in selector.select():
                    if key.data == "accept":
                        self._accept(listener)
                    elif key.data == "wakeup":
                        with contextlib.suppress(OSError):
                            os.read(read_end, 4096)
                    elif key.data == "control" and not os.read(key.fd, 4096):
                        self.stopping = True
                self._reap()
        finally:
            self._shut_down()

    def _stop(self, _signum: int, _frame: FrameType | None) -> None:
        self.stopping = True

    def _accept(self, listener: socket.socket) -> None:
        try:
            conn, _ = listener.accept()
        except OSError:
            return
        try:
            conn.settimeout(5.0)
            request = receive_request(conn)
        except (OSError, ValueError):
            conn.close()
            return
        reason = self._refusal(request)
        pid = -1
        if reason is None:
            for stream in (sys.stdout, sys.stderr):
                with contextlib.suppress(Exception):
                    stream.flush()
            gc.freeze()
            try:
                pid = os.fork()
            except OSError as error:  # out of memory or processes: the launcher starts it
                reason = f"cannot fork: {error.strerror or error}"
            else:
                if pid == 0:
                    self._become_session(request, conn)
                self.children.add(pid)
        request.close_fds()
        answer = b"started %d" % pid if reason is None else b"refused " + reason.encode()
        with contextlib.suppress(OSError):
            conn.sendall(answer + b"\n")
        conn.close()
        if reason is not None and reason not in self.noticed:
            self.noticed.add(reason)
            self.notice(reason)

    def _refusal(self, request: Request) -> str | None:
        if request.argv != self.command:
            return "another command"
        env = comparable(request.env)
        if env != self.env:
            names = sorted(set(env.items()) ^ set(self.env.items()))
            return "environment differs: " + os.fsdecode(names[0][0])
        if threading.active_count() != 1:
            return "a thread is running"
        return None

    def _reap(self) -> None:
        while self.children:
            try:
                pid, _status = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                self.children.clear()
                return
            if pid == 0:
                return
            self.children.discard(pid)

    def _shut_down(self) -> None:
        """Stop listening; the sessions still running get SIGTERM (the app ends as on
        Ctrl+C), then SIGKILL after `STOP_GRACE` seconds."""
        if self.listener is not None:
            self.listener.close()
            with contextlib.suppress(OSError):
                self.path.unlink()
            with contextlib.suppress(OSError):
                self.path.parent.rmdir()  # the private folder, should `serve` be gone
        for pid in self.children:
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + STOP_GRACE
        while self.children and time.monotonic() < deadline:
            self._reap()
            time.sleep(0.05)
        for pid in self.children:
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
        for pid in self.children:
            with contextlib.suppress(ChildProcessError):
                os.waitpid(pid, 0)
        self.children.clear()

    # -- in the forked process -------------------------------------------------------------

    def _become_session(self, request: Request, conn: socket.socket) -> NoReturn:
        """Turn this fork into the session: new session id, the launcher's pipes as 0-2,
        its environment and folder, default signal handling; run; exit without ever
        returning into the fork server's loop."""
        code = 1
        try:
            os.setsid()
            signal.set_wakeup_fd(-1)
            for signum in (signal.SIGCHLD, signal.SIGTERM, signal.SIGHUP):
                signal.signal(signum, signal.SIG_DFL)
            signal.signal(signal.SIGINT, signal.default_int_handler)
            self._close_server_files(conn)
            for target, fd in enumerate(request.fds):
                os.dup2(fd, target)
                os.close(fd)
            _reopen_stdio()
            os.environ.clear()
            os.environb.update(request.env)
            os.chdir(request.cwd)
            # `random` reseeds itself in a forked child (os.register_at_fork); `secrets`,
            # join codes and device tokens read the operating system's randomness anyway.
            atexit._clear()
            gc.enable()
            code = self.run(request.argv)
        except SystemExit as stop:
            code = _code_of(stop.code)
        except BaseException:
            with contextlib.suppress(Exception):
                traceback.print_exc()
        finally:
            _finish(code)

    def _close_server_files(self, conn: socket.socket) -> None:
        if self.selector is not None:
            self.selector.close()
        if self.listener is not None:
            self.listener.close()
        if self.wakeup is not None:
            for fd in self.wakeup:
                os.close(fd)
        conn.close()


def _nothing(_signum: int, _frame: FrameType | None) -> None:
    """SIGCHLD only has to wake the loop (through the wakeup pipe)."""


def _code_of(value: object) -> int:
    if value is None:
        return 0
    if isinstance(value, int):
        return value & 0xFF
    with contextlib.suppress(Exception):
        print(value, file=sys.stderr)
    return 1


def _reopen_stdio() -> None:
    """Fresh `sys.stdin/stdout/stderr` on descriptors 0-2 (the launcher's pipes), set up
    as Python sets them up for a process started with pipes."""
    for name, fd, mode in (("stdin", 0, "r"), ("stdout", 1, "w"), ("stderr", 2, "w")):
        old = getattr(sys, f"__{name}__", None)
        encoding = getattr(old, "encoding", None) or "utf-8"
        errors = getattr(old, "errors", None) or ("backslashreplace" if fd == 2 else "strict")
        raw = io.FileIO(fd, mode, closefd=False)
        buffer = io.BufferedReader(raw) if fd == 0 else io.BufferedWriter(raw)
        stream = io.TextIOWrapper(buffer, encoding, errors, line_buffering=fd == 2)
        setattr(sys, name, stream)
        setattr(sys, f"__{name}__", stream)


def _finish(code: int) -> NoReturn:
    """What the interpreter does at exit (wait for non-daemon threads, atexit, flush),
    then leave at once: the fork server's own clean-up must not run here."""
    try:
        shutdown = getattr(threading, "_shutdown", None)
        if callable(shutdown):
            shutdown()
        atexit._run_exitfuncs()
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(Exception):
                stream.flush()
    finally:
        os._exit(code)


# -- in `readiness serve` ------------------------------------------------------------------


class WarmStart:
    """The fork server of one `readiness serve`: started with it, stopped with it.

    `command` is the session command (as a list); `entry` the module that runs the fork
    server (`python -m ENTRY [OPTIONS] SOCKET -- COMMAND...`); `env` its environment, the
    one textual-serve gives a session (without a size, code or token)."""

    def __init__(
        self,
        command: Sequence[str],
        *,
        entry: str,
        env: Mapping[str, str],
        options: Sequence[str] = (),
        python: str = sys.executable,
    ) -> None:
        self.session = list(command)
        self.entry = entry
        self.env = dict(env)
        self.options = list(options)
        self.python = python
        self.folder: Path | None = None
        self.process: subprocess.Popen[bytes] | None = None

    @staticmethod
    def supported() -> bool:
        return hasattr(os, "fork") and hasattr(socket, "send_fds") and sys.platform != "win32"

    @property
    def socket_path(self) -> Path:
        assert self.folder is not None
        return self.folder / SOCKET_NAME

    @property
    def command(self) -> str:
        """What textual-serve runs per browser: the launcher, then the session command."""
        launcher = [self.python, "-I", "-S", str(LAUNCHER), str(self.socket_path), "--"]
        return shlex.join(launcher + self.session)

    def start(self, timeout: float = 60.0) -> str | None:
        """Start the fork server and wait until it listens: None, or why it did not."""
        self.folder = Path(tempfile.mkdtemp(prefix="readiness-serve-"))  # mode 0700
        argv = [self.python, "-m", self.entry, *self.options, str(self.socket_path), "--"]
        try:
            self.process = subprocess.Popen(
                [*argv, *self.session],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                env=self.env,
                start_new_session=True,  # Ctrl+C in the terminal reaches `serve` only
            )
        except OSError as error:
            self.stop()
            return error.strerror or str(error)
        assert self.process.stdout is not None
        stdout = self.process.stdout
        deadline = time.monotonic() + timeout
        answer = b""
        while not answer.endswith(b"\n"):
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([stdout], [], [], left)[0]:
                self.stop()
                return f"not ready after {timeout:g} s"
            chunk = os.read(stdout.fileno(), 64)
            if not chunk:
                code = self.process.wait()
                self.stop()
                return f"exit code {code}"
            answer += chunk
        stdout.close()
        if answer != READY:
            self.stop()
            return "unexpected answer"
        return None

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def stop(self) -> None:
        """Stop the fork server (its sessions get SIGTERM) and remove its folder."""
        process, self.process = self.process, None
        if process is not None:
            if process.stdin is not None:
                with contextlib.suppress(OSError):
                    process.stdin.close()
            if process.poll() is None:
                process.terminate()
            try:
                process.wait(STOP_GRACE + 5)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            if process.stdout is not None:
                process.stdout.close()
        if self.folder is not None:
            with contextlib.suppress(OSError):
                self.socket_path.unlink()
            with contextlib.suppress(OSError):
                self.folder.rmdir()
            self.folder = None
