"""Lay a screen out until it is stable before painting it, instead of painting twice.

When a layout pass changes a widget's size (a longer question, a new feed item), Textual
paints the result, notices the new sizes, and a frame or two later lays out and paints
again: that second pass is where scrollbars appear and text rewraps to the width that is
left. On screens that change with every key this showed as a half-finished picture for about
30 ms. `SettledLayout` runs the second pass at once and paints only its result. It also sets
breakpoint classes before the first paint and does not repaint the whole screen when focus
moves.

It overrides two private `Screen` methods of Textual 8 (pinned in pyproject). Should they be
renamed, the overrides are simply never called and the screen paints as Textual does.
"""

from __future__ import annotations

from textual.geometry import Size
from textual.reactive import Reactive
from textual.screen import Screen, ScreenResultType
from textual.widget import Widget

MAX_EXTRA_PASSES = 2
"""Enough for a scrollbar to appear and the text beside it to rewrap; a layout that keeps
changing after that is left to Textual's own next frame."""


class SettledLayout(Screen[ScreenResultType]):
    """Mixin for screens that relayout on every key (the question screen, the player)."""

    focused: Reactive[Widget | None] = Reactive(None, repaint=False)
    """As on `Screen`, without repainting the whole screen on every focus change: the widgets
    that lose and gain focus repaint themselves (their `:focus` styles change)."""

    _holding_paint = False

    def _compositor_refresh(self) -> None:
        if self._holding_paint:
            return
        super()._compositor_refresh()

    def _refresh_layout(self, size: Size | None = None, scroll: bool = False) -> None:
        if scroll or not self.is_current or self.app._batch_count:
            super()._refresh_layout(size, scroll)
            return
        self._holding_paint = True
        try:
            super()._refresh_layout(size, scroll)
            for _ in range(MAX_EXTRA_PASSES):
                resized = self._resized_widgets()
                if not resized:
                    break
                for widget in resized:
                    # This pass handles it; without this Textual would queue another one.
                    widget._layout_required = False
                super()._refresh_layout(size, scroll)
        finally:
            self._holding_paint = False
        self._compositor_refresh()

    def apply_breakpoints(self) -> None:
        """Set the breakpoint classes (`-wide`, `-narrow`) for the terminal's size now.

        Textual sets them on the screen's first Resize, which comes after its first paint:
        a wide screen would first be painted narrow and then laid out again. Call from
        `on_mount`, before anything that asks `has_class("-wide")`."""
        width = self.app.size.width
        breakpoints = self.HORIZONTAL_BREAKPOINTS or self.app.HORIZONTAL_BREAKPOINTS or []
        matching = self._get_breakpoint_classes(width, breakpoints)
        self.update_classes({name: name in matching for _, name in breakpoints}, animate=False)

    def _resized_widgets(self) -> list[Widget]:
        """Widgets whose size changed in the last pass and so ask for another layout."""
        return [widget for widget in self._compositor.widgets if widget._layout_required]
