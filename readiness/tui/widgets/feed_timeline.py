"""The social timeline: newest post on top, comments indented under the post they answer."""

from __future__ import annotations

from collections.abc import Iterable

from readiness.engine import FeedItem
from readiness.i18n import t
from readiness.tui.widgets.feed_view import Entry, FeedView


class FeedTimeline(FeedView):
    """Every social item that has arrived; `add()` new ones, `refresh_counts()` on growth.

    A thread is a post followed by its comments; a reply to a comment joins its thread."""

    def __init__(self, items: Iterable[FeedItem], start: str, *, id: str | None = None) -> None:
        super().__init__(start, t("train.feed.empty"), id=id)
        self._last_in_thread: dict[str, Entry] = {}
        """Per post id, the entry a new comment goes after."""
        self._thread_of: dict[str, str] = {}
        """Thread (post id) of every item shown."""
        for item in items:
            if item.social:
                self.add(item, announce=False)

    def add(self, item: FeedItem, *, announce: bool = True) -> None:
        """Show a new item: a comment goes under its post, anything else on top."""
        thread = self._thread_of.get(item.inject.reply_to or "")
        if thread is not None:
            index = self.entries.index(self._last_in_thread[thread]) + 1
            entry = self.insert(index, item, "comment", new=announce)
        else:
            thread = item.id
            entry = self.insert(0, item, "post", new=announce)
        self._thread_of[item.id] = thread
        self._last_in_thread[thread] = entry
