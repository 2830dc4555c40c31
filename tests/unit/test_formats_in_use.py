"""Plural forms, locale formats, platform names and one name for "not applicable", where
people read them (issue 14 point 15)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from readiness.authoring.load import load_file
from readiness.authoring.stats import render, scenario_stats
from readiness.i18n import catalog, set_language
from readiness.platforms import platform_name
from readiness.reports.render import when_text
from readiness.tui.widgets.meters import grouped

ROOT = Path(__file__).parent.parent.parent
DATA = Path(__file__).parent.parent / "data" / "authoring"


@pytest.mark.parametrize(
    ("platform", "lang", "expected"),
    [
        ("instagram", "de", "Instagram"),
        ("tiktok", "en", "TikTok"),
        ("x", "de", "X"),
        ("linkedin", "de", "LinkedIn"),
        ("email", "de", "E-Mail"),
        ("newspaper", "en", "newspaper"),
        ("Stadtforum", "de", "Stadtforum"),
        ("gemeindeblatt", "de", "Gemeindeblatt"),
    ],
)
def test_platforms_read_as_their_owners_write_them(platform: str, lang: str, expected: str) -> None:
    assert platform_name(platform, lang) == expected


@pytest.mark.parametrize(
    ("value", "lang", "expected"),
    [
        ("2026-12-03 14:05", "de", "03.12.2026, 14:05"),
        ("2026-12-03 14:05 UTC", "de", "03.12.2026, 14:05 UTC"),
        ("2026-12-03", "de", "03.12.2026"),
        ("2026-12-03", "en", "2026-12-03"),
        (datetime(2026, 12, 3, 9, 7), "de", "03.12.2026, 09:07"),
        ("yesterday", "de", "yesterday"),
    ],
)
def test_report_dates_in_the_reports_language(value: object, lang: str, expected: str) -> None:
    assert when_text(value, lang) == expected  # type: ignore[arg-type]


def test_counts_on_screens_are_grouped_the_readers_way() -> None:
    set_language("de")
    assert grouped(2200) == "2.200"
    set_language("en")
    assert grouped(2200) == "2,200"


def test_stats_write_ranges_and_plurals_in_german() -> None:
    mini, problems = load_file(DATA / "mini.en.toml")
    assert mini is not None and not problems
    out = render(scenario_stats(mini.model), "de")  # type: ignore[arg-type]
    assert "2 Wege, 2–3 Schritte" in out
    assert "Schritte: 2 Entscheidungen, 1 Antwortschritt, 1 Feed-Eintrag" in out
    assert "Geschätzte Dauer: 0,3–2,1 min" in out
    assert ".." not in out


OTHER_NAMES = {
    "de": ("nicht zutreffend", "trifft nicht zu", "treffen nicht zu", "trifft auf uns nicht zu"),
    "en": ("not applicable", "does not apply to us"),
}


def test_not_applicable_has_one_name_per_language() -> None:
    """German says "entfällt", English "does not apply" (key: N/A), in the catalogs and in
    the built-in content's help texts. Likert labels ("Trifft nicht zu") are answers, not
    the "not applicable" marker, and are left alone."""
    found = [
        f"{lang}:{key}"
        for lang, names in OTHER_NAMES.items()
        for key, text in catalog(lang).items()
        if not key.startswith("assess.likert.") and any(n in text.lower() for n in names)
    ]
    for lang, names in OTHER_NAMES.items():
        for path in sorted((ROOT / "assessments").glob(f"*.{lang}.toml")):
            text = path.read_text(encoding="utf-8").lower()
            found += [f"{path.name}: {n}" for n in names if f"„{n}“" in text or f"'{n}'" in text]
    assert found == []
    assert catalog("de")["assess.status.not_applicable"] == "entfällt"
    assert catalog("de")["assess.key.na"] == "Entfällt"
