"""Every UI string exists in every language with the same placeholders; catalogs are one
folder per language; the locale picks the language."""

from __future__ import annotations

import string
import tomllib
from pathlib import Path

import pytest

from readiness.i18n import (
    DEFAULT_LANGUAGE,
    catalog,
    catalog_root,
    detect_language,
    languages,
    t,
    use_catalogs,
)


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_the_languages_are_the_catalog_folders() -> None:
    assert languages() == ("en", "de")


def test_catalogs_are_one_folder_per_language_with_the_same_files() -> None:
    root = catalog_root()
    files = {lang: sorted(p.name for p in (root / lang).glob("*.toml")) for lang in languages()}
    assert files["de"] == files["en"]
    for lang in languages():
        for path in (root / lang).glob("*.toml"):
            data = tomllib.loads(path.read_text(encoding="utf-8"))
            nested = [key for key, value in data.items() if not isinstance(value, str)]
            assert not nested, f"{path}: every entry is one string per key, not {nested}"


@pytest.mark.parametrize("lang", [lang for lang in languages() if lang != DEFAULT_LANGUAGE])
def test_every_key_exists_in_every_language(lang: str) -> None:
    reference, other = catalog(DEFAULT_LANGUAGE), catalog(lang)
    assert sorted(set(reference) - set(other)) == [], f"missing in {lang}"
    assert sorted(set(other) - set(reference)) == [], f"only in {lang}, not in English"


@pytest.mark.parametrize("key", sorted(catalog(DEFAULT_LANGUAGE)))
def test_key_has_text_and_the_same_placeholders_in_every_language(key: str) -> None:
    for lang in languages():
        text = catalog(lang).get(key, "")
        assert text.strip(), f"{key} has no text in {lang}"
        assert fields(text) == fields(catalog(DEFAULT_LANGUAGE)[key]), (
            f"{key}: placeholders differ in {lang}"
        )


def test_lookup_fills_values_in_the_requested_language() -> None:
    assert t("cli.new.exists", "de", path="x.toml") == (
        "x.toml existiert bereits; wählen Sie einen anderen Namen"
        " oder löschen Sie die Datei zuerst."
    )
    assert t("cli.new.exists", "en", path="x.toml") == (
        "x.toml already exists; choose another name or delete it first."
    )


def test_missing_key_shows_the_key_instead_of_crashing() -> None:
    assert t("no.such.key") == "no.such.key"


def test_a_key_missing_in_one_language_falls_back_to_english(tmp_path: Path) -> None:
    (tmp_path / "en").mkdir()
    (tmp_path / "de").mkdir()
    (tmp_path / "en" / "a.toml").write_text('"x.y" = "English"\n', encoding="utf-8")
    (tmp_path / "de" / "a.toml").write_text('"x.z" = "Deutsch"\n', encoding="utf-8")
    with use_catalogs(tmp_path):
        assert t("x.y", "de") == "English"
        assert t("x.z", "de") == "Deutsch"
    assert t("x.z", "de") == "x.z"


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"LANG": "de_DE.UTF-8"}, "de"),
        ({"LANG": "en_GB.UTF-8"}, "en"),
        ({"LC_ALL": "de_AT.UTF-8", "LANG": "en_US"}, "de"),
        ({"LANGUAGE": "de:en"}, "de"),
        ({}, "en"),
        ({"LANG": "fr_FR.UTF-8"}, "en"),
        ({"LANG": "C.UTF-8"}, "en"),
    ],
)
def test_language_comes_from_the_locale(env: dict[str, str], expected: str) -> None:
    assert detect_language(env) == expected
