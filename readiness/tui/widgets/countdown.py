"""The countdown of a timed step: seconds left and a shrinking bar; repaints once a second."""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget

from readiness.engine import countdown_label
from readiness.i18n import t


class Countdown(Widget):
    """Shows `left` of `limit` seconds, or a calm note when the step has no countdown."""

    DEFAULT_CSS = """
    Countdown {
        height: 1;
    }
    Countdown > .countdown--bar {
        color: $accent;
    }
    Countdown > .countdown--urgent {
        color: $error;
        text-style: bold;
    }
    Countdown > .countdown--track {
        color: $foreground 25%;
    }
    Countdown > .countdown--calm {
        color: $text-muted;
    }
    """
    COMPONENT_CLASSES = {
        "countdown--bar",
        "countdown--urgent",
        "countdown--track",
        "countdown--calm",
    }
    URGENT_SECONDS = 10

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._limit: float | None = None
        self._shown: int | None = None

    def set_time(self, left: float | None, limit: float | None) -> None:
        """Update; repaints only when the whole seconds shown change."""
        shown = None if left is None else int(-(-left // 1))
        if shown == self._shown and limit == self._limit:
            return
        self._shown, self._limit = shown, limit
        self.refresh()

    def render(self) -> Text:
        if self._shown is None or not self._limit:
            return Text(
                t("train.countdown.none"), style=self.get_component_rich_style("countdown--calm")
            )
        label = t("train.countdown.left", time=countdown_label(self._shown)) + "  "
        urgent = self._shown <= self.URGENT_SECONDS
        style = self.get_component_rich_style("countdown--urgent" if urgent else "countdown--bar")
        width = max(0, self.size.width - len(label))
        filled = round(width * self._shown / self._limit)
        text = Text.assemble((label, style))
        text.append("█" * filled, style=style)
        text.append("░" * (width - filled), style=self.get_component_rich_style("countdown--track"))
        return text
