"""Scenario time as people read it: a time of day on the feed, a countdown in the player."""

from __future__ import annotations


def clock_label(start: str, minute: float) -> str:
    """`09:00` plus `minute` scenario minutes as HH:MM (wraps after midnight)."""
    hours, minutes = (int(part) for part in start.split(":"))
    total = hours * 60 + minutes + int(minute)
    return f"{(total // 60) % 24:02d}:{total % 60:02d}"


def countdown_label(seconds: float) -> str:
    """Seconds left as M:SS, never negative, rounded up so 0:00 means the time is over."""
    whole = max(0, int(-(-seconds // 1)))
    return f"{whole // 60}:{whole % 60:02d}"
