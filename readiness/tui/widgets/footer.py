"""The footer: the screen's keys, with labels in the language on screen, drawn as one line.

readiness' bindings carry catalog keys as their description (`readiness.tui.keys`); this
footer turns them into text each time it works out its entries, so the language is the one
set when the screen is shown, not the one current when the screen's module was imported.
Every screen uses this footer (or `SteadyFooter`, built on it) instead of Textual's.

What a footer shows at any width: the way out (q, Esc, Ctrl+Q) and help (?, or F1 where a
text field takes the ?) always. Where
the screen's keys do not all fit, the command palette's entry gives way first (the help
screen says that Ctrl+P opens it), then the screen's other keys from the right: a screen
lists its keys most important first, and every key still works and stays in the help. So
"q Quit" and "? Help" are never cut, not at 80 columns, not in German.

It looks and behaves as Textual's footer does (the same colours from the theme's footer
variables, an entry lit under the mouse, a click presses the entry's key, a disabled entry
dimmed and answered with a bell, the palette's entry at the right behind a thin rule), but
it is one widget that draws a line of text. Textual's is a container with a widget per
entry: each of them mounted, styled and laid out whenever a screen is built or its keys
change, which was a fifth of the time from the last answer to the result screen.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.screen import Screen
from textual.strip import Strip
from textual.visual import Visual, visualize
from textual.widget import Widget

from readiness.tui.keys import footer_keys, label

ALWAYS_SHOWN = frozenset({"q", "escape", "ctrl+q", "question_mark", "f1"})
"""Keys whose entry a footer never drops: leaving (back, close, quit) and help."""

PALETTE_RULE = "▏"
"""The thin rule before the palette's entry (Textual's `vkey` border)."""


def always_shown(binding: Binding) -> bool:
    return any(key.strip() in ALWAYS_SHOWN for key in binding.key.split(","))


@dataclass(frozen=True)
class FooterEntry:
    """One key as the footer shows it."""

    key: str
    """The key a click presses (the first of the action's bindings)."""
    key_display: str
    """How the key is written ("q/Esc", "⏎", "Strg+Q")."""
    description: str
    """The label, translated."""
    action: str
    enabled: bool = True
    tooltip: str = ""
    palette: bool = False
    """The command palette's entry, drawn at the right."""


class LocalFooter(Widget, can_focus=False):
    """A footer whose entries show translated key labels, and always help and the way out.

    It draws again only when what it would show (the keys, and which of them fit) differs
    from what it shows: focus moves at every step and tab of the player."""

    ALLOW_SELECT = False
    _lines: ClassVar[dict[tuple[object, ...], Strip]] = {}
    """The line drawn for each thing a footer has shown (see `render_line`), shared by all
    footers: every exercise opens a new player screen with a new footer, whose first reply
    step would otherwise draw the reply keys' line again."""
    COMPONENT_CLASSES = {
        "local-footer--key",
        "local-footer--description",
        "local-footer--key-hover",
        "local-footer--description-hover",
        "local-footer--rule",
    }
    DEFAULT_CSS = """
    LocalFooter {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
    }
    LocalFooter > .local-footer--key {
        color: $footer-key-foreground;
        background: $footer-key-background;
        text-style: bold;
    }
    LocalFooter > .local-footer--description {
        color: $footer-description-foreground;
        background: $footer-description-background;
    }
    LocalFooter > .local-footer--key-hover {
        color: $footer-key-foreground;
        background: $block-hover-background;
        text-style: bold;
    }
    LocalFooter > .local-footer--description-hover {
        color: $footer-description-foreground;
        background: $block-hover-background;
    }
    LocalFooter > .local-footer--rule {
        color: $foreground 20%;
    }
    """

    def __init__(
        self,
        *,
        compact: bool = False,
        show_command_palette: bool = True,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.compact = compact
        self.show_command_palette = show_command_palette
        self._ready = False
        """Whether the screen's keys are known: Textual's footer, and so this one, shows
        nothing until the screen first reports its bindings (`SteadyFooter` does at once)."""
        self._entries: tuple[FooterEntry, ...] = ()
        self._places_drawn: list[tuple[int, int, FooterEntry]] = []
        """Where each entry was last drawn (see `_places`)."""
        self._mouse_x: int | None = None
        """The mouse's cell while it is over the footer."""

    @property
    def entries(self) -> tuple[FooterEntry, ...]:
        """What the footer shows now, left to right (the palette's entry last)."""
        return self._entries

    # -- keeping up with the screen ----------------------------------------------------------

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self.bindings_changed)
        if self._ready:
            self._update_entries()

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def bindings_changed(self, screen: Screen[object]) -> None:
        """Focus moved or a key was enabled: draw again if the entries change."""
        self._ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen:
            self._update_entries()

    def on_resize(self, event: events.Resize) -> None:
        """A wider or narrower terminal may make room for more entries, or take it."""
        del event
        if self._ready:
            self._update_entries()

    def _update_entries(self) -> None:
        entries = self._fitted_entries()
        if entries != self._entries:
            self._show_entries(entries)

    def _show_entries(self, entries: tuple[FooterEntry, ...]) -> None:
        """Draw these entries from now on (called only when they differ from the shown)."""
        self._entries = entries
        self.tooltip = None  # set again by the next move over an entry
        self.refresh()

    def _fitted_entries(self) -> tuple[FooterEntry, ...]:
        """One entry per action, drawn from its first binding, in the screen's order, as many
        as fit the footer's width: the palette's only when everything does; then the
        screen's keys, dropping the rightmost that may be dropped until the rest fits."""
        entries: dict[str, FooterEntry] = {}
        kept: dict[str, bool] = {}
        for _node, binding, enabled, tooltip in self.screen.active_bindings.values():
            if not binding.show:
                continue
            action = binding.action
            if action in entries:  # kept if any of the action's keys is
                kept[action] = kept[action] or always_shown(binding)
                continue
            kept[action] = always_shown(binding)
            entries[action] = FooterEntry(
                key=binding.key,
                key_display=footer_keys(binding),
                description=label(binding.description),
                action=action,
                enabled=enabled,
                tooltip=label(tooltip) if tooltip else "",
            )
        shown = list(entries.values())
        # The footer's own width once laid out: beside a screen's scrollbar it is narrower
        # than the terminal.
        width = self.size.width or self.app.size.width
        gap = 1 if self.compact else 0

        def cells(entry: FooterEntry) -> int:
            return _entry_width(entry, compact=self.compact) + gap

        total = sum(cells(entry) for entry in shown)
        palette = self._palette_entry()
        # The palette's entry also takes its rule, the cell after it and one between.
        if palette is not None and total + _entry_width(palette, compact=True) + 3 <= width:
            return (*shown, palette)
        for entry in reversed(entries.values()):
            if total <= width:
                break
            if not kept[entry.action]:
                shown.remove(entry)
                total -= cells(entry)
        return tuple(shown)

    def _palette_entry(self) -> FooterEntry | None:
        active = self.screen.active_bindings.get(self.app.COMMAND_PALETTE_BINDING)
        if active is None or not self.show_command_palette:
            return None
        _node, binding, enabled, _tooltip = active
        return FooterEntry(
            key=binding.key,
            key_display=footer_keys(binding),
            description=label(binding.description),
            action=binding.action,
            enabled=enabled,
            tooltip=label(binding.tooltip or binding.description),
            palette=True,
        )

    # -- drawing -----------------------------------------------------------------------------

    def _places(self) -> list[tuple[int, int, FooterEntry]]:
        """Where each entry is drawn: (first cell, cell after the last, entry). The palette's
        place includes its rule and, in a full footer, the padding after it, as on Textual's
        footer, where both belong to the entry."""
        places: list[tuple[int, int, FooterEntry]] = []
        x = 0
        palette: FooterEntry | None = None
        for entry in self._entries:
            if entry.palette:
                palette = entry
                continue
            width = _entry_width(entry, compact=self.compact)
            places.append((x, x + width, entry))
            x += width + (1 if self.compact else 0)
        if palette is not None:
            # Right of the entry: Textual's padding (a full footer) or margin (a compact one).
            end = self.size.width - (1 if self.compact else 0)
            start = end - 1 - _entry_width(palette, compact=True) - (0 if self.compact else 1)
            if start >= x:
                places.append((start, end, palette))
        return places

    def render_line(self, y: int) -> Strip:
        """The footer's line, kept for each set of entries, width, lit entry and colours it
        has been drawn for: the player's footer changes between a decision's keys and a
        reply's at every step (and at 80x24 with every pane), and Textual drew the line anew
        each time, about 1 ms at 120 columns. Drawn as Textual draws `render()`."""
        if y != 0:
            return super().render_line(y)  # one line high: there is no other
        places = self._places()
        lit = self._entry_at(self._mouse_x, places)
        key = (
            self._entries,
            lit,
            self.size.width,
            self.compact,
            self.visual_style,
            self.get_component_rich_style("local-footer--rule"),
            *(
                self._style(part, lit=hover)
                for part in ("key", "description")
                for hover in (False, True)
            ),
        )
        line = self._lines.get(key)
        if line is None:
            visual = visualize(self, self.render())
            (line,) = Visual.to_strips(self, visual, self.size.width, 1, self.visual_style)
            if len(self._lines) >= 64:
                self._lines.clear()  # a theme or size change left the old ones unused
            self._lines[key] = line
        self._places_drawn = places
        return line

    def render(self) -> Text:
        line = Text(no_wrap=True, overflow="crop", end="")
        # Gaps between entries are the footer's background alone, as Textual's margins are.
        gap = Style(bgcolor=self.rich_style.bgcolor)
        places = self._places()
        lit = self._entry_at(self._mouse_x, places)
        for start, _end, entry in places:
            if start > line.cell_len:
                line.append(" " * (start - line.cell_len), gap)
            if entry.palette:
                rule = self.get_component_rich_style("local-footer--rule")
                if entry is lit:
                    rule += Style(bgcolor=self._style("key", lit=True).bgcolor)
                line.append(PALETTE_RULE, rule)
                line.append_text(self._entry_text(entry, compact=True, lit=entry is lit))
                if not self.compact:
                    padding = self._style("description", lit=True) if entry is lit else gap
                    line.append(" ", padding)
            else:
                line.append_text(self._entry_text(entry, compact=self.compact, lit=entry is lit))
        self._places_drawn = places
        return line

    def _style(self, part: str, *, lit: bool) -> Style:
        return self.get_component_rich_style(
            f"local-footer--{part}-hover" if lit else f"local-footer--{part}"
        )

    def _entry_text(self, entry: FooterEntry, *, compact: bool, lit: bool) -> Text:
        """An entry drawn as Textual's `FooterKey` draws it, lit while the mouse is on it."""
        key_style = self._style("key", lit=lit)
        description_style = self._style("description", lit=lit)
        if not entry.enabled:
            key_style += Style(dim=True)
            description_style += Style(dim=True)
        if not entry.description:
            return Text(entry.key_display, key_style)
        if compact:
            key, description = entry.key_display, " " + entry.description
        else:
            key, description = f" {entry.key_display} ", entry.description + " "
        return Text.assemble((key, key_style), (description, description_style))

    # -- the mouse ---------------------------------------------------------------------------

    @staticmethod
    def _entry_at(x: int | None, places: list[tuple[int, int, FooterEntry]]) -> FooterEntry | None:
        if x is None:
            return None
        for start, end, entry in places:
            if start <= x < end:
                return entry
        return None

    def on_mouse_move(self, event: events.MouseMove) -> None:
        """The entry under the mouse is lit (worked out when drawing, from the mouse's cell:
        still right after the entries changed under it), with its tooltip and a hand."""
        before = self._entry_at(self._mouse_x, self._places_drawn)
        self._mouse_x = event.x
        entry = self._entry_at(event.x, self._places_drawn)
        if entry is not before:
            self.tooltip = (entry.tooltip or None) if entry is not None else None
            self.styles.pointer = "pointer" if entry is not None else "default"
            self.refresh()

    def on_leave(self, event: events.Leave) -> None:
        del event
        self._mouse_x = None
        self.tooltip = None
        self.styles.pointer = "default"
        self.refresh()

    def on_mouse_down(self, event: events.MouseDown) -> None:
        """A click on an entry presses its key, as on Textual's footer."""
        entry = self._entry_at(event.x, self._places_drawn)
        if entry is None:
            return
        if entry.enabled:
            self.app.simulate_key(entry.key)
        else:
            self.app.bell()


def _entry_width(entry: FooterEntry, *, compact: bool) -> int:
    """Cells of an entry as `_entry_text` draws it."""
    if not entry.description:
        return cell_len(entry.key_display)
    return cell_len(entry.key_display) + cell_len(entry.description) + (1 if compact else 3)
