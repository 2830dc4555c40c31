"""`readiness train`: wrong ids and variables are one sentence and an exit code, no traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from readiness.cli.main import main
from readiness.i18n import t

STORM = str(Path(__file__).parent.parent / "data" / "train" / "storm.en.toml")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--var", "orga=Caritas"],
            'scenario "storm-en" has no variable "orga" (did you mean "org"?); '
            "it knows: handle, org",
        ),
        (["--var", "org"], '--var "org" must look like NAME=VALUE'),
        (["--var", "org="], "--var org needs a value"),
    ],
)
def test_bad_variables_stop_before_the_app_starts(
    args: list[str], message: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code = main(["train", STORM, "--results", str(tmp_path), *args])
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith("readiness: ") and message in err
    assert "Traceback" not in err


def test_an_unknown_scenario_is_named(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code = main(["train", "no-such-scenario", "--results", str(tmp_path)])
    err = capsys.readouterr().err
    assert code == 2 and "no-such-scenario" in err and "Traceback" not in err


def test_help_documents_practice_and_var(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["train", "--help"])
    out = capsys.readouterr().out
    assert "--practice" in out and "--var NAME=VALUE" in out


@pytest.mark.parametrize("lang", ["en", "de"])
def test_an_assessment_id_says_which_command_starts_it(
    lang: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """It said "No scenario ... (did you mean "ad-label-creator-en"?)", as for a typo."""
    code = main(["--lang", lang, "train", "solo-creator-en", "--results", str(tmp_path)])
    said = t("cli.wrong_kind.scenario", lang, ident="solo-creator-en")
    assert (code, capsys.readouterr().err) == (2, f"readiness: {said}\n")
    assert t("cli.wrong_kind.scenario", "en", ident="x") == (
        "x is an assessment, not a scenario; start it with: readiness assess x"
    )
