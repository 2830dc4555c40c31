"""Join codes: short, unambiguous when read off a projector, checked in constant time."""

from __future__ import annotations

import hmac
import secrets

ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
"""No 0/O, 1/I/L: nobody in the back row has to guess which one is on the screen."""
LENGTH = 6
MAX_ATTEMPTS = 5
"""Wrong codes a browser session may enter before it is closed."""
ENV_VAR = "READINESS_JOIN_CODE"
"""How `readiness serve` hands the code to the participant sessions it starts."""


def new_code(length: int = LENGTH) -> str:
    """A fresh random code, e.g. `K7MPQ3` (31^6 ≈ 887 million possibilities)."""
    return "".join(secrets.choice(ALPHABET) for _ in range(length))


def normalise(text: str) -> str:
    """What the participant typed, as the code is printed: case, spaces and dashes ignored."""
    return "".join(ch for ch in text.upper() if ch.isascii() and ch.isalnum())


def matches(given: str, expected: str) -> bool:
    """True if `given` is the join code; compared in constant time."""
    if not expected:
        return False
    return hmac.compare_digest(normalise(given).encode(), normalise(expected).encode())


class JoinGate:
    """Counts attempts: after `MAX_ATTEMPTS` wrong codes the session gets nowhere."""

    def __init__(self, expected: str, max_attempts: int = MAX_ATTEMPTS) -> None:
        self._expected = expected
        self.max_attempts = max_attempts
        self.failures = 0
        self.opened = False

    @property
    def locked(self) -> bool:
        """No attempts left: the session must end."""
        return not self.opened and self.failures >= self.max_attempts

    @property
    def attempts_left(self) -> int:
        return max(0, self.max_attempts - self.failures)

    def try_code(self, given: str) -> bool:
        """Check one attempt; a locked gate stays shut even for the right code."""
        if self.locked:
            return False
        if matches(given, self._expected):
            self.opened = True
            return True
        self.failures += 1
        return False
