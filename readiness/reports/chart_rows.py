"""The shared frame of the row charts (bars, box plots, share bars): a label and a band per row.

Two layouts, because one SVG cannot serve a 1280 px screen and a 390 px phone at a readable
size: `wide` puts wrapped labels in a column left of the bands; `narrow` puts each label
above its band across the whole width. Row heights follow the wrapped labels, so no label is
ever cut or runs into the next row. The report pages show the layout that fits the screen
(CSS in report.css: `.chart-wide` / `.chart-narrow`)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from readiness.reports.svg_text import LABEL_PX, block_height, text_block, wrap

WIDE_WIDTH = 680.0
NARROW_WIDTH = 340.0
GAP = 8.0  # between a label column and the bands, and between rows


@dataclass(frozen=True)
class Frame:
    """Where each row's band goes, and the SVG text of the labels."""

    parts: list[str]
    band_tops: list[float]
    x0: float
    plot_w: float
    width: float
    height: float


def frame(
    labels: Sequence[str],
    *,
    narrow: bool,
    band: float,
    right_w: float,
    label_w: float = 210.0,
    top: float = 2.0,
    stacked: bool = False,
) -> Frame:
    """Lay out `labels` and a band of height `band` per row; `right_w` is kept free at the
    right of the bands for a value or a small histogram. `stacked` puts labels above their
    bands at full width in the wide layout too (long sentences: two lines instead of six)."""
    width = NARROW_WIDTH if narrow else WIDE_WIDTH
    above = narrow or stacked
    x0 = 0.0 if above else label_w
    plot_w = width - x0 - right_w
    parts: list[str] = []
    tops: list[float] = []
    y = top
    for label in labels:
        if above:
            lines = wrap(label, width - 4)
            text_h = block_height(len(lines))
            parts.append(text_block(lines, 2, y, "start"))  # 2: room for a T's or „'s overhang
            tops.append(y + text_h + 2)
            y += text_h + 2 + band + GAP
        else:
            lines = wrap(label, label_w - GAP)
            text_h = block_height(len(lines))
            row_h = max(band + 6, text_h + 4)
            parts.append(text_block(lines, label_w - GAP, y + (row_h - text_h) / 2, "end"))
            tops.append(y + (row_h - band) / 2)
            y += row_h + 2
    return Frame(parts, tops, x0, plot_w, width, y)


def open_svg(
    width: float,
    height: float,
    title: str,
    css: str,
    narrow: bool,
    origin: tuple[float, float] = (0.0, 0.0),
) -> str:
    """The opening tag and title of a chart; the viewBox holds everything drawn in it."""
    layout = "chart-narrow" if narrow else "chart-wide"
    x, y = math.floor(origin[0]), math.floor(origin[1])
    width, height = math.ceil(width), math.ceil(height)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" '
        f'viewBox="{x:.0f} {y:.0f} {width:.0f} {height:.0f}" '
        f'width="{width:.0f}" height="{height:.0f}" role="img" aria-label="{escape(title)}" '
        f'class="{css} {layout}" font-size="{LABEL_PX:.0f}"><title>{escape(title)}</title>'
    )
