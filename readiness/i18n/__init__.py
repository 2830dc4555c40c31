"""UI text in every language: one folder of catalogs per language, one lookup.

`readiness/i18n/<lang>/<area>.toml` holds the text of one area in one language, one line per key:

    "home.title" = "Bereit für Social Media?"

The languages are the folders: adding a language means adding a folder with the same keys
(tests check that every key exists in every language with the same `{placeholders}`). Nothing
else lists languages; the CLI choices, the content models and the renderers all ask
`languages()`. That is why `Lang` is a plain string checked at the edges, not a fixed Literal.
"""

from __future__ import annotations

import os
import threading
import tomllib
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

from readiness.i18n import catalog_cache

Lang = str
"""A language code that has a catalog folder (see `languages()`)."""

DEFAULT_LANGUAGE: Lang = "en"
"""The fallback when a key or a language is missing; its catalogs are the reference."""

_root: list[Path] = [Path(__file__).parent]
_current: list[Lang] = [DEFAULT_LANGUAGE]
_address: list[str | None] = [None]
_this_thread = threading.local()
"""A form of address set for a while in one thread (`addressing`), over `_address`."""
_UNSET = object()

ADDRESS_SUFFIX = {"du": ".du"}
"""Forms of address with their own catalog variants (`<key>.du`); the base key is the
formal form ("Sie"), so "Sie" needs no suffix. A language without a formal/informal
distinction simply has no variants and always shows the base key."""


def catalog_root() -> Path:
    return _root[0]


@contextmanager
def use_catalogs(root: Path) -> Iterator[None]:
    """Read catalogs (and so the list of languages) from `root` for a while: a hook for tests
    that add a language without touching the package."""
    previous = _root[0]
    _root[0] = root
    _clear()
    try:
        yield
    finally:
        _root[0] = previous
        _clear()


def _clear() -> None:
    languages.cache_clear()
    _language_catalog.cache_clear()


@cache
def languages() -> tuple[Lang, ...]:
    """Every language with a catalog folder: English first (the reference), then German, then
    any other in alphabetical order, so menus keep a stable order."""
    found = [p.name for p in catalog_root().iterdir() if p.is_dir() and any(p.glob("*.toml"))]
    order = {DEFAULT_LANGUAGE: 0, "de": 1}
    return tuple(sorted(found, key=lambda name: (order.get(name, 2), name)))


def is_language(value: str) -> bool:
    return value in languages()


def as_language(value: str) -> Lang:
    """`value` when it is a known language, else the default (for data read from elsewhere)."""
    return value if is_language(value) else DEFAULT_LANGUAGE


def detect_language(environ: dict[str, str] | None = None) -> Lang:
    """The language the locale asks for (READINESS_LANG, LANGUAGE, LC_ALL, LC_MESSAGES, LANG)
    when a catalog exists for it, English otherwise."""
    return requested_language(environ) or DEFAULT_LANGUAGE


def requested_language(environ: dict[str, str] | None = None) -> Lang | None:
    """The language the environment asks for (the first of READINESS_LANG, LANGUAGE, LC_ALL,
    LC_MESSAGES, LANG that is set) when a catalog exists for it; None when it asks for none
    or for one without a catalog (`C`, `POSIX`, `fr`)."""
    env = os.environ if environ is None else environ
    for var in ("READINESS_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var, "")
        if value:
            code = value.split(":")[0].split("_")[0].split(".")[0].lower()
            return code if is_language(code) else None
    return None


def set_address(address: str | None) -> None:
    """The form of address of the content on screen (`du`/`Sie`, None for none): `t()` then
    shows the `<key>.du` variants where the language has them. Screens that show content
    set it from the content's header; screens without content set None."""
    _address[0] = address


def current_address() -> str | None:
    """The form of address `t()` uses now, in this thread (see `addressing`)."""
    return getattr(_this_thread, "address", _address[0])


@contextmanager
def addressing(address: str | None) -> Iterator[None]:
    """The form of address for a while, in this thread only, then back: for a text written
    around one file's content (a report, a run's journal) whatever is on screen meanwhile.
    Only this thread's: a report built on a worker thread must not change the voice of the
    screen the UI thread is drawing."""
    previous = getattr(_this_thread, "address", _UNSET)
    _this_thread.address = address
    try:
        yield
    finally:
        if previous is _UNSET:
            del _this_thread.address
        else:
            _this_thread.address = previous


def set_language(lang: Lang) -> None:
    _current[0] = as_language(lang)


def current_language() -> Lang:
    return _current[0]


@cache
def _language_catalog(lang: Lang) -> dict[str, str]:
    entries = _legacy_entries(lang)
    folder = catalog_root() / lang
    if not folder.is_dir():
        return entries
    paths = sorted(folder.glob("*.toml"))
    made_from = catalog_cache.stamp(paths)
    cached = catalog_cache.load(lang, made_from) if made_from is not None else None
    if cached is not None:
        entries.update(cached)
        return entries
    parsed: dict[str, str] = {}
    for path in paths:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
        for key, value in data.items():
            if isinstance(value, str):
                parsed[key] = value
    if made_from is not None:
        catalog_cache.store(lang, made_from, parsed)
    entries.update(parsed)
    return entries


def _legacy_entries(lang: Lang) -> dict[str, str]:
    """Entries of a bilingual file left at the catalog root (`[key]` tables with one string
    per language), the format before one folder per language. Read so that work started in
    that format keeps showing text; split such a file into the language folders (tests fail
    while one exists)."""
    entries: dict[str, str] = {}
    for path in sorted(catalog_root().glob("*.toml")):
        with path.open("rb") as handle:
            _flatten_legacy("", tomllib.load(handle), lang, entries)
    return entries


def _flatten_legacy(prefix: str, table: dict[str, object], lang: Lang, out: dict[str, str]) -> None:
    if isinstance(table.get(DEFAULT_LANGUAGE), str):
        text = table.get(lang)
        if isinstance(text, str):
            out[prefix] = text
        return
    for key, value in table.items():
        if isinstance(value, dict):
            _flatten_legacy(f"{prefix}.{key}" if prefix else key, value, lang, out)


def catalog(lang: Lang) -> dict[str, str]:
    """All entries of one language, keyed by dotted name."""
    return _language_catalog(lang)


def has_key(key: str, lang: Lang | None = None) -> bool:
    return key in _language_catalog(lang or _current[0])


def t_addressed(
    key: str, address: str | None, /, lang: Lang | None = None, **values: object
) -> str:
    """`t()` for text around content that addresses its reader as `address` (`du`/`Sie`):
    the variant `<key>.du` where the language has one, the base key otherwise."""
    suffix = ADDRESS_SUFFIX.get(address or "")
    if suffix and key + suffix in _language_catalog(lang or _current[0]):
        key += suffix
    return _lookup(key, lang, values)


def t(key: str, /, lang: Lang | None = None, **values: object) -> str:
    """The text for `key` in the current (or given) language, with `{name}` values filled in,
    in the form of address of the content on screen (see `set_address`).

    A key missing in that language falls back to English; a key missing everywhere shows the
    key itself, so a gap is visible instead of crashing the UI."""
    return t_addressed(key, current_address(), lang, **values)


def plural_category(count: float, lang: Lang | None = None) -> str:
    """`one` or `other` (CLDR names) for `count` under the language's `format.plural_rule`:
    `one_other` (English, German: exactly 1 is singular) or `one_below_two` (0 and 1 are
    singular, as in French)."""
    rule = _lookup("format.plural_rule", lang, {})
    if rule == "one_below_two":
        return "one" if 0 <= count < 2 else "other"
    return "one" if count == 1 else "other"


def _plural_key(key: str, lang: Lang, count: object) -> str | None:
    """`<key>.one`/`<key>.other` (or `<key>.zero`) for an entry written in plural forms."""
    if isinstance(count, bool) or not isinstance(count, int | float):
        return None
    entries = _language_catalog(lang)
    if f"{key}.other" not in entries:
        entries = _language_catalog(DEFAULT_LANGUAGE)
        if f"{key}.other" not in entries:
            return None
    if count == 0 and f"{key}.zero" in entries:
        return f"{key}.zero"
    return f"{key}.{plural_category(count, lang)}"


def _lookup(key: str, lang: Lang | None, values: dict[str, object]) -> str:
    lang = lang or _current[0]
    text = _language_catalog(lang).get(key)
    if text is None and key not in _language_catalog(DEFAULT_LANGUAGE) and "count" in values:
        # An entry written in plural forms: `t("x", count=n)` picks `x.one` or `x.other`,
        # and the count reads as a number of that language ("2.200").
        chosen = _plural_key(key, lang, values["count"])
        if chosen is not None:
            from readiness.i18n.formats import number

            count = values["count"]
            assert isinstance(count, int | float)
            decimals = 0 if isinstance(count, int) or float(count).is_integer() else 1
            return _lookup(chosen, lang, {**values, "count": number(count, decimals, lang)})
    if text is None:
        text = _language_catalog(DEFAULT_LANGUAGE).get(key, key)
    if values:
        try:
            return text.format(**values)
        except (KeyError, IndexError, ValueError):
            return text
    return text
