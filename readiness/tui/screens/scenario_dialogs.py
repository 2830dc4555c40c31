"""Small modal screens of the crisis player: briefing, pause, resume-or-restart.

While any of them is open the player is suspended, so the scenario clock stands still."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from readiness.i18n import t
from readiness.models.results import ScenarioResult
from readiness.tui.screens.resume_choice import ResumeChoice


class BriefingScreen(ModalScreen[None]):
    """Who you are and what you know, before the clock starts."""

    CSS_PATH = "../scenario.tcss"
    BINDINGS = [
        Binding("enter", "start", t("train.key.start"), id="train.start", key_display="⏎"),
        Binding("escape", "start", show=False),
    ]

    def __init__(self, title: str, briefing: str, practice: bool, resumed: bool) -> None:
        super().__init__()
        self.title_text = title
        self.briefing = briefing
        self.practice = practice
        self.resumed = resumed

    def compose(self) -> ComposeResult:
        text = Text.assemble((self.title_text + "\n\n", "bold"))
        text.append(self.briefing + "\n\n")
        if self.resumed:
            text.append(t("train.briefing.resumed") + "\n\n", style="italic")
        text.append(
            t("train.briefing.practice" if self.practice else "train.briefing.exercise"),
            style="dim",
        )
        with Vertical(id="briefing-box", classes="train-dialog") as box:
            box.border_title = t("train.briefing.title")
            with VerticalScroll(classes="train-dialog-body"):
                yield Static(text)
            yield Button(t("train.briefing.start"), id="start", variant="primary")

    def on_mount(self) -> None:
        self.query_one(Button).focus()

    @on(Button.Pressed)
    def action_start(self) -> None:
        self.dismiss(None)


class PauseScreen(ModalScreen[None]):
    """Shown while a facilitator pauses the exercise: clearly says the clock is stopped."""

    CSS_PATH = "../scenario.tcss"
    BINDINGS = [
        Binding(
            "p,enter,escape",
            "resume",
            t("train.key.continue"),
            id="train.continue",
            key_display="p",
        ),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="pause-box", classes="train-dialog") as box:
            box.border_title = t("train.pause.title")
            yield Static(Text("⏸  " + t("train.status.paused"), style="bold"), id="pause-title")
            yield Static(Text(t("train.pause.body")))

    def action_resume(self) -> None:
        self.dismiss(None)


class ResumeDialog(ResumeChoice):
    """Offer to continue an unfinished run. Dismisses with "resume", "new" or None (cancel)."""

    CSS_PATH = "../scenario.tcss"
    BINDINGS = [
        Binding("r", "choose('resume')", t("train.resume.resume"), id="train.resume"),
        Binding("n", "choose('new')", t("train.resume.new"), id="train.start_over"),
        Binding("escape", "choose(None)", t("train.key.cancel"), id="train.cancel"),
    ]

    def __init__(self, result: ScenarioResult, node_title: str) -> None:
        super().__init__()
        self.result = result
        self.node_title = node_title

    def compose(self) -> ComposeResult:
        when = self.result.started_at.astimezone().strftime("%Y-%m-%d %H:%M")
        text = Text.assemble((self.result.content_title + "\n\n", "bold"))
        text.append(
            t("train.resume.body", when=when, steps=len(self.result.steps), node=self.node_title)
        )
        with Vertical(id="resume-box", classes="train-dialog") as box:
            box.border_title = t("train.resume.title")
            yield Static(text)
            yield from self.buttons(
                t("train.resume.resume"), t("train.resume.new"), "train-buttons"
            )
