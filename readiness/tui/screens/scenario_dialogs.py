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
from readiness.i18n.formats import day_time
from readiness.models.results import ScenarioResult
from readiness.tui.screens.resume_choice import ResumeChoice


class BriefingScreen(ModalScreen[bool]):
    """Who you are and what you know, before the clock starts. Dismissed with True when the
    participant leaves instead (q or Esc, as on every screen), False or None to start.

    The text has the keyboard (arrows and Page Up/Down scroll it; Enter starts), a line
    under it says whether there is more below, and the box grows with the terminal: the
    end of a briefing holds the people, the meters and how to pause."""

    CSS_PATH = "../scenario.tcss"
    BINDINGS = [
        Binding("enter", "start", "train.key.start", id="train.start", key_display="⏎"),
        Binding(
            "q,escape", "leave", "train.key.leave", id="train.briefing.leave", key_display="q/Esc"
        ),
    ]
    CHROME = 10
    """Rows of the box around the text: border, padding, the hint line and the button."""

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
            with VerticalScroll(id="briefing-body", classes="train-dialog-body"):
                yield Static(text)
            yield Static(id="briefing-more")
            yield Button(t("train.briefing.start"), id="start", variant="primary")

    def on_mount(self) -> None:
        body = self.query_one("#briefing-body", VerticalScroll)
        self._fit()
        body.focus()
        self.watch(body, "scroll_y", self._show_more, init=False)
        self.call_after_refresh(self._show_more)

    def on_resize(self) -> None:
        self._fit()
        self.call_after_refresh(self._show_more)

    def _fit(self) -> None:
        """Let the text use the terminal's height (a fixed box hid half of it on every size)."""
        body = self.query_one("#briefing-body", VerticalScroll)
        box_height = self.app.size.height * 9 // 10  # the box's max-height: 90%
        body.styles.max_height = max(3, box_height - self.CHROME)

    def _show_more(self, _scroll_y: float | None = None) -> None:
        body = self.query_one("#briefing-body", VerticalScroll)
        more = body.max_scroll_y > 0 and body.scroll_y < body.max_scroll_y
        key = "screens.briefing.more" if more else "screens.briefing.end"
        hint = self.query_one("#briefing-more", Static)
        hint.display = body.max_scroll_y > 0  # a short briefing needs no hint
        hint.update(Text(t(key), style="bold" if more else "dim"))

    @on(Button.Pressed)
    def action_start(self) -> None:
        self.dismiss(False)

    def action_leave(self) -> None:
        self.dismiss(True)


class PauseScreen(ModalScreen[None]):
    """Shown while a facilitator pauses the exercise: clearly says the clock is stopped."""

    CSS_PATH = "../scenario.tcss"
    BINDINGS = [
        Binding(
            "p,enter,escape",
            "resume",
            "train.key.continue",
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


class ScenarioResumeDialog(ResumeChoice):
    """Offer to continue an unfinished run. Dismisses with "resume", "new" or None (cancel)."""

    CSS_PATH = "../scenario.tcss"
    BINDINGS = [
        Binding("r", "choose('resume')", "train.resume.resume", id="train.resume"),
        Binding("n", "choose('new')", "train.resume.new", id="train.start_over"),
        Binding(
            "q,escape", "choose(None)", "train.key.cancel", id="train.cancel", key_display="q/Esc"
        ),
    ]

    def __init__(self, result: ScenarioResult, node_title: str) -> None:
        super().__init__()
        self.result = result
        self.node_title = node_title

    def compose(self) -> ComposeResult:
        when = day_time(self.result.started_at.astimezone())
        text = Text.assemble((self.result.content_title + "\n\n", "bold"))
        text.append(
            t("train.resume.body", when=when, count=len(self.result.steps), node=self.node_title)
        )
        with Vertical(id="resume-box", classes="train-dialog") as box:
            box.border_title = t("train.resume.title")
            yield Static(text)
            yield from self.buttons(
                t("train.resume.resume"), t("train.resume.new"), "train-buttons"
            )
