"""The built-in library, loaded once per test process (each xdist worker loads it once)."""

from __future__ import annotations

from functools import cache

from readiness.content.loader import Library, load_library


@cache
def builtin_library() -> Library:
    """Built-in content only (no user folders from the developer's environment)."""
    return load_library()
