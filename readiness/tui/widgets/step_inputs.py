"""The player's list of choices and its reply box: restyled for losing the keyboard only when
they can be seen.

Textual restyles a widget whenever it gains or loses focus (its `:focus` rules), 1.5-2.5 ms
for an option list or a text area at 120x40. In the player the one that loses focus is
usually being hidden in the same key: a choice that leads to a reply hides the choices as the
reply box takes the keyboard, posting the reply does the reverse, and on a small terminal
switching to the feed hides the decision's tab. That restyle was for a widget nobody sees;
it is now done when the widget is shown again (or gains focus, whichever comes first). And
the restyle keeps the component styles where no rule for them depends on focus (the reply
box's nine: `readiness.tui.textual_internals.restyle_for_focus`).
"""

from __future__ import annotations

from collections.abc import Callable

from textual.binding import Binding
from textual.containers import ScrollableContainer
from textual.widget import Widget
from textual.widgets import OptionList, TextArea

from readiness.tui.textual_internals import restyle_for_focus


def _can_be_seen(widget: Widget) -> bool:
    return all(node.display for node in widget.ancestors_with_self if isinstance(node, Widget))


class _BlurStyledWhenShown(Widget):
    """Mixin: a blur while hidden leaves the restyle for when the widget is shown."""

    _blur_styles_waiting = False

    def watch_has_focus(self, has_focus: bool) -> None:
        if not has_focus and not _can_be_seen(self):
            self._blur_styles_waiting = True
            return
        self._blur_styles_waiting = False
        restyle_for_focus(self)

    def on_show(self) -> None:
        # Textual calls the `on_show` of every class in the widget's ancestry in turn.
        if self._blur_styles_waiting:
            self._blur_styles_waiting = False
            restyle_for_focus(self)


# The Textual class first: Textual takes a widget's CSS type names (`OptionList { ... }` in
# its default styles) from the first base class of each class.


class ChoiceList(OptionList, _BlurStyledWhenShown):
    """The numbered choices of a decision."""

    BINDINGS = [
        Binding("pagedown", "page_situation(1)", show=False),
        Binding("pageup", "page_situation(-1)", show=False),
    ]

    def action_page_situation(self, direction: int) -> None:
        """Page Up/Down read the situation above the choices when it is cut off (a small
        terminal shows every choice and only the start of a long situation: the question
        itself was below the fold, and the keyboard stays on the choices); otherwise they
        page through the choices as in any option list."""
        box = next(iter(self.parent.query(".situation-box")), None) if self.parent else None
        if isinstance(box, ScrollableContainer) and box.max_scroll_y > 0:
            (box.scroll_page_down if direction > 0 else box.scroll_page_up)(animate=False)
        else:
            page: Callable[[], None] = getattr(
                self, "action_page_down" if direction > 0 else "action_page_up"
            )
            page()  # OptionList's own (untyped in Textual)


class ReplyArea(TextArea, _BlurStyledWhenShown):
    """The box a reply is written in."""
