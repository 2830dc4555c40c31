"""Pseudonyms in a shared workshop folder: checked, and claimed once per browser session.

A browser participant may only ever see their own results. Their results are found by
pseudonym, so two browser sessions must never share one: a session claims its pseudonym by
creating `_participants/<slug>` exclusively (atomic on every file system we support), and a
pseudonym already used by a result file in the folder is refused as well.

Coming back: a claim remembers a fingerprint (SHA-256) of the browser's device token, a
random cookie the server gives every browser. The same pseudonym typed again in the same
browser is that participant's own again (their results come back with it); typed in any
other browser it stays refused, so nobody can take over someone else's pseudonym.

Names saved before non-Latin letters got slugs of their own: claims and result files made
then are named with the old slug (`readiness.storage.legacy_slug`: "Jörg" was "j-rg", Юрия
and 李 both "anonymous"). They still count for the name stored inside them, and only for it:
the same browser gets its pseudonym and results back, any other is refused, and a different
name that shared the old slug is not."""

from __future__ import annotations

import hashlib
import hmac
import os
import unicodedata
from pathlib import Path
from typing import Literal

from readiness.storage import _slug as slug
from readiness.storage import legacy_slug, scan_results

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
    if (folder / CLAIMS / key).exists() or _legacy_claim(folder, name) is not None:
        return True
    return has_results(folder, name)


def _legacy_key(name: str) -> str | None:
    """The old slug of `name` (see the module docstring) if it differs from today's."""
    name = clean(name)
    old = legacy_slug(name)
    return old if old != slug(name) else None


def _legacy_claim(folder: Path, name: str) -> Path | None:
    """The claim made for `name` under its old slug, if any. Old slugs were shared by
    different names, so the claim's first line (the name as claimed) must be this one."""
    old = _legacy_key(name)
    if old is None:
        return None
    path = folder / CLAIMS / old
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    return path if lines and slug(clean(lines[0])) == slug(clean(name)) else None


def claim(folder: Path, name: str, team: str = "", device: str = "") -> Problem | None:
    """Reserve `name` for this session; None on success, else why not.

    The exclusive create is the arbiter: of two sessions typing the same name at the same
    moment, exactly one wins. A claim made earlier from the same `device` (see the module
    docstring) is taken up again; without a device token nothing is ever taken up again."""
    reason = problem(name)
    if reason is not None:
        return reason
    name = clean(name)
    key = slug(name)
    claims = folder / CLAIMS
    if same_device(claims / key, device):
        return None  # the same browser coming back
    legacy = _legacy_claim(folder, name)
    if legacy is not None:
        if not same_device(legacy, device):
            return "taken"
        return _carry_over(legacy, claims / key, device)
    if has_results(folder, name):
        return "taken"
    claims.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(claims / key, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        return "taken"
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        lines = [name, clean(team)] + ([_fingerprint(device)] if device else [])
        handle.write("".join(line + "\n" for line in lines))
    return None


def _carry_over(legacy: Path, path: Path, device: str) -> Problem | None:
    """The same browser coming back to a claim made under the old slug: the claim moves to
    today's name (its lines unchanged), so the next lookups find it directly."""
    try:
        text = legacy.read_text(encoding="utf-8")
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        return None if same_device(path, device) else "taken"
    except (OSError, UnicodeDecodeError):
        return None  # the old claim still says whose the name is
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)
    return None


def has_results(folder: Path, name: str) -> bool:
    """True if result files carry this pseudonym (a participant coming back). Files named
    with the old slug count only if the name stored inside is this one."""
    if not folder.is_dir():
        return False
    key = slug(clean(name))
    if any(folder.glob(f"{key}--*.toml")):
        return True
    old = _legacy_key(name)
    if old is None:
        return False
    runs, _ = scan_results(folder, f"{old}--*.toml")
    return any(slug(clean(result.participant)) == key for _, result in runs)


def claimed_as(folder: Path, name: str) -> tuple[str, str]:
    """The pseudonym as first spelled and the team first given, for a participant coming
    back ("fox" finds the runs of "Fox"); `name` itself and "" if there is no claim."""
    path = folder / CLAIMS / slug(clean(name))
    if not path.exists():
        path = _legacy_claim(folder, name) or path
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return clean(name), ""
    first = lines[0] if lines and lines[0] else clean(name)
    return first, lines[1] if len(lines) > 1 else ""


def _fingerprint(device: str) -> str:
    """What a claim stores of the device token: its SHA-256, never the token itself."""
    return hashlib.sha256(device.encode()).hexdigest() if device else ""


def _claimed_by(path: Path) -> str:
    """The device fingerprint of an existing claim ("" for none, an old or unreadable one)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return ""
    stored = lines[2] if len(lines) > 2 else ""
    return stored if len(stored) == 64 else ""


def same_device(path: Path, device: str) -> bool:
    """True if the claim at `path` was made from `device` (compared in constant time)."""
    stored, given = _claimed_by(path), _fingerprint(device)
    return bool(stored and given) and hmac.compare_digest(stored, given)
