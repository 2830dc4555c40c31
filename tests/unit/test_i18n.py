"""Every UI string exists in every language with the same placeholders; catalogs are one
folder per language; the locale picks the language."""

from __future__ import annotations

import re
import string
import tomllib
from pathlib import Path

import pytest

from readiness.i18n import (
    ADDRESS_SUFFIX,
    DEFAULT_LANGUAGE,
    catalog,
    catalog_root,
    detect_language,
    languages,
    set_address,
    t,
    t_addressed,
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


def is_variant(key: str) -> bool:
    return any(key.endswith(suffix) for suffix in ADDRESS_SUFFIX.values())


@pytest.mark.parametrize("lang", [lang for lang in languages() if lang != DEFAULT_LANGUAGE])
def test_every_key_exists_in_every_language(lang: str) -> None:
    reference = set(catalog(DEFAULT_LANGUAGE))
    other = {key for key in catalog(lang) if not is_variant(key)}
    assert sorted(reference - other) == [], f"missing in {lang}"
    assert sorted(other - reference) == [], f"only in {lang}, not in English"


@pytest.mark.parametrize("lang", languages())
def test_address_variants_have_a_base_key_and_its_placeholders(lang: str) -> None:
    entries = catalog(lang)
    for key in [k for k in entries if is_variant(k)]:
        base = key.rsplit(".", 1)[0]
        assert base in entries, f"{key} has no base key {base}"
        assert fields(entries[key]) == fields(entries[base]), f"{key}: placeholders differ"


@pytest.mark.parametrize("key", sorted(catalog(DEFAULT_LANGUAGE)))
def test_key_has_text_and_the_same_placeholders_in_every_language(key: str) -> None:
    for lang in languages():
        text = catalog(lang).get(key, "")
        assert text.strip(), f"{key} has no text in {lang}"
        assert fields(text) == fields(catalog(DEFAULT_LANGUAGE)[key]), (
            f"{key}: placeholders differ in {lang}"
        )


def test_text_around_content_follows_its_form_of_address() -> None:
    assert t_addressed("train.reply.placeholder", "du", "de") == "Schreib hier deine Antwort …"
    assert t_addressed("train.reply.placeholder", "Sie", "de") == (
        "Schreiben Sie hier Ihre Antwort …"
    )
    assert t_addressed("train.countdown.none", "du", "de") == "Kein Countdown: Nimm dir Zeit."
    assert t_addressed("train.debrief.tab.replies", "du", "de") == "Deine Antwort"
    # English has one "you"; a key without a variant shows its base text.
    assert t_addressed("train.reply.placeholder", "du", "en") == "Write your reply here…"
    assert t_addressed("cli.new.exists", "du", "de", path="x") == t(
        "cli.new.exists", "de", path="x"
    )
    # Screens showing content set the address; t() then follows it.
    set_address("du")
    try:
        assert t("train.reply.hint", "de") == "Strg+S veröffentlicht deine Antwort."
    finally:
        set_address(None)
    assert t("train.reply.hint", "de") == "Strg+S veröffentlicht Ihre Antwort."


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


PACKAGE = Path(__file__).parent.parent.parent / "readiness"
PLURAL_AND_ADDRESS = (".zero", ".one", ".two", ".few", ".many", ".other", *ADDRESS_SUFFIX.values())


def _sources() -> str:
    """The code and templates that could name a catalog key (the catalogs themselves not)."""
    found = [*PACKAGE.rglob("*.py"), *PACKAGE.rglob("*.j2")]
    return "\n".join(p.read_text(encoding="utf-8") for p in found)


def _named(key: str, sources: str) -> bool:
    """True when `key` is written out, or built from a written prefix: `f"kit.crisis.{k}"`,
    `"assess.effort." + effort`, `"journal.kind." ~ kind`, `label + "_hint"`, or a plural or
    address form of it."""
    bases = [key] + [key[: -len(s)] for s in PLURAL_AND_ADDRESS if key.endswith(s)]
    for base in bases:
        if f'"{base}"' in sources or f"'{base}'" in sources:
            return True
        for cut in range(len(base) - 1, 0, -1):
            if base[cut] not in "._":
                continue
            prefix = re.escape(base[: cut + 1])
            suffix = re.escape(base[cut:])
            if (
                re.search(prefix + r"\{", sources)
                or re.search(r"[\"']" + prefix + r"[\"']\s*[+~]", sources)
                or re.search(r"[+~]\s*[\"']" + suffix + r"[\"']", sources)
            ):
                return True
    return False


def test_every_catalog_key_is_used_somewhere() -> None:
    """A key nothing asks for is text no user ever sees, but a translator still keeps up."""
    sources = _sources()
    unused = sorted(key for key in catalog(DEFAULT_LANGUAGE) if not _named(key, sources))
    assert unused == [], "catalog keys no code or template uses"
