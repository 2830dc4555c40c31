"""How one feed item reads: platform, author, handle, time, text, counts."""

from __future__ import annotations

from rich.text import Text

from readiness.engine import FeedItem, clock_label
from readiness.i18n import current_language, t
from readiness.platforms import platform_name
from readiness.tui.widgets.meters import grouped

NEW_ITEM_SECONDS = 6.0
"""How long a newly arrived item stays highlighted."""


def item_header(item: FeedItem, start: str) -> Text:
    """`X · Lena @lena · 09:04` (platform only when the author gave one)."""
    header = Text()
    platform = item.inject.platform
    if platform:
        header.append(platform_name(platform, current_language()), style="bold reverse")
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


def entry_text(item: FeedItem, start: str, counts: tuple[int, int, int], stats: bool) -> Text:
    """Header, the item's own words (never parsed as markup) and, for posts, the counts."""
    text = item_header(item, start)
    text.append("\n")
    text.append(item.text)
    if stats:
        text.append("\n")
        text.append(stats_line(counts), style="dim")
    return text
