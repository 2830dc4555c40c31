"""Section overview: every question asked, by dimension, with its status; jump to any of them."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from readiness.assessing import AssessmentSession, Status
from readiness.i18n import t
from readiness.tui.laid_out_once import LaidOutOnce
from readiness.tui.widgets.footer import LocalFooter
from readiness.tui.widgets.header import LocalHeader

MARKS: dict[Status, str] = {
    "answered": "✓",
    "not_applicable": "–",
    "skipped": "»",
    "unanswered": "·",
}


class OverviewScreen(LaidOutOnce[str | None]):
    """Dismisses with the id of the question to jump to, or None to go back unchanged."""

    CSS_PATH = "../assessment.tcss"
    BINDINGS = [
        # Priority: the list's own (hidden) Enter binding would otherwise hide this one.
        Binding(
            "enter",
            "jump",
            "assess.overview.jump",
            id="assess.overview.jump",
            key_display="⏎",
            priority=True,
        ),
        Binding("u", "next_open", "assess.overview.next_open", id="assess.overview.next_open"),
        Binding(
            "q,escape,o",
            "close",
            "assess.key.back_to_question",
            id="assess.overview.close",
            key_display="q/Esc",
        ),
    ]

    def __init__(self, session: AssessmentSession) -> None:
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        yield LocalHeader()
        yield Static(self._summary(), id="overview-summary")
        yield Static(Text(t("assess.overview.legend")), id="overview-legend")
        yield OptionList(*self._options(), id="overview-list")
        yield LocalFooter(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.title = self.session.assessment.title
        self.sub_title = self.session.result.participant
        listing = self.query_one(OptionList)
        current = self.session.current
        if current is not None:
            listing.highlighted = listing.get_option_index(current.id)
        listing.focus()

    def _summary(self) -> Text:
        p = self.session.progress()
        return Text(t("assess.overview.summary", done=p.done, total=p.total, missing=p.missing))

    def _options(self) -> list[Option]:
        session = self.session
        shown = session.visible()
        current = session.current.id if session.current else None
        options: list[Option] = []
        number = {q.id: i + 1 for i, q in enumerate(shown)}
        for dim in session.assessment.dimensions:
            mine = [q for q in shown if q.dimension == dim.id]
            if not mine:
                continue
            done = sum(session.status_of(q.id) in ("answered", "not_applicable") for q in mine)
            heading = Text().append(dim.title, style="bold")
            heading.append(f"  {done}/{len(mine)}", style="dim")
            options.append(Option(heading, disabled=True))
            for q in mine:
                answer = session.answer_of(q.id)
                row = Text("▶ " if q.id == current else "  ", no_wrap=True, overflow="ellipsis")
                row.append(f"{MARKS[session.status_of(q.id)]} {number[q.id]:>2}  ")
                row.append("⚑ " if answer is not None and answer.flagged else "", style="bold")
                row.append("✎ " if answer is not None and answer.note else "")
                row.append(q.text)  # content text: plain, never markup
                options.append(Option(row, id=q.id))
        return options

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_jump(self) -> None:
        listing = self.query_one(OptionList)
        if listing.highlighted is not None:
            self.dismiss(listing.get_option_at_index(listing.highlighted).id)

    def action_next_open(self) -> None:
        """Highlight the next question that is neither answered nor N/A (wrapping around)."""
        listing = self.query_one(OptionList)
        ids = [o.id for o in listing.options]
        start = listing.highlighted if listing.highlighted is not None else -1
        for step in range(1, len(ids) + 1):
            i = (start + step) % len(ids)
            qid = ids[i]
            if qid is not None and self.session.status_of(qid) in ("skipped", "unanswered"):
                listing.highlighted = i
                return
        self.notify(t("assess.overview.all_done"), markup=False)

    def action_close(self) -> None:
        self.dismiss(None)
