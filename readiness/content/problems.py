"""Problems found in content files, collected rather than raised so a validator reports all."""

from __future__ import annotations

import dataclasses
import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import ValidationError

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class ContentProblem:
    """One thing wrong with one file, addressed by a dotted key path."""

    path: Path
    key: str
    message: str
    line: int | None = None
    severity: Severity = "error"
    code: str = ""
    """A stable name for the kind of problem (e.g. `expert-longest`), for tools and tests
    that must tell one warning from another whatever the language; '' where none is set."""

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else str(self.path)
        key = self.key or "(file)"
        prefix = "warning: " if self.severity == "warning" else ""
        return f"{where}: {key}: {prefix}{self.message}"

    def as_dict(self) -> dict[str, Any]:
        """Shape used by `validate --format json`."""
        return {
            "path": str(self.path),
            "key": self.key,
            "line": self.line,
            "severity": self.severity,
            "message": self.message,
        }


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """A ' (did you mean "x"?)' suffix, or '' when nothing is close."""
    match = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.6)
    return f' (did you mean "{match[0]}"?)' if match else ""


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


def line_of(text: str, key: str) -> int | None:
    """Best-effort line number: the `id = "..."` line of the deepest named item in the key."""
    for part in reversed(key.replace("[", ".").split(".")):
        if not part or part.endswith("]"):
            continue
        for number, line in enumerate(text.splitlines(), start=1):
            stripped = line.strip()
            if stripped.startswith("id") and f'"{part}"' in stripped:
                return number
    if key and "." not in key and "[" not in key:
        # A top-level key: its `key = ...` line before the first table, or its table header.
        in_tables = False
        for number, line in enumerate(text.splitlines(), start=1):
            stripped = line.strip()
            if stripped.startswith((f"[{key}]", f"[[{key}]]")):
                return number
            in_tables = in_tables or stripped.startswith("[")
            after = stripped[len(key) :].lstrip()
            if not in_tables and stripped.startswith(key) and after.startswith("="):
                return number
    return None


_PATTERN_MESSAGES = {
    r"^[a-z0-9][a-z0-9_\-]*$": 'must be an id: lowercase letters, digits, "-" and "_", '
    "starting with a letter or digit",
    r"^\d+(\.\d+){0,2}$": 'must be a version such as "1.0" or "2.1.3"',
    r"^\d{2}:\d{2}$": 'must be a time of day such as "09:00"',
}
"""Plain words for the patterns our models use, instead of a regular expression."""


def from_validation_error(
    path: Path, error: ValidationError, data: Any, text: str, field_names: set[str]
) -> list[ContentProblem]:
    """Turn pydantic's errors into one problem per mistake, with suggestions for typos."""
    problems: list[ContentProblem] = []
    for err in error.errors():
        loc = tuple(err["loc"])
        key = key_path(loc, data)
        kind = err["type"]
        if kind == "extra_forbidden":
            unknown = str(loc[-1]) if loc else ""
            message = f'unknown key "{unknown}"' + did_you_mean(unknown, field_names)
        elif kind == "missing":
            message = "required key is missing"
        elif kind == "union_tag_invalid":
            message = 'type must be "decision", "reply" or "ending"'
        elif kind == "union_tag_not_found":
            message = 'needs a type: "decision", "reply" or "ending"'
        elif kind == "string_pattern_mismatch":
            pattern = str(err.get("ctx", {}).get("pattern", ""))
            message = _PATTERN_MESSAGES.get(pattern, str(err["msg"]))
        elif kind == "literal_error":
            expected = err.get("ctx", {}).get("expected", "")
            message = f"must be one of {expected}"
        else:
            message = str(err["msg"])
            if message.startswith("Value error, "):
                message = message[len("Value error, ") :]
        problems.append(ContentProblem(path, key, message, line_of(text, key)))
    return problems


def add_lines(path: Path, problems: list[ContentProblem]) -> list[ContentProblem]:
    """Problems found after parsing, with best-effort line numbers (the file is read again only
    when there is something to point at)."""
    if not problems or all(p.line for p in problems):
        return problems
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return problems
    return [p if p.line else dataclasses.replace(p, line=line_of(text, p.key)) for p in problems]
