"""One feed item as a social timeline shows it: platform, author, handle, time, text, counts."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from readiness.engine import FeedItem, clock_label
from readiness.i18n import t
from readiness.tui.widgets.meters import grouped

NEW_ITEM_SECONDS = 6.0
"""How long a newly arrived item stays highlighted."""


def item_header(item: FeedItem, start: str) -> Text:
    """`X · Lena @lena · 09:04` (platform only when the author gave one)."""
    header = Text()
    platform = item.inject.platform
    if platform:
        label = platform.upper() if len(platform) <= 2 else platform.capitalize()
        header.append(label, style="bold reverse")
        header.append(" ")
    header.append(item.author, style="bold")
    if item.handle:
        header.append(f" {item.handle}", style="dim")
    if item.inject.role:
        header.append(f" [{item.inject.role}]", style="italic")
    header.append(f" · {clock_label(start, item.minute)}", style="dim")
    return header


def stats_line(counts: tuple[int, int, int]) -> str:
    likes, shares, comments = counts
    return t(
        "train.stats", likes=grouped(likes), shares=grouped(shares), comments=grouped(comments)
    )


class FeedEntry(Static):
    """A post, comment or message as one widget (a feed holds many: one widget each keeps
    layout cheap). `refresh_counts()` repaints only when a shown count changed."""

    def __init__(self, item: FeedItem, start: str, *, classes: str = "") -> None:
        super().__init__(classes=classes)
        self.item = item
        self.start = start
        self._counts = item.counts()
        self._stats = item.social and (any(self._counts) or item.growing)
        self.add_class(f"-{item.inject.channel}")
        if item.inject.urgent:
            self.add_class("-urgent")
        self.update(self._content())

    def _content(self) -> Text:
        text = item_header(self.item, self.start)
        text.append("\n")
        text.append(self.item.text)  # content stays text: never parsed as markup
        if self._stats:
            text.append("\n")
            text.append(stats_line(self._counts), style="dim")
        return text

    def refresh_counts(self) -> bool:
        """True when the counts changed and the entry was repainted."""
        counts = self.item.counts()
        if counts == self._counts:
            return False
        # A new layout only when the line got longer (a new digit could wrap it).
        longer = len(stats_line(counts)) != len(stats_line(self._counts))
        self._counts = counts
        self.update(self._content(), layout=longer)
        return True
