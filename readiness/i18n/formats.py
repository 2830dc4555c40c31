"""Numbers, dates, ranges and plurals the way a reader of each language writes them.

Everything language-specific comes from the catalogs (`<lang>/format.toml`): separators, the
date pattern, the range dash and the plural rule. A new language brings its own file and no
code changes. No Babel: the product needs five formats in two (soon three) languages, and a
locale library would pull CLDR data for hundreds of locales into a terminal app; if a
language ever needs rules beyond `format.plural_rule`, add the rule here.

Plural entries are catalog keys with a category suffix, `<key>.one` and `<key>.other`
(`<key>.zero` where a language says "no questions" differently), filled with `{count}`:

    "cli.list.questions.one" = "{count} Frage"
    "cli.list.questions.other" = "{count} Fragen"
"""

from __future__ import annotations

import math
from datetime import date, datetime

from readiness.i18n import Lang, current_language, plural_category, t

__all__ = ["day", "day_time", "number", "number_range", "plural", "plural_category"]


def _lang(lang: Lang | None) -> Lang:
    return lang or current_language()


def plural(key: str, count: float, lang: Lang | None = None, **values: object) -> str:
    """The text of `key` in the plural form that fits `count` (`<key>.one`, `<key>.other`,
    `<key>.zero` for 0 where the language has it), `{count}` written as a number of that
    language (`2.200`). Plain `t(key, count=n)` does the same; this name says so."""
    return t(key, _lang(lang), count=count, **values)


def number(value: float, decimals: int = 0, lang: Lang | None = None) -> str:
    """`value` with the language's thousands and decimal separators: 2,200.5 in English is
    2.200,5 in German. Rounds half away from zero, as people round by hand."""
    lang = _lang(lang)
    if isinstance(value, int):  # exact, however large (a path count can pass 10**300)
        digits = f"{abs(value):,}".replace(",", t("format.group", lang))
        return (
            ("-" if value < 0 else "")
            + digits
            + (t("format.decimal", lang) + "0" * decimals if decimals > 0 else "")
        )
    if not math.isfinite(value):
        return "–"
    factor = 10**decimals
    scaled = math.floor(abs(value) * factor + 0.5 + 1e-9)
    whole, fraction = divmod(scaled, factor)
    digits = f"{whole:,}".replace(",", t("format.group", lang))
    sign = "-" if value < 0 and scaled else ""
    if decimals <= 0:
        return sign + digits
    return f"{sign}{digits}{t('format.decimal', lang)}{fraction:0{decimals}d}"


def number_range(low: float, high: float, decimals: int = 0, lang: Lang | None = None) -> str:
    """`1.1–3.8` in English, `1,1–3,8` in German (one number when both ends agree)."""
    lang = _lang(lang)
    first, last = number(low, decimals, lang), number(high, decimals, lang)
    if first == last:
        return first
    return t("format.range", lang, low=first, high=last)


def day(value: date | datetime, lang: Lang | None = None) -> str:
    """A calendar date as the language writes it: 2026-12-03 in English reports (unambiguous
    between British and American readers), 03.12.2026 in German."""
    return t("format.date", _lang(lang), year=value.year, month=value.month, day=value.day)


def day_time(value: datetime, lang: Lang | None = None) -> str:
    """Date and time of day: `03.12.2026, 14:05` / `2026-12-03 14:05`."""
    lang = _lang(lang)
    return t("format.date_time", lang, date=day(value, lang), hour=value.hour, minute=value.minute)
