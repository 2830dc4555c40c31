"""A third language needs only its catalog folder; the CLI speaks German with --lang de;
numbers, dates and plurals follow the language."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest

from readiness.cli.main import COMMANDS, main
from readiness.content_schema import json_schema
from readiness.i18n import (
    catalog,
    catalog_root,
    detect_language,
    languages,
    set_language,
    t,
    use_catalogs,
)
from readiness.i18n.formats import day, day_time, number, number_range, plural
from readiness.models.common import ContentHeader


@pytest.fixture
def third_language(tmp_path: Path) -> Iterator[Path]:
    """The package's catalogs plus `xx`, a copy of English: what a translator would add."""
    root = tmp_path / "i18n"
    for lang in languages():
        shutil.copytree(catalog_root() / lang, root / lang)
    shutil.copytree(catalog_root() / "en", root / "xx")
    with use_catalogs(root):
        yield root
    set_language("en")


def test_a_third_language_is_only_a_catalog_folder(
    third_language: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert languages() == ("en", "de", "xx")
    assert detect_language({"LANG": "xx_XX.UTF-8"}) == "xx"
    assert set(catalog("xx")) == set(catalog("en"))
    # Content in the new language validates, and the schema offers it.
    header = ContentHeader(id="a", language="xx", title="T", summary="S")
    assert header.language == "xx"
    assert json_schema("scenario")["properties"]["language"]["enum"] == ["de", "en", "xx"]
    # The command line accepts it and speaks it (here: the English copy).
    assert main(["--lang", "xx", "list"]) == 0
    assert "assessments (" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["--lang", "xx", "--help"])
    assert "--lang LANG" in capsys.readouterr().out
    assert number(2200.5, 1, "xx") == "2,200.5"


def test_an_unknown_language_is_refused_everywhere() -> None:
    with pytest.raises(ValueError, match="Input should be 'de' or 'en'"):
        ContentHeader(id="a", language="xx", title="T", summary="S")
    assert detect_language({"LANG": "xx_XX.UTF-8"}) == "en"


def run_cli(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    try:
        code = main(args)
    except SystemExit as exc:
        code = int(exc.code or 0)
    finally:
        set_language("en")
    out = capsys.readouterr()
    return code, out.out, out.err


def test_german_help_includes_argparse_own_words(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(["--lang", "de", "train", "--help"], capsys)
    assert code == 0
    assert out.startswith("Aufruf: readiness train [-h] [--lang LANG]")
    assert "\nArgumente:\n" in out and "\nOptionen:\n" in out
    assert "-h, --help        diese Hilfe anzeigen und beenden" in out
    assert "usage" not in out and "options:" not in out


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_help_is_german(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(["--lang=de", command, "--help"], capsys)
    assert code == 0
    assert out.startswith("Aufruf: ")
    assert "Sprache der Oberfläche" in out
    english = ["show this help", "usage:", "options:", "positional arguments", "(default"]
    assert [word for word in english if word in out] == []


def test_german_usage_errors(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_cli(["--lang", "de", "list", "--bogus"], capsys)
    assert code == 2
    assert err.endswith("readiness: Fehler: unbekannte Argumente: --bogus\n")
    code, _, err = run_cli(["--lang", "de", "new", "essay", "x"], capsys)
    assert "Fehler: Argument kind: ungültige Auswahl: 'essay' (möglich: 'assessment', " in err


def test_german_cli_messages(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(["--lang", "de", "report"], capsys)[2] == (
        "readiness: Bitte mindestens eine Ergebnisdatei angeben (oder --group DIR verwenden)\n"
    )
    assert run_cli(["--lang", "de", "report", "/nonexistent.json"], capsys)[2] == (
        "readiness: /nonexistent.json: Ergebnisdatei nicht gefunden\n"
    )
    err = run_cli(["--lang", "de", "assess", "nope"], capsys)[2]
    assert err.startswith("readiness: Kein Selbstcheck mit der Id oder Datei \"nope\"")
    err = run_cli(["--lang", "de", "train", "nope"], capsys)[2]
    assert err.startswith("readiness: Kein Szenario mit der Id oder Datei \"nope\"")


def test_german_list_uses_plural_forms(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(["--lang", "de", "list"], capsys)
    assert code == 0
    assert out.startswith("Selbstchecks (")
    assert "\nSzenarien (" in out
    assert " Fragen " in out and " Entscheidungen " in out
    assert "questions" not in out and "(n)" not in out


@pytest.mark.parametrize("lang", ["de", "en"])
def test_list_counts_fit_their_column(lang: str, capsys: pytest.CaptureFixture[str]) -> None:
    """The count "10 Entscheidungen" filled its column and ran into the title
    ("…Entscheidungen Der Azubi…"): the column is as wide as the longest count, and two
    spaces part it from the titles, which all start in one column."""
    import re

    code, out, _ = run_cli(["--lang", lang, "list"], capsys)
    assert code == 0
    rows = [line for line in out.splitlines() if line.startswith("  ")]
    found = [re.match(r"^(.* min  )(\d+ \S+)( +)\S", row) for row in rows]
    parsed = [m for m in found if m]
    assert rows and len(parsed) == len(rows)
    assert any(m.group(2).startswith("10 ") for m in parsed)  # two digits, the longest word
    title_columns = {m.end(3) for m in parsed}
    assert len(title_columns) == 1
    assert min(len(m.group(3)) for m in parsed) == 2


def test_validate_summary_counts_in_words(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run_cli(["--lang", "de", "validate", "scenarios/leaked-photos.de.toml"], capsys)
    assert out.endswith("1 Datei geprüft: keine Probleme.\n")
    assert t(
        "cli.validate.summary",
        "de",
        files=plural("cli.count.files", 2, "de"),
        errors=plural("cli.count.errors", 1, "de"),
        warnings=plural("cli.count.warnings", 3, "de"),
    ) == ("2 Dateien geprüft: 1 Fehler, 3 Warnungen.")
    assert plural("cli.count.files", 1, "en") == "1 file"
    assert plural("cli.count.files", 0, "en") == "0 files"


def test_numbers_dates_and_ranges_per_language() -> None:
    assert number(2200, 0, "de") == "2.200"
    assert number(2200, 0, "en") == "2,200"
    assert number(0.94, 1, "de") == "0,9"
    assert number(1234567.25, 2, "de") == "1.234.567,25"
    assert number(-3.5, 0, "en") == "-4"
    assert number_range(1.1, 3.8, 1, "de") == "1,1–3,8"
    assert number_range(1.1, 3.8, 1, "en") == "1.1–3.8"
    assert number_range(2.0, 2.04, 1, "de") == "2,0"
    assert day(date(2026, 12, 3), "de") == "03.12.2026"
    assert day(date(2026, 12, 3), "en") == "2026-12-03"
    assert day_time(datetime(2026, 12, 3, 9, 5), "de") == "03.12.2026, 09:05"


@pytest.mark.parametrize(
    ("key", "lang", "count", "expected"),
    [
        ("assess.result.na_count", "de", 1, "1 entfällt"),
        ("assess.result.na_count", "de", 2, "2 entfallen"),
        ("assess.result.na_count", "en", 1, "1 does not apply"),
        ("report.missing", "de", 1, "1 Frage unbeantwortet"),
        ("report.missing", "de", 3, "3 Fragen unbeantwortet"),
        ("report.missing", "en", 1, "1 question unanswered"),
        ("workshop.dash.people", "en", 1, "1 participant"),
        ("workshop.dash.people", "de", 2200, "2.200 Teilnehmende"),
        ("workshop.dash.people", "de", 1, "1 teilnehmende Person"),
        ("results.broken", "de", 2, "2 Dateien im Ergebnisordner konnten nicht gelesen werden:"),
        ("workshop.group.reached", "de", 1, "1 kam hierher"),
    ],
)
def test_plain_lookup_with_a_count_picks_the_plural_form(
    key: str, lang: str, count: int, expected: str
) -> None:
    assert t(key, lang, count=count) == expected


def test_no_catalog_text_hides_a_plural_in_brackets() -> None:
    """ "Datei(en)", "participant(s)": a plural is written as `<key>.one`/`<key>.other`."""
    bracketed = sorted(
        f"{lang}:{key}"
        for lang in languages()
        for key, text in catalog(lang).items()
        if any(mark in text for mark in ("(s)", "(n)", "(en)", "(e)", "(se)", "(in)"))
    )
    assert bracketed == []
