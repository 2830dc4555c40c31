"""A screen is laid out once for the size it appears at, not twice."""

from __future__ import annotations

from textual import events
from textual.screen import Screen, ScreenResultType

from readiness.tui.textual_internals import laid_out_size


class LaidOutOnce(Screen[ScreenResultType]):
    """Mixin: a Resize to the size the screen is already laid out at changes nothing.

    Textual's first layout of a screen sends the screen a Resize of the size it was just laid
    out at, and Textual's handler lays the whole screen out again: every screen that appears
    was laid out twice before the participant could act on it (20 ms for the briefing at
    80x24, more at bigger sizes). A real resize, or a change of breakpoints, always comes
    with another size and is handled as before."""

    async def _on_resize(self, event: events.Resize) -> None:
        if event.size == laid_out_size(self):
            event.prevent_default()  # `Screen`'s handler: the second layout
            event.stop()
