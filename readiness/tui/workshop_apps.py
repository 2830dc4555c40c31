"""The two workshop apps: the facilitator's dashboard and a browser participant's session.

Both are the readiness app with a different first screen; everything else (content loading,
routing, help) is inherited, so a participant takes assessments and exercises exactly as in
a terminal, only restricted."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from rich.text import Text
from textual import events
from textual.actions import parse
from textual.timer import Timer

from readiness.content.loader import Library
from readiness.i18n import t
from readiness.settings import Settings
from readiness.tui.app import ReadinessApp
from readiness.tui.follow import attach, follower_of
from readiness.tui.typeahead import TypeAhead
from readiness.workshop.joincode import JoinGate
from readiness.workshop.serve import IDLE_MINUTES

IDLE_NOTICE_SECONDS = 4.0
"""How long the "closing after no input" message shows before the session ends."""
LEAVING_ACTIONS = ("quit",)
"""Actions (in any screen or the app) that end a browser session: asked first."""


class DashboardApp(ReadinessApp):
    """`readiness dashboard DIR`: the room's live picture and the facilitator's controls."""

    follows_facilitator = False

    def __init__(self, settings: Settings, folder: Path, library: Library | None = None) -> None:
        super().__init__(settings, library=library, home=False)
        self.folder = folder

    def on_mount(self) -> None:
        from readiness.tui.screens.dashboard import DashboardScreen

        super().on_mount()
        self.push_screen(DashboardScreen(self.folder))


class ParticipantApp(TypeAhead, ReadinessApp):
    """A browser participant: join code and pseudonym first, then the home screen, with no
    paths, no other people's results and no facilitator screens (`Settings.restricted`).

    Keys are handled one after another (`TypeAhead`): a browser session on a busy laptop
    gets a whole line at once, and every key must land where the participant typed it.
    Before the code is accepted only the join form answers (no help, no command palette);
    the palette stays off afterwards too: its Quit would skip the question below, and its
    screenshot cannot be saved on the participant's computer. Leaving asks first; a session
    nobody types in for `idle_minutes` closes itself so its slot is free again."""

    follows_facilitator = False
    """Only once joined: see `_joined`."""
    ENABLE_COMMAND_PALETTE = False

    def __init__(
        self,
        settings: Settings,
        code: str,
        library: Library | None = None,
        device: str = "",
        idle_minutes: float = IDLE_MINUTES,
    ) -> None:
        settings.restricted = True
        settings.participant = ""
        settings.team = ""
        super().__init__(settings, library=library, home=False)
        self.gate = JoinGate(code)
        self.device = device
        self.idle_seconds = max(1.0, idle_minutes * 60)
        self.last_input = time.monotonic()
        self.leave_confirmed = False
        self._idle_timer: Timer | None = None

    @property
    def joined(self) -> bool:
        return bool(self.settings.participant)

    def keys_wait(self) -> bool:
        """After joining, keys wait for the content: a Down typed while the list is still
        empty would be lost, and the Enter behind it would open the first entry."""
        from readiness.tui.screens.join import JoinScreen

        return self.library is None and not isinstance(self.screen, JoinScreen)

    def on_mount(self) -> None:
        from readiness.tui.screens.join import JoinScreen

        super().on_mount()
        self.push_screen(
            JoinScreen(self.gate, self.settings.results_dir, self.device), self._joined
        )
        self._idle_timer = self.set_interval(
            min(10.0, self.idle_seconds / 4), self._check_idle, name="idle"
        )

    def _joined(self, joined: object) -> None:
        from readiness.tui.screens.home import HomeScreen
        from readiness.tui.screens.join import Joined

        if not isinstance(joined, Joined):
            self.leave_confirmed = True
            self.exit(1, return_code=1)
            return
        self.settings.participant = joined.name
        self.settings.team = joined.team
        self.sub_title = joined.name
        self.push_screen(HomeScreen())
        if joined.returning:
            # Long enough to read where the earlier results are (and for a busy room).
            welcome = Text(t("workshop.join.welcome_back", name=joined.name)).plain
            self.notify(welcome, markup=False, timeout=12)
        attach(self, force=True)

    # -- nothing but the join form before joining ---------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if not self.joined and action not in ("quit", "focus_next", "focus_previous"):
            return False
        return super().check_action(action, parameters)

    def action_help(self) -> None:
        if self.joined:
            super().action_help()

    # -- leaving asks first ----------------------------------------------------------------

    async def run_action(
        self,
        action: str | Any,
        default_namespace: Any = None,
        namespaces: Any = None,
    ) -> bool:
        """Every key, button and footer click that would end the session comes here first."""
        from readiness.tui.screens.leave import LeaveScreen

        name = (parse(action)[1] if isinstance(action, str) else action[1]) or ""
        if name in LEAVING_ACTIONS and self.joined and not self.leave_confirmed:
            if isinstance(self.screen, LeaveScreen):
                self.screen.dismiss(True)  # Ctrl+Q on the question itself: leave
                return True

            def answered(leave: bool | None) -> None:
                if leave:
                    self.leave_confirmed = True
                    self.call_later(self.run_action, action, default_namespace, namespaces)

            self.push_screen(LeaveScreen(self.settings.participant), answered)
            return True
        return await super().run_action(action, default_namespace, namespaces)

    async def action_quit(self) -> None:
        """Ctrl+Q and any other direct call: the same question as `q`."""
        if self.joined and not self.leave_confirmed:
            await self.run_action("quit")
            return
        self.exit()

    # -- closing an idle session -----------------------------------------------------------

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, (events.Key, events.MouseDown, events.Paste)):
            self.last_input = time.monotonic()
        await super().on_event(event)

    def _check_idle(self) -> None:
        follower = follower_of(self)
        if follower is not None and follower.paused:
            self.last_input = time.monotonic()  # waiting for the facilitator is not idling
            return
        if time.monotonic() - self.last_input < self.idle_seconds:
            return
        if self._idle_timer is not None:
            self._idle_timer.stop()
        minutes = f"{self.idle_seconds / 60:g}"
        self.notify(
            t("workshop.serve.idle_closing", minutes=minutes),
            severity="warning",
            timeout=IDLE_NOTICE_SECONDS + 5,
            markup=False,
        )
        self.set_timer(IDLE_NOTICE_SECONDS, self.close_idle)

    def close_idle(self) -> None:
        """Save what the screens hold (an exercise's reply begun) and end the session.
        Answers are saved as they are given; leaving the exercise saves the rest, and the
        assessment screens finish their saves when they close."""
        from readiness.tui.screens.scenario_player import PlayerScreen

        self.leave_confirmed = True
        for screen in reversed(self.screen_stack):
            if isinstance(screen, PlayerScreen):
                screen.action_leave()
        self.exit(0, return_code=0)


def make_dashboard_app(
    settings: Settings, folder: Path, library: Library | None = None
) -> DashboardApp:
    return DashboardApp(settings, folder, library=library)


def make_participant_app(
    settings: Settings,
    code: str,
    library: Library | None = None,
    device: str = "",
    idle_minutes: float = IDLE_MINUTES,
) -> ParticipantApp:
    return ParticipantApp(settings, code, library=library, device=device, idle_minutes=idle_minutes)
