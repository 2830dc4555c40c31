"""Errors the core raises speak the reader's language.

Broken result files, a report path that cannot be written, a `--var` typo and a saved run
that no longer fits its scenario were refused in English in a German session
("a.toml: not a valid result file: Invalid value (at line 2, column 5)"). The core raises
them before it knows who reads them, so they carry catalog text and are worded where shown.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from engine_fixtures import refused_replay, scenario, start

from readiness import storage
from readiness.cli.main import main
from readiness.engine.values import parse_var_args, placeholder_values
from readiness.errors import StorageError, UsageError
from readiness.i18n import set_language
from readiness.i18n.os_reason import os_reason

BROKEN = [
    # (file text, German sentence after the path, English sentence after the path)
    (
        'kind = "scenario"\nx = = 3\n',
        "keine gültige Ergebnisdatei: ungültiger Wert (Zeile 2, Spalte 5)",
        "not a valid result file: Invalid value (line 2, column 5)",
    ),
    (
        'kind = "scenario"\n',
        "run_id: Pflichtschlüssel fehlt",
        "run_id: required key is missing",
    ),
    (
        'kind = "scenario"\nrun_id = "r"\ncontent_id = 3\n',
        'content_id: muss Text in Anführungszeichen sein, z. B. "..."; gefunden: die Zahl 3',
        'content_id: must be text in quotes, e.g. "..."; found the number 3',
    ),
    (
        'kind = "survey"\n',
        'kind muss "assessment" oder "scenario" sein',
        'kind must be "assessment" or "scenario"',
    ),
    (
        'kind = "scenario"\nschema_version = 999\n',
        "dieses Ergebnis stammt von einer neueren Version von readiness (schema_version 999); "
        "aktualisieren Sie readiness, um es zu lesen",
        "this result is from a newer version of readiness (schema_version 999); "
        "update readiness to read it",
    ),
    (
        'kind = "scenario"\nx = ' + "[" * 200 + "]" * 200 + "\n",
        "keine gültige Ergebnisdatei: zu tief verschachtelt",
        "not a valid result file: nested too deeply",
    ),
]


@pytest.mark.parametrize(("text", "german", "english"), BROKEN)
def test_a_broken_result_file_is_refused_in_the_readers_language(
    tmp_path: Path, text: str, german: str, english: str
) -> None:
    path = tmp_path / "run.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(StorageError) as caught:
        storage.load_result(path)
    assert caught.value.text("de") == f"{path}: {german}"
    assert caught.value.text("en") == f"{path}: {english}"


def test_a_result_file_that_is_not_utf8_says_so_in_german(tmp_path: Path) -> None:
    path = tmp_path / "run.toml"
    path.write_bytes(b'kind = "scenario"\nparticipant = "J\xfcrgen"\n')
    with pytest.raises(StorageError) as caught:
        storage.load_result(path)
    assert caught.value.text("de") == (
        f"{path}: die Ergebnisdatei kann nicht gelesen werden: sie ist kein UTF-8-Text (Zeile 2,"
        " Spalte 17: sie wurde in einer anderen Kodierung gespeichert)"
    )


def test_a_result_file_that_is_not_utf8_is_named_where_the_editor_shows_it(
    tmp_path: Path,
) -> None:
    """Columns count characters, as an editor does: "ü" before the bad byte is one column."""
    path = tmp_path / "run.toml"
    path.write_bytes('kind = "scenario"\nx = 1\nname = "ü Fran'.encode() + b'\xe7ois"\n')
    with pytest.raises(StorageError) as caught:
        storage.load_result(path)
    assert caught.value.text("en") == (
        f"{path}: cannot read the result file: it is not UTF-8 text (line 3, column 15: it was"
        " saved in another encoding)"
    )


def test_the_german_command_prints_the_german_sentence_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "run.toml"
    path.write_text('kind = "scenario"\nx = = 3\n', encoding="utf-8")
    code = main(["--lang", "de", "report", "--journal", str(path)])
    err = capsys.readouterr().err
    assert code == 1
    assert err == (
        f"readiness: {path}: keine gültige Ergebnisdatei: ungültiger Wert (Zeile 2, Spalte 5)\n"
    )


def test_a_report_path_that_is_a_folder_is_named_in_german(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(UsageError) as caught:
        storage.write_output_file(tmp_path, "report")
    assert caught.value.text("de") == (
        f"{tmp_path} ist ein Ordner; nennen Sie eine Datei, in die der Bericht geschrieben wird"
    )


def test_saving_where_a_file_blocks_the_folder_gives_the_reason_in_german(
    tmp_path: Path,
) -> None:
    blocker = tmp_path / "results"
    blocker.write_text("not a folder")
    run = start()
    with pytest.raises(StorageError) as caught:
        storage.save_result(blocker / "inner", run.result)
    said = caught.value.text("de")
    assert said.startswith(f"Ergebnisse können nicht in {blocker / 'inner'} gespeichert werden: ")
    assert said.endswith(
        ("ein Teil des Pfads ist kein Ordner", "Datei oder Ordner nicht vorhanden")
    )


@pytest.mark.parametrize(
    ("code", "german"),
    [
        (errno.EACCES, "keine Berechtigung"),
        (errno.ENOSPC, "kein Platz mehr auf dem Datenträger"),
        (errno.EROFS, "der Datenträger ist schreibgeschützt"),
        (errno.EADDRINUSE, "die Adresse ist schon belegt"),
    ],
)
def test_the_systems_common_reasons_are_worded_in_german(code: int, german: str) -> None:
    reason = os_reason(OSError(code, os.strerror(code)))
    assert reason.text("de") == german
    assert reason.text("en") != german


def test_a_reason_the_catalog_does_not_know_keeps_the_systems_words() -> None:
    reason = os_reason(OSError(errno.EXDEV, os.strerror(errno.EXDEV)))
    assert reason.text("de") == os.strerror(errno.EXDEV)


def test_variable_mistakes_are_explained_in_german() -> None:
    with pytest.raises(UsageError) as malformed:
        parse_var_args(["org"])
    assert malformed.value.text("de") == (
        '--var "org" muss die Form NAME=WERT haben, z. B. --var org="Caritas Köln"'
    )
    with pytest.raises(UsageError) as unknown:
        placeholder_values(scenario("storm-en"), {"orga": "Caritas"})
    assert unknown.value.text("de") == (
        'Szenario "storm-en" hat keine Variable "orga" (meinten Sie "org"?); es kennt: handle, org'
    )


def test_a_run_that_no_longer_fits_says_why_in_german() -> None:
    assert refused_replay().text("de") == (
        'der gespeicherte Durchgang passt nicht mehr zum Szenario "storm-en" '
        '(Schritt 1: die Wahl "ask-boss" steht bei "first" nicht offen)'
    )


def test_str_is_english_for_logs_and_the_screen_words_it_in_its_language(
    tmp_path: Path,
) -> None:
    """The core never reads the process's language; a screen asks for its own."""
    from readiness.tui.error_text import said

    path = tmp_path / "run.toml"
    path.write_text('kind = "survey"\n', encoding="utf-8")
    with pytest.raises(StorageError) as caught:
        storage.load_result(path)
    assert str(caught.value).endswith('kind must be "assessment" or "scenario"')
    set_language("de")
    try:
        assert said(caught.value).endswith('kind muss "assessment" oder "scenario" sein')
        assert said(PermissionError(errno.EACCES, "Permission denied")) == "keine Berechtigung"
        assert said(PermissionError(errno.EACCES, "Permission denied", "/room/_control.toml")) == (
            "/room/_control.toml: keine Berechtigung"
        )
    finally:
        set_language("en")


def test_allowed_values_are_listed_in_the_readers_language_with_the_nearest_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """pydantic lists allowed values in English ("'good', 'mixed' or 'bad'"); a German
    trainer read that "or" inside a German sentence, and got no hint for a near miss."""
    from readiness.validation_messages import pydantic_message

    error = {
        "loc": ("outcome",),
        "type": "literal_error",
        "ctx": {"expected": "'good', 'mixed' or 'bad'"},
        "input": "goood",
        "msg": "Input should be 'good', 'mixed' or 'bad'",
    }
    said = pydantic_message(error, set())
    assert said.text("de") == (
        'muss einer dieser Werte sein: "good", "mixed" oder "bad" (meinten Sie "good"?)'
    )
    assert said.text("en") == 'must be one of "good", "mixed" or "bad" (did you mean "good"?)'
