"""The title line at the top of a screen, drawn as one widget.

It shows what Textual's `Header` shows, cell for cell: the command palette's icon at the
left, the screen's title (or the app's) with its sub-title dimmed after a dash, centred and
cut with an ellipsis when the terminal is too narrow, and the clock's empty place at the
right. It behaves as that header does too: the icon lights up under the mouse and opens the
palette on a click, a click elsewhere makes the header three lines tall (and back), and a new
title or sub-title is drawn as soon as it is set. Its tooltip is in the language on screen.

Textual's header is a container of three widgets, each mounted, styled and laid out whenever
a screen is built; on the result screen that was 3-9 ms of the 40-60 ms between the last
answer and the result's first frame (`docs/performance.md`).
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual import events
from textual.reactive import reactive
from textual.widget import Widget

from readiness.i18n import t

ICON = "⭘"
ICON_WIDTH = 8
"""Cells of the icon's place at the left, its padding included (Textual's `HeaderIcon`)."""
CLOCK_WIDTH = 10
"""Cells of the clock's place at the right (Textual's `HeaderClockSpace`)."""


class LocalHeader(Widget, can_focus=False):
    """The screen's title and sub-title, with the command palette's icon."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES = {"local-header--icon-hover"}
    DEFAULT_CSS = """
    LocalHeader {
        dock: top;
        width: 100%;
        height: 1;
        background: $panel;
        color: $foreground;
    }
    LocalHeader.-tall {
        height: 3;
    }
    LocalHeader > .local-header--icon-hover {
        background: $foreground 10%;
    }
    """

    tall: reactive[bool] = reactive(False)
    """Three lines high instead of one (a click on the header switches)."""
    _icon_lit: reactive[bool] = reactive(False)

    def on_mount(self) -> None:
        # As Textual's header: a title or sub-title set later (on the app or the screen) is
        # shown at once.
        for owner in (self.app, self.screen):
            self.watch(owner, "title", self._title_changed, init=False)
            self.watch(owner, "sub_title", self._title_changed, init=False)

    def _title_changed(self) -> None:
        self.refresh()

    def watch_tall(self, tall: bool) -> None:
        self.set_class(tall, "-tall")

    @property
    def _palette(self) -> bool:
        return bool(self.app.ENABLE_COMMAND_PALETTE)

    def title_text(self) -> Text:
        """The title as Textual's `App.format_title` makes it: the sub-title dimmed, after a
        dimmed dash."""
        screen = self.screen
        title = screen.title if screen.title is not None else self.app.title
        sub_title = screen.sub_title if screen.sub_title is not None else self.app.sub_title
        text = Text(title, end="", no_wrap=True)
        if sub_title:
            text.append(" — ", "dim").append(sub_title, "dim")
        return text

    def render(self) -> Text:
        width, height = self.size
        middle = (height - 1) // 2  # the icon and the title sit on the middle line
        icon_style = self._icon_style() if self._icon_lit else Style()
        rows = []
        for y in range(height):
            row = Text(end="", no_wrap=True)
            row.append((f" {ICON}" if y == middle else "").ljust(ICON_WIDTH), icon_style)
            if y == middle:
                room = max(0, width - ICON_WIDTH - CLOCK_WIDTH)
                row.append_text(self._centred(self.title_text(), room))
            row.append(" " * max(0, width - row.cell_len))
            row.truncate(width)
            rows.append(row)
        return Text("\n", end="", no_wrap=True).join(rows)

    def _icon_style(self) -> Style:
        return self.get_component_rich_style("local-header--icon-hover", partial=True)

    @staticmethod
    def _centred(text: Text, width: int) -> Text:
        """`text` (the caller's own) centred in `width` cells, or cut to them with an ellipsis."""
        if text.cell_len > width:
            text.truncate(width, overflow="ellipsis")
            return text
        left = (width - text.cell_len) // 2
        return Text(" " * left, end="").append_text(text)

    # -- the mouse ---------------------------------------------------------------------------

    def _on_icon(self, x: int) -> bool:
        return self._palette and 0 <= x < ICON_WIDTH

    def on_mouse_move(self, event: events.MouseMove) -> None:
        lit = self._on_icon(event.x)
        if lit != self._icon_lit:
            self._icon_lit = lit
            self.tooltip = t("palette.tooltip") if lit else None

    def on_leave(self, event: events.Leave) -> None:
        del event
        self._icon_lit = False
        self.tooltip = None

    async def on_click(self, event: events.Click) -> None:
        """The icon opens the command palette; anywhere else the header grows or shrinks."""
        event.stop()
        if self._on_icon(event.x):
            await self.run_action("app.command_palette")
        else:
            self.tall = not self.tall
