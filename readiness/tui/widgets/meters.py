"""Meters for the scenario variables that matter (reach, sentiment, escalation…)."""

from __future__ import annotations

from collections.abc import Mapping

from rich.cells import cell_len
from rich.text import Text
from textual.geometry import Size
from textual.widget import Widget

from readiness.i18n.formats import number
from readiness.models.scenario import Variable
from readiness.numbers import shown


def grouped(value: int) -> str:
    """Thousands grouped as the reader expects: 1,764 in English, 1.764 in German."""
    return number(value)


def format_value(value: float, var: Variable) -> str:
    """Whole numbers unless the range is small enough that decimals carry meaning
    (in the UI language's way: 2,5 in German)."""
    if var.max - var.min <= 10 and value != int(value):
        return number(value, 1)
    return number(value)


class Meters(Widget):
    """One line per visible variable (`compact`: all on one line). Colour says good or bad:
    a variable with `good = "low"` turns red as it climbs."""

    DEFAULT_CSS = """
    Meters {
        height: auto;
    }
    Meters > .meters--good {
        color: $success;
    }
    Meters > .meters--middle {
        color: $warning;
    }
    Meters > .meters--bad {
        color: $error;
    }
    Meters > .meters--track {
        color: $foreground 25%;
    }
    Meters > .meters--label {
        text-style: bold;
    }
    """
    COMPONENT_CLASSES = {
        "meters--good",
        "meters--middle",
        "meters--bad",
        "meters--track",
        "meters--label",
    }

    def __init__(
        self,
        variables: list[Variable],
        titles: Mapping[str, str] | None = None,
        *,
        compact: bool = False,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.variables = [v for v in variables if v.show]
        self.titles: dict[str, str] = {
            v.id: (titles or {}).get(v.id, v.title) for v in self.variables
        }
        self.compact = compact
        self._values: tuple[str, ...] = ()
        self._raw: dict[str, float] = {}

    def set_values(self, values: dict[str, float]) -> None:
        """Repaint only when a shown number changes."""
        shown = tuple(format_value(values.get(v.id, v.initial), v) for v in self.variables)
        if shown == self._values:
            return
        # Bars keep their height; the compact line may wrap differently when it gets longer.
        longer = self.compact and sum(map(len, shown)) != sum(map(len, self._values))
        self._values = shown
        self._raw = dict(values)
        self.refresh(layout=longer)

    def _style(self, var: Variable, share: float) -> str:
        goodness = share if var.good == "high" else 1 - share
        name = (
            "meters--good"
            if goodness >= 0.6
            else "meters--middle"
            if goodness >= 0.35
            else "meters--bad"
        )
        return name

    def render(self) -> Text:
        return self._text(self.size.width)

    def _text(self, full_width: int) -> Text:
        if not self.variables:
            return Text()
        text = Text()
        label_width = max(len(title) for title in self.titles.values())
        for n, var in enumerate(self.variables):
            value = self._raw.get(var.id, var.initial)
            share = (value - var.min) / (var.max - var.min) if var.max > var.min else 0.0
            style = self.get_component_rich_style(self._style(var, share))
            shown = format_value(value, var)
            if self.compact:
                if n:
                    text.append("  ·  ")
                text.append(
                    f"{self.titles[var.id]} ", style=self.get_component_rich_style("meters--label")
                )
                text.append(shown, style=style)
                continue
            if n:
                text.append("\n")
            label = self.get_component_rich_style("meters--label")
            stacked = self._stacked(full_width)
            if stacked:
                # Narrow column: the title on its own line (wrapped if need be), bar below.
                text.append(self.titles[var.id] + "\n", style=label)
            else:
                text.append(self.titles[var.id].ljust(label_width + 1), style=label)
            width = max(4, full_width - (0 if stacked else label_width + 1) - 7)
            filled = round(width * max(0.0, min(1.0, share)))
            text.append("█" * filled, style=style)
            text.append(
                "░" * (width - filled), style=self.get_component_rich_style("meters--track")
            )
            text.append(shown.rjust(7), style=style)
        return text

    MIN_BAR = 10
    """Narrower bars than this go on their own line under the title."""

    def _stacked(self, width: int) -> bool:
        """Whether each meter takes two lines (title and number, then the bar): in a narrow
        side column a title, a bar and the number do not fit on one line, and a meter that
        wrapped pushed the last ones out of the box."""
        label_width = max((cell_len(title) for title in self.titles.values()), default=0)
        return width < label_width + 1 + self.MIN_BAR + 7

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        if not self.compact:
            if not self._stacked(width):
                return max(1, len(self.variables))
            return max(1, len(self._text(width).wrap(self.app.console, max(1, width))))
        # Long titles (German ones especially) wrap onto a second line rather than vanish.
        return max(1, len(self.render().wrap(self.app.console, max(1, width))))


class ScoreBars(Widget):
    """Debrief scores: one bar per dimension, the participant's percent and the expert's."""

    DEFAULT_CSS = """
    ScoreBars {
        height: auto;
    }
    ScoreBars > .score-bars--bar {
        color: $accent;
    }
    ScoreBars > .score-bars--track {
        color: $foreground 25%;
    }
    ScoreBars > .score-bars--muted {
        color: $text-muted;
    }
    """
    COMPONENT_CLASSES = {"score-bars--bar", "score-bars--track", "score-bars--muted"}

    def __init__(self, rows: list[tuple[str, float | None, float | None]], no_score: str) -> None:
        """`rows`: (title, percent or None, expert percent or None)."""
        super().__init__()
        self.rows = rows
        self.no_score = no_score

    def render(self) -> Text:
        text = Text()
        label_width = max((len(r[0]) for r in self.rows), default=0) + 1
        width = max(10, min(40, self.size.width - label_width - 16))
        muted = self.get_component_rich_style("score-bars--muted")
        for n, (title, percent, expert) in enumerate(self.rows):
            if n:
                text.append("\n")
            text.append(title.ljust(label_width), style="bold")
            if percent is None:
                text.append(self.no_score, style=muted)
                continue
            filled = round(width * percent / 100)
            text.append("█" * filled, style=self.get_component_rich_style("score-bars--bar"))
            text.append(
                "░" * (width - filled), style=self.get_component_rich_style("score-bars--track")
            )
            text.append(f" {shown(percent):5}")
            if expert is not None:
                text.append(f" · {shown(expert)}", style=muted)
        return text

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return max(1, len(self.rows))
