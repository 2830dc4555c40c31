"""Saved results: pick a run and open its gap report."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from readiness.i18n import t
from readiness.models.results import AnyResult
from readiness.tui.contracts import readiness_app


class ResultsScreen(Screen[None]):
    """Lists the result files in the results folder, newest first."""

    BINDINGS = [
        Binding("enter", "open", t("report.tui.open"), id="open"),
        Binding("escape,b", "back", t("keys.back"), id="back"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.paths: list[Path] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(t("results.title"), id="results-title")
        yield DataTable(id="results-table", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns(
            t("results.date"), t("results.what"), t("results.who"), t("results.state")
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
        self.paths = [p for p, _ in runs]
        for _, r in runs:
            state = t("results.finished") if r.finished else t("results.unfinished")
            table.add_row(
                r.updated_at.strftime("%Y-%m-%d %H:%M"),
                Text(r.content_title or r.content_id),
                Text(r.participant or "–"),
                state,
            )
        if not runs:
            restricted = readiness_app(self).settings.restricted
            # A browser participant is never shown a path on the facilitator's computer.
            empty = (
                t("workshop.results_empty")
                if restricted
                else t("results.empty", folder=str(folder))
            )
            self.query_one("#results-title", Static).update(Text(empty))
        if broken:
            self.notify(t("results.broken", count=broken), severity="warning")
        table.focus()

    @on(DataTable.RowSelected)
    def _selected(self) -> None:
        self.action_open()

    def action_open(self) -> None:
        table = self.query_one(DataTable)
        if 0 <= table.cursor_row < len(self.paths):
            readiness_app(self).open_report(self.paths[table.cursor_row])

    def action_back(self) -> None:
        self.app.pop_screen()
