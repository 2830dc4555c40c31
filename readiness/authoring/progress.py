"""A one-line progress bar for long authoring runs (`simulate`): on a terminal only, so a
piped or redirected run stays quiet and its output stays clean for scripts."""

from __future__ import annotations

import time
from typing import TextIO

from readiness.i18n import Lang, t

WIDTH = 30
"""Characters of the bar itself."""

INTERVAL = 0.1
"""Seconds between redraws: fast enough to look alive, rare enough to cost nothing."""


class ProgressBar:
    """Draws `[#####.....] 40/100` on one line of `stream` and clears it when done."""

    def __init__(self, total: int, stream: TextIO, label: str, lang: Lang) -> None:
        self.total = max(total, 1)
        self.lang = lang
        self.stream = stream
        self.label = label
        self.active = _is_terminal(stream)
        self._controls: TextIO = getattr(stream, "raw", stream)
        """Where the bar's own carriage return and line clearing go: past the CLI's
        `VisibleStream`, which would print them as symbols."""
        self._last = 0.0

    def __call__(self, done: int) -> None:
        if not self.active:
            return
        now = time.monotonic()
        if now - self._last < INTERVAL and done < self.total:
            return
        self._last = now
        filled = WIDTH * done // self.total
        bar = "#" * filled + "." * (WIDTH - filled)
        self._controls.write("\r")
        self.stream.write(
            t("author.progress", self.lang, label=self.label, bar=bar, done=done, total=self.total)
        )
        self.stream.flush()

    def finish(self) -> None:
        """Remove the bar so the report starts on a clean line."""
        if self.active and self._last:
            self.stream.flush()
            self._controls.write("\r\033[K")
            self._controls.flush()


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
