"""A cell grid that replays the updates Textual sends to the terminal, for the benchmarks.

Textual sometimes writes a region again although nothing in it changed (a second layout pass
after a widget changed size re-sends the same cells). Such a write takes time but shows
nothing new, so "when did the screen stop changing" has to be answered by what the cells
hold, not by how many writes there were. `Recorder` keeps every update with its time;
`VisibleScreen` applies them in order and says which of them changed a cell.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from typing import Any

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual._compositor import ChopsUpdate, LayoutUpdate

Cell = tuple[str, str]


class VisibleScreen:
    """What the terminal shows: a character and a visible style per cell."""

    def __init__(self) -> None:
        self.cells: dict[tuple[int, int], Cell] = {}
        self._styles: dict[Style | None, str] = {}

    def _look(self, style: Style | None) -> str:
        """The visible part of a style (links and click metadata do not show)."""
        look = self._styles.get(style)
        if look is None:
            look = str(style.clear_meta_and_links()) if style is not None else ""
            self._styles[style] = look
        return look

    def _write(self, x: int, y: int, segments: Iterable[Segment], x1: int, x2: int) -> bool:
        changed = False
        cells = self.cells
        for segment in segments:
            if segment.control:
                continue
            look = self._look(segment.style)
            for char in segment.text:
                if x1 <= x < x2:
                    cell = (char, look)
                    if cells.get((x, y)) != cell:
                        cells[(x, y)] = cell
                        changed = True
                x += cell_len(char)
        return changed

    def rows(self, width: int, height: int) -> list[str]:
        """The characters on screen, one string per row (for tests)."""
        return [
            "".join(self.cells.get((x, y), (" ", ""))[0] for x in range(width))
            for y in range(height)
        ]

    def reversed_text(self, width: int, height: int) -> list[str]:
        """Per row, the characters drawn reversed, where there are any (for tests: which
        title is marked)."""
        found = []
        for y in range(height):
            row = "".join(
                char
                for char, look in (self.cells.get((x, y), (" ", "")) for x in range(width))
                if "reverse" in look
            )
            if row.strip():
                found.append(row.strip())
        return found

    def apply(self, update: Any) -> bool:
        """Apply one compositor update; True when any cell now looks different."""
        changed = False
        if isinstance(update, LayoutUpdate):
            region = update.region
            for y, line in enumerate(update.strips, region.y):
                x = region.x
                for strip in line:
                    changed |= self._write(x, y, strip, region.x, region.right)
                    x += strip.cell_length
        elif isinstance(update, ChopsUpdate):
            for y, x1, x2 in update.spans:
                for x, strip in update.chops[y].items():
                    if strip is not None:
                        changed |= self._write(x, y, strip, x1, x2)
        return changed


class Recorder:
    """Wraps `app._display`: keeps each update and the time it was sent."""

    def __init__(self, app: Any) -> None:
        self.screen = VisibleScreen()
        self._pending: list[tuple[float, Any]] = []
        original: Callable[[Any, Any], None] = app._display

        def display(screen: Any, renderable: Any) -> None:
            if renderable is not None:
                self._pending.append((time.perf_counter(), renderable))
            original(screen, renderable)

        app._display = display

    def frames(self, start: float, size: tuple[int, int]) -> list[list[str]]:
        """Like `since`, but the screen's rows after each update sent after `start` that
        changed a cell: what the participant saw, frame by frame."""
        pending, self._pending = self._pending, []
        shown = []
        for sent, update in pending:
            if self.screen.apply(update) and sent >= start:
                shown.append(self.screen.rows(*size))
        return shown

    def since(self, start: float) -> list[tuple[float, bool]]:
        """Apply everything sent so far; (seconds after `start`, changed a cell?) for each
        update sent after `start`."""
        pending, self._pending = self._pending, []
        out = []
        for sent, update in pending:
            changed = self.screen.apply(update)
            if sent >= start:
                out.append((sent - start, changed))
        return out
