"""Real time for the crisis player: how much passed since the last tick, paused or not.

Kept apart from the screen so the screen only decides what to repaint; the time source is
injectable (`TIME_SOURCE` in `scenario_player`) so tests make countdowns expire on demand."""

from __future__ import annotations

from collections.abc import Callable

TimeSource = Callable[[], float]

SMOOTH_TICKS = 5
"""Numbers that change all the time (meters, likes) are repainted every this many ticks
(once a second at five ticks a second), so an idle exercise draws about two small frames a
second."""
METERS_PHASE = 2
"""The tick (of every `SMOOTH_TICKS`) on which the meters are repainted; the likes go on
tick 0. Textual repaints the rectangle around everything that changed in a frame, so the
feed (left) and the meters (right) changing together would repaint the whole screen."""
DRAFT_SAVE_SECONDS = 3.0
"""A reply being written is saved at most this often, so a killed terminal keeps it."""


class PlayerClock:
    """Measures real time between ticks and says which slow-changing parts are due."""

    def __init__(self, source: TimeSource) -> None:
        self.source = source
        self.paused = True
        self._last = source()
        self._draft_saved_at = self._last
        self._ticks = 0

    def now(self) -> float:
        return self.source()

    def restart(self) -> None:
        """Running again (after the briefing or a pause): the time away does not count."""
        self._last = self.source()
        self.paused = False

    def elapsed(self) -> float:
        """Seconds since the last call (never negative)."""
        now = self.source()
        elapsed, self._last = max(0.0, now - self._last), now
        return elapsed

    def draft_due(self) -> bool:
        """True at most every `DRAFT_SAVE_SECONDS`: time to save the reply being written."""
        now = self.source()
        if now - self._draft_saved_at < DRAFT_SAVE_SECONDS:
            return False
        self._draft_saved_at = now
        return True

    def next_tick(self) -> tuple[bool, bool]:
        """Count a tick; (likes due, meters due) on their own ticks of each second."""
        self._ticks += 1
        phase = self._ticks % SMOOTH_TICKS
        return phase == 0, phase == METERS_PHASE
