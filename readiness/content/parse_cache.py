"""Remembered results of reading unchanged content files, keyed by their bytes.

The app reads the whole library again and again: at start, after `play --watch` sees a save,
for every command of a test run, for the dashboard. Parsing and checking a file costs far
more than reading it, so a file whose bytes (SHA-256) did not change is not parsed or
checked again. The key holds the path too (problems name it) and everything else the
result depends on; results are shared, never changed by their users (content models are
read-only by convention, problems are immutable)."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable
from typing import Generic, TypeVar

V = TypeVar("V")

SIZE = 512
"""Files remembered per cache: the built-in library is about 40, a trainer's folder a few
dozen more; enough for a session, small enough to never matter for memory."""


class ResultCache(Generic[V]):
    """A small least-recently-used map, safe to use from the loading thread and the UI."""

    def __init__(self, size: int = SIZE) -> None:
        self._size = size
        self._items: OrderedDict[Hashable, V] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable) -> V | None:
        with self._lock:
            value = self._items.get(key)
            if value is not None:
                self._items.move_to_end(key)
            return value

    def put(self, key: Hashable, value: V) -> None:
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self._size:
                self._items.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
