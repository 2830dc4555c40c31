"""`readiness train X` closes the app when the participant leaves, as `assess X` does: one
line says where the run is saved and how to go on (the "Progress saved" notice of the app
appeared just as it quit, and nobody saw it)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from readiness.cli.main import main
from readiness.tui.app import ReadinessApp
from readiness.tui.screens.scenario_player import PlayerScreen

DRILL = Path(__file__).parent.parent / "data" / "foundation" / "mini-drill.en.toml"


def play(monkeypatch: pytest.MonkeyPatch, *keys: str) -> None:
    """Run the command's app headless: past the briefing, press `keys` in the player."""

    def fake_run(self: ReadinessApp) -> int | None:
        async def go() -> None:
            async with self.run_test(size=(100, 30)) as pilot:
                for _ in range(200):
                    if isinstance(self.screen, PlayerScreen):
                        break
                    await pilot.press("enter")
                    await pilot.pause(0.05)
                assert isinstance(self.screen, PlayerScreen)
                await pilot.press(*keys)
                for _ in range(200):
                    if self.return_code is not None:
                        break
                    await pilot.pause(0.02)

        asyncio.run(go())
        return self.return_value

    monkeypatch.setattr(ReadinessApp, "run", fake_run)


def test_a_finished_exercise_points_to_its_report(
    results: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The mini drill ends at its first choice: leaving its debrief names the report."""
    play(monkeypatch, "1", "q")
    code = main(["train", str(DRILL), "--practice", "--results", str(results)])
    (path,) = results.glob("*.toml")
    assert (code, capsys.readouterr().out) == (
        0,
        f"Your run is saved in {path}. For the gap report: readiness report {path}\n",
    )


def test_leaving_a_du_exercise_midway_says_how_to_go_on_in_du(
    results: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    play(monkeypatch, "1", "q")
    code = main(
        ["--lang", "de", "train", "leaked-photos-de", "--practice", "--results", str(results)]
    )
    (path,) = results.glob("*.toml")
    assert (code, capsys.readouterr().out) == (
        0,
        f"Dein Durchgang ist in {path} gespeichert. Mit demselben Befehl kannst du bei dem"
        " Schritt weitermachen, bei dem du aufgehört hast.\n",
    )
