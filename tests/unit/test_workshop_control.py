"""The facilitator control file: every session follows new commands, and only new ones."""

from __future__ import annotations

import tomllib
from datetime import timedelta
from pathlib import Path

import tomli_w

from readiness.storage import now, scan_results
from readiness.workshop import control
from readiness.workshop.control import ControlReader, issue, read_state


def test_commands_get_rising_sequence_numbers_and_the_room_state(results: Path) -> None:
    first = issue(results, "start", content_id="room-drill-en")
    second = issue(results, "pause")
    assert (first.seq, second.seq) == (1, 2)
    state = read_state(results)
    assert state is not None and state.seq == 2 and state.paused
    issue(results, "resume")
    state = read_state(results)
    assert state is not None and not state.paused
    assert [c.kind for c in state.commands] == ["start", "pause", "resume"]


def test_the_control_file_is_plain_toml_and_not_a_result(results: Path) -> None:
    issue(results, "inject", content_id="", author="Local paper", text="A journalist calls.")
    data = tomllib.loads((results / "_control.toml").read_text())
    assert data["version"] == 1
    assert data["commands"][0]["text"] == "A journalist calls."
    assert scan_results(results) == ([], [])


def test_a_session_sees_only_commands_issued_after_it_started(results: Path) -> None:
    issue(results, "inject", text="old news from an earlier workshop")
    reader = ControlReader(results, started_at=now() + timedelta(seconds=1))
    assert reader.poll().commands == []
    issue(results, "start", content_id="room-check-en")
    issue(results, "inject", content_id="room-drill-en", author="Boss", text="Status?")
    update = reader.poll()
    assert [(c.kind, c.content_id) for c in update.commands] == [
        ("start", "room-check-en"),
        ("inject", "room-drill-en"),
    ]
    assert reader.poll().commands == [], "a command is delivered once"


def test_a_command_issued_before_the_reader_is_made_reaches_a_session_that_had_begun(
    results: Path,
) -> None:
    """The session begins, the facilitator starts the room, then the session's reader is
    made (in a thread, a moment later): the start is new to that session, in a room with
    a history of commands as in a fresh one."""
    issue(results, "start", content_id="room-check-en")
    began = now() + timedelta(seconds=1)
    late_start = issue(results, "start", content_id="room-drill-en")
    late_start.issued_at = began  # issued after the session began
    state = read_state(results)
    assert state is not None
    state.commands[-1] = late_start
    (results / "_control.toml").write_text(tomli_w.dumps(state.model_dump(exclude_none=True)))
    reader = ControlReader(results, started_at=began)
    assert [c.content_id for c in reader.poll().commands] == ["room-drill-en"]


def test_pause_and_resume_reach_every_reader(results: Path) -> None:
    readers = [ControlReader(results) for _ in range(3)]
    issue(results, "pause")
    assert all(r.poll().paused for r in readers)
    issue(results, "resume")
    assert not any(r.poll().paused for r in readers)


def test_a_forgotten_pause_does_not_freeze_a_later_session(results: Path) -> None:
    issue(results, "pause")
    state = read_state(results)
    assert state is not None and state.updated_at is not None
    assert control.is_paused(state, state.updated_at + timedelta(minutes=5))
    assert not control.is_paused(state, state.updated_at + control.STALE_PAUSE)


def test_a_broken_control_file_is_ignored_until_it_is_fixed(results: Path) -> None:
    reader = ControlReader(results)
    (results / "_control.toml").write_text("seq = [unclosed")
    assert reader.poll().commands == []
    issue_path = results / "_control.toml"
    issue_path.unlink()
    issue(results, "inject", text="after the repair")
    assert [c.text for c in reader.poll().commands] == ["after the repair"]


def test_a_new_control_file_replays_only_what_was_issued_since_the_session_began(
    results: Path,
) -> None:
    issue(results, "pause")
    issue(results, "resume")
    reader = ControlReader(results, started_at=now())
    (results / "_control.toml").unlink()
    issue(results, "inject", text="fresh")  # seq 1 again, in a new epoch
    assert [c.text for c in reader.poll().commands] == ["fresh"]


def test_an_inject_command_becomes_an_engine_inject(results: Path) -> None:
    cmd = issue(results, "inject", channel="press", author="Radio", text="Comment by noon?")
    inject = cmd.to_inject(minute=12.5)
    assert inject.id == f"facilitator-{cmd.seq}"
    assert (inject.at, inject.channel, inject.author, inject.urgent) == (
        12.5,
        "press",
        "Radio",
        True,
    )


def test_only_the_last_commands_are_kept(results: Path) -> None:
    for i in range(control.KEEP + 5):
        issue(results, "inject", text=f"n{i}")
    state = read_state(results)
    assert state is not None and len(state.commands) == control.KEEP
    assert state.commands[-1].text == f"n{control.KEEP + 4}"
