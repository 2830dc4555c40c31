"""A footer that shows its keys in the screen's first paint and rebuilds only when they change."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen

from readiness.tui.textual_internals import show_footer_keys_now
from readiness.tui.widgets.footer import LocalFooter


class SteadyFooter(LocalFooter):
    """The translating footer, with two differences that matter on screens that change per key.

    Textual's footer starts empty and fills in after the screen's first focus change, a frame
    or more after everything else; this one composes its keys at once. And Textual's footer
    rebuilds itself whenever focus moves (every step and tab in the player); this one only
    when the keys it shows actually changed."""

    _shown: tuple[tuple[str, str, bool], ...] | None = None

    def __init__(self, *, compact: bool = False, show_command_palette: bool = True) -> None:
        super().__init__(compact=compact, show_command_palette=show_command_palette)
        show_footer_keys_now(self)

    def compose(self) -> ComposeResult:
        self._shown = self._keys(self.screen)
        yield from super().compose()

    def bindings_changed(self, screen: Screen[object]) -> None:
        shown = self._keys(screen)
        if shown == self._shown:
            return
        self._shown = shown
        super().bindings_changed(screen)

    @staticmethod
    def _keys(screen: Screen[object]) -> tuple[tuple[str, str, bool], ...]:
        return tuple(
            (binding.key, binding.description, enabled)
            for _node, binding, enabled, _tip in screen.active_bindings.values()
            if binding.show
        )
