"""A list of posts or messages drawn line by line: only the lines on screen are painted.

The feed used to be one widget per post. Every arriving post moved all the others, so Textual
laid out and repainted the whole column, and with forty posts a key pressed at that moment
waited for it (the player's slowest frames at 120x40). Here the posts are rows of text in one
`ScrollView`: a new post renders its own lines, and the screen repaints the lines that show.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Literal

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from readiness.engine import FeedItem
from readiness.tui.widgets import feed_entry
from readiness.tui.widgets.feed_entry import entry_text

Kind = Literal["post", "comment", "message"]

BAR = "▌"
INDENT = {"post": 0, "comment": 3, "message": 0}
"""Columns left blank before an entry: comments hang under their post."""
SPACE_BEFORE = {"post": 1, "comment": 0, "message": 0}
SPACE_AFTER = {"post": 0, "comment": 0, "message": 1}


@dataclass(eq=False)
class Entry:
    """One post, comment or message and its lines at the width last drawn."""

    item: FeedItem
    kind: Kind
    new: bool = False
    counts: tuple[int, int, int] = (0, 0, 0)
    lines: list[Strip] = field(default_factory=list)
    """Rendered lines, spacing included."""
    width: int = 0
    """The width `lines` were drawn for (0: not drawn yet)."""

    @property
    def stats(self) -> bool:
        """Social posts show likes/shares/comments once there are some, or will be."""
        return self.item.social and (any(self.counts) or self.item.growing)


class FeedView(ScrollView, can_focus=True):
    """Entries in display order; subclasses decide where a new one goes."""

    DEFAULT_CSS = """
    FeedView {
        height: 1fr;
        padding: 0 1;
        scrollbar-gutter: stable;
        scrollbar-size-vertical: 1;
        overflow-x: hidden;
    }
    FeedView > .feed-view--comment-bar {
        color: $primary 40%;
    }
    FeedView > .feed-view--urgent-bar {
        color: $error;
    }
    FeedView > .feed-view--message-bar {
        color: $secondary;
    }
    FeedView > .feed-view--press-bar {
        color: $warning;
    }
    FeedView > .feed-view--new {
        background: $accent 15%;
    }
    FeedView > .feed-view--empty {
        color: $text-muted;
        text-style: italic;
    }
    """
    COMPONENT_CLASSES = {
        "feed-view--comment-bar",
        "feed-view--urgent-bar",
        "feed-view--message-bar",
        "feed-view--press-bar",
        "feed-view--new",
        "feed-view--empty",
    }

    def __init__(self, start: str, empty: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.start = start
        self.empty = empty
        """Shown while nothing has arrived."""
        self.entries: list[Entry] = []
        self._tops: list[int] = []
        """First line of each entry; one more at the end (the total height)."""
        self._width = 0
        self._growing: list[Entry] = []

    # -- what subclasses and the player call --------------------------------------------------

    def insert(self, index: int, item: FeedItem, kind: Kind, *, new: bool) -> Entry:
        """Put `item` at `index` in display order; announced entries are highlighted a while."""
        entry = Entry(item, kind, new=new, counts=item.counts())
        self.entries.insert(index, entry)
        if item.growing:
            self._growing.append(entry)
        if new:
            self.set_timer(feed_entry.NEW_ITEM_SECONDS, lambda: self._settle(entry))
        if self._width:
            at = self._tops[min(index, len(self._tops) - 1)]
            self._relayout()
            self._keep_in_view(at, len(entry.lines))
        return entry

    def refresh_counts(self) -> None:
        """Redraw the entries whose likes, shares or comments changed (only growing ones)."""
        growing = []
        relayout = False
        for entry in self._growing:
            counts = entry.item.counts()
            if counts != entry.counts:
                entry.counts = counts
                relayout |= self._redraw(entry)
            if entry.item.growing:
                growing.append(entry)
        self._growing = growing
        if relayout:
            self._relayout()
            self.refresh()

    def text_lines(self) -> list[str]:
        """Every line as plain text, top to bottom (what a screen reader or a test reads)."""
        self._ensure_layout()
        return [strip.text.rstrip() for entry in self.entries for strip in entry.lines]

    def watch_has_focus(self, _has_focus: bool) -> None:
        """Nothing here looks different with the keyboard (the pane title shows it), so a
        focus change needs no restyle, which would repaint every line (see `_on_focus`)."""

    def _on_focus(self, event: events.Focus) -> None:
        """As Textual's `Widget` does, minus its repaint of the whole widget: with the
        decision column changing in the same frame, that put two full columns into the
        repaint of an f, c or d key."""
        event.prevent_default()
        self.has_focus = True
        if self.parent is not None:
            self.parent.post_message(events.DescendantFocus(self))

    def _on_blur(self, event: events.Blur) -> None:
        event.prevent_default()
        self.has_focus = False
        if self.parent is not None:
            self.parent.post_message(events.DescendantBlur(self))

    # -- layout --------------------------------------------------------------------------------

    @property
    def _height(self) -> int:
        return self._tops[-1] if self._tops else 0

    def on_resize(self) -> None:
        self._ensure_layout()

    def notify_style_update(self) -> None:
        """Theme or CSS changed: colours are baked into the lines, so draw them again."""
        super().notify_style_update()
        for entry in self.entries:
            entry.width = 0
        self._width = 0

    def _ensure_layout(self) -> None:
        """Draw the entries at the width there is now (after a resize or a theme change)."""
        width = self.scrollable_content_region.width
        if width != self._width:
            self._width = width
            self._relayout()

    def _relayout(self) -> None:
        """Where each entry starts, after entries were added or changed height."""
        tops = [0]
        for entry in self.entries:
            if entry.width != self._width:
                self._draw(entry)
            tops.append(tops[-1] + len(entry.lines))
        self._tops = tops
        self.virtual_size = Size(self._width, self._height)

    def _keep_in_view(self, at: int, added: int) -> None:
        """Lines added above what the reader looks at push it down: follow them, unless the
        reader is at the very top, where new posts are meant to be seen."""
        if self.scroll_y > 0 and at <= self.scroll_y:
            self.scroll_to(y=self.scroll_y + added, animate=False, immediate=True)
        self.refresh()

    def _settle(self, entry: Entry) -> None:
        """The highlight of a new entry ends: redraw only its lines."""
        entry.new = False
        if entry in self.entries and self._redraw(entry):
            self._relayout()
            self.refresh()

    def _redraw(self, entry: Entry) -> bool:
        """Draw `entry` again and repaint its lines; True when its height changed."""
        if not self._width:
            return False
        before = len(entry.lines)
        self._draw(entry)
        if len(entry.lines) != before:
            return True
        self.refresh_lines(self._tops[self.entries.index(entry)], before)
        return False

    # -- drawing --------------------------------------------------------------------------------

    def _bar_style(self, entry: Entry) -> Style | None:
        inject = entry.item.inject
        if entry.kind == "comment":
            return self.get_component_rich_style("feed-view--comment-bar")
        if entry.kind == "message":
            press = inject.channel in ("press", "email")
            name = "feed-view--press-bar" if press else "feed-view--message-bar"
            return self.get_component_rich_style(name)
        if inject.urgent:
            return self.get_component_rich_style("feed-view--urgent-bar")
        return None

    def _draw(self, entry: Entry) -> None:
        """Lines of `entry` at the current width: spacing, indent, coloured bar, text."""
        width = max(self._width, 1)
        base = self.rich_style
        box = base + self.get_component_rich_style("feed-view--new") if entry.new else base
        bar = self._bar_style(entry)
        indent = min(INDENT[entry.kind], width - 1)
        lead = [Segment(" " * indent, base)] if indent else []
        if bar is not None:
            lead += [Segment(BAR, box + Style(color=bar.color)), Segment(" ", box)]
        lead_width = sum(segment.cell_length for segment in lead)
        text = entry_text(entry.item, self.start, entry.counts, entry.stats)
        options = self.app.console.options.update_width(max(width - lead_width, 1))
        rendered = self.app.console.render_lines(text, options, style=box, pad=True)
        blank = Strip.blank(width, base)
        lines = [blank] * SPACE_BEFORE[entry.kind]
        lines += [Strip([*lead, *row]).adjust_cell_length(width, base) for row in rendered]
        lines += [blank] * SPACE_AFTER[entry.kind]
        entry.lines = lines
        entry.width = self._width

    def render_line(self, y: int) -> Strip:
        self._ensure_layout()
        width, base = self._width, self.rich_style
        if not self.entries:
            if y != 0:
                return Strip.blank(width, base)
            empty = self.get_component_rich_style("feed-view--empty")
            return Strip([Segment(self.empty, empty)]).adjust_cell_length(width, base)
        line = self.scroll_offset.y + y
        index = bisect_right(self._tops, line) - 1
        if not 0 <= index < len(self.entries):
            return Strip.blank(width, base)
        return self.entries[index].lines[line - self._tops[index]]
