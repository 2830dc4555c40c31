"""Result files on disk: atomic writes, unique names, tolerant reads."""

from __future__ import annotations

import contextlib
import hashlib
import math
import os
import re
import secrets
import stat
import tempfile
import time
import tomllib
import unicodedata
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypedDict

import tomli_w
from pydantic import ValidationError

from readiness.atomic_file import atomic_write_text as atomic_write_text  # re-exported
from readiness.errors import ResultFileError, StorageError, UsageError
from readiness.i18n.catalog_text import CatalogText
from readiness.i18n.os_reason import os_reason
from readiness.models.results import SCHEMA_VERSION, AnyResult, AssessmentResult, ScenarioResult
from readiness.text_safety import map_strings, nesting_depth, repair_unicode, visible_data
from readiness.toml_parse import not_utf8_at, parse_toml

if TYPE_CHECKING:
    from readiness.models.assessment import Assessment
    from readiness.models.scenario import Scenario


def now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def new_run_id() -> str:
    """Time-sortable and unique even when two participants start in the same second."""
    return now().strftime("%Y%m%dT%H%M%S") + "-" + secrets.token_hex(4)


class NewHeader(TypedDict):
    """The header every new result starts with, whichever kind it is."""

    run_id: str
    content_id: str
    content_version: str
    content_hash: str
    content_title: str
    translation_id: str
    language: str
    participant: str
    team: str
    started_at: datetime
    updated_at: datetime


def new_header(
    content: Assessment | Scenario, content_hash: str, participant: str, team: str
) -> NewHeader:
    """A new run's identity: a fresh run id, which content (and version) it is of, who, and
    when it started (and was last changed: now)."""
    started = now()
    return NewHeader(
        run_id=new_run_id(),
        content_id=content.id,
        content_version=content.version,
        content_hash=content_hash,
        content_title=content.title,
        translation_id=content.translation_id or "",
        language=content.language,
        participant=participant,
        team=team,
        started_at=started,
        updated_at=started,
    )


def _slug(text: str) -> str:
    """The pseudonym's part of a file name: letters and digits of any script, lower case.

    Юрия stays юрия and 李 stays 李 (readable, and two such names never share a slug); a
    name with no letter or digit at all (emoji, punctuation) gets a short hash instead, so
    it is not mistaken for someone else's."""
    name = unicodedata.normalize("NFC", text)
    slug = re.sub(r"[^\w-]+", "-", name).strip("-_").lower()[:40].strip("-")
    if slug:
        return slug
    if not text.strip():
        return "anonymous"
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:10]
    return f"p-{digest}"


def result_path(folder: Path, result: AnyResult) -> Path:
    """One file per participant and run; the run id makes collisions impossible."""
    return folder / f"{_slug(result.participant)}--{result.content_id}--{result.run_id}.toml"


def legacy_slug(text: str) -> str:
    """The pseudonym's part of a file name before non-Latin names got their own: ASCII
    letters and digits only, so "Jörg" was saved as "j-rg" and Юрия, 李 and 🦊 all as
    "anonymous". Runs saved that way are still looked up under it (`participant_slugs`)."""
    return re.sub(r"[^A-Za-z0-9_-]+", "-", text).strip("-").lower()[:40] or "anonymous"


def participant_slugs(participant: str) -> list[str]:
    """Every slug this participant's runs can be saved under: today's, then the old one if
    it differs. Old slugs collide ("anonymous"), so callers check the name stored inside."""
    return list(dict.fromkeys((_slug(participant), legacy_slug(participant))))


def runs_glob(participant: str, content_id: str = "*") -> str:
    """The file names `result_path` gives this participant's runs: lets a lookup read only
    those files instead of every result in a workshop folder. Slugs can collide, so callers
    still check the participant stored inside."""
    return f"{_slug(participant)}--{content_id}--*.toml"


def runs_globs(participant: str, content_id: str = "*") -> list[str]:
    """`runs_glob` and the same under the old slug (`legacy_slug`): also finds runs saved
    before the slug of a non-ASCII name changed."""
    return [f"{slug}--{content_id}--*.toml" for slug in participant_slugs(participant)]


def write_output_file(path: Path, text: str, replace_link: bool = False) -> None:
    """Write a report the user named with `-o`: safely, whatever is at that path.

    A regular file (or none) is replaced atomically, keeping the old file's permissions.
    A FIFO, a terminal or a device such as /dev/null is written to as a stream, never
    replaced. A symbolic link is refused unless `replace_link` (`--force`) says to replace
    it. Every failure is one sentence (StorageError or UsageError), not a traceback."""
    try:
        info: os.stat_result | None = path.lstat()
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise StorageError(
            CatalogText("storage.cannot_write", path=path, reason=os_reason(exc))
        ) from exc
    if info is not None and stat.S_ISLNK(info.st_mode) and not replace_link:
        raise UsageError(CatalogText("storage.symlink", path=path))
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise UsageError(CatalogText("storage.is_folder", path=path))
    try:
        if info is not None and not stat.S_ISREG(info.st_mode) and not stat.S_ISLNK(info.st_mode):
            with open(path, "w", encoding="utf-8") as stream:
                stream.write(text)
            return
        # A replaced file keeps its permissions; a replaced link's own (always 0777) are not
        # a file's: the report is private, as a new one is.
        kept = info is not None and stat.S_ISREG(info.st_mode)
        atomic_write_text(path, text, mode=stat.S_IMODE(info.st_mode) if info and kept else None)
    except OSError as exc:
        raise StorageError(
            CatalogText("storage.cannot_write", path=path, reason=os_reason(exc))
        ) from exc


def save_result(folder: Path, result: AnyResult) -> Path:
    """Save a run; returns the path. Called after every answer or step."""
    result.updated_at = now()
    path = result_path(folder, result)
    data = result.model_dump(mode="python", exclude_none=True)
    try:
        atomic_write_text(path, tomli_w.dumps(data))
    except OSError as exc:
        raise StorageError(
            CatalogText("storage.cannot_save", folder=folder, reason=os_reason(exc))
        ) from exc
    except (UnicodeError, ValueError, TypeError) as exc:
        # A pseudonym from a terminal that is not UTF-8 holds lone surrogates: no file can
        # store it. Say so instead of losing every answer without a word.
        raise StorageError(CatalogText("storage.not_unicode", folder=folder, detail=exc)) from exc
    _drop_legacy_copy(folder, result, path)
    return path


def _drop_legacy_copy(folder: Path, result: AnyResult, path: Path) -> None:
    """A run resumed from a file named with the old slug (`legacy_slug`) is now saved under
    today's name: remove the old file, or the run would be listed twice. Same run id, so it
    is this run's own earlier copy; if it cannot be removed, it stays (nothing is lost)."""
    old = folder / f"{legacy_slug(result.participant)}--{result.content_id}--{result.run_id}.toml"
    if old != path:
        with contextlib.suppress(OSError):
            old.unlink()


RECOVERY_FOLDER = "readiness-unsaved"
"""Subfolder of the system's temp folder for runs that could not be saved where asked."""


def save_recovery_copy(result: AnyResult) -> Path | None:
    """Save a run that could not be written to its results folder into a private folder
    under the system's temp folder; returns the file, or None if that fails too.

    Text that is not valid Unicode is repaired (`repair_unicode`), so every answer
    survives."""
    folder = Path(tempfile.gettempdir()) / RECOVERY_FOLDER
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
        return save_result(folder, result)
    except (StorageError, OSError):
        pass
    try:
        data = map_strings(result.model_dump(mode="python"), repair_unicode)
        return save_result(folder, type(result).model_validate(data))
    except (StorageError, OSError, ValueError):
        return None


STALE_TEMP_SECONDS = 60
"""A temp file this old belongs to no running save: every save takes well under a second."""


def remove_stale_temp_files(folder: Path) -> int:
    """Delete `.<name>.toml.*.tmp` files a killed save left in `folder`; returns how many.

    Only files older than a minute go, so a save running right now in another session
    keeps its temp file."""
    removed = 0
    cutoff = time.time() - STALE_TEMP_SECONDS
    try:
        candidates = list(folder.glob(".*.toml.*.tmp"))
    except OSError:
        return 0
    for path in candidates:
        try:
            info = path.lstat()
            if stat.S_ISREG(info.st_mode) and info.st_mtime < cutoff:
                path.unlink()
                removed += 1
        except OSError:
            continue
    return removed


MAX_RESULT_NESTING = 16
"""Result files nest four levels; anything far deeper is not one of ours."""


def _non_finite(data: dict[str, Any]) -> str | None:
    """Key path of the first nan or inf in a result, or None. Reports compute means from
    these numbers; one nan would turn a group report's JSON invalid."""
    stack: list[tuple[str, Any]] = [("", data)]
    while stack:
        key, value = stack.pop()
        if isinstance(value, float) and not math.isfinite(value):
            return key or "value"
        if isinstance(value, dict):
            stack.extend((f"{key}.{k}" if key else str(k), v) for k, v in value.items())
        elif isinstance(value, list):
            stack.extend((f"{key}[{i + 1}]", v) for i, v in enumerate(value))
    return None


def _with_timezone(result: AnyResult) -> AnyResult:
    """Times written by hand without a timezone (`2027-01-01T10:00:00`) are read as UTC,
    the zone readiness writes, so they compare with every other result's times."""

    def aware(moment: datetime) -> datetime:
        return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)

    result.started_at = aware(result.started_at)
    result.updated_at = aware(result.updated_at)
    if isinstance(result, AssessmentResult):
        for answer in result.answers.values():
            if answer.answered_at is not None:
                answer.answered_at = aware(answer.answered_at)
    return result


def _toml_problem(exc: tomllib.TOMLDecodeError) -> CatalogText:
    """A result file that is not TOML, with tomllib's reason worded and its position."""
    # Imported when a file is broken: tomllib's messages are compiled patterns, no start-up
    # work for every command that reads results.
    from readiness.toml_messages import toml_error_parts

    line, column, worded, at_end = toml_error_parts(exc)
    if at_end:
        return CatalogText("storage.invalid_at_end", message=worded)
    if line is None or column is None:
        return CatalogText("storage.invalid", message=worded)
    return CatalogText("storage.invalid_at", message=worded, line=line, column=column)


def _field_problem(exc: ValidationError, kind: object) -> CatalogText:
    """The first key of a result file that does not fit the model, with pydantic's reason
    worded as the content validator words it (a wrong type, a missing key, a typo)."""
    from readiness.validation_messages import pydantic_message

    first = exc.errors()[0]
    model = AssessmentResult if kind == "assessment" else ScenarioResult
    key = ".".join(str(p) for p in first["loc"])
    return CatalogText(
        "storage.field",
        field=key,
        message=pydantic_message(first, set(model.model_fields)),
    )


def load_result(path: Path) -> AnyResult:
    """Read one result file; raises ResultFileError with a one-sentence reason."""
    try:
        data = parse_toml(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ResultFileError(
            path, CatalogText("storage.cannot_read", reason=os_reason(exc))
        ) from exc
    except UnicodeDecodeError as exc:
        line, column = not_utf8_at(exc)
        raise ResultFileError(
            path, CatalogText("storage.not_utf8", line=line, column=column)
        ) from exc
    except tomllib.TOMLDecodeError as exc:
        raise ResultFileError(path, _toml_problem(exc)) from exc
    except RecursionError as exc:
        raise ResultFileError(path, CatalogText("storage.too_deep")) from exc
    if nesting_depth(data) > MAX_RESULT_NESTING:
        raise ResultFileError(path, CatalogText("storage.too_deep"))
    version = data.get("schema_version", SCHEMA_VERSION)
    if isinstance(version, int) and not isinstance(version, bool) and version > SCHEMA_VERSION:
        raise ResultFileError(path, CatalogText("storage.newer", version=version))
    # Control characters in names, notes and replies become visible stand-ins here, so no
    # screen, report or command output ever passes them to a terminal.
    data = visible_data(data)
    kind = data.get("kind")
    result: AnyResult
    try:
        if kind == "assessment":
            result = AssessmentResult.model_validate(data)
        elif kind == "scenario":
            result = ScenarioResult.model_validate(data)
        else:
            raise ResultFileError(path, CatalogText("storage.kind"))
    except ValidationError as exc:
        raise ResultFileError(path, _field_problem(exc, kind)) from exc
    problem = _non_finite(result.model_dump())
    if problem is not None:
        raise ResultFileError(path, CatalogText("storage.not_finite", field=problem))
    return _with_timezone(result)


def scan_results(
    folder: Path, pattern: str | Sequence[str] = "*.toml"
) -> tuple[list[tuple[Path, AnyResult]], list[ResultFileError]]:
    """Every readable result in a folder (matching `pattern`, or any of several), and why
    each unreadable (half-written) one could not be read."""
    good: list[tuple[Path, AnyResult]] = []
    bad: list[ResultFileError] = []
    if not folder.is_dir():
        return good, bad
    patterns = [pattern] if isinstance(pattern, str) else list(pattern)
    for path in sorted({p for glob in patterns for p in folder.glob(glob)}):
        if path.name.startswith(("_", ".")):
            continue
        try:
            good.append((path, load_result(path)))
        except ResultFileError as exc:
            bad.append(exc)
    return good, bad


def find_unfinished(
    folder: Path, content_id: str, participant: str
) -> list[tuple[Path, AnyResult]]:
    """Unfinished runs of this content by this participant, newest first: offered for resume."""
    runs, _ = scan_results(folder, runs_globs(participant, content_id))
    found = [
        (p, r)
        for p, r in runs
        if r.content_id == content_id and r.participant == participant and not r.finished
    ]
    return sorted(found, key=lambda pr: pr[1].updated_at, reverse=True)
