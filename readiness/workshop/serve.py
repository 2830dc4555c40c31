"""Serving the app to browsers: the fixed session command, the join info file, addresses.

textual-serve starts one app process per browser tab by running a shell command. That
command is built here, once, from the facilitator's own settings, every part shell-quoted:
nothing a browser sends ever reaches it (the browser only sends key presses and its window
size), so a participant cannot add `--content`, `--results` or any other argument.

(Imports stay light: `readiness serve --help` and the parser load this module.)

`_serve.toml` in the workshop folder tells the dashboard where participants join and with
which code, so the projector can show it. It is removed when the server stops."""

from __future__ import annotations

import contextlib
import os
import shlex
import socket
import sys
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import tomli_w

from readiness.i18n import Lang
from readiness.workshop.room_limits import DEFAULT_HOST as DEFAULT_HOST
from readiness.workshop.room_limits import DEFAULT_PORT as DEFAULT_PORT
from readiness.workshop.room_limits import IDLE_MINUTES as IDLE_MINUTES
from readiness.workshop.room_limits import LOOPBACK as LOOPBACK
from readiness.workshop.room_limits import MAX_SESSIONS as MAX_SESSIONS
from readiness.workshop.room_limits import PER_ADDRESS as PER_ADDRESS

INFO_FILE = "_serve.toml"
DEVICE_ENV = "READINESS_DEVICE"
"""How the server hands a session its browser's device token (see `workshop.pseudonyms`)."""

MIN_SIZE = (20, 8)
MAX_SIZE = (500, 200)
"""Terminal size a browser may ask for, in cells: each cell costs memory in the session."""


def clamp_size(width: object, height: object) -> tuple[int, int]:
    """A browser's terminal size, bounded: anything that is not a whole number counts as the
    default 80×24, anything outside MIN_SIZE..MAX_SIZE is moved to the nearest bound."""

    def bounded(value: object, default: int, low: int, high: int) -> int:
        try:
            number = int(str(value), 10)
        except ValueError:
            return default
        return max(low, min(high, number))

    return (
        bounded(width, 80, MIN_SIZE[0], MAX_SIZE[0]),
        bounded(height, 24, MIN_SIZE[1], MAX_SIZE[1]),
    )


def dashboard_command(folder: Path, windows: bool = sys.platform == "win32") -> str:
    """`readiness dashboard FOLDER`, quoted so that pasting it into the user's shell runs
    exactly that: POSIX shell quoting; on Windows double quotes, which cmd.exe and PowerShell
    both read literally unless the path holds `$`, `%`, a backtick or `!` (then PowerShell's
    single quotes, the default shell of Windows terminals)."""
    text = str(folder)
    if not windows:
        return shlex.join(["readiness", "dashboard", text])
    if not any(ch in text for ch in '$%`!"'):
        return f'readiness dashboard "{text}"'
    return "readiness dashboard '" + text.replace("'", "''") + "'"


def session_command(
    *,
    lang: Lang,
    results_dir: Path,
    content_dirs: Sequence[Path] = (),
    variables: Mapping[str, str] | None = None,
    python: str = sys.executable,
    idle_minutes: float = IDLE_MINUTES,
) -> str:
    """The shell command every browser session runs: a restricted participant app."""
    parts = [python, "-m", "readiness", "--lang", lang, "--results", str(results_dir.resolve())]
    for folder in content_dirs:
        parts += ["--content", str(folder.resolve())]
    parts += ["serve", "--session", "--idle-minutes", f"{idle_minutes:g}"]
    for name, value in sorted((variables or {}).items()):
        parts += ["--var", f"{name}={value}"]
    return shlex.join(parts)


def _routed_address() -> str | None:
    """The address this machine sends from on its default route: what participants on the
    same network reach it at. Connecting a UDP socket only picks the route; nothing is
    sent. None without a route (offline)."""
    with contextlib.suppress(OSError), socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        probe.connect(("192.0.2.1", 9))  # a documentation address (TEST-NET-1)
        address = str(probe.getsockname()[0])
        return None if address.startswith(("127.", "0.")) else address
    return None


def display_urls(host: str, port: int) -> list[str]:
    """The addresses to give participants. For a wildcard host, the address of the default
    route first, then this machine's other addresses as the local resolver knows them
    (nothing is sent over the network). The host name alone resolves to 127.0.1.1 on a
    Debian or Ubuntu laptop, which no participant's browser can open."""
    if host not in ("0.0.0.0", "::", ""):
        shown = f"[{host}]" if ":" in host else host
        return [f"http://{shown}:{port}/"]
    found: list[str] = []
    routed = _routed_address()
    if routed is not None:
        found.append(routed)
    with contextlib.suppress(OSError):
        for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET):
            address = str(info[4][0])
            if not address.startswith("127.") and address not in found:
                found.append(address)
    urls = [f"http://{a}:{port}/" for a in found]
    return urls or [f"http://{socket.gethostname()}:{port}/"]


@dataclass(frozen=True)
class ServeInfo:
    """What the dashboard shows about a running server."""

    url: str
    code: str
    started_at: datetime
    pid: int


def write_info(folder: Path, info: ServeInfo) -> None:
    from readiness.storage import atomic_write_text

    data = {"url": info.url, "code": info.code, "started_at": info.started_at, "pid": info.pid}
    atomic_write_text(folder / INFO_FILE, tomli_w.dumps(data))


def read_info(folder: Path) -> ServeInfo | None:
    """The running server's info, or None (no server, a stale file, or a broken one)."""
    try:
        data = tomllib.loads((folder / INFO_FILE).read_text(encoding="utf-8"))
        info = ServeInfo(
            url=str(data["url"]),
            code=str(data["code"]),
            started_at=data["started_at"],
            pid=int(data["pid"]),
        )
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, KeyError, ValueError, TypeError):
        return None
    return info if _alive(info.pid) else None


def remove_info(folder: Path) -> None:
    """The info file, if this process wrote it: a second `serve` on the folder that could not
    start took the running server's code and address off its dashboard."""
    with contextlib.suppress(OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        path = folder / INFO_FILE
        if tomllib.loads(path.read_text(encoding="utf-8")).get("pid") == os.getpid():
            path.unlink()


def _alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if sys.platform == "win32":  # signal 0 means Ctrl+C there: do not probe
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def new_info(url: str, code: str) -> ServeInfo:
    from readiness.storage import now

    return ServeInfo(url=url, code=code, started_at=now(), pid=os.getpid())
