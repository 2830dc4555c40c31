"""Text in no language yet: catalog keys with their values, worded where it is shown.

The core finds things to say (a content problem, a warning) long before anyone knows the
language of the screen or command that shows them: a library loaded once serves an English
command and a German browser session alike. So the core keeps what it found as a
`CatalogText` and the edge (CLI, TUI) asks for `.text(lang)`:

    hint = CatalogText("content.check.unknown_node", ident="bda") + did_you_mean(...)
    hint.text("de")  # 'unbekannter Schritt "bda" (meinten Sie "bad"?)'

A value may itself be a `CatalogText` (worded in the same language); anything else is
filled in as `t()` fills it, so `count` still picks a plural form. Text for readers of
content files (authors, trainers), not for the content's own readers: no du/Sie variants.
"""

from __future__ import annotations

from readiness.i18n import Lang, t_addressed

_Part = tuple[str, tuple[tuple[str, object], ...]] | str
"""A catalog key with its values, or text shown as it is (a TOML parser's own words)."""


class CatalogText:
    """One or more catalog entries (and verbatim pieces) read one after the other."""

    __slots__ = ("_parts",)

    def __init__(self, key: str, /, **values: object) -> None:
        self._parts: tuple[_Part, ...] = ((key, tuple(values.items())),)

    @classmethod
    def verbatim(cls, text: str) -> CatalogText:
        """`text` as it is in every language (words from outside the catalogs)."""
        made = cls.__new__(cls)
        made._parts = (text,) if text else ()
        return made

    @classmethod
    def nothing(cls) -> CatalogText:
        """No text at all: what `a + nothing()` adds to `a`."""
        return cls.verbatim("")

    def __add__(self, other: CatalogText) -> CatalogText:
        joined = CatalogText.__new__(CatalogText)
        joined._parts = self._parts + other._parts
        return joined

    def text(self, lang: Lang) -> str:
        """The words in `lang` (English where the catalog of `lang` lacks an entry)."""
        return "".join(_word(part, lang) for part in self._parts)

    def __str__(self) -> str:
        """English, for logs and exceptions; a screen or command shows `text(lang)`."""
        return self.text("en")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, CatalogText) and self._parts == other._parts

    def __hash__(self) -> int:
        return hash(tuple(p if isinstance(p, str) else p[0] for p in self._parts))

    def __repr__(self) -> str:
        return f"CatalogText({self._parts!r})"


def _word(part: _Part, lang: Lang) -> str:
    if isinstance(part, str):
        return part
    key, values = part
    filled = {name: v.text(lang) if isinstance(v, CatalogText) else v for name, v in values}
    return t_addressed(key, None, lang, **filled)
