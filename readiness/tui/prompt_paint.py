"""Paint a screen's changes as soon as it is idle, not on Textual's next update tick.

Textual paints from a timer of 60 ticks a second that pauses itself after each paint; its
loop keeps sleeping towards the next tick of its grid while paused, and after a pause of
more than a tick it skips ahead to a point one to two ticks away. A key (or a screen's first
frame) that came while that timer slept waited up to 33 ms with nothing to do: in the
player, whose clock keeps the timer busy, that was most of the slowest keys. A screen
mixing this in paints when its message queue runs dry, at most once per frame period for
changes of its own (a clock's tick, a post arriving: a second change within the period waits
for the timer, as before) but at once for a key, a paste or a click: one that came a few
milliseconds after the clock's repaint waited the rest of the period, and then for the
timer's grid, up to 30 ms with nothing to do (`note_input`, called by the app). Once painted, an
idle screen is also where the garbage collector runs (`gc_pauses.collect_if_due`). Before the app's
first frame, a frame asked for during the start's batch of updates, which Textual would
render and then not show, is left to the paint after the batch.

It overrides two private `Screen` methods of Textual; the names are checked against the
pinned version by `readiness.tui.textual_internals`, through which the other private names
are reached.
"""

from __future__ import annotations

from collections.abc import Callable
from time import monotonic
from typing import Any
from weakref import WeakSet

from textual import constants, events
from textual.app import App
from textual.screen import Screen, ScreenResultType
from textual.timer import Timer

from readiness.tui import gc_pauses
from readiness.tui.textual_internals import batch_in_progress, paint_now, paint_pending

FRAME_PERIOD = 1 / constants.MAX_FPS
"""Textual's frame period: an idle screen paints at once unless it painted less than this ago
(then Textual's update timer paints it, as usual)."""

COLLECT_AFTER = FRAME_PERIOD / 2
"""Seconds from an idle screen's paint to its garbage collection: time for the frame to reach
the terminal first."""

AFTER_PAINT_LATEST = 0.25
"""Seconds after which `after_paint` work runs even if no frame was painted (nothing changed
on screen): work put off for a frame must not wait for a change that may never come."""


class PromptPaint(Screen[ScreenResultType]):
    """Mixin: paint when idle (see the module's docstring)."""

    _painted_at = 0.0
    _collect_armed = False
    _input_waiting = False
    _after_paint: list[Callable[[], object]] | None = None
    _after_paint_timer: Timer | None = None

    def after_paint(self, callback: Callable[[], object]) -> None:
        """Run `callback` once the screen's next frame is painted (or `AFTER_PAINT_LATEST`
        seconds from now if none is): for work a key causes that should not hold up the frame
        that answers it.

        Not Textual's `call_after_refresh`: that runs when the screen's own queue is empty
        and it has heard of no change yet, which after a message handled on the screen is
        before the widgets it changed have asked for their layout, so before the frame."""
        if self._after_paint is None:
            self._after_paint = []
            self._after_paint_timer = self.set_timer(AFTER_PAINT_LATEST, self._run_after_paint)
        self._after_paint.append(callback)

    def _run_after_paint(self) -> None:
        if self._after_paint_timer is not None:
            self._after_paint_timer.stop()  # an earlier batch's must not run a later one early
            self._after_paint_timer = None
        callbacks, self._after_paint = self._after_paint, None
        for callback in callbacks or ():
            callback()

    def note_input(self) -> None:
        """The participant pressed, pasted or clicked: its effect is painted as soon as the
        screen is idle, however recently the screen painted. Keys that come faster than a
        frame still share one: the paint waits until the queue has run dry."""
        self._input_waiting = True

    async def _on_idle(self, event: events.Idle) -> None:
        del event  # `Screen`'s own handler runs next and resumes the timer if work is left
        if not self.is_current:
            return
        if paint_pending(self):
            if not self._input_waiting and monotonic() - self._painted_at < FRAME_PERIOD:
                return  # the update timer paints it; collect after that paint
            paint_now(self)
        if not self._collect_armed and gc_pauses.collection_due():
            # The garbage collector's young pass runs between keys, not in the middle of the
            # next key's paint (`readiness.tui.gc_pauses`); a moment after the frame, not at
            # once: the terminal's writer thread sends the frame, and a collection holds
            # Python's lock until it is done.
            self._collect_armed = True
            self.set_timer(COLLECT_AFTER, self._collect)

    def _collect(self) -> None:
        self._collect_armed = False
        if self.is_current and not paint_pending(self):  # else the next idle asks again
            gc_pauses.collect_if_due()

    def _compositor_refresh(self) -> None:
        app = self.app
        if app not in _APPS_PAINTED and batch_in_progress(app) and self is app.screen:
            # The app starts inside a batch of updates, and Textual drops a frame painted in
            # one: the home screen was rendered whole as it mounted, thrown away, and
            # rendered again once the batch ended. Before the app's first frame, ask for the
            # one paint that will be shown instead (later batches are left to Textual: a
            # screen that appears in one is painted as Textual paints it).
            self.refresh()
            app.call_later(self._paint_after_batch)
            return
        if not batch_in_progress(app):
            _APPS_PAINTED.add(app)
        self._painted_at = monotonic()
        self._input_waiting = False
        super()._compositor_refresh()
        if self._after_paint and self is app.screen:
            self.call_later(self._run_after_paint)

    def _paint_after_batch(self) -> None:
        if not self.is_current:
            return
        if batch_in_progress(self.app):  # still held: look again a frame period later
            self.set_timer(FRAME_PERIOD, self._paint_after_batch)
            return
        if paint_pending(self):
            paint_now(self)


_APPS_PAINTED: WeakSet[App[Any]] = WeakSet()
"""Apps that have shown a frame."""
