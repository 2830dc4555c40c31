"""A row of tab titles with the active one underlined, drawn as one widget.

Textual's `TabbedContent` builds a tab bar of about ten widgets (a scroll container, a row,
one widget per title, an underline) and lays each out and styles it. On the debrief, which
appears the moment the last choice is made, that was a fifth of the time to its first frame,
and in the player on a small terminal switching tabs restyled the whole bar on every key
(`docs/performance.md`). This widget draws the same two lines, the titles and the bar under
the active one, from one `render`; the screen switches its panes with a `ContentSwitcher`.
Like Textual's tab bar it takes the keyboard on Tab (from a reply box, say), and then ← →
switch tabs; a click on a title picks it.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget


class TabLine(Widget):
    """Tab titles on the first line, the active one underlined on the second."""

    DEFAULT_CSS = """
    TabLine {
        height: 2;
        width: 1fr;
        pointer: pointer;
        text-wrap: nowrap;
        text-overflow: clip;
    }
    TabLine > .tab-line--title {
        color: $foreground 50%;
    }
    TabLine > .tab-line--hover {
        color: $foreground;
    }
    TabLine > .tab-line--active {
        color: $foreground;
    }
    TabLine > .tab-line--track {
        color: $foreground 10%;
    }
    TabLine > .tab-line--bar {
        color: $block-cursor-background;
    }
    TabLine:focus > .tab-line--active {
        color: $block-cursor-foreground;
        background: $block-cursor-background;
        text-style: $block-cursor-text-style;
    }
    TabLine:focus > .tab-line--track {
        color: $foreground 30%;
    }
    TabLine:ansi > .tab-line--title {
        text-style: dim;
    }
    TabLine:ansi > .tab-line--active {
        text-style: bold;
    }
    """
    COMPONENT_CLASSES = {
        "tab-line--title",
        "tab-line--hover",
        "tab-line--active",
        "tab-line--track",
        "tab-line--bar",
    }
    ALLOW_SELECT = False
    can_focus = True
    BINDINGS = [
        Binding("left", "step(-1)", "screens.tabs.previous", show=False),
        Binding("right", "step(1)", "screens.tabs.next", show=False),
    ]

    active: reactive[str] = reactive("")
    """The id of the tab shown."""
    _hover: reactive[str | None] = reactive(None)

    @dataclass
    class Changed(Message):
        """The active tab changed (by a click or by setting `active`)."""

        tab_line: TabLine
        tab: str

    def __init__(self, tabs: list[tuple[str, str]], *, id: str | None = None) -> None:
        """`tabs`: (id, title) in order; the first is active."""
        super().__init__(id=id)
        self.tabs = tabs
        self.set_reactive(TabLine.active, tabs[0][0] if tabs else "")

    @property
    def ids(self) -> list[str]:
        return [tab_id for tab_id, _ in self.tabs]

    def title(self, tab_id: str) -> str:
        return dict(self.tabs)[tab_id]

    def set_title(self, tab_id: str, title: str) -> None:
        """Rename a tab ("Feed ●3"); repaints this line only."""
        if self.title(tab_id) != title:
            self.tabs = [(i, title if i == tab_id else old) for i, old in self.tabs]
            self.refresh()

    def action_step(self, by: int) -> None:
        self.step(by)

    def step(self, by: int) -> None:
        """Show the tab `by` places on, wrapping around at the ends."""
        ids = self.ids
        if self.active in ids:
            self.active = ids[(ids.index(self.active) + by) % len(ids)]

    def watch_active(self, new: str) -> None:
        self.post_message(self.Changed(self, new))

    def _spans(self) -> list[tuple[str, int, int]]:
        """(tab id, first cell, cell after the last) of each padded title."""
        spans, x = [], 0
        for tab_id, title in self.tabs:
            width = cell_len(title) + 2
            spans.append((tab_id, x, x + width))
            x += width
        return spans

    def _first_cell(self) -> int:
        """Where the line starts showing: from the beginning unless the active title would
        be cut at the right edge of a narrow terminal."""
        width = self.size.width
        for tab_id, _, end in self._spans():
            if tab_id == self.active and end > width:
                return end - width
        return 0

    def render(self) -> Text:
        title_style = self.get_component_rich_style("tab-line--title")
        hover_style = self.get_component_rich_style("tab-line--hover")
        active_style = self.get_component_rich_style("tab-line--active")
        track = self.get_component_rich_style("tab-line--track")
        bar = self.get_component_rich_style("tab-line--bar")
        titles = Text(no_wrap=True, end="")
        for tab_id, title in self.tabs:
            if tab_id == self.active:
                style = active_style
            elif tab_id == self._hover:
                style = hover_style
            else:
                style = title_style
            titles.append(f" {title} ", style=style)
        under = self._underline(max(self.size.width, titles.cell_len), track, bar)
        skip = self._first_cell()
        if skip:
            titles, under = _drop_cells(titles, skip), _drop_cells(under, skip)
        for line in (titles, under):  # cut at the right edge, never wrapped
            line.truncate(self.size.width, overflow="crop")
        return Text("\n", no_wrap=True, end="").join([titles, under])

    def _underline(self, width: int, track: Style, bar: Style) -> Text:
        """The bar under the active title, drawn as Textual's tab underline draws it: a
        heavy line under the title's text, half-lines where the bar meets the track."""
        start, end = next(((a + 1, b - 1) for i, a, b in self._spans() if i == self.active), (0, 0))
        line = Text(no_wrap=True, end="")
        if end <= start:
            return line.append("━" * width, style=track)
        line.append("━" * (start - 1) + "╸", style=track)
        line.append("━" * (end - start), style=bar)
        if end < width:
            line.append("╺" + "━" * (width - end - 1), style=track)
        return line

    def _tab_at(self, x: int) -> str | None:
        cell = x + self._first_cell()
        for tab_id, start, end in self._spans():
            if start <= cell < end:
                return tab_id
        return None

    def on_click(self, event: events.Click) -> None:
        tab = self._tab_at(event.x)
        if tab is not None:
            self.active = tab

    def on_mouse_move(self, event: events.MouseMove) -> None:
        self._hover = self._tab_at(event.x)

    def on_leave(self, event: events.Leave) -> None:
        del event
        self._hover = None


def _drop_cells(text: Text, cells: int) -> Text:
    """`text` without its first `cells` terminal cells (a wide character is two)."""
    index = width = 0
    plain = text.plain
    while index < len(plain) and width < cells:
        width += cell_len(plain[index])
        index += 1
    return text[index:]
