"""The social timeline: newest post on top, comments indented under the post they answer."""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from readiness.engine import FeedItem
from readiness.i18n import t
from readiness.tui.widgets import feed_entry
from readiness.tui.widgets.feed_entry import FeedEntry


class FeedTimeline(VerticalScroll):
    """Holds every social item that has arrived; `add()` new ones, `refresh_counts()` on growth.

    A thread is a post followed by its comments, all direct children: a flat list of
    widgets keeps the layout cheap while the feed keeps growing."""

    DEFAULT_CSS = """
    FeedTimeline {
        height: 1fr;
    }
    """

    def __init__(self, items: Iterable[FeedItem], start: str, *, id: str | None = None) -> None:
        super().__init__(id=id, can_focus=True)
        self.start = start
        self._initial = [i for i in items if i.social]
        self._growing: list[FeedEntry] = []
        self._last_in_thread: dict[str, FeedEntry] = {}
        """Per post id, the entry a new comment goes after."""
        self._thread_of: dict[str, str] = {}
        """Thread (post id) of every item shown, so a reply to a comment joins its thread."""

    def compose(self) -> ComposeResult:
        yield Static(Text(t("train.feed.empty")), classes="feed-empty")

    def on_mount(self) -> None:
        for item in self._initial:
            self.add(item, announce=False)

    def add(self, item: FeedItem, *, announce: bool = True) -> None:
        """Show a new item: a comment goes under its post, anything else on top."""
        for empty in self.query(".feed-empty"):
            empty.remove()
        thread = self._thread_of.get(item.inject.reply_to or "")
        if thread is not None:
            entry = FeedEntry(item, self.start, classes="feed-comment")
            self.mount(entry, after=self._last_in_thread[thread])
        else:
            thread = item.id
            entry = FeedEntry(item, self.start, classes="feed-post")
            self.mount(entry, before=0 if self.children else None)
        self._thread_of[item.id] = thread
        self._last_in_thread[thread] = entry
        if item.growing:
            self._growing.append(entry)
        if announce:
            entry.add_class("-new")
            self.set_timer(feed_entry.NEW_ITEM_SECONDS, lambda: entry.remove_class("-new"))

    def refresh_counts(self) -> None:
        """Repaint the counts that changed, looking only at items that still grow."""
        growing = []
        for entry in self._growing:
            entry.refresh_counts()
            if entry.item.growing:
                growing.append(entry)
        self._growing = growing
