"""Saved results: pick a run and open it (its debrief or result, or resume it), delete one,
or open the combined gap report of the participant's runs."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from readiness.i18n import t
from readiness.i18n.formats import day_time
from readiness.models.results import AnyResult, AssessmentResult, ScenarioResult
from readiness.tui.contracts import readiness_app
from readiness.tui.screens.results_open import ConfirmDelete, open_run
from readiness.tui.widgets.footer import LocalFooter


def kind_label(result: AnyResult) -> str:
    kind = "assessment" if isinstance(result, AssessmentResult) else "scenario"
    return t(f"results.kind.{kind}")


def mode_label(result: AnyResult) -> str:
    """Practice or exercise for a crisis exercise; a self-assessment has no mode."""
    if isinstance(result, ScenarioResult):
        return t(f"results.mode.{result.mode}")
    return "–"


class RunTable(DataTable[object]):
    """The runs, with Enter shown in the footer as "Open"."""

    BINDINGS = [Binding("enter", "select_cursor", "results.key.open", id="results.open")]


class ResultsScreen(Screen[None]):
    """Lists the result files in the results folder, newest first. The columns that tell
    runs apart (kind, mode, state) come first so they fit at 80 columns; the title last."""

    CSS_PATH = "../report.tcss"
    BINDINGS = [
        Binding("g", "report", "results.key.report", id="results.report"),
        Binding("delete,d", "delete", "results.key.delete", id="results.delete", key_display="d"),
        Binding("q,escape", "back", "keys.back", id="back", key_display="q/Esc"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.runs: list[tuple[Path, AnyResult]] = []

    @property
    def paths(self) -> list[Path]:
        return [p for p, _ in self.runs]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(t("results.title"), id="results-title")
        yield RunTable(id="results-table", cursor_type="row", zebra_stripes=True)
        yield LocalFooter()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns(
            t("results.date"),
            t("results.kind"),
            t("results.mode"),
            t("results.state"),
            t("results.who"),
            t("results.what"),
        )
        self.scan()

    @work(thread=True, exclusive=True)
    def scan(self) -> None:
        from readiness.storage import scan_results

        settings = readiness_app(self).settings
        runs, bad = scan_results(settings.results_dir)
        if settings.restricted:  # a browser participant sees only their own runs
            runs = [(p, r) for p, r in runs if r.participant == settings.participant]
            bad = []
        runs.sort(key=lambda pr: pr[1].updated_at, reverse=True)
        self.app.call_from_thread(self.show, runs, len(bad), settings.results_dir)

    def show(self, runs: list[tuple[Path, AnyResult]], broken: int, folder: Path) -> None:
        table = self.query_one(DataTable)
        table.clear()
        self.runs = list(runs)
        for _, r in runs:
            state = t("results.finished") if r.finished else t("results.unfinished")
            table.add_row(
                day_time(r.updated_at.astimezone()),
                kind_label(r),
                mode_label(r),
                Text(state, style="" if r.finished else "bold"),
                Text(r.participant or "–"),
                Text(r.content_title or r.content_id),
            )
        title = self.query_one("#results-title", Static)
        if not runs:
            restricted = readiness_app(self).settings.restricted
            # A browser participant is never shown a path on the facilitator's computer.
            empty = (
                t("workshop.results_empty")
                if restricted
                else t("results.empty", folder=str(folder))
            )
            title.update(Text(empty))
        else:
            title.update(Text(t("results.title")))
        if broken:
            self.notify(t("results.broken", count=broken), severity="warning")
        table.focus()

    def _picked(self) -> tuple[Path, AnyResult] | None:
        table = self.query_one(DataTable)
        if 0 <= table.cursor_row < len(self.runs):
            return self.runs[table.cursor_row]
        return None

    @on(DataTable.RowSelected)
    def _selected(self) -> None:
        self.action_open()

    def action_open(self) -> None:
        """This run: a finished exercise's debrief, a self-assessment's result, or resume it."""
        picked = self._picked()
        if picked is not None:
            open_run(readiness_app(self), *picked)

    def action_report(self) -> None:
        """The combined gap report: this run with the participant's other runs."""
        picked = self._picked()
        if picked is not None:
            readiness_app(self).open_report(picked[0])

    def action_delete(self) -> None:
        picked = self._picked()
        if picked is None:
            return
        path, result = picked

        def confirmed(yes: bool | None) -> None:
            if not yes:
                return
            try:
                path.unlink()
            except OSError as exc:
                self.notify(t("results.delete_failed", error=str(exc)), severity="error")
                return
            self.notify(t("results.deleted", title=result.content_title or result.content_id))
            self.scan()

        when = day_time(result.updated_at.astimezone())
        title = result.content_title or result.content_id
        self.app.push_screen(ConfirmDelete(title, when, result.participant or "–"), confirmed)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # In a browser workshop the results folder is the facilitator's: nothing is deleted.
        if action == "delete":
            return not readiness_app(self).settings.restricted
        return True

    def on_screen_resume(self) -> None:
        if self.runs:
            self.scan()  # a resumed run may have moved on, or finished

    def action_back(self) -> None:
        self.app.pop_screen()
