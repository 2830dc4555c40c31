"""UI text in German and English: one catalog per area (`readiness/i18n/*.toml`), one lookup.

Each catalog entry is a table with an `en` and a `de` string:

    [home.title]
    en = "Ready for social media?"
    de = "Bereit für Social Media?"
"""

from __future__ import annotations

import os
import tomllib
from functools import cache
from pathlib import Path
from typing import Any, Literal

Lang = Literal["de", "en"]
LANGUAGES: tuple[Lang, ...] = ("en", "de")
_CATALOG_DIR = Path(__file__).parent
_current: list[Lang] = ["en"]


def detect_language(environ: dict[str, str] | None = None) -> Lang:
    """German when the locale says so (LANGUAGE, LC_ALL, LC_MESSAGES, LANG), English otherwise."""
    env = os.environ if environ is None else environ
    for var in ("READINESS_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var, "")
        if value:
            return "de" if value.lower().startswith("de") else "en"
    return "en"


def set_language(lang: Lang) -> None:
    _current[0] = lang


def current_language() -> Lang:
    return _current[0]


def _flatten(prefix: str, table: dict[str, Any], out: dict[str, dict[str, str]]) -> None:
    if "en" in table and isinstance(table["en"], str):
        out[prefix] = {k: v for k, v in table.items() if isinstance(v, str)}
        return
    for key, value in table.items():
        if isinstance(value, dict):
            _flatten(f"{prefix}.{key}" if prefix else key, value, out)


@cache
def catalog() -> dict[str, dict[str, str]]:
    """All entries of all catalog files, keyed by dotted name."""
    entries: dict[str, dict[str, str]] = {}
    for path in sorted(_CATALOG_DIR.glob("*.toml")):
        with path.open("rb") as handle:
            _flatten("", tomllib.load(handle), entries)
    return entries


def t(key: str, lang: Lang | None = None, **values: object) -> str:
    """The text for `key` in the current (or given) language, with `{name}` values filled in.

    A missing key shows the key itself, so a gap is visible instead of crashing the UI."""
    entry = catalog().get(key)
    if entry is None:
        return key
    text = entry.get(lang or _current[0]) or entry.get("en", key)
    if values:
        try:
            return text.format(**values)
        except (KeyError, IndexError, ValueError):
            return text
    return text
