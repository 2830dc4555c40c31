"""The two workshop apps: the facilitator's dashboard and a browser participant's session.

Both are the readiness app with a different first screen; everything else (content loading,
routing, help) is inherited, so a participant takes assessments and exercises exactly as in
a terminal, only restricted."""

from __future__ import annotations

from pathlib import Path

from readiness.content.loader import Library
from readiness.settings import Settings
from readiness.tui.app import ReadinessApp
from readiness.tui.follow import attach
from readiness.tui.typeahead import TypeAhead
from readiness.workshop.joincode import JoinGate


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
    gets a whole line at once, and every key must land where the participant typed it."""

    follows_facilitator = False
    """Only once joined: see `_joined`."""

    def __init__(self, settings: Settings, code: str, library: Library | None = None) -> None:
        settings.restricted = True
        settings.participant = ""
        settings.team = ""
        super().__init__(settings, library=library, home=False)
        self.gate = JoinGate(code)

    def keys_wait(self) -> bool:
        """After joining, keys wait for the content: a Down typed while the list is still
        empty would be lost, and the Enter behind it would open the first entry."""
        from readiness.tui.screens.join import JoinScreen

        return self.library is None and not isinstance(self.screen, JoinScreen)

    def on_mount(self) -> None:
        from readiness.tui.screens.join import JoinScreen

        super().on_mount()
        self.push_screen(JoinScreen(self.gate, self.settings.results_dir), self._joined)

    def _joined(self, joined: object) -> None:
        from readiness.tui.screens.home import HomeScreen
        from readiness.tui.screens.join import Joined

        if not isinstance(joined, Joined):
            self.exit(1, return_code=1)
            return
        self.settings.participant = joined.name
        self.settings.team = joined.team
        self.sub_title = joined.name
        self.push_screen(HomeScreen())
        attach(self, force=True)


def make_dashboard_app(
    settings: Settings, folder: Path, library: Library | None = None
) -> DashboardApp:
    return DashboardApp(settings, folder, library=library)


def make_participant_app(
    settings: Settings, code: str, library: Library | None = None
) -> ParticipantApp:
    return ParticipantApp(settings, code, library=library)
