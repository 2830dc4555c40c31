"""Read a workshop folder again and again, cheaply: only changed files are parsed.

The dashboard polls every second. Parsing 40 result files each time would be fine, but
1,000 would not, so each file is parsed once per change (mtime, size, inode) and the rest
comes from a cache. Files starting with `_` or `.` (the control file, temp files of atomic
writes) are not results and are skipped."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from readiness.errors import ResultFileError
from readiness.models.results import AnyResult
from readiness.storage import load_result

Stamp = tuple[int, int, int]


@dataclass
class Scan:
    """The folder's readable results and, per unreadable file, why."""

    results: list[tuple[Path, AnyResult]] = field(default_factory=list)
    unreadable: list[ResultFileError] = field(default_factory=list)
    changed: bool = False
    """Something was added, changed or removed since the previous scan."""


class FolderScanner:
    """Keeps the last parse of every result file in a folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._cache: dict[Path, tuple[Stamp, AnyResult | ResultFileError]] = {}

    def scan(self) -> Scan:
        """Stat every file, parse the changed ones; never raises for a bad file."""
        seen: dict[Path, tuple[Stamp, AnyResult | ResultFileError]] = {}
        changed = False
        try:
            paths = sorted(self.folder.glob("*.toml"))
        except OSError:
            paths = []
        for path in paths:
            if path.name.startswith(("_", ".")):
                continue
            try:
                st = path.stat()
            except OSError:
                continue  # removed between glob and stat
            stamp = (st.st_mtime_ns, st.st_size, st.st_ino)
            cached = self._cache.get(path)
            if cached is not None and cached[0] == stamp:
                seen[path] = cached
                continue
            changed = True
            try:
                seen[path] = (stamp, load_result(path))
            except ResultFileError as exc:
                seen[path] = (stamp, exc)
        if set(seen) != set(self._cache):
            changed = True
        self._cache = seen
        scan = Scan(changed=changed)
        for path, (_, item) in seen.items():
            if isinstance(item, ResultFileError):
                scan.unreadable.append(item)
            else:
                scan.results.append((path, item))
        return scan
