"""Where `readiness serve` listens and the limits of a room (documented in docs/workshop.md,
"Limits"): plain numbers, apart from the server, so the command line can show them in its
help without importing the server (sockets, hashing) on every start of the app."""

from __future__ import annotations

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
LOOPBACK = ("127.0.0.1", "localhost", "::1")
MAX_SESSIONS = 60
PER_ADDRESS = 3
"""Sessions at once from one browser address (one laptop, a few tabs)."""
IDLE_MINUTES = 20.0
