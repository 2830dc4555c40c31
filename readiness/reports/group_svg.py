"""Inline SVG charts for the group report: box plots with histograms, and share bars.

No scripts, no external files; every label is escaped, because titles come from content
files and participants' teams. Labels are wrapped, never cut: a choice in an exercise is
read in full on paper too. Each chart has a wide and a narrow layout (see `chart_rows`)."""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup

from readiness.numbers import shown
from readiness.reports.chart_rows import frame, open_svg
from readiness.reports.svg_text import text_block, text_width
from readiness.workshop.group_model import DimensionGroup, Share


def _f(x: float) -> str:
    return f"{x:.1f}"


def boxplots(dims: Sequence[DimensionGroup], title: str, narrow: bool = False) -> Markup:
    """One row per dimension: whiskers min–max, box Q1–Q3, median line, target tick, and a
    five-bin histogram at the right; an axis 0–100 below."""
    band, hist_w = 20.0, 60.0
    f = frame([d.title for d in dims], narrow=narrow, band=band, right_w=hist_w + 16, top=4)
    axis_y = f.height + 2
    height = axis_y + 14
    parts = [open_svg(f.width, height, title, "boxplot", narrow)]
    for tick in (0, 25, 50, 75, 100):
        x = f.x0 + f.plot_w * tick / 100
        parts.append(f'<line x1="{_f(x)}" y1="0" x2="{_f(x)}" y2="{_f(axis_y)}" class="grid"/>')
        anchor = "start" if tick == 0 else ("end" if tick == 100 else "middle")
        parts.append(text_block([str(tick)], x, axis_y, anchor, css="tick-label"))
    parts.extend(f.parts)
    for y, d in zip(f.band_tops, dims, strict=True):
        mid = y + band / 2
        s = d.scores

        def px(v: float) -> float:
            return f.x0 + f.plot_w * max(0.0, min(100.0, v)) / 100

        if s.count and None not in (s.min, s.q1, s.median, s.q3, s.max):
            assert s.min is not None and s.q1 is not None and s.median is not None
            assert s.q3 is not None and s.max is not None
            parts.append(
                f'<line x1="{_f(px(s.min))}" y1="{_f(mid)}" x2="{_f(px(s.max))}" y2="{_f(mid)}" '
                f'class="whisker"/>'
            )
            parts.append(
                f'<rect x="{_f(px(s.q1))}" y="{_f(y + 2)}" '
                f'width="{_f(max(1.5, px(s.q3) - px(s.q1)))}" height="{_f(band - 4)}" class="box"/>'
            )
            parts.append(
                f'<line x1="{_f(px(s.median))}" y1="{_f(y)}" x2="{_f(px(s.median))}" '
                f'y2="{_f(y + band)}" class="median"/>'
            )
        if d.target:
            parts.append(
                f'<line x1="{_f(px(d.target))}" y1="{_f(y - 2)}" x2="{_f(px(d.target))}" '
                f'y2="{_f(y + band + 2)}" class="target"/>'
            )
        parts.extend(_histogram(d.scores.histogram, f.x0 + f.plot_w + 14, y, hist_w, band))
    parts.append("</svg>")
    return Markup("".join(parts))


def _histogram(counts: Sequence[int], x: float, y: float, w: float, h: float) -> list[str]:
    top = max(counts) if counts and max(counts) else 1
    bar_w = w / max(1, len(counts))
    out = [f'<rect x="{_f(x)}" y="{_f(y)}" width="{_f(w)}" height="{_f(h)}" class="track"/>']
    for i, c in enumerate(counts):
        bh = h * c / top
        out.append(
            f'<rect x="{_f(x + i * bar_w + 1)}" y="{_f(y + h - bh)}" width="{_f(bar_w - 2)}" '
            f'height="{_f(bh)}" class="hist"/>'
        )
    return out


def share_bars(
    rows: Sequence[Share], title: str, marked: Sequence[str] = (), narrow: bool = False
) -> Markup:
    """A bar per option with its count and share; ids in `marked` (the expert's choice, a good
    ending) are drawn in the accent colour. Option texts are wrapped in full."""
    band, label_w = 16.0, 300.0
    labels = [s.title for s in rows]
    long = any(text_width(label) > 2 * (label_w - 8) for label in labels)
    f = frame(labels, narrow=narrow, band=band, right_w=86, label_w=label_w, stacked=long)
    parts = [open_svg(f.width, f.height, title, "shares", narrow), *f.parts]
    for y, s in zip(f.band_tops, rows, strict=True):
        parts.append(
            f'<rect x="{_f(f.x0)}" y="{_f(y)}" width="{_f(f.plot_w)}" height="{band:.0f}" '
            f'class="track"/>'
        )
        css = "bar marked" if s.id in marked else "bar"
        parts.append(
            f'<rect x="{_f(f.x0)}" y="{_f(y)}" width="{_f(f.plot_w * s.share)}" '
            f'height="{band:.0f}" class="{css}"/>'
        )
        value = f"{s.count} · {shown(s.share * 100)} %"
        parts.append(text_block([value], f.x0 + f.plot_w + 6, y + 1, "start", css="value"))
    parts.append("</svg>")
    return Markup("".join(parts))
