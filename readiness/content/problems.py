"""Problems found in content files, collected rather than raised so a validator reports all."""

from __future__ import annotations

import dataclasses
import tomllib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import ValidationError

from readiness.content.positions import Loc, Position, positions
from readiness.i18n import Lang, t
from readiness.i18n.catalog_text import CatalogText
from readiness.models.message import ContentMessage
from readiness.validation_messages import pydantic_message

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
    whole: Literal["file", "folder"] = "file"
    """What a problem without a key is about: the whole file, or a folder named to load."""

    def key_label(self, lang: Lang) -> str:
        """The dotted key, or "(file)" ("(folder)") in `lang` for a problem with the whole
        file (folder)."""
        return self.key or t(f"content.whole_{self.whole}", lang)

    def text(self, lang: Lang) -> str:
        """The whole line in `lang`: `path:line:column: key: [Warning: ]message[ [code]]`, the
        code (`expert-longest`) at the end where the problem has one, as the authoring guide
        names it."""
        where = f"{self.path}:{self.line}" if self.line else str(self.path)
        if self.line and self.column:
            where += f":{self.column}"
        key = self.key_label(lang)
        prefix = (
            "" if self.severity == "error" else f"{t('content.severity.' + self.severity, lang)}: "
        )
        code = f" [{self.code}]" if self.code else ""
        return f"{where}: {key}: {prefix}{self.message.text(lang)}{code}"

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
            "code": self.code or None,
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
                pydantic_message(err, field_names),
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
