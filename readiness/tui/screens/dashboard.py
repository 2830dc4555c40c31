"""The facilitator's live dashboard: the room's picture on the projector, and the controls.

A thread worker re-reads the workshop folder every second (only changed files are parsed,
broken ones are counted and skipped), analyses it with the same code as the group report,
and hands the result to the views; the UI thread never touches the disk. The controls write
the control file that every participant session follows (`readiness.workshop.control`)."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Literal

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static, TabbedContent, TabPane
from textual.worker import get_current_worker

from readiness.content.loader import ContentFile, Library
from readiness.i18n import t
from readiness.models.scenario import Channel
from readiness.tui.contracts import readiness_app
from readiness.tui.error_text import said
from readiness.tui.laid_out_once import LaidOutOnce
from readiness.tui.screens.dashboard_dialogs import InjectDialog, InjectRequest, StartDialog
from readiness.tui.screens.dashboard_views import AssessmentView, ScenarioView
from readiness.tui.widgets.footer import LocalFooter
from readiness.workshop import control
from readiness.workshop.control import ControlState
from readiness.workshop.group import analyse
from readiness.workshop.group_model import GroupReport
from readiness.workshop.scan import FolderScanner
from readiness.workshop.serve import ServeInfo, read_info

POLL_SECONDS = 1.0
"""A new or changed result file shows within two seconds: one poll interval plus the work."""
Tab = Literal["assessments", "scenarios"]


class DashboardScreen(LaidOutOnce[None]):
    """Assessments and scenarios of one workshop folder, live; start, pause, inject."""

    CSS_PATH = "../dashboard.tcss"
    HELP_BODY = "workshop.dash.help"
    """The help's closing text here: nothing is answered on this screen, so not the usual
    "everything you answer is saved" (`readiness.tui.screens.help.closing_key`)."""
    BINDINGS = [
        # a and s switch the tabs named at the top; left out of the footer so that q/Esc and
        # ? still fit at 80 columns in German (the help lists them).
        Binding(
            "a",
            "show('assessments')",
            "workshop.dash.key.assessments",
            id="dash.assessments",
            show=False,
        ),
        Binding(
            "s", "show('scenarios')", "workshop.dash.key.scenarios", id="dash.scenarios", show=False
        ),
        Binding("n", "step(1)", "workshop.dash.key.next", id="dash.next"),
        Binding("p", "step(-1)", "workshop.dash.key.previous", id="dash.previous", show=False),
        Binding("g", "start_exercise", "workshop.dash.key.start", id="dash.start"),
        Binding("space", "toggle_pause", "workshop.dash.key.pause", id="dash.pause"),
        Binding("i", "inject", "workshop.dash.key.inject", id="dash.inject"),
        Binding("r", "refresh", "workshop.dash.key.refresh", id="dash.refresh", show=False),
        # Shown like q/Esc everywhere else; nothing is lost (the room lives in its folder).
        Binding("q,escape", "app.quit", "keys.quit", id="dash.quit", key_display="q/Esc"),
    ]

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = folder
        self.scanner = FolderScanner(folder)
        self.report: GroupReport | None = None
        self.state: ControlState | None = None
        self.info: ServeInfo | None = None
        self.index: dict[Tab, int] = {"assessments": 0, "scenarios": 0}
        self._analysed_with: Library | None = None
        self._marked = False

    def compose(self) -> ComposeResult:
        yield Static(id="dash-status")
        yield Static(id="dash-join")
        with TabbedContent(id="dash-tabs"):
            with TabPane(t("workshop.dash.assessments"), id="assessments"):
                yield Static(t("workshop.dash.waiting"), id="a-empty", classes="empty")
                yield AssessmentView(id="a-view")
            with TabPane(t("workshop.dash.scenarios"), id="scenarios"):
                yield Static(t("workshop.dash.waiting"), id="s-empty", classes="empty")
                yield ScenarioView(id="s-view")
        yield LocalFooter(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one("#a-view").display = False
        self.query_one("#s-view").display = False
        self._status()
        self.set_interval(POLL_SECONDS, self.action_refresh, name="dashboard-poll")
        self.action_refresh()

    # -- reading the folder (thread) ----------------------------------------------------

    def action_refresh(self) -> None:
        self.poll_folder()

    @work(thread=True, exclusive=True, group="dashboard-scan")
    def poll_folder(self) -> None:
        if not self._marked:
            self._marked = True
            # A read-only folder is fine: the dashboard still shows what is there.
            with contextlib.suppress(OSError):
                control.mark_workshop(self.folder)
        scan = self.scanner.scan()
        state = control.read_state(self.folder)
        info = read_info(self.folder)
        library: Library | None = readiness_app(self).library
        report = None
        if library is not None and (scan.changed or self._analysed_with is not library):
            report = analyse(
                [r for _, r in scan.results],
                library,
                lang=readiness_app(self).settings.lang,
                folder=self.folder.name,
                unreadable=scan.unreadable,
            )
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self.show, report, state, info, library)

    def content_loaded(self, library: Library) -> None:
        """Called by the app when content has loaded: analyse at once."""
        self.action_refresh()

    # -- showing (UI thread) --------------------------------------------------------------

    def show(
        self,
        report: GroupReport | None,
        state: ControlState | None,
        info: ServeInfo | None,
        library: Library | None,
    ) -> None:
        self.state, self.info = state, info
        if report is not None:
            self.report = report
            self._analysed_with = library
            self._fill()
        self._status()

    def _status(self) -> None:
        status = Text()
        status.append(" ● ", style="bold green")
        status.append(t("workshop.dash.title", folder=self.folder.name), style="bold")
        if self.report is not None:
            status.append("  ·  " + t("workshop.dash.people", count=self.report.participants))
            if self.report.unreadable:
                status.append(
                    "  ·  " + t("workshop.dash.unreadable", count=len(self.report.unreadable)),
                    style="yellow",
                )
        if control.is_paused(self.state):
            status.append("   " + t("workshop.dash.paused") + " ", style="bold reverse red")
        self.query_one("#dash-status", Static).update(status)
        join = self.query_one("#dash-join", Static)
        join.display = self.info is not None
        if self.info is not None:
            line = Text(no_wrap=True, overflow="ellipsis")
            line.append(t("workshop.dash.code") + " ")
            line.append(f" {self.info.code} ", style="bold reverse")
            line.append("  ·  " + t("workshop.dash.join") + " ")
            line.append(self.info.url, style="bold")
            join.update(line)

    def _fill(self) -> None:
        report = self.report
        if report is None:
            return
        assessments = self.query_one("#a-view", AssessmentView)
        picked = self._pick("assessments", len(report.assessments), assessments, "#a-empty")
        if picked is not None:
            assessments.show(report.assessments[picked[0]], picked[1])
        scenarios = self.query_one("#s-view", ScenarioView)
        picked = self._pick("scenarios", len(report.scenarios), scenarios, "#s-empty")
        if picked is not None:
            scenarios.show(report.scenarios[picked[0]], picked[1])

    def _pick(
        self, tab: Tab, count: int, view: AssessmentView | ScenarioView, empty_id: str
    ) -> tuple[int, str] | None:
        """Which of `count` groups the tab shows, and its position label; None: none yet."""
        self.query_one(empty_id).display = not count
        view.display = bool(count)
        if not count:
            return None
        i = self.index[tab] % count
        return i, f"{i + 1}/{count}" if count > 1 else ""

    # -- navigation -------------------------------------------------------------------------

    def _tab(self) -> Tab:
        active = self.query_one(TabbedContent).active
        return "scenarios" if active == "scenarios" else "assessments"

    def action_show(self, tab: Tab) -> None:
        self.query_one(TabbedContent).active = tab

    def action_step(self, delta: int) -> None:
        self.index[self._tab()] += delta
        self._fill()

    # -- controls -----------------------------------------------------------------------------

    def _library(self) -> Library | None:
        library: Library | None = readiness_app(self).library
        if library is None:
            self.notify(t("workshop.dash.loading"))
        return library

    def action_start_exercise(self) -> None:
        library = self._library()
        if library is None:
            return
        lang = readiness_app(self).settings.lang
        contents = sorted(
            library.files, key=lambda f: (f.model.language != lang, f.kind, f.model.title)
        )

        def picked(content: ContentFile | None) -> None:
            if content is not None:
                self.issue("start", content_id=content.id)
                self.notify(t("workshop.dash.started", title=content.model.title), markup=False)

        self.app.push_screen(StartDialog(contents), picked)

    def action_toggle_pause(self) -> None:
        paused = control.is_paused(self.state)
        self.issue("resume" if paused else "pause")
        self.notify(t("workshop.dash.resumed" if paused else "workshop.dash.paused_all"))

    def action_inject(self) -> None:
        library = self._library()
        if library is None:
            return

        def picked(request: InjectRequest | None) -> None:
            if request is not None:
                self.issue(
                    "inject",
                    content_id=request.content_id,
                    channel=request.channel,
                    author=request.author,
                    text=request.text,
                )
                self.notify(t("workshop.dash.injected", author=request.author), markup=False)

        self.app.push_screen(InjectDialog(library.scenarios), picked)

    @work(thread=True, group="dashboard-control")
    def issue(
        self,
        kind: control.CommandKind,
        *,
        content_id: str = "",
        channel: Channel = "press",
        author: str = "",
        text: str = "",
    ) -> None:
        """Write a command to the control file (thread), then refresh the status."""
        try:
            control.issue(
                self.folder, kind, content_id=content_id, channel=channel, author=author, text=text
            )
        except OSError as exc:
            self.app.call_from_thread(self.notify, said(exc), severity="error", markup=False)
            return
        self.app.call_from_thread(self.action_refresh)
