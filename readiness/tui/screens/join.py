"""Joining a workshop: the code and pseudonym screen of browser participants, and the
one-time pseudonym prompt of terminal participants who started without `--name`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from readiness.i18n import t
from readiness.tui.laid_out_once import LaidOutOnce
from readiness.tui.widgets.footer import LocalFooter
from readiness.workshop import pseudonyms
from readiness.workshop.control import is_workshop
from readiness.workshop.joincode import LENGTH, JoinGate

if TYPE_CHECKING:
    from readiness.tui.app import ReadinessApp

CSS = "../dashboard.tcss"
LOCKED_SECONDS = 3.0
"""How long the "too many wrong codes" message stays before the session closes."""


def field(label: str, ident: str, max_length: int = pseudonyms.MAX_LENGTH) -> ComposeResult:
    """A labelled one-line input; `label` is a catalog key, its hint is `label + "_hint"`."""
    with Horizontal(classes="field"):
        yield Label(t(label))
        yield Input(id=ident, max_length=max_length, placeholder=t(label + "_hint"), compact=True)


@dataclass(frozen=True)
class Joined:
    """Who joined: the claimed pseudonym and the optional team; `returning` if they come
    back to a pseudonym that already has results (same browser, see `pseudonyms.claim`)."""

    name: str
    team: str
    returning: bool = False


class JoinScreen(LaidOutOnce[Joined | None]):
    """Code, pseudonym, team. A wrong code costs one of a few attempts; then the session ends
    (dismissed with None). A pseudonym is claimed in the workshop folder, so it is unique."""

    CSS_PATH = CSS
    DEFAULT_CSS = "JoinScreen #join-error { width: 1fr; height: auto; }"
    """Messages wrap inside the box instead of being cut off at its edge."""
    BINDINGS = [
        # The footer of a participant's first screen was empty: the app's Ctrl+Q (hidden, and
        # in a browser often the browser's own key) shadows the entry below, and help only
        # answers once the code is accepted. Tab is what moves on in the form.
        Binding("tab", "app.focus_next", "workshop.join.key_next", id="join.next"),
        Binding("ctrl+q", "app.quit", "keys.quit", id="quit"),
    ]

    def __init__(self, gate: JoinGate, folder: Path, device: str = "") -> None:
        super().__init__()
        self.gate = gate
        self.folder = folder
        self.device = device

    def compose(self) -> ComposeResult:
        with Center(), Vertical(id="join-box", classes="dialog"):
            yield Label(t("workshop.join.title"), classes="dialog-title")
            yield Static(t("workshop.join.intro"), classes="dialog-hint")
            yield from field("workshop.join.code", "join-code", LENGTH + 4)
            yield from field("workshop.join.name", "join-name")
            yield from field("workshop.join.team", "join-team")
            yield Label("", id="join-error", classes="dialog-error")
            yield Button(t("workshop.join.button"), variant="primary", id="join-go", compact=True)
            yield Static(t("workshop.join.privacy"), classes="dialog-hint privacy")
        yield LocalFooter(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one("#join-code", Input).focus()

    @on(Input.Submitted, "#join-code")
    def _code_entered(self) -> None:
        if self._check_code():
            self.query_one("#join-name", Input).focus()

    @on(Input.Submitted, "#join-name")
    def _name_entered(self) -> None:
        self.query_one("#join-team", Input).focus()

    def _check_code(self) -> bool:
        """Open the gate with the typed code; say how it went."""
        if self.gate.opened:
            return True
        code = self.query_one("#join-code", Input)
        message = self.query_one("#join-error", Label)
        if self.gate.try_code(code.value):
            code.disabled = True
            message.update(t("workshop.join.code_ok"))
            message.add_class("ok")
            return True
        if self.gate.locked:
            message.update(t("workshop.join.locked"))
            for widget in self.query("Input, Button"):
                widget.disabled = True
            self.set_timer(LOCKED_SECONDS, self._close)
            return False
        message.update(t("workshop.join.wrong_code", count=self.gate.attempts_left))
        code.value = ""
        code.focus()
        return False

    def _close(self) -> None:
        self.dismiss(None)

    @on(Input.Submitted, "#join-team")
    @on(Button.Pressed, "#join-go")
    def action_join(self) -> None:
        if not self._check_code():
            return
        name = self.query_one("#join-name", Input).value
        team = self.query_one("#join-team", Input).value
        problem = pseudonyms.claim(self.folder, name, team, device=self.device)
        if problem is not None:
            message = self.query_one("#join-error", Label)
            message.remove_class("ok")
            message.update(t(f"workshop.join.name_{problem}"))
            self.query_one("#join-name", Input).focus()
            return
        name, first_team = pseudonyms.claimed_as(self.folder, name)
        team = pseudonyms.clean(team) or first_team
        self.dismiss(Joined(name, team, returning=pseudonyms.has_results(self.folder, name)))


class PseudonymScreen(ModalScreen[Joined | None]):
    """Asked once in a terminal session without `--name`: a pseudonym and an optional team.
    Escape keeps the results without a name."""

    CSS_PATH = CSS
    BINDINGS = [Binding("escape", "skip", "workshop.join.skip", id="skip")]

    def compose(self) -> ComposeResult:
        with Vertical(id="pseudonym-box", classes="dialog"):
            yield Label(t("workshop.pseudonym.title"), classes="dialog-title")
            yield Static(t("workshop.pseudonym.intro"), classes="dialog-hint")
            yield from field("workshop.join.name", "pseudonym-name")
            yield from field("workshop.join.team", "pseudonym-team")
            yield Label("", id="pseudonym-error", classes="dialog-error")
            yield Static(t("workshop.pseudonym.keys"), classes="dialog-hint")

    @on(Input.Submitted, "#pseudonym-name")
    def _next(self) -> None:
        self.query_one("#pseudonym-team", Input).focus()

    @on(Input.Submitted, "#pseudonym-team")
    def action_confirm(self) -> None:
        name = self.query_one("#pseudonym-name", Input).value
        problem = pseudonyms.problem(name)
        if problem is not None:
            self.query_one("#pseudonym-error", Label).update(t(f"workshop.join.name_{problem}"))
            self.query_one("#pseudonym-name", Input).focus()
            return
        team = self.query_one("#pseudonym-team", Input).value
        self.dismiss(Joined(pseudonyms.clean(name), pseudonyms.clean(team)))

    def action_skip(self) -> None:
        self.dismiss(None)


def ensure_pseudonym(app: ReadinessApp, then: Callable[[], None]) -> None:
    """Run `then` once the session has a pseudonym; ask for one (once per session) first.

    For the app's `open_content`: a participant who saves into a workshop folder (see
    `readiness.workshop.control.is_workshop`) and started without `--name` is asked before
    their first run is saved, and never again in this session. Solo users are never asked."""
    settings = app.settings
    if (
        settings.participant
        or settings.restricted
        or app.pseudonym_asked
        or not is_workshop(settings.results_dir)
    ):
        then()
        return
    app.pseudonym_asked = True

    def done(joined: Joined | None) -> None:
        if joined is not None:
            settings.participant = joined.name
            settings.team = settings.team or joined.team
            app.notify(Text(t("workshop.pseudonym.saved", name=joined.name)).plain, markup=False)
        then()

    app.push_screen(PseudonymScreen(), done)
