"""The dashboard's two pictures of the room: one assessment, one scenario at a time.

Both are pure displays of the group model: `show(group)` replaces what they show. A
scenario's decision points are mounted once per shape of the scenario and then updated in
place, so a new result file does not make the projector flicker."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Static

from readiness.i18n import t
from readiness.tui.widgets.histogram import DistributionBars, ShareBars, ShareRow
from readiness.workshop.group_model import AssessmentGroup, DimensionGroup, ScenarioGroup


def heading(title: str, detail: str) -> Text:
    """Title on the first line, counts on the second; content text stays text, never markup."""
    text = Text(no_wrap=True, overflow="ellipsis")
    text.append(title + "\n", style="bold")
    text.append(detail, style="dim")
    return text


class AssessmentView(VerticalScroll):
    """Distributions per dimension, verdicts, the most common gaps and actions."""

    def compose(self) -> ComposeResult:
        yield Static(id="a-title", classes="view-title")
        yield DistributionBars(id="a-dims")
        yield Static(t("workshop.dash.legend"), classes="legend")
        with Horizontal(classes="two-columns"):
            with Vertical():
                yield Static(t("workshop.group.verdicts"), classes="section-title")
                yield ShareBars(id="a-levels")
            with Vertical():
                yield Static(t("workshop.group.gaps"), classes="section-title")
                yield Static(id="a-gaps")
        yield Static(t("workshop.group.actions"), classes="section-title")
        yield Static(id="a-actions")

    def show(self, group: AssessmentGroup, position: str) -> None:
        detail = t("workshop.group.runs", count=group.runs, finished=group.finished)
        self.query_one("#a-title", Static).update(heading(group.title, f"{detail}  {position}"))
        overall = DimensionGroup(
            id="_overall", title=t("workshop.group.overall"), scores=group.overall
        )
        self.query_one("#a-dims", DistributionBars).update([overall, *group.dimensions])
        self.query_one("#a-levels", ShareBars).update(
            [ShareRow(lv.title, lv.count, lv.share) for lv in group.levels]
        )
        gaps = Text(no_wrap=True, overflow="ellipsis")
        for g in group.gaps[:4]:
            gaps.append(f"{g.count:>3}/{group.runs} ", style="bold")
            gaps.append(g.title + "\n")
        self.query_one("#a-gaps", Static).update(gaps or Text(t("workshop.group.no_gaps")))
        actions = Text()
        for x in group.actions[:5]:
            actions.append(f"{x.count:>3} × ", style="bold")
            actions.append(x.text + "\n")
        self.query_one("#a-actions", Static).update(actions)


class ScenarioView(VerticalScroll):
    """Endings, then how the room decided at every decision point."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._shape: tuple[str, ...] = ()
        self._parts: list[tuple[Static, ShareBars]] = []

    def compose(self) -> ComposeResult:
        yield Static(id="s-title", classes="view-title")
        yield Static(t("workshop.group.endings"), classes="section-title")
        yield ShareBars(id="s-endings")
        yield Vertical(id="s-decisions")

    def show(self, group: ScenarioGroup, position: str) -> None:
        detail = t("workshop.group.runs", count=group.runs, finished=group.finished)
        self.query_one("#s-title", Static).update(heading(group.title, f"{detail}  {position}"))
        self.query_one("#s-endings", ShareBars).update(
            [ShareRow(e.title, e.count, e.share, e.outcome == "good") for e in group.endings]
        )
        shape = (group.content_id, *(d.node for d in group.decisions))
        if shape != self._shape:
            self._shape = shape
            box = self.query_one("#s-decisions", Vertical)
            box.remove_children()
            self._parts = [(Static(classes="section-title"), ShareBars()) for _ in group.decisions]
            box.mount_all([w for pair in self._parts for w in pair])
        for n, ((title_widget, bars), d) in enumerate(
            zip(self._parts, group.decisions, strict=True), start=1
        ):
            title = Text(f"{n}. ")
            title.append(d.title or d.node, style="bold")
            title.append("  " + t("workshop.group.reached", count=d.reached), style="dim")
            rows = [ShareRow(c.title, c.count, c.share, c.expert) for c in d.choices]
            if d.kind == "reply":
                written = d.reached - d.timeouts
                rows.append(
                    ShareRow(t("workshop.dash.replies_written"), written, 1 - d.timeout_share, True)
                )
            if d.timeouts or d.kind == "reply":
                rows.append(ShareRow(t("workshop.group.timeout"), d.timeouts, d.timeout_share))
            title_widget.update(title)
            bars.update(rows)
