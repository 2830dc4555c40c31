"""Textual's footer, with key labels in the language on screen.

readiness' bindings carry catalog keys as their description (`readiness.tui.keys`); this
footer turns them into text each time it builds its entries, so the language is the one set
when the screen is shown, not the one current when the screen's module was imported. Every
screen uses this footer (or `SteadyFooter`, built on it) instead of Textual's.

What a footer shows at any width: the way out (q, Esc, Ctrl+Q) and help (?, or F1 where a
text field takes the ?) always. Where
the screen's keys do not all fit, the command palette's entry gives way first (the help
screen says that Ctrl+P opens it), then the screen's other keys from the right: a screen
lists its keys most important first, and every key still works and stays in the help. So
"q Quit" and "? Help" are never cut, not at 80 columns, not in German."""

from __future__ import annotations

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer

from readiness.tui.keys import footer_keys, label
from readiness.tui.textual_internals import relabel_footer_key

ALWAYS_SHOWN = frozenset({"q", "escape", "ctrl+q", "question_mark", "f1"})
"""Keys whose entry a footer never drops: leaving (back, close, quit) and help."""

Plan = tuple[frozenset[str], bool]
"""(actions left out, palette entry shown): what a footer shows at its width."""


def always_shown(binding: Binding) -> bool:
    return any(key.strip() in ALWAYS_SHOWN for key in binding.key.split(","))


class LocalFooter(Footer):
    """A footer whose entries show translated key labels, and always help and the way out."""

    _plan: Plan | None = None

    def compose(self) -> ComposeResult:
        self._plan = (left_out, palette) = self._fit()
        for widget in super().compose():
            if widget.has_class("-command-palette"):
                if not palette:
                    continue
            elif getattr(widget, "action", None) in left_out:
                continue
            relabel_footer_key(widget, label)
            yield widget

    def on_resize(self, event: events.Resize) -> None:
        """A wider or narrower terminal may make room for more entries, or take it."""
        del event
        if self._plan is not None and self._fit() != self._plan:
            self.call_after_refresh(self.recompose)

    def _entries(self) -> list[tuple[str, int, bool]]:
        """(action, cells, always shown) of each of the screen's entries, in footer order.

        Cells as Textual draws an entry: " key label " (compact: "key label" and a margin)."""
        padding = 2 if self.compact else 3
        entries: dict[str, tuple[int, bool]] = {}
        for active in self.screen.active_bindings.values():
            binding = active.binding
            if not binding.show:
                continue
            if binding.action in entries:
                # One entry per action, drawn from its first binding; kept if any key is.
                cells, kept = entries[binding.action]
                entries[binding.action] = (cells, kept or always_shown(binding))
                continue
            text = footer_keys(binding) + label(binding.description)
            entries[binding.action] = (cell_len(text) + padding, always_shown(binding))
        return [(action, cells, kept) for action, (cells, kept) in entries.items()]

    def _fit(self) -> Plan:
        """Which entries fit the width: the palette's only when everything does; then the
        screen's keys, dropping the rightmost that may be dropped until the rest fits."""
        width = self.app.size.width
        entries = self._entries()
        total = sum(cells for _, cells, _ in entries)
        palette = self._palette_width()
        if palette and total + palette <= width:
            return frozenset(), True
        left_out: set[str] = set()
        for action, cells, kept in reversed(entries):
            if total <= width:
                break
            if not kept:
                left_out.add(action)
                total -= cells
        return frozenset(left_out), False

    def _palette_width(self) -> int:
        binding = self.screen.active_bindings.get(self.app.COMMAND_PALETTE_BINDING)
        if binding is None or not self.show_command_palette:
            return 0
        return cell_len(footer_keys(binding.binding) + label(binding.binding.description)) + 4
