"""What every participant sees while the facilitator has paused the room."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from readiness.i18n import t


class PausedScreen(ModalScreen[None]):
    """Covers the session until the facilitator resumes; no key dismisses it (Ctrl+Q still
    quits, and everything answered so far is saved)."""

    CSS_PATH = "../dashboard.tcss"
    BINDINGS = [Binding("ctrl+p", "noop", show=False, id="paused.palette")]

    def compose(self) -> ComposeResult:
        with Vertical(id="paused-box", classes="dialog"):
            yield Label(t("workshop.paused.title"), classes="dialog-title")
            yield Static(t("workshop.paused.body"), classes="dialog-hint")

    def action_noop(self) -> None:
        """The command palette stays closed while the room is paused."""
