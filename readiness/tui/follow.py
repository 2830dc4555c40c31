"""A participant session follows the facilitator: start, pause/resume, extra injects.

Every session whose results folder holds a control file (see
`readiness.workshop.control`) polls it once a second in a thread worker and reacts on the
UI thread, so the room follows within two seconds:

- start: opens the named assessment or exercise (in the session's language if a
  translation exists) as soon as the participant is on the home screen; someone busy with
  another run is told and it opens when they are back.
- pause: covers the session with `PausedScreen` (a clock stops while its screen is covered);
  resume removes it.
- inject: handed to every screen in the stack that `TakesInjects` (the scenario player); it
  decides whether the command's scenario is the one it runs.

Nothing else from outside ever touches a participant's session."""

from __future__ import annotations

from pathlib import Path
from threading import Lock
from typing import TYPE_CHECKING

from textual.timer import Timer

from readiness.i18n import t
from readiness.tui.contracts import TakesInjects

if TYPE_CHECKING:  # the models load after the first paint, not at start-up
    from readiness.content.loader import ContentFile
    from readiness.tui.app import ReadinessApp
    from readiness.workshop.control import Command, ControlReader, Update

POLL_SECONDS = 1.0


class Follower:
    """Makes one app obey the control file of its results folder."""

    def __init__(self, app: ReadinessApp, folder: Path) -> None:
        self.app = app
        self.folder = folder
        self.started_at = app.began_at
        """Only commands issued since the session began count (whole seconds, as
        `readiness.storage.now` gives them). Not the moment following starts: that is after
        the first paint (and, in a browser, after joining), and a start the facilitator
        issued just before it was lost while the participant sat on the home screen."""
        self.reader: ControlReader | None = None
        """Made in a worker thread when following starts: the control file's models pull in
        pydantic, which would otherwise block the UI thread right after the first paint."""
        self.paused = False
        self.pending_start: str | None = None
        self._timer: Timer | None = None
        self._opening = Lock()
        self._reading = False
        """True while a read of the control file runs in its thread (see `poll`)."""

    def start(self) -> None:
        """Begin polling (call from the app's `on_mount`); the reader is made in a thread
        at once, so commands issued from now on are seen as before."""
        self._timer = self.app.set_interval(POLL_SECONDS, self.poll, name="facilitator")
        self.app.run_worker(self._open, thread=True, group="facilitator-open")

    def _open(self) -> ControlReader:
        with self._opening:  # the opening worker and a first poll may race
            if self.reader is None:
                from readiness.workshop.control import ControlReader

                self.reader = ControlReader(self.folder, started_at=self.started_at)
            return self.reader

    def stop(self) -> None:
        if self._timer is not None:
            self._timer.stop()

    def poll(self) -> None:
        """Read the control file in a thread; never blocks the UI.

        One read at a time, and a read is never abandoned: the reader hands out each command
        once, so a read cancelled after it took a command (the next tick's read used to
        replace it on a busy machine) lost that command for good."""
        if self._reading:
            return  # the last read is still going (slow disk, busy machine): it will report
        self._reading = True
        self.app.run_worker(self._read, thread=True, group="facilitator")

    def _read(self) -> None:
        try:
            update = self._open().poll()
            wanted = update.commands or update.paused != self.paused or self.pending_start
            if wanted and self.app.is_running:
                self.app.call_from_thread(self.apply, update)
        except RuntimeError:
            pass  # the app closed while the file was read: nobody is left to obey it
        finally:
            self._reading = False

    def apply(self, update: Update) -> None:
        """React to what the poll found (UI thread)."""
        for command in update.commands:
            if command.kind == "start":
                self.pending_start = command.content_id
                if not self._idle():
                    title = self._title(command.content_id)
                    self.app.notify(t("workshop.follow.start_later", title=title), markup=False)
            elif command.kind == "inject":
                self.inject(command)
        if update.paused != self.paused:
            self.pause() if update.paused else self.resume()
        self._maybe_start()

    def pause(self) -> None:
        from readiness.tui.screens.paused import PausedScreen

        self.paused = True
        if not isinstance(self.app.screen, PausedScreen):
            self.app.push_screen(PausedScreen())

    def resume(self) -> None:
        from readiness.tui.screens.paused import PausedScreen

        self.paused = False
        covers = [s for s in self.app.screen_stack if isinstance(s, PausedScreen)]
        if covers:
            # Anything opened on top during the pause (help, palette) goes with the cover.
            while self.app.screen is not covers[0]:
                self.app.pop_screen()
            self.app.pop_screen()

    def inject(self, command: Command) -> int:
        """Hand the inject to every running scenario player; returns how many took it."""
        taken = 0
        for screen in self.app.screen_stack:
            if isinstance(screen, TakesInjects) and screen.facilitator_inject(command):
                taken += 1
        return taken

    def _idle(self) -> bool:
        from readiness.tui.screens.home import HomeScreen

        return isinstance(self.app.screen, HomeScreen)

    def _content(self, content_id: str) -> ContentFile | None:
        library = self.app.library
        if library is None:
            return None
        found: ContentFile | None = library.get(content_id)
        if found is None:
            return None
        lang = self.app.settings.lang
        if found.model.language != lang:
            found = next(
                (f for f in library.translations(found) if f.model.language == lang), found
            )
        return found

    def _title(self, content_id: str) -> str:
        found = self._content(content_id)
        return found.model.title if found else content_id

    def _maybe_start(self) -> None:
        if self.pending_start is None or self.paused or not self._idle():
            return
        content = self._content(self.pending_start)
        if content is None:
            if self.app.library is not None:  # loaded, and the id is unknown here: drop it
                self.pending_start = None
            return
        self.pending_start = None
        self.app.open_content(content)


def attach(app: ReadinessApp, force: bool = False) -> None:
    """Make `app` follow the control file of its results folder (once; idempotent), starting
    after the first screen has painted so start-up stays fast.

    Apps with `follows_facilitator = False` (the dashboard itself, a browser session before
    it has joined) are skipped unless `force` is given."""
    if not force and not app.follows_facilitator:
        return
    app.call_after_refresh(_start_following, app)


def _start_following(app: ReadinessApp) -> None:
    if app.facilitator_follower is not None:
        return
    follower = Follower(app, app.settings.results_dir)
    follower.start()
    app.facilitator_follower = follower


def follower_of(app: ReadinessApp) -> Follower | None:
    """The app's follower, once it has started."""
    return app.facilitator_follower
