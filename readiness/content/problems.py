"""Problems found in content files, collected rather than raised so a validator reports all."""

from __future__ import annotations

import dataclasses
import difflib
import tomllib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import ValidationError

from readiness.content.positions import Loc, Position, positions
from readiness.i18n import Lang, t
from readiness.i18n.catalog_text import CatalogText
from readiness.models.message import ContentMessage

Severity = Literal["error", "warning", "notice"]


@dataclass(frozen=True)
class ContentProblem:
    """One thing wrong with one file, addressed by a dotted key path.

    The loader finds problems in no language: `message` is worded by whoever shows it
    (`message.text(lang)`, or the whole line with `text(lang)`), so a library loaded once can
    be shown in any language."""

    path: Path
    key: str
    message: CatalogText
    line: int | None = None
    severity: Severity = "error"
    code: str = ""
    """A stable name for the kind of problem (e.g. `expert-longest`), for tools and tests
    that must tell one warning from another whatever the language; '' where none is set."""
    column: int | None = None
    """Column of the offending key or value on `line` (1-based), where the file gives one."""

    def key_label(self, lang: Lang) -> str:
        """The dotted key, or "(file)" in `lang` for a problem with the whole file."""
        return self.key or t("content.whole_file", lang)

    def text(self, lang: Lang) -> str:
        """The whole line in `lang`: `path:line:column: key: [Warning: ]message`."""
        where = f"{self.path}:{self.line}" if self.line else str(self.path)
        if self.line and self.column:
            where += f":{self.column}"
        key = self.key_label(lang)
        prefix = (
            "" if self.severity == "error" else f"{t('content.severity.' + self.severity, lang)}: "
        )
        return f"{where}: {key}: {prefix}{self.message.text(lang)}"

    def __str__(self) -> str:
        """English, for logs; a screen or command shows `text(lang)`."""
        return self.text("en")

    def as_dict(self, lang: Lang) -> dict[str, Any]:
        """Shape used by `validate --format json`, the message in `lang`."""
        return {
            "path": str(self.path),
            "key": self.key,
            "line": self.line,
            "column": self.column,
            "severity": self.severity,
            "message": self.message.text(lang),
        }


Err = Callable[[str, CatalogText], None]
"""How a check reports a problem: the dotted key and what is wrong there."""


def report_duplicates(ids: list[str], key: str, err: Err) -> None:
    """Each id that appears a second time under `key`, by name (an id must be unique)."""
    seen: set[str] = set()
    for ident in ids:
        if ident in seen:
            err(f"{key}.{ident}", CatalogText("content.check.duplicate_id", ident=ident))
        seen.add(ident)


def did_you_mean(word: str, candidates: Iterable[str]) -> CatalogText:
    """A ' (did you mean "x"?)' suffix, or nothing when nothing is close."""
    match = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.6)
    return CatalogText("content.did_you_mean", word=match[0]) if match else CatalogText.nothing()


def key_path(loc: Sequence[int | str], data: Any) -> str:
    """Render a pydantic location as a dotted path, naming list items by their id.

    `nodes.first-look.choices.wait.next` is easier to find in a file than `nodes[3]...`."""
    parts: list[str] = []
    node: Any = data
    for item in loc:
        if isinstance(item, int):
            child = node[item] if isinstance(node, list) and item < len(node) else None
            ident = child.get("id") if isinstance(child, dict) else None
            parts.append(ident if isinstance(ident, str) and ident else f"[{item + 1}]")
            node = child
        else:
            if isinstance(node, dict) and item in node:
                parts.append(item)
                node = node[item]
            elif isinstance(node, dict) and item in ("decision", "reply", "ending"):
                continue  # discriminator tag pydantic inserts; not a key in the file
            else:
                parts.append(item)
                node = None
    rendered = ""
    for part in parts:
        rendered += part if part.startswith("[") or not rendered else "." + part
    return rendered


def data_loc(loc: Sequence[int | str], data: Any) -> Loc:
    """A pydantic location as a path into the parsed data: the discriminator tags pydantic
    inserts for a node's type (`nodes, 3, "decision", ...`) are left out."""
    out: list[int | str] = []
    node: Any = data
    for item in loc:
        if isinstance(item, int):
            node = node[item] if isinstance(node, list) and item < len(node) else None
        elif isinstance(node, dict) and item in node:
            node = node[item]
        elif isinstance(node, dict) and item in ("decision", "reply", "ending"):
            continue
        else:
            node = None
        out.append(item)
    return tuple(out)


def positions_by_key(text: str, data: Any) -> dict[str, Position]:
    """Positions of every key and value, by the dotted key path problems use
    (`nodes.first-look.choices.wait.next`). Where an id is used twice, the later item wins:
    the duplicate is the one to point at."""
    found = positions(text)
    out: dict[str, Position] = {}
    for loc, at in found.keys.items():
        out[key_path(loc, data)] = at
    for loc, at in found.values.items():
        rendered = key_path(loc, data)
        if not isinstance(loc[-1], int) or rendered not in out:
            out[rendered] = at
    return out


def locate(key: str, by_key: dict[str, Position]) -> Position | None:
    """The position of `key`, else of its nearest parent that has one. A key naming a list item
    (`nodes.intro`) points at the item's `id = ...` line: for a duplicate, the second one."""
    if f"{key}.id" in by_key:
        return by_key[f"{key}.id"]
    while key:
        if key in by_key:
            return by_key[key]
        cut = max(key.rfind("."), key.rfind("["))
        key = key[:cut] if cut > 0 else ""
    return None


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
    "union_tag_invalid": "content.node_type",
    "union_tag_not_found": "content.node_type_missing",
}
"""pydantic's error types that need no detail, and the sentence for each."""


def _message(err: Any, field_names: set[str]) -> CatalogText:
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
        return CatalogText("content.one_of", expected=ctx.get("expected", ""))
    if kind in _TYPE_KEYS:
        return CatalogText(_TYPE_KEYS[kind], got=_describe(err.get("input")))
    if kind in _LIMIT_KEYS:
        names = ("gt", "ge", "lt", "le", "min_length", "max_length")
        limit = next((ctx[k] for k in names if k in ctx), "")
        limit = f"{limit:g}" if isinstance(limit, float) else limit
        return CatalogText(_LIMIT_KEYS[kind], limit=limit, got=_describe(err.get("input")))
    if kind == "value_error":
        error = ctx.get("error")
        if isinstance(error, ContentMessage):
            return CatalogText(error.key, **error.values)
    message = str(err["msg"])
    if message.startswith("Value error, "):
        message = message[len("Value error, ") :]
    return CatalogText.verbatim(message)


def _extra_key(unknown: str, field_names: set[str]) -> CatalogText:
    """A key the table does not have: a real key in the wrong table, or a typo."""
    if unknown in field_names:
        # A real key in the wrong table: usually written below a [section] it does not
        # belong to (TOML puts every key after a header into that table).
        return CatalogText("content.misplaced_key", name=unknown)
    return CatalogText("content.unknown_key", name=unknown) + did_you_mean(unknown, field_names)


def from_validation_error(
    path: Path, error: ValidationError, data: Any, text: str, field_names: set[str]
) -> list[ContentProblem]:
    """Turn pydantic's errors into one problem per mistake, each at the line (and column) of
    the offending key or value, with suggestions for typos."""
    found = positions(text)
    problems: list[ContentProblem] = []
    for err in error.errors():
        loc = data_loc(err["loc"], data)
        kind = err["type"]
        if kind == "extra_forbidden":
            at = found.keys.get(loc) or found.find(loc)
        elif kind == "missing":
            at = found.find(loc[:-1])
        else:
            cause = (err.get("ctx") or {}).get("error")
            inner = cause.at if isinstance(cause, ContentMessage) else None
            at = (found.keys.get((*loc, inner)) if inner else None) or found.find(loc)
        problems.append(
            ContentProblem(
                path,
                key_path(err["loc"], data),
                _message(err, field_names),
                at.line if at else None,
                column=at.column if at else None,
            )
        )
    # The most useful first: a misspelt key (with its suggestion) explains the "missing" one.
    order = {"extra_forbidden": 0, "missing": 2}
    kinds = [order.get(err["type"], 1) for err in error.errors()]
    return [p for _, _, p in sorted(zip(kinds, range(len(problems)), problems, strict=True))]


def add_lines(path: Path, problems: list[ContentProblem]) -> list[ContentProblem]:
    """Problems found after parsing, at the line and column of the key they name (the file is
    read again only when there is something to point at)."""
    if not problems or all(p.line for p in problems):
        return problems
    try:
        text = path.read_text(encoding="utf-8-sig")
        data = tomllib.loads(text)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return problems
    by_key = positions_by_key(text, data)
    out: list[ContentProblem] = []
    for p in problems:
        at = None if p.line else locate(p.key, by_key)
        out.append(p if at is None else dataclasses.replace(p, line=at.line, column=at.column))
    return out
