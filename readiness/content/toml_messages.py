"""tomllib's syntax errors in the reader's language.

`tomllib` words its errors in English ("Illegal character '\\n'"), and they were shown as they
came, so a German validation said "kein gültiges TOML: Illegal character …". Each message
tomllib can give is matched here and worded from the catalog; a message this table does not
know (a newer Python's) is shown as tomllib wrote it."""

from __future__ import annotations

import re

from readiness.i18n.catalog_text import CatalogText
from readiness.text_safety import visible

MESSAGES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.S), key)
    for pattern, key in (
        (r"Invalid statement", "content.toml.msg.invalid_statement"),
        (
            r"Expected newline or end of document after a statement",
            "content.toml.msg.expected_newline",
        ),
        (r"Expected ']' at the end of a table declaration", "content.toml.msg.table_end"),
        (r"Expected '\]\]' at the end of an array declaration", "content.toml.msg.array_end"),
        (r"Expected '=' after a key in a key/value pair", "content.toml.msg.expected_equals"),
        (r"Expected (?P<what>'.*')", "content.toml.msg.expected"),
        (r"Found invalid character (?P<char>'.*')", "content.toml.msg.invalid_character"),
        (r"Cannot declare (?P<key>.*) twice", "content.toml.msg.declared_twice"),
        (r"Cannot overwrite a value", "content.toml.msg.overwrite"),
        (r"Cannot mutate immutable namespace (?P<key>.*)", "content.toml.msg.immutable"),
        (r"Cannot redefine namespace (?P<key>.*)", "content.toml.msg.redefine"),
        (r"Invalid initial character for a key part", "content.toml.msg.key_start"),
        (r"Unclosed array", "content.toml.msg.unclosed_array"),
        (r"Duplicate inline table key (?P<key>'.*')", "content.toml.msg.duplicate_inline_key"),
        (r"Unclosed inline table", "content.toml.msg.unclosed_inline_table"),
        (r"Unescaped '\\' in a string", "content.toml.msg.unescaped_backslash"),
        (r"Invalid hex value", "content.toml.msg.invalid_hex"),
        (r"Escaped character is not a Unicode scalar value", "content.toml.msg.not_scalar"),
        (r"Unterminated string", "content.toml.msg.unterminated"),
        (r"Illegal character (?P<char>'.*')", "content.toml.msg.illegal_character"),
        (r"Invalid date or datetime", "content.toml.msg.invalid_date"),
        (r"Invalid value", "content.toml.msg.invalid_value"),
    )
)
"""tomllib's messages (Python 3.11–3.13), most specific first."""


def toml_message(message: str) -> CatalogText | str:
    """`message` (tomllib's, without its position) worded from the catalog, or as it is."""
    for pattern, key in MESSAGES:
        found = pattern.fullmatch(message)
        if found:
            return CatalogText(key, **{k: visible(v) for k, v in found.groupdict().items()})
    return visible(message)
