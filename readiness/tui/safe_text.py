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

from rich.segment import Segment
from textual.color import Color
from textual.content import Content
from textual.filter import LineFilter

from readiness.text_safety import acts_on_terminal, strip_controls, visible


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
