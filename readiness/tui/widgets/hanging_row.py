"""A numbered row whose label wraps under itself, and a stack of rows: every answer and
choice list, and the result screen's lists. Both are Textual `Visual`s with Rich text
inside: Textual measures and draws them without going through Rich's console.

A Rich renderable in a widget is measured by rendering it whole through Rich's console just
to count its lines, and rendered through it again (and cut into lines again) to draw it: on
the result screen that was 9 ms of its first frame at 120x40 (the lists of gaps, caps and
next steps), and every choice of the player and every answer of a question went the same
way. A row here wraps its label once per width, and keeps its drawn lines per width and
style, so a list that is measured, drawn and redrawn wraps once and draws once.
"""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Iterable, Sequence
from functools import cache

from rich.cells import cell_len
from rich.console import Console
from rich.containers import Lines
from rich.segment import Segment
from rich.text import Text
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual

LabelWraps = dict[int, Lines]
"""A label's wrapped lines per width, kept by the list that owns the label: a row rebuilt
because its marker changed ("( )" to "(•)") does not wrap its label again."""


@cache
def _console() -> Console:
    """For wrapping and rendering text: Rich needs a console for both (its cell widths and
    named styles), not a terminal. Never printed to."""
    return Console(width=80, color_system="truecolor", legacy_windows=False)


def _as_text(text: Text | str) -> Text:
    """Text from content files goes in as `Text` or plain `str`: never parsed as markup."""
    return text if isinstance(text, Text) else Text(text)


class Drawn:
    """What a row or a stack keeps per width: its lines, and their strips per style."""

    __slots__ = ("lines", "strips")

    def __init__(self, lines: list[Text]) -> None:
        self.lines = lines
        self.strips: dict[Style, list[Strip]] = {}

    def render(self, style: Style, height: int | None) -> list[Strip]:
        strips = self.strips.get(style)
        if strips is None:
            # Joined first, as Rich renders a text: a line's own style (a bold heading)
            # becomes a span of it; rendered alone, a line without spans loses it.
            segments = Text("\n").join(self.lines).render(_console())
            base = style.rich_style
            strips = self.strips[style] = [
                Strip(list(Segment.apply_style(line, base)))
                for line in Segment.split_lines(segments)
            ]
        return strips if height is None else strips[:height]


def _wrapped(text: Text, width: int) -> list[Text]:
    """`text` in lines that fit `width`, as Rich wraps a text it renders."""
    return list(text.wrap(_console(), max(1, width)))


class WrappedLines(Visual):
    """A visual drawn from the lines it works out for a width (`lines`): kept per width, so
    Textual's measuring (`get_height`) and drawing (`render_strips`) wrap it once."""

    def __init__(self) -> None:
        self._drawn: dict[int, Drawn] = {}

    @abstractmethod
    def lines(self, width: int) -> list[Text]:
        """The lines at `width`, each fitting it."""

    def at_width(self, width: int) -> Drawn:
        """The lines at `width` and their strips, worked out once per width."""
        drawn = self._drawn.get(width)
        if drawn is None:
            drawn = self._drawn[width] = Drawn(self.lines(width))
        return drawn

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        return self.at_width(width).render(style, height)

    def get_height(self, rules: RulesMap, width: int) -> int:
        return len(self.at_width(width).lines)


class HangingRow(WrappedLines):
    """A fixed-width head ("1 ( )") and a label that wraps under itself, not under the head."""

    def __init__(
        self,
        head: Text | str,
        label: Text | str,
        gap: int = 1,
        wraps: LabelWraps | None = None,
    ) -> None:
        self.head = _as_text(head)
        self.label = _as_text(label)
        self.indent = self.head.cell_len + gap
        self._wraps: LabelWraps = {} if wraps is None else wraps
        super().__init__()

    @property
    def plain(self) -> str:
        """The row's text on one line, as a reader of the list would say it."""
        return f"{self.head.plain} {self.label.plain}"

    def lines(self, width: int) -> list[Text]:
        # The head keeps its own style; the label does not take it on (the player once drew
        # every choice in bold because the label inherited the number's style).
        first = Text.assemble(self.head, " " * (self.indent - self.head.cell_len))
        if width <= self.indent:  # no room to hang: wrapped as one text
            return _wrapped(Text.assemble(first, self.label), width)
        label_width = width - self.indent
        wrapped = self._wraps.get(label_width)
        if wrapped is None:
            wrapped = self._wraps[label_width] = self.label.wrap(_console(), label_width)
        pad = " " * self.indent
        return [
            Text.assemble(first if i == 0 else pad, line)
            for i, line in enumerate(list(wrapped) or [Text()])
        ]

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return self.indent + self.label.cell_len

    def get_minimal_width(self, rules: RulesMap) -> int:
        return self.indent + 1


Row = HangingRow | Text | str


class Rows(WrappedLines):
    """Rows stacked top to bottom, each at the full width: a text or a `HangingRow`.

    What a Rich `Group` of them did for the result screen's lists."""

    def __init__(self, rows: Iterable[Row]) -> None:
        self.rows: Sequence[HangingRow | Text] = [
            row if isinstance(row, HangingRow) else _as_text(row) for row in rows
        ]
        super().__init__()

    @property
    def plain(self) -> str:
        """The rows' text, one row per line."""
        return "\n".join(row.plain for row in self.rows)

    def lines(self, width: int) -> list[Text]:
        lines: list[Text] = []
        for row in self.rows:
            lines.extend(
                row.at_width(width).lines if isinstance(row, HangingRow) else _wrapped(row, width)
            )
        return lines

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        widths = [
            row.get_optimal_width(rules, container_width)
            if isinstance(row, HangingRow)
            else max((cell_len(line) for line in row.plain.split("\n")), default=0)
            for row in self.rows
        ]
        return max(widths, default=0)
