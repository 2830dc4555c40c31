"""Type-ahead that never loses or misplaces a key: each key waits until the app is done with
the previous one.

Why: Textual hands a key to the widget that has focus *when the app takes the key*, and a
key's effects arrive later, one message hop at a time. Tab reaches the focus change only
after it has bubbled from the input up to the app; Enter in the join form focuses the next
field, or closes the form and opens the home screen, through messages, `call_later` and
`call_next` callbacks. Keys that are already waiting (a paste, a fast typist, a browser
session slowed down by a room joining at once) would meanwhile go to the old focus: a
pseudonym ends up in the code field, "w10-02" and "table 3" merge, a Down key goes to a
screen that is closing.

The guarantee: `TypeAhead` handles keys (and pastes) strictly one after another, in the order
they arrived. A key is handed on only when the app has settled
(`readiness.tui.textual_internals.app_is_settled`): no message queued or in hand anywhere in
the app, no deferred callback, no screen being built, and the app's own `keys_wait` is false.
That is decided in the app's own message loop, never from a timer's or a thread's task, so
the one message the app is handling then is the key (or the gate's poll) itself. A key that
arrives while the app is settled goes through at once: typing at a normal pace is not slowed.

What went wrong before (issue 13, point 1), so it is not done again: the gate was checked from
a timer callback, which Textual runs in its own task beside the app's loop; the app's message
loop takes the *next* message out of its queue before handling the current one, so a Tab on
its way back up to the app was invisible to a queue-size check; a dismissed screen's result
callback waits in the app's `call_next` list, where no queue shows it; Textual's message
queue forgets a message as soon as it is taken, so a widget in the middle of one looked idle;
and the poll was a one-shot Textual timer of 5 ms, which never fires at all when its task is
held up for longer than that between two readings of the clock (see `_schedule`), so on a
loaded machine held keys could wait for ever.
"""

from __future__ import annotations

import asyncio
import time
from collections import deque
from typing import Any

from textual import events
from textual.app import App
from textual.message import Message

from readiness.tui.textual_internals import app_is_settled

POLL_SECONDS = 0.005
"""How often a held key asks whether the app has finished with the previous one."""
MAX_HOLD_SECONDS = 60.0
"""A key is handed on after this long even if the app never settles: late but never lost
(a safety net; in a working app the gate opens within milliseconds of the app going
quiet). Not shorter: on a laptop starting ten sessions at once, one Tab took over 5 s to
reach the focus change, and handing the next key on early is exactly the fault above."""


class ReleaseKeys(Message, bubble=False):
    """The gate's poll: posted to the app by a timer, so the check runs in the app's loop."""


class TypeAhead(App[int]):
    """An app whose keys are handled strictly one after another (see the module docstring)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._held: deque[events.Key | events.Paste] = deque()
        self._held_since = 0.0
        self._poll: asyncio.TimerHandle | None = None

    def keys_wait(self) -> bool:
        """True while the current screen cannot take keys yet (override; e.g. loading)."""
        return False

    def _ready_for_input(self) -> bool:
        return app_is_settled(self) and not self.keys_wait()

    async def on_event(self, event: events.Event) -> None:
        typed = isinstance(event, (events.Key, events.Paste)) and not event.is_forwarded
        if typed and (self._held or not self._ready_for_input()):
            assert isinstance(event, (events.Key, events.Paste))
            if not self._held:
                self._held_since = time.monotonic()
            self._held.append(event)
            self._schedule()
            return
        await super().on_event(event)

    def _schedule(self) -> None:
        """Poll again in POLL_SECONDS. asyncio's own timer, not Textual's `set_timer`: a
        one-shot Textual timer whose task is held up for longer than its delay between two
        clock readings (a loaded machine; the driver's input thread holding the GIL) skips
        its only tick and never fires, and the held keys would wait for ever."""
        if self._poll is None:
            self._poll = asyncio.get_running_loop().call_later(POLL_SECONDS, self._poke)

    def _poke(self) -> None:
        """Runs as a plain event-loop callback: only ask the app's loop to look."""
        if not self.post_message(ReleaseKeys()):
            self._poll = None  # the app is closing: nothing to release any more

    async def on_release_keys(self, message: ReleaseKeys) -> None:
        """Hand on the next held key if the app is done with the previous one."""
        message.stop()
        self._poll = None
        if not self._held:
            return
        overdue = time.monotonic() - self._held_since > MAX_HOLD_SECONDS
        if overdue or self._ready_for_input():
            event = self._held.popleft()
            self._held_since = time.monotonic()
            await super().on_event(event)
        if self._held:
            self._schedule()
