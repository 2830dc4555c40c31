"""TOML text to Python data, about twice as fast as `tomllib`, with `tomllib`'s answers.

Content files are large (the built-in library is 2.4 MB of TOML) and parsing them was most of
every start-up's loading time. `tomllib` is the standard library's copy of tomli; tomli's own
wheels are the same parser compiled with mypyc, which reads the built-in library in half the
time. Same parser, same TOML version, same data (a property test holds them to that). Its
errors are turned back into `tomllib`'s (the same message, from the same code), so callers
catch one exception type whichever parser ran. rtoml (Rust) was tried and is faster still,
but it reads TOML 1.1 (`\\e` and `\\x1b` escapes, times without seconds), so a control
character could arrive in text by a way the loader does not look for; tomli reads TOML 1.1
from 2.4 on, so pyproject pins it below that.
"""

from __future__ import annotations

import tomllib
from typing import Any

import tomli


def parse_toml(text: str) -> dict[str, Any]:
    """The document's data; raises `tomllib.TOMLDecodeError` (or `RecursionError`, for
    thousands of nested brackets) where `tomllib.loads` would."""
    try:
        return tomli.loads(text)
    except tomli.TOMLDecodeError:
        return tomllib.loads(text)  # raises the standard library's error, worded the same


def not_utf8_at(exc: UnicodeDecodeError) -> tuple[int, int]:
    """Line and column (in characters, as an editor counts them) of the first byte that is
    not UTF-8, for content and result files alike. `exc.object` is what was decoded (for a
    content file, the file without a byte order mark), valid UTF-8 up to `exc.start`."""
    before = bytes(exc.object[: exc.start])
    line_start = before.rfind(b"\n") + 1
    column = len(before[line_start:].decode("utf-8", "replace")) + 1
    return before.count(b"\n") + 1, column
