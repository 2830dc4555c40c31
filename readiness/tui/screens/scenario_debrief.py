"""The debrief: what happened and what you did, why it mattered, what an expert would do."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widget import Widget
from textual.widgets import ContentSwitcher, Static

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
from readiness.tui.widgets.tab_line import TabLine

PANES = [
    ("tab-overview", "train.debrief.tab.overview"),
    ("tab-timeline", "train.debrief.tab.timeline"),
    ("tab-decisions", "train.debrief.tab.decisions"),
    ("tab-replies", "train.debrief.tab.replies"),
    ("tab-expert", "train.debrief.tab.expert"),
]
"""The debrief's tabs in order: (pane id, catalog key of its title)."""


class DebriefScreen(SettledLayout[None]):
    """Tabs: overview with scores, timeline, decisions with feedback, the reply, expert path."""

    CSS_PATH = "../scenario.tcss"
    AUTO_FOCUS = ".debrief-pane > VerticalScroll"
    """The overview's text has the keyboard in the first frame (Textual's default gave it to
    the tab titles, drawn highlighted for a frame before the text took the keyboard)."""
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
        # One widget for the tab titles instead of Textual's tab bar of about ten: the
        # debrief is shown the moment the last choice is made (`TabLine`).
        yield TabLine([(pane_id, t(title)) for pane_id, title in PANES], id="debrief-tab-line")
        with ContentSwitcher(id="debrief-tabs", initial=PANES[0][0]):
            for pane_id, _ in PANES:
                with Vertical(id=pane_id, classes="debrief-pane"):
                    if pane_id == PANES[0][0]:
                        yield self._pane_text(pane_id)
        yield SteadyFooter()

    @property
    def active_tab(self) -> str:
        """The id of the tab shown (one of `PANES`)."""
        return self.query_one(TabLine).active

    @active_tab.setter
    def active_tab(self, pane_id: str) -> None:
        self.query_one(TabLine).active = pane_id

    def pane(self, pane_id: str) -> Vertical:
        """The pane of a tab; its text is built the first time the tab is shown."""
        return self.query_one(f"#{pane_id}", Vertical)

    def _pane_text(self, pane_id: str) -> VerticalScroll:
        """A tab's text, built the first time the tab is shown: the five tabs together are
        some 70 widgets, and building them all held the debrief's first frame back by about
        as long as everything else on it (`docs/performance.md`)."""
        d, run = self.debrief, self.run
        parts: list[Widget] = []
        if pane_id == "tab-overview":
            rows = [(s.title, s.percent, s.expert_percent) for s in d.scores]
            parts += [
                Static(text.ending(d), classes="debrief-block"),
                Static(Text(t("train.debrief.scores"), style="bold"), classes="debrief-label"),
                ScoreBars(rows, t("train.debrief.no_score")),
            ]
        elif pane_id == "tab-timeline":
            parts.append(Static(text.timeline(d), classes="debrief-block"))
        elif pane_id == "tab-decisions":
            parts += [Static(text.decision(r), classes="debrief-card") for r in d.decisions]
        elif pane_id == "tab-replies":
            if not d.replies:
                parts.append(Static(Text(t("train.debrief.no_replies"), style="italic")))
            for reply in d.replies:
                card: list[Widget] = [
                    Static(text.reply_head(reply)),
                    Static(Text(reply.text or "…"), classes="debrief-quote"),
                    Static(text.reply_rubric(reply)),
                ]
                if reply.expert_reply:
                    card += [
                        Static(
                            Text(t("train.debrief.model_answer"), style="bold"),
                            classes="debrief-subhead",
                        ),
                        Static(Text(reply.expert_reply), classes="debrief-quote"),
                    ]
                parts.append(Vertical(*card, classes="debrief-card"))
        else:
            # One scroll, step beside step: two panes scrolled apart and stopped lining up.
            parts.append(Static(text.paths(d, run), id="paths", classes="debrief-block"))
        return VerticalScroll(*parts)

    def on_mount(self) -> None:
        self.call_after_refresh(self._focus_text)

    async def on_tab_line_changed(self, event: TabLine.Changed) -> None:
        pane = self.pane(event.tab)
        if not pane.children:
            await pane.mount(self._pane_text(event.tab))
        self.query_one(ContentSwitcher).current = event.tab
        self.call_after_refresh(self._focus_text)

    def _focus_text(self) -> None:
        """Give the keyboard to the active tab's text, where arrows and Page Down scroll it."""
        scrolls = self.pane(self.active_tab).query(VerticalScroll)
        if scrolls:
            self.set_focus(scrolls.first())

    def action_tab(self, step: int) -> None:
        self.query_one(TabLine).step(step)

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
