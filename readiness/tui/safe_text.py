"""What the TUI shows is text, never instructions: no markup, no terminal control sequences.

Content, pseudonyms, inject authors and file names are written by other people. Textual
parses a plain `str` as markup in notifications, `Static`, `Label` and border titles, so
`Lokalzeitung [link=https://lz.de]` would crash the screen and `Reporter [WDR]` would lose
"[WDR]". And a raw ESC inside any text would reach the terminal and wipe it. The loaders
already turn control characters into visible stand-ins (`readiness.text_safety`); this
module is the screen's own last line: a line filter that drops any that still arrive, and
helpers that build markup-free text.
"""

from __future__ import annotations

import re

from rich.segment import Segment
from textual.color import Color
from textual.content import Content
from textual.filter import ANSIToTruecolor, LineFilter

from readiness.text_safety import CONTROL_CHARACTERS, acts_on_terminal, strip_controls, visible
from readiness.tui.emoji_cells import JOINER, VARIATION, EmojiCellFilter


def plain(text: str) -> Content:
    """`text` as Textual content that is never parsed as markup, controls made visible.
    Use it for border titles and anything else Textual would read as markup."""
    return Content(visible(text))


class ControlFilter(LineFilter):
    """Removes control characters from every painted line, whatever widget drew it.

    Textual counts them as zero cells wide, so removing them keeps every line exactly as
    wide as laid out (a visible stand-in would push the line one cell too far)."""

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        if not any(acts_on_terminal(segment.text) for segment in segments):
            return segments
        return [
            Segment(strip_controls(s.text), s.style, s.control) if acts_on_terminal(s.text) else s
            for s in segments
        ]


_REWRITTEN = re.compile(f"[{CONTROL_CHARACTERS}{VARIATION}{JOINER}]")
"""Any character one of the two filters below would change."""


class ScreenTextFilter(LineFilter):
    """Textual's conversion of terminal colours to true colour (`ANSIToTruecolor`, when it is
    the only filter Textual applies, as it is unless NO_COLOR or a debug filter is set), then
    `ControlFilter`, then `EmojiCellFilter`, as one filter: what the app applies to every
    painted line.

    Each filter applied to a new line costs a pass over its segments and a new `Strip` with
    its caches: with Textual's and the two of ours, 10-14 µs a line, one to three
    milliseconds of a step's frame in the player. One filter does the three passes in turn,
    and one search over the line's text decides whether the last two have anything to do
    (almost no line has)."""

    def __init__(self, truecolor: ANSIToTruecolor | None = None) -> None:
        super().__init__()
        self.truecolor = truecolor
        """Textual's colour conversion, applied first; None when Textual applies its own."""
        self._controls = ControlFilter()
        self._emoji = EmojiCellFilter()

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        if self.truecolor is not None:
            segments = self.truecolor.apply(segments, background)
        if _REWRITTEN.search("".join([segment.text for segment in segments])) is None:
            return segments
        return self._emoji.apply(self._controls.apply(segments, background), background)
