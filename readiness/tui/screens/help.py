"""Help: the keys of the current screen and where to find more."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from readiness.i18n import t


class HelpScreen(ModalScreen[None]):
    """Shows every key binding active on the screen below, with its description."""

    BINDINGS = [Binding("escape,q,question_mark", "dismiss", t("keys.close"), id="close")]

    def compose(self) -> ComposeResult:
        text = Text()
        text.append(t("help.title") + "\n\n", style="bold")
        stack = self.app.screen_stack
        below = stack[-1] if stack and not isinstance(stack[-1], HelpScreen) else None
        if below is None and len(stack) > 1:
            below = stack[-2]
        seen: set[str] = set()
        if below is not None:
            for binding in [*below.BINDINGS, *self.app.BINDINGS]:
                if not isinstance(binding, Binding) or not binding.description:
                    continue
                keys = binding.key_display or binding.key
                if keys in seen:
                    continue
                seen.add(keys)
                text.append(f"{keys:>14}  ", style="bold")
                text.append(binding.description + "\n")
        text.append("\n" + t("help.body"))
        with VerticalScroll(id="help-box"):
            yield Static(text)
