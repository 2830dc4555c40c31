"""Inline SVG charts for the group report: box plots with histograms, and share bars.

No scripts, no external files; every label is escaped, because titles come from content
files and participants' teams."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from markupsafe import Markup

from readiness.numbers import shown
from readiness.workshop.group_model import DimensionGroup, Share


def _f(x: float) -> str:
    return f"{x:.1f}"


def _open(width: int, height: int, title: str, css: str) -> list[str]:
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" aria-label="{escape(title)}" '
        f'class="{css}">',
        f"<title>{escape(title)}</title>",
    ]


def boxplots(dims: Sequence[DimensionGroup], title: str, width: int = 680) -> Markup:
    """One row per dimension: whiskers min–max, box Q1–Q3, median line, target tick, and a
    five-bin histogram at the right."""
    row, label_w, hist_w = 30, 200, 90
    plot_w = width - label_w - hist_w - 30
    height = row * len(dims) + 24
    parts = _open(width, height, title, "boxplot")
    x0 = label_w
    for tick in (0, 25, 50, 75, 100):
        x = x0 + plot_w * tick / 100
        parts.append(f'<line x1="{_f(x)}" y1="0" x2="{_f(x)}" y2="{height - 18}" class="grid"/>')
        parts.append(
            f'<text x="{_f(x)}" y="{height - 4}" text-anchor="middle" class="axis">{tick}</text>'
        )
    for i, d in enumerate(dims):
        y = 4 + i * row
        mid = y + 11
        parts.append(
            f'<text x="{label_w - 8}" y="{mid + 4}" text-anchor="end" class="label">'
            f"{escape(d.title)}</text>"
        )
        s = d.scores
        if s.count and None not in (s.min, s.q1, s.median, s.q3, s.max):
            assert s.min is not None and s.q1 is not None and s.median is not None
            assert s.q3 is not None and s.max is not None

            def px(v: float) -> float:
                return x0 + plot_w * max(0.0, min(100.0, v)) / 100

            parts.append(
                f'<line x1="{_f(px(s.min))}" y1="{mid}" x2="{_f(px(s.max))}" y2="{mid}" '
                f'class="whisker"/>'
            )
            parts.append(
                f'<rect x="{_f(px(s.q1))}" y="{y + 3}" width="{_f(max(1.5, px(s.q3) - px(s.q1)))}" '
                f'height="16" class="box"/>'
            )
            parts.append(
                f'<line x1="{_f(px(s.median))}" y1="{y + 1}" x2="{_f(px(s.median))}" '
                f'y2="{y + 21}" class="median"/>'
            )
            if d.target:
                parts.append(
                    f'<line x1="{_f(px(d.target))}" y1="{y - 1}" x2="{_f(px(d.target))}" '
                    f'y2="{y + 23}" class="target"/>'
                )
        parts.extend(_histogram(d.scores.histogram, x0 + plot_w + 20, y + 1, hist_w, 20))
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
    rows: Sequence[Share], title: str, marked: Sequence[str] = (), width: int = 680
) -> Markup:
    """A bar per option with its count and share; ids in `marked` (the expert's choice, a good
    ending) are drawn in the accent colour."""
    row, label_w = 26, 300
    bar_w = width - label_w - 90
    height = row * len(rows) + 6
    parts = _open(width, height, title, "shares")
    for i, s in enumerate(rows):
        y = 3 + i * row
        label = s.title if len(s.title) <= 48 else s.title[:47] + "…"
        parts.append(
            f'<text x="{label_w - 8}" y="{y + 16}" text-anchor="end" class="label">'
            f"{escape(label)}</text>"
        )
        parts.append(f'<rect x="{label_w}" y="{y + 4}" width="{bar_w}" height="16" class="track"/>')
        css = "bar marked" if s.id in marked else "bar"
        parts.append(
            f'<rect x="{label_w}" y="{y + 4}" width="{_f(bar_w * s.share)}" height="16" '
            f'class="{css}"/>'
        )
        parts.append(
            f'<text x="{label_w + bar_w + 8}" y="{y + 16}" class="value">'
            f"{s.count} · {shown(s.share * 100)} %</text>"
        )
    parts.append("</svg>")
    return Markup("".join(parts))
