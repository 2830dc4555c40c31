"""The facilitator control file: start, pause/resume and extra injects for a whole room.

Protocol (version 1). The dashboard is the only writer of `<workshop folder>/_control.toml`;
every participant session sharing the folder polls it (a `stat` per second, a parse only when
it changed) and follows within two seconds:

    version = 1
    epoch = "3f9c2a1d"        # new random id whenever the file is created afresh
    seq = 3                   # the last command's sequence number
    paused = false            # the room's current state
    updated_at = 2025-05-01T10:02:00Z

    [[commands]]              # the last `KEEP` commands, oldest first
    seq = 3
    kind = "inject"           # start | pause | resume | inject
    issued_at = 2025-05-01T10:02:00Z
    content_id = "leaked-photos-en"   # start: what to open; inject: "" = every scenario
    channel = "press"
    author = "Local newspaper"
    text = "A journalist is on the phone and wants a statement by noon."

Writes are atomic (temp file + rename), so a reader sees the old or the new file, never half.
A session only acts on commands issued after it started (an old workshop's injects are never
replayed), and a pause older than `STALE_PAUSE` is ignored so a forgotten pause cannot freeze
tomorrow's session."""

from __future__ import annotations

import secrets
import tomllib
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Literal

import tomli_w
from pydantic import BaseModel, ConfigDict, ValidationError

from readiness.models.scenario import Channel, Inject
from readiness.storage import atomic_write_text, now
from readiness.text_safety import visible_data

CONTROL_FILE = "_control.toml"
MARKER_FILE = "_workshop.toml"
"""Written by the dashboard: terminal participants saving here without `--name` are asked
for a pseudonym once."""
VERSION = 1
KEEP = 50
STALE_PAUSE = timedelta(hours=6)

CommandKind = Literal["start", "pause", "resume", "inject"]


class Command(BaseModel):
    """One facilitator command."""

    model_config = ConfigDict(extra="ignore")

    seq: int
    kind: CommandKind
    issued_at: datetime
    content_id: str = ""
    """start: the content to open; inject: the scenario it is for ("" = every scenario)."""
    channel: Channel = "press"
    author: str = ""
    handle: str = ""
    text: str = ""

    def to_inject(self, minute: float) -> Inject:
        """The extra inject as the scenario engine takes it, arriving at `minute`."""
        return Inject(
            id=f"facilitator-{self.seq}",
            at=max(0.0, minute),
            channel=self.channel,
            author=self.author or "?",
            handle=self.handle,
            text=self.text or "?",
            urgent=True,
        )


class ControlState(BaseModel):
    """The whole control file."""

    model_config = ConfigDict(extra="ignore")

    version: int = VERSION
    epoch: str = ""
    seq: int = 0
    paused: bool = False
    updated_at: datetime | None = None
    commands: list[Command] = []


def control_path(folder: Path) -> Path:
    return folder / CONTROL_FILE


def mark_workshop(folder: Path) -> None:
    """Mark `folder` as a workshop folder (idempotent)."""
    if not (folder / MARKER_FILE).exists():
        atomic_write_text(
            folder / MARKER_FILE, tomli_w.dumps({"version": VERSION, "created": now()})
        )


def is_workshop(folder: Path) -> bool:
    """True for a folder a facilitator runs a workshop in (marker or control file present)."""
    return (folder / MARKER_FILE).exists() or control_path(folder).exists()


def read_state(folder: Path) -> ControlState | None:
    """The control file, or None when there is none or it cannot be read (never raises)."""
    try:
        data = tomllib.loads(control_path(folder).read_text(encoding="utf-8"))
        # An inject's author and text reach every participant's screen: control
        # characters in them are shown, never sent to a terminal.
        state = ControlState.model_validate(visible_data(data))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, ValidationError, RecursionError):
        return None
    # A hand-edited time without a timezone is read as UTC, like every time we write.
    if state.updated_at is not None and state.updated_at.tzinfo is None:
        state.updated_at = state.updated_at.replace(tzinfo=UTC)
    for command in state.commands:
        if command.issued_at.tzinfo is None:
            command.issued_at = command.issued_at.replace(tzinfo=UTC)
    return state


def issue(
    folder: Path,
    kind: CommandKind,
    *,
    content_id: str = "",
    channel: Channel = "press",
    author: str = "",
    handle: str = "",
    text: str = "",
) -> Command:
    """Append a command to the control file (atomically) and return it."""
    state = read_state(folder) or ControlState(epoch=secrets.token_hex(4))
    stamp = now()
    command = Command(
        seq=state.seq + 1,
        kind=kind,
        issued_at=stamp,
        content_id=content_id,
        channel=channel,
        author=author,
        handle=handle,
        text=text,
    )
    state.seq = command.seq
    state.updated_at = stamp
    if kind == "pause":
        state.paused = True
    elif kind == "resume":
        state.paused = False
    state.commands = [*state.commands, command][-KEEP:]
    data = state.model_dump(mode="python", exclude_none=True)
    atomic_write_text(control_path(folder), tomli_w.dumps(data))
    return command


def is_paused(state: ControlState | None, at: datetime | None = None) -> bool:
    """The room is paused, and the pause is recent enough to be meant for this session."""
    if state is None or not state.paused or state.updated_at is None:
        return False
    return (at or now()) - state.updated_at < STALE_PAUSE


@dataclass
class Update:
    """What a poll found: new commands (oldest first) and whether the room is paused."""

    commands: list[Command] = field(default_factory=list)
    paused: bool = False
    changed: bool = False
    """The file changed since the last poll (the pause state may have flipped)."""


def _seen_before(state: ControlState | None, started_at: datetime) -> int:
    """The last command a session starting at `started_at` must not obey. The reader may be
    made a moment after the session began (in a thread, on a busy machine): a command the
    facilitator issued in that moment is new to the session, not history (it was missed
    once a room had a command history: a participant who had just joined stayed on the
    home screen while the room started). Times are whole seconds: a command from the
    session's first second counts as new."""
    if state is None:
        return 0
    since = [c.seq for c in state.commands if c.issued_at >= started_at]
    return min(since) - 1 if since else state.seq


class ControlReader:
    """Polled by a participant session: cheap when nothing changed, silent when broken."""

    def __init__(self, folder: Path, started_at: datetime | None = None) -> None:
        self.folder = folder
        self.started_at = started_at or now()
        stamp = self._file_stamp()  # before reading: a change meanwhile is seen next poll
        state = read_state(folder)
        self._epoch = state.epoch if state else ""
        self._seen = _seen_before(state, self.started_at)
        self._paused = is_paused(state, self.started_at)
        caught_up = state is None or self._seen == state.seq
        self._stamp = stamp if caught_up else None
        """Without a stamp the first poll reads the file: it holds commands to deliver."""

    def _file_stamp(self) -> tuple[int, int, int] | None:
        try:
            st = control_path(self.folder).stat()
        except OSError:
            return None
        return (st.st_mtime_ns, st.st_size, st.st_ino)

    @property
    def paused(self) -> bool:
        return self._paused

    def poll(self) -> Update:
        """New commands since the last poll; an unchanged file costs one `stat`."""
        stamp = self._file_stamp()
        if stamp == self._stamp:
            return Update(paused=self._paused)
        state = read_state(self.folder)
        if state is None:
            # Missing or unreadable: keep what we knew, look again next time.
            return Update(paused=self._paused)
        self._stamp = stamp
        if state.epoch != self._epoch:
            # A new control file: everything in it issued since this session began is new.
            self._epoch, self._seen = state.epoch, 0
            fresh = [c for c in state.commands if c.issued_at >= self.started_at]
        else:
            fresh = [c for c in state.commands if c.seq > self._seen]
        self._seen = max(self._seen, state.seq)
        self._paused = is_paused(state)
        return Update(
            commands=sorted(fresh, key=lambda c: c.seq), paused=self._paused, changed=True
        )
