"""Save results on a background thread, in order, so a slow disk never freezes the screen.

`storage.save_result` writes atomically and fsyncs; on a busy disk that can take longer than
a frame. The question screen hands each change to this saver instead: a snapshot of the run
is written by one thread, strictly in the order the changes were made, so the newest state
always lands last.

The thread does not make the work free: Python runs one thread at a time, and turning the
run into TOML holds that lock for milliseconds, so a save started by a key slowed the frame
that answers it (8–10 ms of the 30–40 from the last answer to the result screen, and all of
its spread). With `defer`, the screen hands the newest state over once its frame is painted;
changes made before then (an answer and the finish it leads to) are written once.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from readiness import storage
from readiness.errors import StorageError
from readiness.models.results import AssessmentResult

Defer = Callable[[Callable[[], None]], object]
"""Runs a callback later on the caller's own thread (the screen: once its frame is painted)."""


class BackgroundSaver:
    """A drop-in for `storage.save_result` that returns at once and writes on a thread."""

    def __init__(
        self, on_error: Callable[[StorageError], None], defer: Defer | None = None
    ) -> None:
        """`on_error` is called on the saver's thread with the error of a failed save. It
        must not wait for the UI thread: that thread may itself be waiting in `close`.

        `defer`: when given, a change is snapshotted and queued when the callback it is
        given runs (or at `flush` / `close`, whichever comes first), not at once."""
        self._on_error = on_error
        self._defer = defer
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="readiness-save")
        self._last: Future[Path] | None = None
        self._waiting: tuple[Path, AssessmentResult] | None = None
        """The newest change not yet handed to the thread (only with `defer`)."""
        self.failed: StorageError | None = None
        """The error of the newest save if it failed; None once a later save succeeds."""

    def __call__(self, folder: Path, result: AssessmentResult) -> Path:
        """Queue `result` (a snapshot of it as it is now, or when handed over with `defer`);
        returns the path it will be written to."""
        if self._defer is None:
            self._queue(folder, result)
        else:
            first = self._waiting is None
            self._waiting = (folder, result)
            if first:
                self._defer(self.hand_over)
        return storage.result_path(folder, result)

    def hand_over(self) -> None:
        """Queue the newest change not yet queued, as it is now (a no-op if there is none)."""
        waiting, self._waiting = self._waiting, None
        if waiting is not None:
            self._queue(*waiting)

    def _queue(self, folder: Path, result: AssessmentResult) -> None:
        snapshot = result.model_copy(deep=True)
        self._last = self._executor.submit(self._write, folder, snapshot)

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
        """Wait until every change so far is on disk (errors were already reported)."""
        self.hand_over()
        last = self._last
        if last is not None:
            with contextlib.suppress(StorageError):
                last.result()

    def close(self) -> None:
        """Write what is waiting or queued, then stop the thread."""
        self.hand_over()
        self._executor.shutdown(wait=True)
