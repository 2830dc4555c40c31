"""Lay a screen out until it is stable before painting it, instead of painting twice.

When a layout pass changes a widget's size (a longer question, a new feed item), Textual
paints the result, notices the new sizes, and a frame or two later lays out and paints
again: that second pass is where scrollbars appear and text rewraps to the width that is
left. On screens that change with every key this showed as a half-finished picture for
about 30 ms. `SettledLayout` runs the second pass at once and paints only its result, and
only when a scroll bar came or went in the first (Textual asks for it whenever a widget's
size changed, though the pass measured every widget at its new size already). It also sets
breakpoint classes before the first paint and does not repaint the whole screen when focus
moves (and, as every `LaidOutOnce` screen, paints as soon as it is idle: `PromptPaint`).

It overrides two private `Screen` methods of Textual (pinned in pyproject); every private
name it needs is reached through `readiness.tui.textual_internals`, which refuses to import
on an untested Textual instead of letting these overrides silently stop being called.
"""

from __future__ import annotations

from textual import events
from textual.geometry import Size
from textual.reactive import Reactive
from textual.screen import ScreenResultType
from textual.widget import Widget

from readiness.tui.laid_out_once import LaidOutOnce
from readiness.tui.textual_internals import (
    batch_in_progress,
    mark_laid_out,
    styles_generation,
    widgets_needing_layout,
)

MAX_EXTRA_PASSES = 2
"""Enough for a scrollbar to appear and the text beside it to rewrap; a layout that keeps
changing after that is left to Textual's own next frame."""


def scrollbars_shown(screen: Widget) -> dict[Widget, tuple[bool, bool]]:
    """The scroll bars of each scrollable widget: a layout pass arranges the widgets with
    the bars they have, and sets the bars afresh from the sizes it found. Only a bar that
    came or went makes the next pass differ: widgets newly shown or resized were already
    measured at their new sizes (Textual asks for another pass for them all the same)."""
    return {
        widget: widget.scrollbars_enabled
        for widget in screen.walk_children(Widget)
        if widget.is_scrollable
    }


class SettledLayout(LaidOutOnce[ScreenResultType]):
    """Mixin for screens that relayout on every key (the question screen, the player)."""

    focused: Reactive[Widget | None] = Reactive(None, repaint=False)
    """As on `Screen`, without repainting the whole screen on every focus change: the widgets
    that lose and gain focus repaint themselves (their `:focus` styles change)."""

    _holding_paint = False
    _styled_at: int | None = None
    """The app's stylesheet generation when the screen was styled as it mounted; None once
    the screen has been shown."""

    def _on_mount(self, event: events.Mount) -> None:
        del event  # `Screen`'s own handler runs too
        self._styled_at = styles_generation(self.app)

    def _on_screen_resume(self, event: events.ScreenResume) -> None:
        # Textual restyles every widget of a screen each time it becomes current, in case the
        # stylesheet or the theme changed while it waited under another screen. The first
        # time, the screen was styled as it mounted, moments before: unless the stylesheet
        # changed since, restyling it all again was a fifth of the debrief's first frame.
        # Textual calls each class's handler in turn, `Screen`'s after this one.
        if self._styled_at is not None:
            if self._styled_at == styles_generation(self.app):
                event.refresh_styles = False
            self._styled_at = None

    def _compositor_refresh(self) -> None:
        if self._holding_paint:
            return
        super()._compositor_refresh()

    def _refresh_layout(self, size: Size | None = None, scroll: bool = False) -> None:
        if scroll or not self.is_current or batch_in_progress(self.app):
            super()._refresh_layout(size, scroll)
            return
        self._holding_paint = True
        try:
            arranged = scrollbars_shown(self)
            super()._refresh_layout(size, scroll)
            for _ in range(MAX_EXTRA_PASSES):
                resized = widgets_needing_layout(self)
                if not resized:
                    break
                mark_laid_out(resized)  # this pass handles them, or none needs it
                now = scrollbars_shown(self)
                if now == arranged:
                    break
                arranged = now
                super()._refresh_layout(size, scroll)
        finally:
            self._holding_paint = False
        self._compositor_refresh()
