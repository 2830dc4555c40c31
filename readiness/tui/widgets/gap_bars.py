"""Bars per dimension against the target, with the exercise score marked: the report's chart."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.widget import Widget

from readiness.analysis.model import DimensionRow
from readiness.numbers import shown_text


class GapBars(Widget):
    """One line per dimension: title, bar (score), `|` at the target, `◆` the exercise score."""

    DEFAULT_CSS = """
    GapBars { height: auto; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: list[DimensionRow] = []

    def update(self, rows: Sequence[DimensionRow]) -> None:
        self.rows = list(rows)
        self.refresh(layout=True)

    def get_content_height(self, container: object, viewport: object, width: int) -> int:
        return max(1, len(self.rows))

    def render(self) -> Text:
        width = self.size.width or 80
        label_w = min(28, max(12, width // 3))
        bar_w = max(10, width - label_w - 12)
        out = Text()
        for i, row in enumerate(self.rows):
            if i:
                out.append("\n")
            label = row.title if len(row.title) <= label_w else row.title[: label_w - 1] + "…"
            out.append(f"{label:<{label_w}} ")
            out.append_text(self._bar(row, bar_w))
            out.append(f" {shown_text(row.score):>3}", style="bold")
            out.append(f"/{shown_text(row.target)}", style="dim")
        return out

    def _bar(self, row: DimensionRow, width: int) -> Text:
        filled = round(width * (row.score or 0) / 100)
        target = min(width - 1, round(width * row.target / 100))
        shown = (
            None
            if row.demonstrated is None
            else min(width - 1, round(width * row.demonstrated / 100))
        )
        style = (
            "green"
            if row.gap == 0 and row.score is not None
            else "yellow"
            if row.gap < 20
            else "red"
        )
        bar = Text()
        for x in range(width):
            if x == shown:
                bar.append("◆", style="bold magenta")
            elif x == target:
                bar.append("│", style="bold")
            elif x < filled:
                bar.append("█", style=style)
            else:
                bar.append("░", style="dim")
        return bar
