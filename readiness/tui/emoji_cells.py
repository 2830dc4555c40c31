"""Emoji that terminals and Rich measure differently are drawn as wide as Rich laid them out.

Rich counts an emoji with a variation selector (🗑️ = U+1F5D1 U+FE0F, ➡️) and a joined
sequence (👩‍💻) as one character two cells wide. Many terminals (tmux, the Linux console,
older xterm and VTE) draw the base character one cell wide and ignore the selector, or
draw each part of a joined sequence on its own: the rest of the line then sits one or two
cells off, so box borders shift and characters are left behind. This filter rewrites every
painted line so that both agree: the selector becomes a space (the base character plus a
space fill the two cells Rich counted), and a joined sequence keeps only its first emoji
(two cells, as counted).
"""

from __future__ import annotations

import re

from rich.segment import Segment
from textual.color import Color
from textual.filter import LineFilter

VARIATION = "\ufe0f"
JOINER = "\u200d"
_SELECTOR = re.compile("\ufe0f\u20e3?")  # a keycap (1️⃣) carries a combining mark after it
_JOINED = re.compile("(?:\u200d[^\u200d]\ufe0f?)+")


def terminal_safe(text: str) -> str:
    """`text` with the same cell width for Rich and for any terminal (see the module)."""
    if VARIATION not in text and JOINER not in text:
        return text
    return _SELECTOR.sub(" ", _JOINED.sub("", text))


class EmojiCellFilter(LineFilter):
    """Applies `terminal_safe` to every painted line, whatever widget drew it."""

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        if not any(VARIATION in s.text or JOINER in s.text for s in segments):
            return segments
        return [
            Segment(terminal_safe(s.text), s.style, s.control)
            if VARIATION in s.text or JOINER in s.text
            else s
            for s in segments
        ]
