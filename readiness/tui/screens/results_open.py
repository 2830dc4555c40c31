"""Opening a saved run from the results browser, and asking before one is deleted."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from readiness.errors import ReadinessError
from readiness.i18n import t
from readiness.models.assessment import Assessment
from readiness.models.results import AnyResult, AssessmentResult, ScenarioResult
from readiness.models.scenario import Scenario
from readiness.tui.error_text import said

if TYPE_CHECKING:
    from readiness.tui.app import ReadinessApp


def open_run(app: ReadinessApp, path: Path, result: AnyResult) -> None:
    """Open `result` where it belongs: a finished exercise in its debrief, an unfinished one
    where it stopped (clock paused, briefing first); a self-assessment on its result screen
    when finished, at its questions otherwise. Without its content file (deleted, or changed
    so the run no longer replays) the combined gap report is the one view left."""
    library = app.library
    content = library.get(result.content_id) if library is not None else None
    folder = path.parent
    try:
        if isinstance(result, ScenarioResult) and content is not None:
            model = content.model
            assert isinstance(model, Scenario)
            _open_scenario(app, model, path, result, folder)
            return
        if isinstance(result, AssessmentResult) and content is not None:
            model_a = content.model
            assert isinstance(model_a, Assessment)
            _open_assessment(app, model_a, result, folder)
            return
    except ReadinessError as exc:  # a run that no longer replays: say so, show the report
        app.notify(t("results.cannot_open", error=said(exc)), severity="warning", timeout=8)
    else:
        app.notify(t("results.no_content", id=result.content_id), severity="warning", timeout=8)
    app.open_report(path)


def _open_scenario(
    app: ReadinessApp, model: Scenario, path: Path, result: ScenarioResult, folder: Path
) -> None:
    from readiness.engine import Session, resume
    from readiness.tui.screens.scenario_debrief import DebriefScreen
    from readiness.tui.screens.scenario_player import PlayerScreen

    run = resume(model, result)
    if result.finished:
        app.push_screen(DebriefScreen(run, path))
    else:
        app.push_screen(PlayerScreen(Session(run, folder), resumed=True))


def _open_assessment(
    app: ReadinessApp, model: Assessment, result: AssessmentResult, folder: Path
) -> None:
    from readiness.assessing import AssessmentSession
    from readiness.tui.screens.assessment_question import QuestionScreen
    from readiness.tui.screens.assessment_result import ResultScreen

    session = AssessmentSession(model, result, folder)
    app.push_screen(ResultScreen(session) if result.finished else QuestionScreen(session))


class ConfirmDelete(ModalScreen[bool]):
    """Delete (True) or keep (False) a saved run; "Keep" has the focus, Esc keeps."""

    CSS_PATH = "../report.tcss"
    BINDINGS = [
        Binding("escape,n,q", "keep", "results.delete.keep", id="results.delete.keep"),
        Binding("y", "delete", "results.delete.yes", id="results.delete.yes"),
    ]

    def __init__(self, title: str, when: str, who: str) -> None:
        super().__init__()
        self.what = title
        self.when = when
        self.who = who

    def compose(self) -> ComposeResult:
        with Vertical(id="delete-box"):
            yield Static(Text(t("results.delete.title"), style="bold"))
            yield Static(
                Text(t("results.delete.body", title=self.what, when=self.when, who=self.who))
            )
            with Horizontal(id="delete-buttons"):
                yield Button(t("results.delete.keep") + " (Esc)", id="keep", variant="primary")
                yield Button(t("results.delete.yes") + " (y)", id="delete", variant="error")

    def on_mount(self) -> None:
        self.query_one("#keep", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "delete")

    def action_keep(self) -> None:
        self.dismiss(False)

    def action_delete(self) -> None:
        self.dismiss(True)
