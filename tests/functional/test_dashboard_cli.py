"""`readiness dashboard DIR`: the folder is checked before the dashboard takes the screen."""

from __future__ import annotations

from pathlib import Path

import pytest

from readiness.cli.main import main


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The folders a dashboard was opened on (the app never runs)."""
    folders: list[Path] = []

    def fake_run(self: object) -> int:
        folders.append(self.folder)  # type: ignore[attr-defined]
        return 0

    monkeypatch.setattr("readiness.tui.workshop_apps.DashboardApp.run", fake_run)
    return folders


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        (
            "en",
            "readiness: The workshop folder {folder} does not exist "
            '(did you mean "workshop-2025-05-14"?); give the folder readiness serve --results '
            "writes to, or add --new to start a new workshop there.\n",
        ),
        (
            "de",
            "readiness: Den Workshop-Ordner {folder} gibt es nicht "
            '(meinten Sie "workshop-2025-05-14"?); geben Sie den Ordner an, in den readiness '
            "serve --results schreibt, oder fügen Sie --new hinzu, um dort einen neuen Workshop "
            "zu beginnen.\n",
        ),
    ],
)
def test_a_mistyped_folder_is_refused_with_the_nearest_one(
    lang: str,
    message: str,
    tmp_path: Path,
    opened: list[Path],
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A typo made a new folder (with `_workshop.toml`) whose dashboard waited forever."""
    (tmp_path / "workshop-2025-05-14").mkdir()
    typo = tmp_path / "workshop-2025-05-41"
    assert main(["--lang", lang, "dashboard", str(typo)]) == 2
    assert capsys.readouterr().err == message.format(folder=typo)
    assert not typo.exists() and opened == []


def test_new_creates_the_folder_and_an_existing_folder_opens(
    tmp_path: Path, opened: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    room = tmp_path / "room"
    assert main(["dashboard", str(room), "--new"]) == 0
    assert room.is_dir()
    assert main(["dashboard", str(room)]) == 0
    assert opened == [room, room]
    assert capsys.readouterr().err == ""


def test_a_file_or_a_path_through_a_file_is_one_sentence(
    tmp_path: Path, opened: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    results = tmp_path / "kim--check--r1.toml"
    results.write_text("")
    assert main(["dashboard", str(results)]) == 2
    assert capsys.readouterr().err == (
        f"readiness: {results} is not a folder; give the workshop folder that holds the "
        "result files.\n"
    )
    below = results / "room"
    assert main(["--lang", "de", "dashboard", str(below), "--new"]) == 2
    assert capsys.readouterr().err == (
        f"readiness: Der Workshop-Ordner {below} kann nicht angelegt werden: "
        "ein Teil des Pfads ist kein Ordner.\n"
    )
    assert opened == []


@pytest.mark.parametrize("count", ["0", "-3", "1001", "many"])
def test_demo_needs_at_least_one_participant(
    count: str, tmp_path: Path, opened: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """`--demo 0` opened an empty "demo" of the folder."""
    with pytest.raises(SystemExit) as done:
        main(["dashboard", str(tmp_path / "demo"), "--demo", count])
    assert done.value.code == 2
    assert capsys.readouterr().err.endswith(
        "error: argument --demo: must be a whole number from 1 to 1,000\n"
    )
    assert not (tmp_path / "demo").exists() and opened == []


def test_demo_fills_a_new_folder(tmp_path: Path, opened: list[Path]) -> None:
    demo = tmp_path / "demo-room"
    assert main(["dashboard", str(demo), "--demo", "2"]) == 0
    assert opened == [demo] and len(list(demo.glob("*--*.toml"))) > 0
