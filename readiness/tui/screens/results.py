"""Saved results: pick a run and open it (its debrief or result, or resume it), delete one,
or open the combined gap report of the participant's runs."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Static

from readiness.errors import ResultFileError
from readiness.i18n import current_language, t
from readiness.i18n.formats import day, day_time
from readiness.models.results import AnyResult, AssessmentResult, ScenarioResult
from readiness.tui.contracts import readiness_app
from readiness.tui.error_text import said
from readiness.tui.laid_out_once import LaidOutOnce
from readiness.tui.screens.results_open import ConfirmDelete, open_run
from readiness.tui.widgets.footer import LocalFooter
from readiness.tui.widgets.header import LocalHeader


def kind_label(result: AnyResult) -> str:
    kind = "assessment" if isinstance(result, AssessmentResult) else "scenario"
    return t(f"results.kind.{kind}")


def mode_label(result: AnyResult) -> str:
    """Practice or exercise for a crisis exercise; a self-assessment has no mode."""
    if isinstance(result, ScenarioResult):
        return t(f"results.mode.{result.mode}")
    return "–"


TITLE_MIN = 10
"""Columns the content title keeps however narrow the terminal (it wraps within them)."""
TITLE_COMFORT = 16
"""Below this, the time of day moves under the date to give the title more room."""


def _cells(r: AnyResult, stacked: bool = False) -> list[str | Text]:
    """One run's cells; `stacked` puts the time of day under the date."""
    state = t("results.finished") if r.finished else t("results.unfinished")
    when = r.updated_at.astimezone()
    return [
        f"{day(when)}\n{when:%H:%M}" if stacked else day_time(when),
        kind_label(r),
        mode_label(r),
        Text(state, style="" if r.finished else "bold"),
        Text(r.participant or "–"),
        Text(r.content_title or r.content_id),
    ]


class RunTable(DataTable[object]):
    """The runs, with Enter shown in the footer as "Open"."""

    BINDINGS = [Binding("enter", "select_cursor", "results.key.open", id="results.open")]


class ResultsScreen(LaidOutOnce[None]):
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
        yield LocalHeader()
        yield Static(t("results.title"), id="results-title")
        yield RunTable(id="results-table", cursor_type="row", zebra_stripes=True)
        yield LocalFooter()

    def on_mount(self) -> None:
        self._fill()
        self.scan()

    def on_resize(self) -> None:
        self._fill()  # the title column takes what the others leave, at any width

    @work(thread=True, exclusive=True)
    def scan(self) -> None:
        from readiness.storage import scan_results

        settings = readiness_app(self).settings
        runs, bad = scan_results(settings.results_dir)
        if settings.restricted:  # a browser participant sees only their own runs
            runs = [(p, r) for p, r in runs if r.participant == settings.participant]
            bad = []
        runs.sort(key=lambda pr: pr[1].updated_at, reverse=True)
        self.app.call_from_thread(self.show, runs, bad, settings.results_dir)

    def show(
        self, runs: list[tuple[Path, AnyResult]], broken: list[ResultFileError], folder: Path
    ) -> None:
        table = self.query_one(DataTable)
        self.runs = list(runs)
        self._fill()
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
            self.notify(broken_files(broken), severity="warning", markup=False, timeout=10)
        table.focus()

    def _fill(self) -> None:
        """The rows, with the content title in the width the other columns leave: a long
        title wraps within its row instead of running off the screen. Where even that leaves
        too little (80 columns in German), the time goes under the date."""
        table = self.query_one(DataTable)
        cursor = table.cursor_row
        headers = [t(f"results.{key}") for key in ("date", "kind", "mode", "state", "who")]
        width = table.scrollable_content_region.width or self.app.size.width
        longest = max(
            [Text(t("results.what")).cell_len]
            + [Text(r.content_title or r.content_id).cell_len for _, r in self.runs]
        )
        for stacked in (False, True):
            rows = [_cells(r, stacked) for _, r in self.runs]
            widths = _column_widths(headers, rows)
            pad = 2 * table.cell_padding
            room = width - sum(w + pad for w in widths) - pad - 2  # 2 spare for a scrollbar
            if room >= min(longest, TITLE_COMFORT):
                break
        table.clear(columns=True)
        # Each column as wide as its widest line, given, not left for the table to measure:
        # it measures new rows only when idle, after a frame may already have drawn (and
        # cached) the header at the headers' own widths, which then stayed too narrow.
        for header, column_width in zip(headers, widths, strict=True):
            table.add_column(header, width=column_width)
        table.add_column(t("results.what"), width=max(TITLE_MIN, min(longest, room)))
        for cells in rows:
            table.add_row(*cells, height=None)
        if rows:
            table.move_cursor(row=min(max(cursor, 0), len(rows) - 1))

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
                self.notify(t("results.delete_failed", error=said(exc)), severity="error")
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


def _column_widths(headers: list[str], rows: list[list[str | Text]]) -> list[int]:
    """Cells of each column before the title's: its widest line, header included."""
    widths = [Text(h).cell_len for h in headers]
    for cells in rows:
        widths = [
            max(w, *(Text(line).cell_len for line in str(c).split("\n")))
            for w, c in zip(widths, cells, strict=False)
        ]
    return widths


SHOWN_BROKEN = 3
"""Files named in the notice about unreadable results; the rest are counted."""


def broken_files(broken: list[ResultFileError]) -> str:
    """How many files could not be read, and which and why: "a file could not be read" alone
    left the participant to guess which of dozens, and what to do about it."""
    lines = [t("results.broken", count=len(broken))]
    lines += [error.named(current_language()) for error in broken[:SHOWN_BROKEN]]
    if len(broken) > SHOWN_BROKEN:
        lines.append(t("results.broken_more", count=len(broken) - SHOWN_BROKEN))
    return "\n".join(lines)
