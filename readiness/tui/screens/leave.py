"""Asked before a browser participant leaves the workshop session."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static

from readiness.i18n import t


class LeaveScreen(ModalScreen[bool]):
    """Leave (True) or stay (False). A browser session cannot be reopened by pressing a key
    again, and a stray `q` should not end someone's workshop: so it asks, with "Stay" first.
    The text says how to come back (the same pseudonym in the same browser)."""

    CSS_PATH = "../dashboard.tcss"
    DEFAULT_CSS = """
    LeaveScreen #leave-box { width: 64; height: auto; }
    LeaveScreen #leave-buttons { height: auto; margin-top: 1; }
    LeaveScreen #leave-buttons Button { margin-right: 2; }
    """
    BINDINGS = [
        Binding("escape", "stay", "workshop.leave.stay", id="leave.stay"),
        Binding("l", "leave", "workshop.leave.leave", id="leave.leave"),
    ]

    def __init__(self, name: str) -> None:
        super().__init__()
        self.participant = name

    def compose(self) -> ComposeResult:
        with Vertical(id="leave-box", classes="dialog"):
            yield Label(t("workshop.leave.title"), classes="dialog-title")
            body = Text(t("workshop.leave.body", name=self.participant))  # never markup
            yield Static(body, classes="dialog-hint")
            with Horizontal(id="leave-buttons"):
                yield Button(t("workshop.leave.stay") + " (Esc)", id="stay", variant="primary")
                yield Button(t("workshop.leave.leave") + " (l)", id="leave", variant="error")

    def on_mount(self) -> None:
        self.query_one("#stay", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "leave")

    def action_stay(self) -> None:
        self.dismiss(False)

    def action_leave(self) -> None:
        self.dismiss(True)
