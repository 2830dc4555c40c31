"""One way to turn a score into the number a person reads.

Every screen and every report format shows 0..100 scores as whole numbers. They all round
with `shown()`, once, from the unrounded value, so the result screen, the report screen,
Markdown, HTML, JSON and the group report never disagree by one (before, one path rounded
to one decimal first and another did not: 39.46 became 39 on one screen and 40 on another).

Rounding is half up (49.5 -> 50), as people round by hand; Python's `round()` and format
specs round half to even (48.5 -> 48), which a trainer checking the numbers would call wrong.
Derived numbers are computed from the shown ones: a gap is the shown target minus the shown
score, a change is the shown "after" minus the shown "before", so the columns of a table
always add up.
"""

from __future__ import annotations

import math

NONE_TEXT = "–"
"""How a missing score (nothing answered, nothing measured) reads."""

_FUZZ_DIGITS = 9
"""Sums of floats land on 15.499999999 for a value that is 15.5 by hand; scores never carry
meaning beyond nine decimals, so that noise is dropped before rounding."""


def shown(value: float) -> int:
    """The whole number a person reads for a 0..100 value, rounded half up."""
    return math.floor(round(value, _FUZZ_DIGITS) + 0.5)


def shown_or_none(value: float | None) -> int | None:
    """`shown()`, passing None through (no score)."""
    return None if value is None else shown(value)


def shown_text(value: float | None) -> str:
    """The shown number as text, or "–" when there is none."""
    return NONE_TEXT if value is None else str(shown(value))


def shown_gap(target: float, score: float | None) -> int:
    """How far the shown score lies below the shown target (0 at or above it, or unscored)."""
    if score is None:
        return 0
    return max(0, shown(target) - shown(score))


def shown_change(before: float | None, after: float | None) -> int | None:
    """Shown "after" minus shown "before"; None when either is missing."""
    if before is None or after is None:
        return None
    return shown(after) - shown(before)


def signed_text(value: int | None) -> str:
    """A change as "+5", "−3", "0" or "–" (typographic minus, as in the tables)."""
    if value is None:
        return NONE_TEXT
    if value > 0:
        return f"+{value}"
    if value < 0:
        return f"−{-value}"
    return "0"
