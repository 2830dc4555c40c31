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
from textual.screen import Screen
from textual.widgets import Footer

from readiness.tui.keys import footer_keys, label
from readiness.tui.textual_internals import (
    footer_keys_known,
    relabel_footer_key,
    show_footer_keys_now,
)

ALWAYS_SHOWN = frozenset({"q", "escape", "ctrl+q", "question_mark", "f1"})
"""Keys whose entry a footer never drops: leaving (back, close, quit) and help."""

Plan = tuple[frozenset[str], bool]
"""(actions left out, palette entry shown): what a footer shows at its width."""

Shown = tuple[tuple[tuple[str, str, bool], ...], Plan]
"""The screen's shown keys (key, description, enabled) and the plan for them: what a footer
shows, compared before rebuilding."""


def always_shown(binding: Binding) -> bool:
    return any(key.strip() in ALWAYS_SHOWN for key in binding.key.split(","))


class LocalFooter(Footer):
    """A footer whose entries show translated key labels, and always help and the way out.

    Textual's footer rebuilds itself whenever focus moves, and this one also when the width
    changes what fits; a rebuild is a dozen widgets mounted and styled. So it rebuilds only
    when what it would show (the keys, and which of them fit) differs from what it shows, and
    at most once per refresh however many reasons arrive together (a focus change and a
    resize in one frame, as when a screen first appears)."""

    _shown: Shown | None = None
    _rebuild_pending = False

    def compose(self) -> ComposeResult:
        wanted = self._wanted()
        # Textual's footer shows nothing until the bindings are known.
        self._shown = wanted if footer_keys_known(self) else None
        left_out, palette = wanted[1]
        for widget in super().compose():
            if widget.has_class("-command-palette"):
                if not palette:
                    continue
                compact = True  # Textual binds each entry's style to the footer's, not this one
            elif getattr(widget, "action", None) in left_out:
                continue
            else:
                compact = self.compact
            relabel_footer_key(widget, label, compact=compact)
            yield widget

    def bindings_changed(self, screen: Screen[object]) -> None:
        """Focus moved or a key was enabled: rebuild if the entries change."""
        show_footer_keys_now(self)
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen:
            self._rebuild_if_changed()

    def on_resize(self, event: events.Resize) -> None:
        """A wider or narrower terminal may make room for more entries, or take it."""
        del event
        if self._shown is not None:
            self._rebuild_if_changed()

    def _rebuild_if_changed(self) -> None:
        if self._rebuild_pending or self._wanted() == self._shown:
            return
        self._rebuild_pending = True
        self.call_after_refresh(self._rebuild)

    async def _rebuild(self) -> None:
        self._rebuild_pending = False
        if self.is_attached and self._wanted() != self._shown:
            await self.recompose()

    def _wanted(self) -> Shown:
        """The keys the screen has now and which of them fit: what the footer should show."""
        keys = tuple(
            (binding.key, binding.description, enabled)
            for _node, binding, enabled, _tip in self.screen.active_bindings.values()
            if binding.show
        )
        return keys, self._fit()

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
