"""Every UI string exists in both languages with the same placeholders."""

from __future__ import annotations

import string

import pytest

from readiness.i18n import catalog, detect_language, t


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", sorted(catalog()))
def test_key_has_both_languages_with_same_placeholders(key: str) -> None:
    entry = catalog()[key]
    assert entry.get("en", "").strip(), f"{key} has no English text"
    assert entry.get("de", "").strip(), f"{key} has no German text"
    assert fields(entry["en"]) == fields(entry["de"]), f"{key}: placeholders differ"


def test_lookup_fills_values_in_the_requested_language() -> None:
    assert t("cli.validate.clean", "de", count=2) == "2 Datei(en) geprüft: keine Probleme."
    assert t("cli.validate.clean", "en", count=2) == "2 file(s) checked: no problems."


def test_missing_key_shows_the_key_instead_of_crashing() -> None:
    assert t("no.such.key") == "no.such.key"


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"LANG": "de_DE.UTF-8"}, "de"),
        ({"LANG": "en_GB.UTF-8"}, "en"),
        ({"LC_ALL": "de_AT.UTF-8", "LANG": "en_US"}, "de"),
        ({}, "en"),
        ({"LANG": "fr_FR.UTF-8"}, "en"),
    ],
)
def test_language_comes_from_the_locale(env: dict[str, str], expected: str) -> None:
    assert detect_language(env) == expected
