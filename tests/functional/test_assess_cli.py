"""`readiness assess`: errors are one sentence with a meaningful exit code, before any TUI."""

from __future__ import annotations

from pathlib import Path

import pytest

from readiness.cli.main import main

FIXTURE = Path(__file__).parent.parent / "data" / "assess" / "fixture-check.en.toml"


def test_unknown_profile(results: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["assess", str(FIXTURE), "--profile", "authorty", "--results", str(results)])
    assert code == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith('readiness: fixture-check-en has no profile "authorty"')
    assert "authority" in err and "\n" not in err


def test_a_scenario_is_not_an_assessment(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["assess", str(data_dir / "foundation" / "mini-drill.en.toml")])
    assert code == 2
    assert "is a scenario" in capsys.readouterr().err


@pytest.mark.parametrize("ident", ["leaked-photos-en", "leaked-photos"])
def test_a_scenario_id_says_which_command_starts_it(
    ident: str, results: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """For a file this was said already; an id (or translation id) got "No assessment ..."."""
    code = main(["assess", ident, "--results", str(results)])
    assert (code, capsys.readouterr().err) == (
        2,
        f"readiness: {ident} is a scenario, not an assessment; "
        f"start it with: readiness train {ident}\n",
    )


def test_profile_and_results_reach_the_app(results: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The command builds the app straight on the assessment, without the home screen."""
    seen: dict[str, object] = {}

    def fake_run(self: object) -> int:
        settings = self.settings  # type: ignore[attr-defined]
        seen.update(
            start=self._start.id,  # type: ignore[attr-defined]
            home=self._home,  # type: ignore[attr-defined]
            profile=settings.profile,
            results=settings.results_dir,
            name=settings.participant,
        )
        return 0

    monkeypatch.setattr("readiness.tui.app.ReadinessApp.run", fake_run)
    code = main(
        [
            "assess",
            str(FIXTURE),
            "--profile",
            "authority",
            "--results",
            str(results),
            "--name",
            "Kim",
        ]
    )
    assert code == 0
    assert seen == {
        "start": "fixture-check-en",
        "home": False,
        "profile": "authority",
        "results": results,
        "name": "Kim",
    }
