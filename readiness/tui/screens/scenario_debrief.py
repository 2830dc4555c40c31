"""The debrief: what happened and what you did, why it mattered, what an expert would do."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Static, TabbedContent, TabPane

from readiness.engine import Debrief, Run, build_debrief, resume
from readiness.engine.expert import ExpertPath
from readiness.i18n import set_address, t
from readiness.models.results import ScenarioResult
from readiness.models.scenario import Scenario
from readiness.tui.contracts import readiness_app
from readiness.tui.screens import scenario_debrief_text as text
from readiness.tui.settled_layout import SettledLayout
from readiness.tui.widgets.meters import ScoreBars
from readiness.tui.widgets.steady_footer import SteadyFooter


class DebriefScreen(SettledLayout[None]):
    """Tabs: overview with scores, timeline, decisions with feedback, the reply, expert path."""

    CSS_PATH = "../scenario.tcss"
    BINDINGS = [
        # The tab's text has the keyboard (arrows and Page Up/Down scroll it); ← → switch tabs.
        Binding(
            "left",
            "tab(-1)",
            "screens.debrief.tabs",
            id="train.debrief.tabs",
            key_display="← →",
            priority=True,
        ),
        Binding("right", "tab(1)", show=False, priority=True),
        Binding("g", "report", "train.key.report", id="train.report"),
        Binding("q,escape", "close", "train.key.close", id="train.close", key_display="q/Esc"),
    ]

    def __init__(
        self, run: Run, result_path: Path | None, expert: ExpertPath | None = None
    ) -> None:
        super().__init__()
        self.run = run
        set_address(run.scenario.address)
        self.result_path = result_path
        self.debrief: Debrief = build_debrief(run, expert)

    def compose(self) -> ComposeResult:
        d, run = self.debrief, self.run
        yield Static(text.heading(d, run.fill(run.scenario.title)), id="debrief-head")
        with TabbedContent(id="debrief-tabs"):
            with TabPane(t("train.debrief.tab.overview"), id="tab-overview"), VerticalScroll():
                yield Static(text.ending(d), classes="debrief-block")
                yield Static(Text(t("train.debrief.scores"), style="bold"), classes="debrief-label")
                rows = [(s.title, s.percent, s.expert_percent) for s in d.scores]
                yield ScoreBars(rows, t("train.debrief.no_score"))
            with TabPane(t("train.debrief.tab.timeline"), id="tab-timeline"), VerticalScroll():
                yield Static(text.timeline(d), classes="debrief-block")
            with TabPane(t("train.debrief.tab.decisions"), id="tab-decisions"), VerticalScroll():
                for review in d.decisions:
                    yield Static(text.decision(review), classes="debrief-card")
            with TabPane(t("train.debrief.tab.replies"), id="tab-replies"), VerticalScroll():
                if not d.replies:
                    yield Static(Text(t("train.debrief.no_replies"), style="italic"))
                for reply in d.replies:
                    with Vertical(classes="debrief-card"):
                        yield Static(text.reply_head(reply))
                        yield Static(Text(reply.text or "…"), classes="debrief-quote")
                        yield Static(text.reply_rubric(reply))
                        if reply.expert_reply:
                            yield Static(
                                Text(t("train.debrief.model_answer"), style="bold"),
                                classes="debrief-subhead",
                            )
                            yield Static(Text(reply.expert_reply), classes="debrief-quote")
            with TabPane(t("train.debrief.tab.expert"), id="tab-expert"), VerticalScroll():
                # One scroll, step beside step: two panes scrolled apart and stopped lining up.
                yield Static(text.paths(d, run), id="paths", classes="debrief-block")
        yield SteadyFooter()

    def on_mount(self) -> None:
        self.call_after_refresh(self._focus_text)

    def on_tabbed_content_tab_activated(self) -> None:
        self.call_after_refresh(self._focus_text)

    def _focus_text(self) -> None:
        """Give the keyboard to the active tab's text (it sat on the tab bar, where arrows
        and Page Down did nothing visible)."""
        tabs = self.query_one("#debrief-tabs", TabbedContent)
        pane = tabs.active_pane
        if pane is not None:
            scrolls = pane.query(VerticalScroll)
            if scrolls:
                self.set_focus(scrolls.first())

    def action_tab(self, step: int) -> None:
        tabs = self.query_one("#debrief-tabs", TabbedContent)
        ids = [pane.id for pane in tabs.query(TabPane) if pane.id]
        if tabs.active in ids:
            tabs.active = ids[(ids.index(tabs.active) + step) % len(ids)]

    def action_report(self) -> None:
        if self.result_path is None:
            self.notify(t("train.debrief.not_saved"), severity="warning")
        else:
            readiness_app(self).open_report(self.result_path)

    def action_close(self) -> None:
        if len(self.app.screen_stack) <= 2:
            self.app.exit()
        else:
            self.app.pop_screen()


def debrief_screen(scenario: Scenario, result: ScenarioResult, path: Path | None) -> DebriefScreen:
    """The debrief of a saved run; raises `ReplayError` if the scenario changed since."""
    return DebriefScreen(resume(scenario, result), path)
