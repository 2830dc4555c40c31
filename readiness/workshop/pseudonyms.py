"""Pseudonyms in a shared workshop folder: checked, and claimed once per browser session.

A browser participant may only ever see their own results. Their results are found by
pseudonym, so two browser sessions must never share one: a session claims its pseudonym by
creating `_participants/<slug>` exclusively (atomic on every file system we support), and a
pseudonym already used by a result file in the folder is refused as well."""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path
from typing import Literal

from readiness.storage import _slug as slug

MAX_LENGTH = 40
CLAIMS = "_participants"
"""Folder of claims; the leading underscore keeps it out of result scans."""

Problem = Literal["empty", "too_long", "invalid", "taken"]


def clean(text: str) -> str:
    """The pseudonym as stored: surrounding space removed, inner runs of space collapsed."""
    return " ".join(text.split())


def problem(text: str) -> Problem | None:
    """Why this pseudonym cannot be used (before looking at the folder), or None."""
    name = clean(text)
    if not name:
        return "empty"
    if len(name) > MAX_LENGTH:
        return "too_long"
    if any(unicodedata.category(ch).startswith("C") for ch in name):
        return "invalid"
    return None


def in_use(folder: Path, name: str) -> bool:
    """True if a result file or a claim in `folder` already carries this pseudonym."""
    key = slug(clean(name))
    if (folder / CLAIMS / key).exists():
        return True
    return any(folder.glob(f"{key}--*.toml")) if folder.is_dir() else False


def claim(folder: Path, name: str, team: str = "") -> Problem | None:
    """Reserve `name` for this session; None on success, else why not.

    The exclusive create is the arbiter: of two sessions typing the same name at the same
    moment, exactly one wins."""
    reason = problem(name)
    if reason is not None:
        return reason
    name = clean(name)
    key = slug(name)
    if any(folder.glob(f"{key}--*.toml")) if folder.is_dir() else False:
        return "taken"
    claims = folder / CLAIMS
    claims.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(claims / key, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        return "taken"
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(f"{name}\n{clean(team)}\n")
    return None
