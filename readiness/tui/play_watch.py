"""`readiness play FILE [--watch]`: preview a content file and reload it whenever it is saved.

The app is the normal `ReadinessApp` started on one file. With `--watch` a timer stats the
file twice a second; a changed file is loaded in a thread, and then either the problems are
shown in a dialog (the game underneath stays as it was) or the game is rebuilt on the new
content at the position the trainer had reached (`readiness.authoring.watch`)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from readiness.assessing import AssessmentSession
from readiness.authoring.load import load_file
from readiness.authoring.watch import POLL_SECONDS, FileWatch, carry_answers, carry_run
from readiness.content.loader import ContentFile, Library
from readiness.content.problems import ContentProblem
from readiness.engine import Session
from readiness.i18n import t
from readiness.models.assessment import Assessment
from readiness.models.results import AssessmentResult, ScenarioResult
from readiness.settings import Settings
from readiness.tui.app import ReadinessApp
from readiness.tui.contracts import readiness_app
from readiness.tui.safe_text import plain
from readiness.tui.screens.assessment import QuestionScreen
from readiness.tui.screens.scenario_dialogs import BriefingScreen
from readiness.tui.screens.scenario_player import PlayerScreen


class ProblemsScreen(ModalScreen[None]):
    """What is wrong with the file, until the trainer saves a version that loads."""

    CSS_PATH = "play_watch.tcss"
    BINDINGS = [Binding("q", "app.quit", "author.watch.quit", id="watch.quit")]

    def __init__(self, path: Path, problems: list[ContentProblem]) -> None:
        super().__init__()
        self.path = path
        self.problems = problems

    def compose(self) -> ComposeResult:
        with Vertical(id="watch-problems") as box:
            # A file name is not markup: `bad[link=a:b].en.toml` must show as it is.
            box.border_title = plain(t("author.watch.broken_title", name=self.path.name))
            yield Static(id="watch-intro")
            with VerticalScroll(id="watch-list"):
                yield Static(id="watch-lines")

    def on_mount(self) -> None:
        self.show(self.problems)

    def show(self, problems: list[ContentProblem]) -> None:
        """Replace the list (the file was saved again, still broken)."""
        self.problems = problems
        intro = t("author.watch.broken_intro", count=len(problems))
        self.query_one("#watch-intro", Static).update(Text(intro))
        lines = Text()
        lang = readiness_app(self).settings.lang
        for problem in problems:
            where = f"{problem.line}: " if problem.line else ""
            lines.append(f"{where}{problem.key_label(lang)}", style="bold")
            lines.append(f"  {problem.message.text(lang)}\n")
        self.query_one("#watch-lines", Static).update(lines)


class WatchApp(ReadinessApp):
    """Plays one file; reloads it on save when `watch` is set. Results go to a scratch folder:
    a preview is not a participant's run."""

    preview = True
    """Read by the player: leaving says nothing about saving, since nothing is kept."""

    def __init__(
        self,
        settings: Settings,
        path: Path,
        content: ContentFile | None,
        problems: list[ContentProblem],
        watch: bool,
    ) -> None:
        self._scratch = tempfile.TemporaryDirectory(prefix="readiness-play-")
        settings.results_dir = Path(self._scratch.name)
        library = Library(files=[content] if content else [])
        super().__init__(settings, library=library, start=content, home=False)
        self.path = path
        self.content = content
        self.initial_problems = problems
        self.file_watch = FileWatch(path) if watch else None
        self.reloads = 0
        """How many saved versions were loaded; tests wait on it."""

    def on_mount(self) -> None:
        # Textual also runs ReadinessApp.on_mount (handlers are called along the MRO), which
        # opens the file: no super() call here.
        self.title = f"readiness play {self.path.name}"
        if self.content is None:
            self.push_screen(ProblemsScreen(self.path, self.initial_problems))
        if self.file_watch is not None:
            self.set_interval(POLL_SECONDS, self.check_file)

    def on_unmount(self) -> None:
        self._scratch.cleanup()

    def check_file(self) -> None:
        if self.file_watch is not None and self.file_watch.changed():
            self.run_worker(self._load, thread=True, exclusive=True, group="watch")

    def _load(self) -> None:
        content, problems = load_file(self.path)
        self.call_from_thread(self._file_loaded, content, problems)

    def _file_loaded(self, content: ContentFile | None, problems: list[ContentProblem]) -> None:
        self.call_later(self.reloaded, content, problems)

    async def reloaded(self, content: ContentFile | None, problems: list[ContentProblem]) -> None:
        """Show what is wrong, or rebuild the game on the new content at the same place."""
        errors = [p for p in problems if p.severity == "error"]
        if content is None:
            if isinstance(self.screen, ProblemsScreen):
                self.screen.show(errors)
            else:
                await self.push_screen(ProblemsScreen(self.path, errors))
            self.reloads += 1
            return
        previous = self._current_result()
        while len(self.screen_stack) > 1:
            await self.pop_screen()
        self.content = content
        self.library = Library(files=[content])
        await self._restart(content, previous)
        warnings = len(problems) - len(errors)
        self.notify(t("author.watch.reloaded", name=self.path.name, count=warnings))
        self.reloads += 1

    def _current_result(self) -> AssessmentResult | ScenarioResult | None:
        """The run on screen, found on the topmost screen that plays one."""
        for screen in reversed(self.screen_stack):
            session = getattr(screen, "session", None)
            run = getattr(session, "run", None) or getattr(screen, "run", None)
            result = getattr(run, "result", None) or getattr(session, "result", None)
            if isinstance(result, AssessmentResult | ScenarioResult):
                return result
        return None

    async def _restart(
        self, content: ContentFile, previous: AssessmentResult | ScenarioResult | None
    ) -> None:
        model = content.model
        if isinstance(model, Assessment):
            if not isinstance(previous, AssessmentResult):
                self.open_content(content)
                return
            carried = carry_answers(model, previous)
            await self.push_screen(QuestionScreen(AssessmentSession(model, carried, None)))
            return
        if not isinstance(previous, ScenarioResult):
            self.open_content(content)
            return
        run, _kept = carry_run(model, previous)
        await self.push_screen(PlayerScreen(Session(run, self.settings.results_dir), resumed=True))
        self.call_after_refresh(self._skip_briefing)

    def _skip_briefing(self, tries: int = 20) -> None:
        """After a reload the trainer has read the briefing: go straight back to the step.

        The player pushes its briefing while mounting, so look again a few refreshes later
        if it is not there yet."""
        if isinstance(self.screen, BriefingScreen):
            self.screen.dismiss(None)
        elif tries > 0 and isinstance(self.screen, PlayerScreen):
            self.call_after_refresh(self._skip_briefing, tries - 1)
