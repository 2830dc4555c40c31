"""A parsed copy of each language's catalogs, so a start does not parse 67 KB of TOML.

Python's TOML parser is written in Python: reading one language's catalogs took about 9 ms
of every start of the app (a seventh of what it adds to a bare Textual app), while the same
entries load from JSON in well under a millisecond. The copy lives in the user's cache folder
(`READINESS_CACHE_DIR` moves it; `off` turns it off), one file per language, and names the
catalog files it was made from with their sizes and modification times: a catalog edited,
added or removed since makes it stale, and the catalogs are parsed again and the copy
rewritten (atomically). A copy that cannot be read or written is ignored: it only saves time.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path

import platformdirs

from readiness.atomic_file import atomic_write_text

ENV_VAR = "READINESS_CACHE_DIR"
FORMAT = 1
"""Bumped when the file's layout changes, so an old copy is not misread."""

Stamp = list[list[object]]


def cache_folder() -> Path | None:
    """Where the copies go, or None when caching is off."""
    chosen = os.environ.get(ENV_VAR, "")
    if chosen.lower() == "off":
        return None
    if chosen:
        return Path(chosen)
    return Path(platformdirs.user_cache_dir("readiness", appauthor=False))


def stamp(paths: list[Path]) -> Stamp | None:
    """What the copy must have been made from: each file's path, size and modification time
    (None if one cannot be read: then no copy is used)."""
    found: Stamp = []
    for path in paths:
        try:
            info = path.stat()
        except OSError:
            return None
        found.append([str(path), info.st_size, info.st_mtime_ns])
    return found


def load(lang: str, made_from: Stamp) -> dict[str, str] | None:
    """The cached entries of `lang` if the copy was made from exactly these files."""
    folder = cache_folder()
    if folder is None:
        return None
    try:
        data = json.loads((folder / f"catalog-{lang}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return None
    entries = data.get("entries")
    if data.get("stamp") != made_from or not isinstance(entries, dict):
        return None
    if not all(isinstance(k, str) and isinstance(v, str) for k, v in entries.items()):
        return None
    return entries


def store(lang: str, made_from: Stamp, entries: dict[str, str]) -> None:
    """Write the copy (temporary file and rename: a reader never sees half of it)."""
    folder = cache_folder()
    if folder is None:
        return
    text = json.dumps(
        {"format": FORMAT, "stamp": made_from, "entries": entries}, ensure_ascii=False
    )
    with contextlib.suppress(OSError):
        atomic_write_text(folder / f"catalog-{lang}.json", text)
