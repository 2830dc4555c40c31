"""`readiness assess X` has no home screen to go back to: leaving closes the app, and one line
in the participant's language and form of address says where the answers are and how to go
on (the README promises a note on leaving)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from readiness.cli.main import main
from readiness.tui.app import ReadinessApp
from readiness.tui.screens.assessment_question import QuestionScreen

FIXTURE = Path(__file__).parent.parent / "data" / "assess" / "fixture-check.en.toml"


def play(monkeypatch: pytest.MonkeyPatch, *keys: str) -> None:
    """Run the command's app headless, press `keys` on its first question, and close."""

    def fake_run(self: ReadinessApp) -> int | None:
        async def go() -> None:
            async with self.run_test(size=(80, 24)) as pilot:
                for _ in range(200):
                    if isinstance(self.screen, QuestionScreen):
                        break
                    await pilot.pause(0.02)
                await pilot.press(*keys)
                for _ in range(200):
                    if self.return_code is not None:
                        break
                    await pilot.pause(0.02)

        asyncio.run(go())
        return self.return_value

    monkeypatch.setattr(ReadinessApp, "run", fake_run)


def saved(results: Path) -> Path:
    (path,) = results.glob("*.toml")
    return path


def test_leaving_says_where_the_answers_are_and_how_to_go_on(
    results: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    play(monkeypatch, "1", "enter", "q")
    code = main(["--lang", "de", "assess", str(FIXTURE), "--results", str(results)])
    path = saved(results)
    assert (code, capsys.readouterr().out) == (
        0,
        f"Ihre Antworten sind in {path} gespeichert. Mit demselben Befehl machen Sie dort "
        "weiter, wo Sie aufgehört haben.\n",
    )


def test_the_note_speaks_like_the_content(
    results: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """solo-creator-de says "du": so does the line after it."""
    play(monkeypatch, "1", "enter", "escape")
    code = main(["--lang", "de", "assess", "solo-creator-de", "--results", str(results)])
    path = saved(results)
    assert (code, capsys.readouterr().out) == (
        0,
        f"Deine Antworten sind in {path} gespeichert. Mit demselben Befehl machst du dort "
        "weiter, wo du aufgehört hast.\n",
    )


def test_a_finished_check_points_to_its_report(
    results: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Started again, a finished run is not offered for resuming: the line names the report."""
    play(monkeypatch, *["s"] * 12, "q")
    code = main(["assess", str(FIXTURE), "--results", str(results)])
    path = saved(results)
    assert (code, capsys.readouterr().out) == (
        0,
        f"Your answers are saved in {path}. For the gap report: readiness report {path}\n",
    )


def test_nothing_saved_nothing_said(
    results: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    play(monkeypatch, "q")
    code = main(["assess", str(FIXTURE), "--results", str(results)])
    assert (code, capsys.readouterr().out, list(results.iterdir())) == (0, "", [])
