"""A numbered row whose label wraps under itself: the rows of every answer and choice list."""

from __future__ import annotations

from rich.console import Console, ConsoleOptions, RenderResult
from rich.containers import Lines
from rich.measure import Measurement
from rich.segment import Segment
from rich.text import Text

LabelWraps = dict[int, Lines]
"""A label's wrapped lines per width, kept by the list that owns the label: a row rebuilt
because its marker changed ("( )" to "(•)") does not wrap its label again."""


class HangingRow:
    """A fixed-width head ("1 ( )") and a label that wraps under itself, not under the head.

    A tiny renderable instead of a Rich table: options are rendered on every question or
    decision change, and a table costs several times as much to lay out. Textual renders a
    list option twice per change (once to measure its height, once to draw it), so the
    segments are kept per width, and the row hands Rich lines that already fit instead of a
    text that Rich would wrap a second time."""

    def __init__(
        self, head: Text, label: Text, gap: int = 1, wraps: LabelWraps | None = None
    ) -> None:
        self.head = head
        self.label = label
        self.indent = head.cell_len + gap
        self._wraps: LabelWraps = {} if wraps is None else wraps
        self._segments: dict[int, list[Segment]] = {}

    def _text(self, console: Console, width: int) -> Text:
        label_width = max(1, width - self.indent)
        lines = self._wraps.get(label_width)
        if lines is None:
            lines = self._wraps[label_width] = self.label.wrap(console, label_width)
        out = self.head.copy()
        out.append(" " * (self.indent - self.head.cell_len))
        for i, line in enumerate(lines):
            if i:
                out.append("\n" + " " * self.indent)
            out.append_text(line)
        return out

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        out = self._text(console, width)
        # Every line fits `width` already, so Rich's own wrap of `out` (default justify,
        # folding) would give the same lines back: skip it where that holds.
        plain = out.plain
        if (
            width <= self.indent
            or options.justify not in (None, "default")
            or options.overflow not in (None, "fold")
            or options.no_wrap
            or "\t" in plain
            or out.justify is not None
            or out.overflow is not None
        ):
            yield out
            return
        segments = self._segments.get(width)
        if segments is None:
            # What `Text.__rich_console__` yields for lines that need no wrapping.
            lines = Text("\n").join(out.split("\n", allow_blank=True))
            segments = self._segments[width] = list(lines.render(console, end=out.end))
        yield from segments

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(self.indent + 1, self.indent + self.label.cell_len)
