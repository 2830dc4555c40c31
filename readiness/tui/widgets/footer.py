"""Textual's footer, with key labels in the language on screen.

readiness' bindings carry catalog keys as their description (`readiness.tui.keys`); this
footer turns them into text each time it builds its entries, so the language is the one set
when the screen is shown, not the one current when the screen's module was imported. Every
screen uses this footer (or `SteadyFooter`, built on it) instead of Textual's.

The command palette's entry sits at the right edge and covers whatever the screen's own keys
need beyond it; where they do not all fit, the palette entry gives way (the help screen says
that Ctrl+P opens it), so "q Quit" is never hidden behind "Ctrl+P commands"."""

from __future__ import annotations

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.widgets import Footer

from readiness.tui.keys import footer_keys, label
from readiness.tui.textual_internals import relabel_footer_key


class LocalFooter(Footer):
    """A footer whose entries show translated key labels."""

    _palette_fits: bool | None = None

    def compose(self) -> ComposeResult:
        self._palette_fits = palette_fits = self._fits()
        for widget in super().compose():
            if widget.has_class("-command-palette") and not palette_fits:
                continue
            relabel_footer_key(widget, label)
            yield widget

    def on_resize(self, event: events.Resize) -> None:
        """A wider or narrower terminal may make room for the palette entry, or take it."""
        del event
        if self._palette_fits is not None and self._fits() != self._palette_fits:
            self.call_after_refresh(self.recompose)

    def _fits(self) -> bool:
        return self._keys_width() + self._palette_width() <= self.app.size.width

    def _keys_width(self) -> int:
        """Cells the screen's own entries take: " key label " each, one per action."""
        padding = 1 if self.compact else 3
        shown: dict[str, int] = {}
        for active in self.screen.active_bindings.values():
            binding = active.binding
            if binding.show and binding.action not in shown:
                text = footer_keys(binding) + label(binding.description)
                shown[binding.action] = cell_len(text) + padding
        return sum(shown.values())

    def _palette_width(self) -> int:
        binding = self.screen.active_bindings.get(self.app.COMMAND_PALETTE_BINDING)
        if binding is None or not self.show_command_palette:
            return 0
        return cell_len(footer_keys(binding.binding) + label(binding.binding.description)) + 4
