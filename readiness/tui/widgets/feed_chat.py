"""Messages to the participant: internal chat (boss, legal, works council), DMs, press, email."""

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


class ChatLog(VerticalScroll):
    """Oldest first, like a chat; scrolls to the newest message without taking focus."""

    DEFAULT_CSS = """
    ChatLog {
        height: 1fr;
    }
    """

    def __init__(self, items: Iterable[FeedItem], start: str, *, id: str | None = None) -> None:
        super().__init__(id=id, can_focus=True)
        self.start = start
        self._initial = [i for i in items if not i.social]

    def compose(self) -> ComposeResult:
        if not self._initial:
            yield Static(Text(t("train.chat.empty")), classes="feed-empty")
        for item in self._initial:
            yield FeedEntry(item, self.start, classes="chat-message")

    def on_mount(self) -> None:
        self.scroll_end(animate=False)

    def add(self, item: FeedItem) -> None:
        for empty in self.query(".feed-empty"):
            empty.remove()
        entry = FeedEntry(item, self.start, classes="chat-message -new")
        self.mount(entry)
        self.set_timer(feed_entry.NEW_ITEM_SECONDS, lambda: entry.remove_class("-new"))
        self.call_after_refresh(self.scroll_end, animate=False)
