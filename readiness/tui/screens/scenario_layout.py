"""How the player arranges its panes: side by side on large terminals, tabs on small ones."""

from __future__ import annotations

from rich.style import Style
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.geometry import Region, Size
from textual.widget import Widget
from textual.widgets import ContentSwitcher

from readiness.engine import Run
from readiness.i18n import t
from readiness.tui.widgets.feed_chat import ChatLog
from readiness.tui.widgets.feed_timeline import FeedTimeline
from readiness.tui.widgets.meters import Meters
from readiness.tui.widgets.steady_footer import SteadyFooter
from readiness.tui.widgets.tab_line import TabLine

WIDE = (110, 30)
"""From this size (columns, rows) feed, decision and chat stand side by side; below, tabs."""
TABS = ("decision", "feed", "chat")
"""The player's panes on a small terminal, one tab each, in this order."""

FOCUSED_TITLE = Style(bold=True, reverse=True)
PLAIN_TITLE = Style(bold=True)


def is_wide(size: Size) -> bool:
    return size.width >= WIDE[0] and size.height >= WIDE[1]


def mark_pane(pane: Widget, focused: bool) -> None:
    """Reverse the title of the pane that has the keyboard (side by side only).

    Set through `styles.border_title_style`, Textual would repaint the pane and everything
    in it (a whole column of posts, 25-50 ms at 120x40); only the top border line, where
    the title is, needs it."""
    if pane.styles.set_rule("border_title_style", FOCUSED_TITLE if focused else PLAIN_TITLE):
        offset = pane.content_offset  # refresh() regions are relative to the content
        pane.refresh(Region(-offset.x, -offset.y, pane.outer_size.width, 1))


def label_tab(tabs: TabLine, pane: str, unseen: int) -> None:
    """Name a tab with the count of what arrived there unseen ("Feed ●3")."""
    label = t(f"train.tab.{pane}")
    tabs.set_title(
        f"tab-{pane}", t("train.tab.unseen", label=label, count=unseen) if unseen else label
    )


def compose_player(run: Run, wide: bool, status: Widget, *step: Widget) -> ComposeResult:
    """The `status` line, then feed / decision (the `step` panels) / meters and chat, then the
    footer."""
    start = run.scenario.clock.start
    titles = {v.id: run.fill(v.title) for v in run.scenario.variables}
    feed = FeedTimeline(run.feed.items, start, id="feed")
    chat = ChatLog(run.feed.items, start, id="chat")
    meters = any(v.show for v in run.scenario.variables)
    yield status
    if wide:
        with Horizontal(id="columns"):
            with Vertical(id="feed-col", classes="pane") as col:
                col.border_title = t("train.tab.feed")
                yield feed
            with Vertical(id="step", classes="pane") as col:
                col.border_title = t("train.tab.decision")
                yield from step
            with Vertical(id="side-col"):
                if meters:
                    yield Meters(run.scenario.variables, titles, id="meters", classes="pane")
                with Vertical(id="chat-col", classes="pane") as col:
                    col.border_title = t("train.tab.chat")
                    yield chat
    else:
        if meters:
            yield Meters(run.scenario.variables, titles, compact=True, id="meters")
        yield TabLine([(f"tab-{pane}", t(f"train.tab.{pane}")) for pane in TABS], id="tab-line")
        with ContentSwitcher(id="tabs", initial="tab-decision"):
            with Vertical(id="tab-decision", classes="tab-pane"), Vertical(id="step"):
                yield from step
            with Vertical(id="tab-feed", classes="tab-pane"):
                yield feed
            with Vertical(id="tab-chat", classes="tab-pane"):
                yield chat
    yield SteadyFooter()
