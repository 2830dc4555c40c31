"""`readiness train X` closes the app when the participant leaves, as `assess X` does: one
line says where the run is saved and how to go on (the "Progress saved" notice of the app
appeared just as it quit, and nobody saw it). The app's own run is played here through the
core (`Session`), as the player does, so the test does not wait on a terminal."""

from __future__ import annotations

from pathlib import Path

import pytest

from readiness.cli.main import main
from readiness.engine.exercise_session import Session, new_scenario_result
from readiness.engine.run import Run
from readiness.models.scenario import Decision
from readiness.tui.app import ReadinessApp

DRILL = Path(__file__).parent.parent / "data" / "foundation" / "mini-drill.en.toml"


def play(monkeypatch: pytest.MonkeyPatch, steps: int) -> None:
    """In place of the app: take `steps` first choices of the started exercise, saving each
    as the player does, then leave."""

    def fake_run(self: ReadinessApp) -> int | None:
        content = self._start
        assert content is not None
        scenario = content.model
        result = new_scenario_result(
            scenario,  # type: ignore[arg-type]
            mode="practice",
            participant=self.settings.participant,
            content_hash=content.sha256,
        )
        session = Session(Run(scenario, result), self.settings.results_dir)  # type: ignore[arg-type]
        for _ in range(steps):
            node = session.run.node
            assert isinstance(node, Decision)
            session.choose(node.choices[0].id)
        session.save()
        return 0

    monkeypatch.setattr(ReadinessApp, "run", fake_run)


def test_a_finished_exercise_points_to_its_report(
    results: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The mini drill ends at its first choice: the line names the report."""
    play(monkeypatch, steps=1)
    code = main(["train", str(DRILL), "--practice", "--results", str(results)])
    (path,) = results.glob("*.toml")
    assert (code, capsys.readouterr().out) == (
        0,
        f"Your run is saved in {path}. For the gap report: readiness report {path}\n",
    )


def test_leaving_a_du_exercise_midway_says_how_to_go_on_in_du(
    results: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    play(monkeypatch, steps=1)
    code = main(
        ["--lang", "de", "train", "leaked-photos-de", "--practice", "--results", str(results)]
    )
    (path,) = results.glob("*.toml")
    assert (code, capsys.readouterr().out) == (
        0,
        f"Dein Durchgang ist in {path} gespeichert. Mit demselben Befehl kannst du bei dem"
        " Schritt weitermachen, bei dem du aufgehört hast.\n",
    )


def test_nothing_saved_nothing_said(
    results: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(ReadinessApp, "run", lambda self: 0)
    code = main(["train", str(DRILL), "--results", str(results)])
    assert (code, capsys.readouterr().out) == (0, "")
