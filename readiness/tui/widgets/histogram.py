"""Group charts in text, large enough for a projector: distributions and shares.

`DistributionBars`: one line per dimension — the range min–max as a thin line, the middle
half (Q1–Q3) as a thick bar, the median as `┃`, the target as `▼` — then the median and a
five-bin histogram. `ShareBars`: one line per choice or ending with its count and share."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from rich.text import Text
from textual.geometry import Size
from textual.widget import Widget

from readiness.numbers import shown, shown_text
from readiness.reports.render import spark
from readiness.workshop.group_model import DimensionGroup


def _fit(label: str, width: int) -> str:
    return label if len(label) <= width else label[: max(1, width - 1)] + "…"


RowT = TypeVar("RowT")


class _Rows(Widget, Generic[RowT]):
    """A chart with one line per row: as tall as its rows, repainted when they change."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._rows: tuple[RowT, ...] = ()

    def update(self, rows: Sequence[RowT]) -> None:
        self._rows = tuple(rows)
        self.refresh(layout=True)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return max(1, len(self._rows))


class DistributionBars(_Rows[DimensionGroup]):
    """Box plots in text for a list of dimensions."""

    DEFAULT_CSS = """
    DistributionBars { height: auto; text-wrap: nowrap; text-overflow: ellipsis; }
    DistributionBars > .distribution--range { color: $foreground 60%; }
    DistributionBars > .distribution--box { color: $accent; }
    DistributionBars > .distribution--median { color: $text; text-style: bold; }
    DistributionBars > .distribution--target { color: $warning; text-style: bold; }
    DistributionBars > .distribution--track { color: $foreground 20%; }
    """
    COMPONENT_CLASSES = {
        "distribution--range",
        "distribution--box",
        "distribution--median",
        "distribution--target",
        "distribution--track",
    }

    def render(self) -> Text:
        width = max(self.size.width, 30)
        if not self._rows:
            return Text("")
        label_w = min(max(len(r.title) for r in self._rows), max(10, width // 4))
        tail_w = 14  # " median 100 ▁▃█▅▂"
        bar_w = max(10, width - label_w - tail_w - 2)
        out = Text(no_wrap=True, overflow="ellipsis")
        for i, row in enumerate(self._rows):
            if i:
                out.append("\n")
            out.append(_fit(row.title, label_w).ljust(label_w) + " ")
            out.append_text(self._bar(row, bar_w))
            median = shown_text(row.scores.median)
            out.append(f" {median:>3} ", style="bold")
            out.append(spark(row.scores.histogram))
        return out

    def _bar(self, row: DimensionGroup, width: int) -> Text:
        style = self.get_component_rich_style
        cells = ["·"] * width
        kinds = ["track"] * width
        s = row.scores

        def pos(v: float) -> int:
            return min(width - 1, max(0, round(v / 100 * (width - 1))))

        if s.count and s.min is not None and s.max is not None:
            for x in range(pos(s.min), pos(s.max) + 1):
                cells[x], kinds[x] = "─", "range"
            if s.q1 is not None and s.q3 is not None:
                for x in range(pos(s.q1), pos(s.q3) + 1):
                    cells[x], kinds[x] = "█", "box"
            if s.median is not None:
                cells[pos(s.median)], kinds[pos(s.median)] = "┃", "median"
        if row.target:
            cells[pos(row.target)], kinds[pos(row.target)] = "▼", "target"
        text = Text()
        for ch, kind in zip(cells, kinds, strict=True):
            text.append(ch, style=style(f"distribution--{kind}"))
        return text


@dataclass(frozen=True)
class ShareRow:
    label: str
    count: int
    share: float
    marked: bool = False
    """Starred and drawn in the success colour: the expert's choice, a good ending."""


class ShareBars(_Rows[ShareRow]):
    """One bar per choice or ending: how many of the room, and what share."""

    DEFAULT_CSS = """
    ShareBars { height: auto; text-wrap: nowrap; text-overflow: ellipsis; }
    ShareBars > .shares--bar { color: $accent; }
    ShareBars > .shares--marked { color: $success; }
    ShareBars > .shares--track { color: $foreground 20%; }
    """
    COMPONENT_CLASSES = {"shares--bar", "shares--marked", "shares--track"}

    def render(self) -> Text:
        width = max(self.size.width, 30)
        if not self._rows:
            return Text("")
        style = self.get_component_rich_style
        label_w = min(max(len(r.label) + 2 for r in self._rows), max(10, width * 2 // 5))
        tail_w = 12  # " 12 · 100 %"
        bar_w = max(4, width - label_w - tail_w - 1)
        out = Text(no_wrap=True, overflow="ellipsis")
        for i, row in enumerate(self._rows):
            if i:
                out.append("\n")
            label = ("★ " if row.marked else "") + row.label
            out.append(_fit(label, label_w).ljust(label_w) + " ")
            filled = round(row.share * bar_w)
            out.append("█" * filled, style=style("shares--marked" if row.marked else "shares--bar"))
            out.append("░" * (bar_w - filled), style=style("shares--track"))
            out.append(f" {row.count:>3} · {shown(row.share * 100):>3} %")
        return out
