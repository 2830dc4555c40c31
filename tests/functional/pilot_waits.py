"""Waiting in pilot tests for something the app does in its own time (a screen opening, a
dialog closing): bounded, never timed."""

from __future__ import annotations

from textual.pilot import Pilot


async def until(pilot: Pilot[int], condition: object) -> None:
    """Let the app work until `condition()` holds; fail after about four seconds."""
    for _ in range(200):
        if condition():  # type: ignore[operator]
            return
        await pilot.pause(0.02)
    raise AssertionError("condition never held")
