"""A bar per dimension, with the target of the chosen profile marked on it."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.geometry import Size
from textual.widget import Widget

from readiness.assessing import DimensionScore
from readiness.i18n import t
from readiness.numbers import shown_text

MIN_BAR = 16
"""Cells a bar keeps before a dimension title is shortened to make room."""


class DimensionBars(Widget):
    """One line per dimension: title, a bar for the score, `│` at the target, the numbers.

    Pure display of `DimensionScore`s; the width adapts to the terminal."""

    DEFAULT_CSS = """
    DimensionBars {
        height: auto;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    DimensionBars > .dimension-bars--met {
        color: $success;
    }
    DimensionBars > .dimension-bars--gap {
        color: $warning;
    }
    DimensionBars > .dimension-bars--track {
        color: $foreground 25%;
    }
    DimensionBars > .dimension-bars--target {
        color: $accent;
        text-style: bold;
    }
    DimensionBars > .dimension-bars--unknown {
        color: $text-muted;
    }
    """
    COMPONENT_CLASSES = {
        "dimension-bars--met",
        "dimension-bars--gap",
        "dimension-bars--track",
        "dimension-bars--target",
        "dimension-bars--unknown",
    }

    def __init__(self, dimensions: Sequence[DimensionScore] = (), *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._dimensions: tuple[DimensionScore, ...] = tuple(dimensions)

    def update(self, dimensions: Sequence[DimensionScore]) -> None:
        self._dimensions = tuple(dimensions)
        self.refresh(layout=True)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """One line per dimension, whatever the width: measuring wrapped text here (before
        the widget knows its width) left a blank hole under the bars."""
        return len(self._dimensions)

    def render(self) -> Text:
        width = max(self.size.width, 30)
        if not self._dimensions:
            return Text("")
        numbers_width = max(12, *(len(self._numbers(d)) + 1 for d in self._dimensions))
        # Titles in full while the bar keeps MIN_BAR cells; only then is a title shortened.
        room = max(12, width - numbers_width - 2 - MIN_BAR)
        label_width = min(max(len(d.title) for d in self._dimensions), room)
        bar_width = max(8, width - label_width - numbers_width - 2)
        out = Text(no_wrap=True, overflow="ellipsis")
        for i, dim in enumerate(self._dimensions):
            if i:
                out.append("\n")
            title = (
                dim.title if len(dim.title) <= label_width else dim.title[: label_width - 1] + "…"
            )
            out.append(title.ljust(label_width) + " ")  # content text as plain text
            out.append_text(self._bar(dim, bar_width))
            out.append(" " + self._numbers(dim).rjust(numbers_width - 1))
        return out

    def _bar(self, dim: DimensionScore, width: int) -> Text:
        """The filled part, the track and the target mark, as a run of cells each: one style
        span per run instead of one per cell (the bars were a quarter of the result's paint)."""
        style = self.get_component_rich_style
        filled = 0 if dim.score is None else min(width, round(dim.score / 100 * width))
        target = None if dim.target <= 0 else min(width - 1, round(dim.target / 100 * width))
        fill_style = style(
            "dimension-bars--met" if dim.met or dim.gap == 0 else "dimension-bars--gap"
        )
        track_style = style("dimension-bars--track")
        bar = Text()

        def cells(start: int, end: int) -> None:
            """Cells start..end-1 that are not the target: filled below `filled`, else track."""
            if start < min(end, filled):
                bar.append("█" * (min(end, filled) - start), fill_style)
            if max(start, filled) < end:
                bar.append("░" * (end - max(start, filled)), track_style)

        if target is None:
            cells(0, width)
        else:
            cells(0, target)
            mark = "│" if target >= filled else "┃"
            bar.append(mark, style("dimension-bars--target"))
            cells(target + 1, width)
        return bar

    def _numbers(self, dim: DimensionScore) -> str:
        if dim.score is None:
            return t("assess.result.no_score")
        score = shown_text(dim.score)
        if dim.target <= 0:
            return score
        if dim.gap > 0:
            return f"{score}/{shown_text(dim.target)} −{dim.gap}"
        return f"{score}/{shown_text(dim.target)} ✓"
