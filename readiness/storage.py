"""Result files on disk: atomic writes, unique names, tolerant reads."""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import tempfile
import tomllib
from datetime import UTC, datetime
from pathlib import Path

import tomli_w
from pydantic import ValidationError

from readiness.errors import StorageError
from readiness.models.results import AnyResult, AssessmentResult, ScenarioResult
from readiness.settings import RESULTS_ENV, default_results_dir

__all__ = ["RESULTS_ENV", "default_results_dir"]


def now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def new_run_id() -> str:
    """Time-sortable and unique even when two participants start in the same second."""
    return now().strftime("%Y%m%dT%H%M%S") + "-" + secrets.token_hex(4)


def _slug(text: str) -> str:
    slug = re.sub(r"[^A-Za-z0-9_-]+", "-", text).strip("-").lower()
    return slug[:40] or "anonymous"


def result_path(folder: Path, result: AnyResult) -> Path:
    """One file per participant and run; the run id makes collisions impossible."""
    return folder / f"{_slug(result.participant)}--{result.content_id}--{result.run_id}.toml"


def runs_glob(participant: str, content_id: str = "*") -> str:
    """The file names `result_path` gives this participant's runs: lets a lookup read only
    those files instead of every result in a workshop folder. Slugs can collide, so callers
    still check the participant stored inside."""
    return f"{_slug(participant)}--{content_id}--*.toml"


def atomic_write_text(path: Path, text: str) -> None:
    """Write a temp file in the same folder, then rename: a crash leaves old or new, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def save_result(folder: Path, result: AnyResult) -> Path:
    """Save a run; returns the path. Called after every answer or step."""
    result.updated_at = now()
    path = result_path(folder, result)
    data = result.model_dump(mode="python", exclude_none=True)
    try:
        atomic_write_text(path, tomli_w.dumps(data))
    except OSError as exc:
        raise StorageError(f"cannot save results to {folder}: {exc.strerror or exc}") from exc
    return path


def load_result(path: Path) -> AnyResult:
    """Read one result file; raises StorageError with a one-sentence reason."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise StorageError(f"{path}: cannot read result file: {exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise StorageError(f"{path}: not a valid result file: {exc}") from exc
    kind = data.get("kind")
    try:
        if kind == "assessment":
            return AssessmentResult.model_validate(data)
        if kind == "scenario":
            return ScenarioResult.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = ".".join(str(p) for p in first["loc"])
        raise StorageError(f"{path}: {loc}: {first['msg']}") from exc
    raise StorageError(f'{path}: kind must be "assessment" or "scenario"')


def scan_results(
    folder: Path, pattern: str = "*.toml"
) -> tuple[list[tuple[Path, AnyResult]], list[str]]:
    """Every readable result in a folder (matching `pattern`), and a message per unreadable
    (half-written) one."""
    good: list[tuple[Path, AnyResult]] = []
    bad: list[str] = []
    if not folder.is_dir():
        return good, bad
    for path in sorted(folder.glob(pattern)):
        if path.name.startswith(("_", ".")):
            continue
        try:
            good.append((path, load_result(path)))
        except StorageError as exc:
            bad.append(str(exc))
    return good, bad


def find_unfinished(
    folder: Path, content_id: str, participant: str
) -> list[tuple[Path, AnyResult]]:
    """Unfinished runs of this content by this participant, newest first: offered for resume."""
    runs, _ = scan_results(folder, runs_glob(participant, content_id))
    found = [
        (p, r)
        for p, r in runs
        if r.content_id == content_id and r.participant == participant and not r.finished
    ]
    return sorted(found, key=lambda pr: pr[1].updated_at, reverse=True)
