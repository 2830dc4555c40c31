"""Help: the keys of the current screen, named as people say them, and where to find more."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from readiness.i18n import current_address, t, t_addressed
from readiness.tui.contracts import is_preview
from readiness.tui.keys import help_keys, is_label_key, label


class HelpScreen(ModalScreen[None]):
    """Shows every key active on the screen below (its own, the focused widget's and the
    app's), one line per label, with the keys by name ("Strg+Q", "Esc / q")."""

    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "keys.close", id="close")]

    def compose(self) -> ComposeResult:
        text = Text()
        text.append(t("help.title") + "\n\n", style="bold")
        stack = self.app.screen_stack
        below = next((s for s in reversed(stack) if not isinstance(s, HelpScreen)), None)
        rows = key_rows(below) if below is not None else []
        width = max((len(keys) for keys, _ in rows), default=0)
        for keys, description in rows:
            text.append(f"{keys:>{width}}  ", style="bold")
            text.append(description + "\n")
        text.append("\n" + t_addressed(closing_key(self), current_address()))
        with VerticalScroll(id="help-box"):
            yield Static(text)


def closing_key(help_screen: HelpScreen) -> str:
    """The catalog key of the help's closing text, which fits the screen it is shown on (a
    dialog belongs to the screen beneath it): a screen where "everything you answer is
    saved" is not what matters names its own (`HELP_BODY`, the dashboard's); `play FILE`
    keeps nothing, so its help never promises that answers are saved. The text speaks like
    the content below (du/Sie, set by that screen)."""
    if is_preview(help_screen):
        return "help.body_preview"
    for screen in reversed(help_screen.app.screen_stack):
        if not isinstance(screen, ModalScreen):
            return str(getattr(screen, "HELP_BODY", "help.body"))
    return "help.body"


def key_rows(screen: Screen[object]) -> list[tuple[str, str]]:
    """(keys, label) for every readiness binding active on `screen`, the screen's first,
    the app's last; several keys for one label share a line. Textual's own bindings
    (cursor movement inside lists and text fields) are not listed: they work as everywhere."""
    by_label: dict[str, list[Binding]] = {}
    for active in screen.active_bindings.values():
        binding = active.binding
        if is_label_key(binding.description):
            by_label.setdefault(binding.description, []).append(binding)
    return [(help_keys(bindings), label(key)) for key, bindings in by_label.items()]
