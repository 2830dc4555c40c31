"""Text from content, result files and people reaches terminals: show control characters,
never let them act.

An ESC byte in a title or pseudonym is an instruction to the terminal (wipe the screen, set
the window title, write the clipboard). Every place where such text leaves the program — the
CLI's stdout and stderr, the TUI's screen, data loaded from files — maps these characters to
visible stand-ins, so a hostile or broken file shows what it contains and does nothing else.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from typing import Any

BIDI_CONTROLS = {
    0x061C: "ALM",
    0x200E: "LRM",
    0x200F: "RLM",
    0x202A: "LRE",
    0x202B: "RLE",
    0x202C: "PDF",
    0x202D: "LRO",
    0x202E: "RLO",
    0x2066: "LRI",
    0x2067: "RLI",
    0x2068: "FSI",
    0x2069: "PDI",
}
"""Invisible characters that change the direction in which the text around them is shown:
a U+202E (RLO) before "3 elbat" makes it read "table 3" in a browser and in terminals
that reorder right-to-left text, so a name or title can pose as something else. Shown as their
abbreviation in angle quotes (‹RLO›) like the control characters; by name so a reader
can look them up."""

_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"

CONTROL_CHARACTERS = f"\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI}"
"""The characters `visible` replaces, as the inside of a regular expression's character class
(for a caller that looks for them together with characters of its own)."""

_CONTROL = re.compile(f"[{CONTROL_CHARACTERS}]")
"""C0 controls except tab and newline, DEL, the C1 controls (U+0080..U+009F) and the
direction controls (`BIDI_CONTROLS`)."""

_FORBIDDEN = re.compile(f"[\x00-\x1f\x7f-\x9f{_BIDI}]")
"""Characters not allowed in a one-line value such as a pseudonym (tab and newline too)."""


def _stand_in(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code in BIDI_CONTROLS:
        return f"\u2039{BIDI_CONTROLS[code]}\u203a"  # ‹RLO›
    if code < 0x20:
        return chr(0x2400 + code)  # U+2400 CONTROL PICTURES: ␀ … ␛ … ␟
    if code == 0x7F:
        return "\u2421"  # ␡
    # A C1 control is the 8-bit form of ESC plus a letter (U+009B is ESC [): show it so.
    return "\u241b" + chr(code - 0x40)


def visible(text: str) -> str:
    """`text` with every control character except newline and tab replaced by a visible
    stand-in of the same meaning (ESC becomes ␛, U+009B becomes ␛[, U+202E becomes ‹RLO›)."""
    if not _CONTROL.search(text):
        return text
    return _CONTROL.sub(_stand_in, text)


def acts_on_terminal(text: str) -> bool:
    """True if `text` holds a character `visible` would replace (one a terminal obeys)."""
    return _CONTROL.search(text) is not None


def has_control(text: str) -> bool:
    """True if `text` holds a control character (tab and newline included) or a direction
    control: such a value cannot be a pseudonym or a team name."""
    return _FORBIDDEN.search(text) is not None


def strip_controls(text: str) -> str:
    """`text` without control characters other than newline and tab. For a place that
    cannot change the width of what it shows (terminal cells were already counted)."""
    return _CONTROL.sub("", text)


def visible_data(data: Any) -> Any:
    """Parsed TOML (dicts, lists, strings, numbers) with `visible` applied to every string,
    keys included. Iterative, so nesting depth never matters; returns new containers."""
    return map_strings(data, visible)


def map_strings(data: Any, change: Callable[[str], str]) -> Any:
    """`data` (dicts, lists and scalars) with `change` applied to every string, dict keys
    included; new containers, built without recursion."""
    if isinstance(data, str):
        return change(data)
    if not isinstance(data, dict | list):
        return data
    root: Any = {} if isinstance(data, dict) else []
    stack: list[tuple[Any, Any]] = [(data, root)]
    while stack:
        source, target = stack.pop()
        items = source.items() if isinstance(source, dict) else enumerate(source)
        for key, value in items:
            if isinstance(value, dict | list):
                copy: Any = {} if isinstance(value, dict) else []
                stack.append((value, copy))
                value = copy
            elif isinstance(value, str):
                value = change(value)
            if isinstance(target, dict):
                target[change(key) if isinstance(key, str) else key] = value
            else:
                target.append(value)
    return root


def repair_unicode(text: str) -> str:
    """`text` without lone surrogates, which no file can store. Surrogates from a terminal
    that is not UTF-8 (Python's surrogateescape) are read back as Latin-1, so "J\udcf6rg"
    typed on such a terminal becomes "Jörg"; any other becomes U+FFFD."""
    if not any(0xD800 <= ord(ch) <= 0xDFFF for ch in text):
        return text
    try:
        raw = text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        return text.encode("utf-8", "replace").decode("utf-8")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def nesting_depth(data: Any) -> int:
    """How deeply lists and tables nest in parsed data (a scalar is 0), computed without
    recursion."""
    deepest = 0
    stack: list[tuple[Any, int]] = [(data, 0)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict):
            children: Any = value.values()
        elif isinstance(value, list):
            children = value
        else:
            continue
        depth += 1
        deepest = max(deepest, depth)
        stack.extend((child, depth) for child in children if isinstance(child, dict | list))
    return deepest


class VisibleStream(io.TextIOBase):
    """A text stream that writes through to another with `visible` applied: what the CLI
    prints can never drive the terminal, whatever a content file or name contains."""

    def __init__(self, target: Any) -> None:
        super().__init__()
        self._target = target

    def write(self, text: str) -> int:
        self._target.write(visible(text))
        return len(text)

    @property
    def raw(self) -> Any:
        """The stream underneath, for the program's own control sequences only (a progress
        bar's carriage return), never for text from a file or a name."""
        return self._target

    def flush(self) -> None:
        self._target.flush()

    def isatty(self) -> bool:
        return bool(self._target.isatty())

    def fileno(self) -> int:
        return int(self._target.fileno())

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return str(getattr(self._target, "encoding", "utf-8"))

    @property
    def errors(self) -> str | None:  # type: ignore[override]
        return getattr(self._target, "errors", None)

    def writable(self) -> bool:
        return True
