"""A numbered row whose label wraps under itself: the rows of every answer and choice list."""

from __future__ import annotations

from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.text import Text


class HangingRow:
    """A fixed-width head ("1 ( )") and a label that wraps under itself, not under the head.

    A tiny renderable instead of a Rich table: options are rendered on every question or
    decision change, and a table costs several times as much to lay out."""

    def __init__(self, head: Text, label: Text, gap: int = 1) -> None:
        self.head = head
        self.label = label
        self.indent = head.cell_len + gap

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        lines = self.label.wrap(console, max(1, options.max_width - self.indent))
        out = self.head.copy()
        out.append(" " * (self.indent - self.head.cell_len))
        for i, line in enumerate(lines):
            if i:
                out.append("\n" + " " * self.indent)
            out.append_text(line)
        yield out

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(self.indent + 1, self.indent + self.label.cell_len)
