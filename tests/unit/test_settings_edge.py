"""Settings are read once, at the edge: the core's output depends only on its arguments."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from readiness.cli.main import build_parser, main, settings_from
from readiness.content.loader import content_dirs, load_library

DATA = Path(__file__).parent.parent / "data" / "authoring"


def test_the_command_line_reads_readiness_content_before_content_flags(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    monkeypatch.setenv("READINESS_CONTENT", os.pathsep.join([str(first), "", str(second)]))
    settings = settings_from(build_parser().parse_args(["--content", str(DATA), "list"]))
    assert settings.content_dirs == [first, second, DATA]


def test_the_loader_never_reads_the_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("READINESS_CONTENT", str(DATA))
    assert DATA not in content_dirs()
    assert not any(f.path.parent == DATA for f in load_library().files)
    assert any(f.path.parent == DATA for f in load_library([DATA]).files)


@pytest.mark.parametrize(
    "command", [["list"], ["train", "mine-en"], ["validate"], ["new", "scenario", "x"], []]
)
def test_a_content_folder_that_does_not_exist_is_named_before_anything_runs(
    command: list[str],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A typo in `--content` was ignored: `list` showed the built-ins alone, `train` said
    "No scenario with id ...", the home screen opened without the folder."""
    monkeypatch.setattr("readiness.tui.app.ReadinessApp.run", lambda self: 0)
    missing = tmp_path / "my-contnet"
    code = main(["--results", str(tmp_path / "r"), "--content", str(missing), *command])
    out, err = capsys.readouterr()
    assert (code, out) == (2, "")
    assert err == (
        f"readiness: --content names the content folder {missing}, which does not exist; "
        "check the spelling, or create the folder first\n"
    )


def test_a_missing_folder_in_readiness_content_names_the_variable_in_german(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    missing = tmp_path / "gone"
    monkeypatch.setenv("READINESS_CONTENT", os.pathsep.join([str(DATA), str(missing)]))
    assert main(["--lang", "de", "train", "mine-en", "--results", str(tmp_path)]) == 2
    assert capsys.readouterr().err == (
        f"readiness: die Umgebungsvariable READINESS_CONTENT nennt den Inhaltsordner {missing}, "
        "den es nicht gibt; prüfen Sie die Schreibweise oder legen Sie den Ordner zuerst an\n"
    )


def test_content_folders_that_exist_and_a_single_file_are_accepted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("READINESS_CONTENT", str(DATA))
    assert main(["list", "--json"]) == 0
    assert capsys.readouterr().err == ""
    monkeypatch.delenv("READINESS_CONTENT")
    assert main(["list", "--json", "--content", str(DATA / "mini.en.toml")]) == 0
    assert capsys.readouterr().err == ""
