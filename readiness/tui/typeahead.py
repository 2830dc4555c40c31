"""Type-ahead that never loses or misplaces a key: keys wait until the previous one is done.

Why: Textual hands a key to the widget that has focus *when the key is read*, and a key's
effects arrive later, one message hop at a time. Tab reaches the focus change only after it
has bubbled from the input up to the app; Enter on a list opens the next screen only after
the list's Selected message has reached the screen. Keys that are already waiting (a paste,
a fast typist, a browser session slowed down by a room joining at once) are meanwhile given
to the old focus: a pseudonym ends up in the code field, "w10-02" and "table 3" merge, a Down
key goes to a screen that is still being built.

`TypeAhead` holds every further key (and paste) while the app is still busy with the last one,
and hands them on one by one, in order, as soon as every message queue of the app is empty:
then the focus has moved and the next screen is mounted. A key that arrives while the app is
idle goes through at once, so typing at a normal pace is not slowed down at all."""

from __future__ import annotations

import time
from collections import deque
from typing import Any

from textual import events
from textual.app import App
from textual.timer import Timer

from readiness.tui.textual_internals import app_is_settled

POLL_SECONDS = 0.005
"""How often a held key checks whether the app has finished with the previous one."""
MAX_HOLD_SECONDS = 60.0
"""A key is handed on after this long even if the app never falls quiet: late but never
lost. Not shorter: on a laptop starting ten sessions at once, one Tab took over 5 s to
reach the focus change, and handing the next key on early is exactly the fault above."""


class TypeAhead(App[int]):
    """An app whose keys are handled strictly one after another (see the module docstring)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._held: deque[events.Key | events.Paste] = deque()
        self._held_since = 0.0
        self._poll: Timer | None = None

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
        if self._poll is None:
            self._poll = self.set_timer(POLL_SECONDS, self._release, name="type-ahead")

    async def _release(self) -> None:
        """Hand on the next held key if the app is done with the previous one."""
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
