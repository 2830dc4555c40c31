"""Text in SVG charts without a browser: estimate widths, wrap into lines, emit tspans.

An SVG has no text flow, so a label that is longer than its room is simply cut at the
viewBox edge ("ommunity management & moderation"). The charts therefore lay out their own
text: a width estimate per character class, deliberately on the wide side (DejaVu Sans,
the widest common fallback of `system-ui`), so a label measured here never runs past the
room it was given in a real browser. The browser test (tests/functional/test_report_browser.py)
checks the estimate against real text boxes."""

from __future__ import annotations

import re
import unicodedata
from html import escape

LABEL_PX = 12.0  # font size of chart labels, the same as `svg .label` in report.css
LINE = 1.25  # line height, in ems

_NARROW = set("ijlI.,:;!|'`")
_SEMI = set('frt()[]{}/\\-"*')
_WIDE = set("mwMW@%&")


def char_em(ch: str) -> float:
    """The advance width of one character in ems, rounded up for common sans fonts."""
    if ch in _NARROW:
        return 0.32
    if ch == " ":
        return 0.34
    if ch in _SEMI:
        return 0.44
    if ch in _WIDE:
        return 1.0
    if ch.isdigit():
        return 0.66
    base = unicodedata.normalize("NFD", ch)[0]
    if base.isascii() and base.isalpha():
        return 0.74 if base.isupper() else 0.62
    if unicodedata.east_asian_width(ch) in ("W", "F"):
        return 1.1
    if ch.isalpha():
        return 0.76 if ch.isupper() else 0.64
    return 0.72  # other punctuation and symbols: ·, →, –, ★


def text_width(text: str, size: float = LABEL_PX) -> float:
    """Estimated width of `text` at `size` px, never less than the real one in practice."""
    return sum(char_em(ch) for ch in text) * size


def _split_long_word(word: str, max_width: float, size: float) -> list[str]:
    """A word wider than the room, in pieces that fit (hyphen-free: it is a last resort)."""
    pieces: list[str] = []
    current = ""
    for ch in word:
        if current and text_width(current + ch, size) > max_width:
            pieces.append(current)
            current = ch
        else:
            current += ch
    if current:
        pieces.append(current)
    return pieces


def _pieces(text: str) -> list[tuple[str, bool]]:
    """Breakable pieces with whether a space precedes them: words, split after hyphens
    ("Community-" "Management"), because German compounds are long."""
    out: list[tuple[str, bool]] = []
    for word in text.split():
        for i, piece in enumerate(re.findall(r"[^-]+-*|-+", word)):
            out.append((piece, i == 0))
    return out


def wrap(text: str, max_width: float, size: float = LABEL_PX) -> list[str]:
    """Lines of at most `max_width` px each, broken at spaces and after hyphens (inside a
    word only if it alone is too wide). Never drops a character: a chart label is content."""
    lines: list[str] = []
    current = ""
    for piece, spaced in _pieces(text):
        for j, part in enumerate(_split_long_word(piece, max_width, size)):
            glue = " " if spaced and j == 0 else ""
            candidate = f"{current}{glue}{part}" if current else part
            if current and text_width(candidate, size) > max_width:
                lines.append(current)
                current = part
            else:
                current = candidate
    if current:
        lines.append(current)
    return lines or [""]


def block_height(lines: int, size: float = LABEL_PX) -> float:
    """Height of `lines` lines of text, from the top of the first to the bottom of the last."""
    return lines * size * LINE


def text_block(
    lines: list[str],
    x: float,
    top: float,
    anchor: str,
    css: str = "label",
    size: float = LABEL_PX,
) -> str:
    """A `<text>` with one `<tspan>` per line; `top` is the top edge of the first line."""
    first = top + size * 0.95  # baseline of a line sits about an em below its top
    spans = "".join(
        f'<tspan x="{x:.1f}" {"y" if i == 0 else "dy"}="{first if i == 0 else size * LINE:.1f}">'
        f"{escape(line)}</tspan>"
        for i, line in enumerate(lines)
    )
    return f'<text text-anchor="{anchor}" class="{css}">{spans}</text>'
