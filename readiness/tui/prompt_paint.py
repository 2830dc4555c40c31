"""Paint a screen's changes as soon as it is idle, not on Textual's next update tick.

Textual paints from a timer of 60 ticks a second that pauses itself after each paint; its
loop keeps sleeping towards the next tick of its grid while paused, and after a pause of
more than a tick it skips ahead to a point one to two ticks away. A key (or a screen's first
frame) that came while that timer slept waited up to 33 ms with nothing to do: in the
player, whose clock keeps the timer busy, that was most of the slowest keys. A screen
mixing this in paints when its message queue runs dry, at most once per frame period all
the same (a second change within the period waits for the timer, as before). A frame asked
for during a batch of updates, which Textual would render and then not show, is left to the
paint after the batch.

It overrides two private `Screen` methods of Textual; the names are checked against the
pinned version by `readiness.tui.textual_internals`, through which the other private names
are reached.
"""

from __future__ import annotations

from time import monotonic

from textual import constants, events
from textual.screen import Screen, ScreenResultType

from readiness.tui.textual_internals import batch_in_progress, paint_now, paint_pending

FRAME_PERIOD = 1 / constants.MAX_FPS
"""Textual's frame period: an idle screen paints at once unless it painted less than this ago
(then Textual's update timer paints it, as usual)."""


class PromptPaint(Screen[ScreenResultType]):
    """Mixin: paint when idle (see the module's docstring)."""

    _painted_at = 0.0

    async def _on_idle(self, event: events.Idle) -> None:
        del event  # `Screen`'s own handler runs next and resumes the timer if work is left
        if (
            self.is_current
            and paint_pending(self)
            and monotonic() - self._painted_at >= FRAME_PERIOD
        ):
            paint_now(self)

    def _compositor_refresh(self) -> None:
        if batch_in_progress(self.app) and self is self.app.screen:
            # Textual drops a frame painted during a batch (the app's start is one): the
            # home screen was rendered whole as it mounted, thrown away, and rendered again
            # once the batch ended. Ask for the one paint that will be shown instead.
            self.refresh()
            return
        self._painted_at = monotonic()
        super()._compositor_refresh()
