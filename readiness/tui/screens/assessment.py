"""Taking a self-assessment: `start(app, content)` offers to resume, then asks the questions.

The app imports this module for assessments (`ReadinessApp.open_content`); the screens live
in `assessment_*.py` next to it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from readiness.assessing import AssessmentSession, new_assessment_result
from readiness.content.loader import ContentFile
from readiness.i18n import set_address
from readiness.models.assessment import Assessment
from readiness.models.results import AssessmentResult
from readiness.storage import find_unfinished
from readiness.tui.screens.assessment_dialogs import AssessmentResumeDialog
from readiness.tui.screens.assessment_question import QuestionScreen

if TYPE_CHECKING:
    from readiness.tui.app import ReadinessApp

__all__ = ["QuestionScreen", "start"]


def start(app: ReadinessApp, content: ContentFile) -> None:
    """Open `content` for the app's participant: offer to resume an unfinished run first."""
    settings = app.settings
    model = content.model
    assert isinstance(model, Assessment)
    folder = settings.results_dir
    profile = settings.profile

    def open_run(result: AssessmentResult) -> None:
        if profile:
            result.profile = profile
        app.push_screen(QuestionScreen(AssessmentSession(model, result, folder)))

    def fresh() -> AssessmentResult:
        return new_assessment_result(content, settings.participant, settings.team, profile)

    unfinished = [r for _, r in find_unfinished(folder, model.id, settings.participant)]
    if not unfinished or not isinstance(unfinished[0], AssessmentResult):
        open_run(fresh())
        return
    latest = unfinished[0]
    progress = AssessmentSession(model, latest, None).progress()

    def chosen(choice: str | None) -> None:
        if choice == "resume":
            open_run(latest)
        elif choice == "new":
            open_run(fresh())
        elif len(app.screen_stack) <= 1:
            app.exit()  # started directly on this assessment: nothing else to show

    # The dialog asks about this check: in its form of address ("wo du aufgehört hast"), not
    # the home screen's Sie (cancelling it returns to the home screen, which sets Sie again).
    set_address(model.address)
    app.push_screen(AssessmentResumeDialog(latest, progress.done, progress.total), chosen)
