"""Save results on a background thread, in order, so a slow disk never freezes the screen.

`storage.save_result` writes atomically and fsyncs; on a busy disk that can take longer than
a frame. The question screen hands each change to this saver instead: a snapshot of the run
is queued at once and written by one thread, strictly in the order the changes were made,
so the newest state always lands last.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from readiness import storage
from readiness.errors import StorageError
from readiness.models.results import AssessmentResult


class BackgroundSaver:
    """A drop-in for `storage.save_result` that returns at once and writes on a thread."""

    def __init__(self, on_error: Callable[[StorageError], None]) -> None:
        """`on_error` is called on the saver's thread with the error of a failed save. It
        must not wait for the UI thread: that thread may itself be waiting in `close`."""
        self._on_error = on_error
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="readiness-save")
        self._last: Future[Path] | None = None
        self.failed: StorageError | None = None
        """The error of the newest save if it failed; None once a later save succeeds."""

    def __call__(self, folder: Path, result: AssessmentResult) -> Path:
        """Queue a snapshot of `result`; returns the path it will be written to."""
        snapshot = result.model_copy(deep=True)
        self._last = self._executor.submit(self._write, folder, snapshot)
        return storage.result_path(folder, result)

    def _write(self, folder: Path, result: AssessmentResult) -> Path:
        try:
            path = storage.save_result(folder, result)
        except StorageError as exc:
            self.failed = exc
            self._on_error(exc)
            raise
        self.failed = None
        return path

    def flush(self) -> None:
        """Wait until everything queued so far is on disk (errors were already reported)."""
        last = self._last
        if last is not None:
            with contextlib.suppress(StorageError):
                last.result()

    def close(self) -> None:
        """Write what is queued, then stop the thread."""
        self._executor.shutdown(wait=True)
