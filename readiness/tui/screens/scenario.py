"""Starting a crisis exercise: `start()` offers to resume an unfinished run, then plays it.

Called by `ReadinessApp.open_content` for scenario files (from the home screen, the command
palette or `readiness train`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from readiness.content.loader import ContentFile
from readiness.engine import ReplayError, Run, Session, new_scenario_result, resume
from readiness.engine.timeline import node_title
from readiness.errors import ReadinessError
from readiness.i18n import t
from readiness.models.results import ScenarioResult
from readiness.models.scenario import Scenario
from readiness.storage import find_unfinished
from readiness.tui.error_text import said
from readiness.tui.screens.player_clock import TimeSource
from readiness.tui.screens.scenario_dialogs import ScenarioResumeDialog
from readiness.tui.screens.scenario_player import PlayerScreen

if TYPE_CHECKING:
    from readiness.tui.app import ReadinessApp


def start(
    app: ReadinessApp, content: ContentFile, *, time_source: TimeSource | None = None
) -> None:
    """Open `content` for the app's participant (settings: `--practice`, `--var`)."""
    settings = app.settings
    model = content.model
    assert isinstance(model, Scenario)
    folder = settings.results_dir

    def play(run: Run, resumed: bool) -> None:
        session = Session(run, folder)
        app.push_screen(PlayerScreen(session, resumed=resumed, time_source=time_source))

    def fresh() -> Run | None:
        try:
            result = new_scenario_result(
                model,
                mode="practice" if settings.practice else "exercise",
                values=settings.variables,
                content_hash=content.sha256,
                participant=settings.participant,
                team=settings.team,
                seed=settings.seed,
            )
        except ReadinessError as exc:
            app.notify(said(exc), severity="error", timeout=10)
            return None
        return Run(model, result)

    def play_fresh() -> None:
        run = fresh()
        if run is not None:
            play(run, resumed=False)
        elif len(app.screen_stack) <= 1:
            app.exit(2)

    def look_for_unfinished() -> None:
        """On a thread: scanning the results folder and replaying a long run to where it
        stopped would otherwise hold up the screen that asked for the exercise."""
        try:
            found = find_unfinished(folder, model.id, settings.participant)
        except OSError:
            found = []
        unfinished = [r for _, r in found if isinstance(r, ScenarioResult)]
        revived: Run | None = None
        failed = ""
        if unfinished:
            try:
                revived = resume(model, unfinished[0])
            except ReplayError as exc:
                failed = said(exc)
        app.call_from_thread(offer, unfinished[0] if unfinished else None, revived, failed)

    def offer(latest: ScenarioResult | None, revived: Run | None, failed: str) -> None:
        if failed:
            app.notify(t("train.resume.failed", error=failed), severity="warning", timeout=10)
        if latest is None or revived is None:
            play_fresh()
            return

        def chosen(choice: str | None) -> None:
            if choice == "resume":
                play(revived, resumed=True)
            elif choice == "new":
                play_fresh()
            elif len(app.screen_stack) <= 1:
                app.exit()  # started directly on this scenario: nothing else to show

        app.push_screen(ScenarioResumeDialog(latest, node_title(revived, revived.node.id)), chosen)

    app.run_worker(look_for_unfinished, thread=True, group="scenario-start", exit_on_error=False)
