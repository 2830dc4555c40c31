"""Kill a real `readiness assess` process mid-way (SIGKILL): every confirmed answer is on disk."""

from __future__ import annotations

import fcntl
import os
import signal
import struct
import subprocess
import sys
import termios
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from readiness import storage
from readiness.content.loader import Library, parse_file
from readiness.models.results import AssessmentResult
from readiness.settings import Settings
from readiness.tui.app import make_app
from readiness.tui.screens.assessment import QuestionScreen
from readiness.tui.screens.assessment_dialogs import AssessmentResumeDialog

FIXTURE = Path(__file__).parent.parent / "data" / "assess" / "fixture-check.en.toml"
ROOT = Path(__file__).resolve().parent.parent.parent
WAIT = 30.0
"""Generous upper bound for the app to start or save on a slow machine; not a timing assertion."""

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal (pty)"),
]


class PtyProcess:
    """A child process on a pseudo-terminal, with its output drained in a thread."""

    def __init__(self, argv: list[str], env: dict[str, str]) -> None:
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        self.process = subprocess.Popen(
            argv, stdin=slave, stdout=slave, stderr=slave, env=env, cwd=ROOT, start_new_session=True
        )
        os.close(slave)
        self.master = master
        self.output = bytearray()
        self._reader = threading.Thread(target=self._drain, daemon=True)
        self._reader.start()

    def _drain(self) -> None:
        while True:
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                return
            if not chunk:
                return
            self.output.extend(chunk)

    def send(self, keys: str) -> None:
        os.write(self.master, keys.encode())

    def kill(self) -> int:
        self.process.send_signal(signal.SIGKILL)
        code = self.process.wait(WAIT)
        os.close(self.master)
        return code


def wait_for(condition: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + WAIT
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"gave up waiting for {what}")
        time.sleep(0.05)


def saved(results: Path) -> AssessmentResult | None:
    runs, _ = storage.scan_results(results)
    if not runs:
        return None
    assert len(runs) == 1
    result = runs[0][1]
    assert isinstance(result, AssessmentResult)
    return result


def answered(results: Path, question_id: str) -> bool:
    result = saved(results)
    return result is not None and question_id in result.answers


async def test_killed_mid_assessment_loses_no_confirmed_answer(tmp_path: Path) -> None:
    results = tmp_path / "results"
    env = {
        **os.environ,
        "TERM": "xterm-256color",
        "READINESS_NAME": "Kim",
        "READINESS_LANG": "en",
        "HOME": str(tmp_path),
    }
    env.pop("READINESS_CONTENT", None)
    argv = [sys.executable, "-m", "readiness", "assess", str(FIXTURE), "--results", str(results)]
    term = PtyProcess(argv, env)
    try:
        wait_for(lambda: b"Question" in term.output, "the first question to appear")
        term.send("1\r")  # goals: yes
        wait_for(lambda: answered(results, "goals"), "the first answer to be saved")
        term.send("4\r13\r")  # audience: agree; channels: Instagram + TikTok
        wait_for(lambda: answered(results, "channels"), "the third answer to be saved")
        term.send("e")  # start a note and leave it unconfirmed: it is not an answer yet
    finally:
        code = term.kill()
    assert code == -signal.SIGKILL

    result = saved(results)
    assert result is not None and not result.finished
    assert {k: a.value for k, a in result.answers.items()} == {
        "goals": "yes",
        "audience": "4",
        "channels": ["a", "c"],
    }
    assert result.position == "backing"
    assert storage.scan_results(results)[1] == []  # no half-written file
    assert not [p for p in results.iterdir() if p.name.endswith(".tmp")]

    # Starting again offers to resume exactly there, with every answer intact.
    content, _ = parse_file(FIXTURE)
    assert content is not None
    app = make_app(
        Settings(results_dir=results, participant="Kim"),
        library=Library(files=[content]),
        start=content,
        home=False,
    )
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, AssessmentResumeDialog)
        await pilot.press("r")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        assert screen.session.current is not None and screen.session.current.id == "backing"
        assert screen.session.result.answers == result.answers
