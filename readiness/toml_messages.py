"""tomllib's syntax errors in the reader's language.

`tomllib` words its errors in English ("Illegal character '\\n'"), and they were shown as they
came, so a German validation said "kein gültiges TOML: Illegal character …". Each message
tomllib can give is matched here and worded from the catalog; a message this table does not
know (a newer Python's) is shown as tomllib wrote it."""

from __future__ import annotations

import re
import tomllib

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
        # A line break inside a one-line string: its closing quote is missing.
        (r"(?:Illegal|Found invalid) character '\\n'", "content.toml.msg.unclosed_quote"),
        (r"Expected (?P<what>'.*'|\".*\")", "content.toml.msg.expected"),
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


_AT_LINE = re.compile(r" \(at line (\d+), column (\d+)\)$")


_AT_END = " (at end of document)"


def toml_error_parts(
    exc: tomllib.TOMLDecodeError,
) -> tuple[int | None, int | None, CatalogText | str, bool]:
    """Line, column and message (worded, `toml_message`) of a TOML error, and whether it is
    at the end of the file. Python 3.11's tomllib has the position only in the message text
    ("... (at line 3, column 16)", "... (at end of document)"), later versions also as
    attributes."""
    message = str(getattr(exc, "msg", None) or exc)
    line = getattr(exc, "lineno", None)
    column = getattr(exc, "colno", None)
    found = _AT_LINE.search(message)
    if found:
        message = message[: found.start()]
        line = line or int(found.group(1))
        column = column or int(found.group(2))
    at_end = message.endswith(_AT_END)
    if at_end:
        message = message[: -len(_AT_END)]
    return line, column, toml_message(message), at_end
