"""Small dialogs of the assessment: resume or start over, and one line of text (note, reason)."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from readiness.i18n import t
from readiness.i18n.formats import day_time
from readiness.models.results import AssessmentResult
from readiness.tui.screens.resume_choice import ResumeChoice


class AssessmentResumeDialog(ResumeChoice):
    """Offer to continue an unfinished run. Dismisses with "resume", "new" or None (cancel)."""

    CSS_PATH = "../assessment.tcss"
    BINDINGS = [
        Binding("r", "choose('resume')", "assess.resume.resume", id="assess.resume"),
        Binding("n", "choose('new')", "assess.resume.new", id="assess.start_over"),
        Binding(
            "q,escape", "choose(None)", "assess.key.cancel", id="assess.cancel", key_display="q/Esc"
        ),
    ]

    def __init__(self, result: AssessmentResult, answered: int, total: int) -> None:
        super().__init__()
        self.result = result
        self.answered = answered
        self.total = total

    def compose(self) -> ComposeResult:
        when = day_time(self.result.updated_at.astimezone())
        text = Text().append(t("assess.resume.title") + "\n\n", style="bold")
        text.append(self.result.content_title + "\n")
        text.append(t("assess.resume.body", when=when, answered=self.answered, total=self.total))
        with Vertical(id="resume-box", classes="assess-dialog"):
            yield Static(text)
            yield from self.buttons(
                t("assess.resume.resume"), t("assess.resume.new"), "assess-buttons"
            )


class TextPrompt(ModalScreen[str | None]):
    """Ask for one line of text. Dismisses with the text, or None when cancelled."""

    CSS_PATH = "../assessment.tcss"
    BINDINGS = [Binding("escape", "cancel", "assess.key.cancel", id="assess.cancel")]

    def __init__(
        self, title: str, explanation: str, value: str = "", required: bool = False
    ) -> None:
        super().__init__()
        self.title_text = title
        self.explanation = explanation
        self.value = value
        self.required = required

    def compose(self) -> ComposeResult:
        with Vertical(classes="assess-dialog"):
            yield Static(Text(self.title_text, style="bold"))
            yield Static(Text(self.explanation), classes="assess-dialog-help")
            yield Input(self.value, id="prompt-input", max_length=2000, select_on_focus=False)
            yield Static(Text(t("assess.prompt.keys")), classes="assess-dialog-help")

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        text = " ".join(event.value.split())
        if self.required and not text:
            self.notify(t("assess.prompt.required"), severity="warning", markup=False)
            return
        self.dismiss(text)

    def action_cancel(self) -> None:
        self.dismiss(None)
