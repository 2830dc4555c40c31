"""Writing a file whole or not at all, with nothing heavier than the standard library.

`readiness.storage` (results, reports, the workshop's files) and the language catalogs' cache
(`readiness.i18n.catalog_cache`, read at every start, where importing the storage module and
its pydantic models would cost more than the cache saves) write through this one function.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def atomic_write_text(path: Path, text: str, mode: int | None = None) -> None:
    """Write a temp file in the same folder, then rename: a crash leaves old or new, never half.
    `mode`: permissions for the file (default: private to the user, as `mkstemp` makes it)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        if mode is not None and hasattr(os, "fchmod"):  # not on Windows before 3.13
            os.fchmod(fd, mode)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
