"""Messages to the participant: internal chat (boss, legal, works council), DMs, press, email."""

from __future__ import annotations

from collections.abc import Iterable

from readiness.engine import FeedItem
from readiness.i18n import t
from readiness.tui.widgets.feed_view import FeedView


class ChatLog(FeedView):
    """Oldest first, like a chat; follows new messages while the reader is at the end."""

    def __init__(self, items: Iterable[FeedItem], start: str, *, id: str | None = None) -> None:
        super().__init__(start, t("train.chat.empty"), id=id)
        for item in items:
            if not item.social:
                self.insert(len(self.entries), item, "message", new=False)

    def on_mount(self) -> None:
        self.call_after_refresh(self.scroll_end, animate=False)

    def add(self, item: FeedItem) -> None:
        at_end = self.scroll_y >= self.max_scroll_y
        self.insert(len(self.entries), item, "message", new=True)
        if at_end:
            self.scroll_end(animate=False, immediate=True)
