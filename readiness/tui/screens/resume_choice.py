"""The behaviour every "resume or start over?" dialog shares; each kind writes its own text."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.screen import ModalScreen
from textual.widgets import Button


class ResumeChoice(ModalScreen[str | None]):
    """Dismisses with "resume", "new" or None (cancel); subclasses bind r, n and escape to
    `choose` and compose their own text above `buttons()`."""

    def buttons(self, resume: str, new: str, classes: str) -> ComposeResult:
        with Horizontal(classes=classes):
            yield Button(resume + " (r)", id="resume", variant="primary")
            yield Button(new + " (n)", id="new")

    def on_mount(self) -> None:
        self.query_one("#resume", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id)

    def action_choose(self, choice: str | None) -> None:
        self.dismiss(choice)
