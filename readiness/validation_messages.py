"""pydantic's complaints in the words of a TOML file, in no language yet.

pydantic says "Input should be a valid string" and "Field required"; a trainer editing a
scenario and a participant whose result file was damaged both need "must be text in quotes,
e.g. "..."; found the number 3" in their own language. Content validation and result files
share these sentences, so they sit below both."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence
from typing import Any

from readiness.i18n.catalog_text import CatalogText
from readiness.models.message import ContentMessage


def did_you_mean(word: str, candidates: Iterable[str]) -> CatalogText:
    """A ' (did you mean "x"?)' suffix, or nothing when nothing is close."""
    match = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.6)
    return CatalogText("content.did_you_mean", word=match[0]) if match else CatalogText.nothing()


_PATTERN_MESSAGES = {
    r"^[a-z0-9][a-z0-9_\-]*$": "content.pattern.id",
    r"^\d+(\.\d+){0,2}$": "content.pattern.version",
    r"^\d{2}:\d{2}$": "content.pattern.time",
}
"""Plain words for the patterns our models use, instead of a regular expression."""


def _describe(value: Any) -> CatalogText:
    """What a wrong value is, in the words of a TOML file: `the text "60"`, `the number 0.5`."""
    if isinstance(value, bool):
        return CatalogText("content.got.bool", value=str(value).lower())
    if isinstance(value, int | float):
        return CatalogText("content.got.number", value=value)
    if isinstance(value, str):
        return CatalogText(
            "content.got.text", value=value if len(value) <= 40 else value[:37] + "..."
        )
    if isinstance(value, list):
        return CatalogText("content.got.list")
    if isinstance(value, dict):
        return CatalogText("content.got.table")
    return CatalogText("content.got.other", value=value)


_TYPE_KEYS = {
    "int_type": "content.type.int",
    "int_from_float": "content.type.int",
    "int_parsing": "content.type.int",
    "float_type": "content.type.float",
    "float_parsing": "content.type.float",
    "string_type": "content.type.str",
    "bool_type": "content.type.bool",
    "bool_parsing": "content.type.bool",
    "list_type": "content.type.list",
    "dict_type": "content.type.table",
    "model_type": "content.type.table",
    "model_attributes_type": "content.type.table",
}
"""pydantic's error types for a value of the wrong type, and the sentence for each."""

_LIMIT_KEYS = {
    "greater_than": "content.limit.gt",
    "greater_than_equal": "content.limit.ge",
    "less_than": "content.limit.lt",
    "less_than_equal": "content.limit.le",
    "too_short": "content.limit.too_short",
    "too_long": "content.limit.too_long",
    "string_too_short": "content.limit.empty",
    "string_too_long": "content.limit.text_too_long",
}


_PLAIN_KEYS = {
    "missing": "content.missing",
    "finite_number": "content.finite",
    "union_tag_invalid": "content.node_type",
    "union_tag_not_found": "content.node_type_missing",
}
"""pydantic's error types that need no detail, and the sentence for each."""


def pydantic_message(err: Any, field_names: set[str]) -> CatalogText:
    """One sentence for one pydantic error, in no language yet."""
    loc = tuple(err["loc"])
    kind = err["type"]
    ctx = err.get("ctx", {}) or {}
    if kind == "extra_forbidden":
        return _extra_key(str(loc[-1]) if loc else "", field_names)
    if kind in _PLAIN_KEYS:
        return CatalogText(_PLAIN_KEYS[kind])
    if kind == "string_pattern_mismatch":
        pattern = str(ctx.get("pattern", ""))
        if pattern in _PATTERN_MESSAGES:
            return CatalogText(_PATTERN_MESSAGES[pattern])
        return CatalogText.verbatim(str(err["msg"]))
    if kind == "literal_error":
        return _one_of(str(ctx.get("expected", "")), err.get("input"))
    if kind in _TYPE_KEYS:
        return CatalogText(_TYPE_KEYS[kind], got=_describe(err.get("input")))
    if kind in _LIMIT_KEYS:
        names = ("gt", "ge", "lt", "le", "min_length", "max_length")
        limit = next((ctx[k] for k in names if k in ctx), "")
        if isinstance(limit, float):
            limit = str(int(limit)) if limit.is_integer() and abs(limit) < 1e15 else f"{limit:g}"
        return CatalogText(_LIMIT_KEYS[kind], limit=limit, got=_describe(err.get("input")))
    if kind == "value_error":
        error = ctx.get("error")
        if isinstance(error, ContentMessage):
            return CatalogText(error.key, **error.values)
    message = str(err["msg"])
    if message.startswith("Value error, "):
        message = message[len("Value error, ") :]
    return CatalogText.verbatim(message)


def either(values: Sequence[str]) -> CatalogText:
    """`values` in quotes, joined in the reader's language: `"a", "b" or "c"` (`oder`); one
    value alone, nothing for none."""
    quoted = [f'"{value}"' for value in values]
    if len(quoted) <= 1:
        return CatalogText.verbatim("".join(quoted))
    return CatalogText("content.either", first=", ".join(quoted[:-1]), last=quoted[-1])


def _one_of(expected: str, found: Any) -> CatalogText:
    """The allowed values, joined in the reader's language ("a", "b" or "b" / oder), and the
    nearest one to what was written. pydantic joins them itself, in English."""
    values = re.findall(r"'((?:[^'\\]|\\.)*)'", expected)
    if not values:
        return CatalogText("content.one_of", expected=CatalogText.verbatim(expected))
    hint = did_you_mean(found, values) if isinstance(found, str) else CatalogText.nothing()
    return CatalogText("content.one_of", expected=either(values)) + hint


def _extra_key(unknown: str, field_names: set[str]) -> CatalogText:
    """A key the table does not have: a real key in the wrong table, or a typo."""
    if unknown in field_names:
        # A real key in the wrong table: usually written below a [section] it does not
        # belong to (TOML puts every key after a header into that table).
        return CatalogText("content.misplaced_key", name=unknown)
    return CatalogText("content.unknown_key", name=unknown) + did_you_mean(unknown, field_names)
