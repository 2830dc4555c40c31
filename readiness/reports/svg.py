"""Inline SVG charts for the HTML report: no scripts, no external files, labels escaped."""

from __future__ import annotations

import math
from collections.abc import Sequence
from html import escape

from markupsafe import Markup

from readiness.numbers import shown_gap, shown_text


def _fmt(x: float) -> str:
    return f"{x:.1f}"


def radar(
    labels: Sequence[str],
    scores: Sequence[float | None],
    targets: Sequence[float],
    title: str,
    size: int = 360,
) -> Markup:
    """Dimensions around a circle: the filled shape is the score, the dashed line the target."""
    n = len(labels)
    if n < 3:
        return Markup("")
    cx = cy = size / 2
    radius = size / 2 - 70

    def point(i: int, value: float) -> tuple[float, float]:
        angle = -math.pi / 2 + 2 * math.pi * i / n
        r = radius * max(0.0, min(100.0, value)) / 100
        return cx + r * math.cos(angle), cy + r * math.sin(angle)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" '
        f'width="{size}" height="{size}" role="img" aria-label="{escape(title)}" class="radar">',
        f"<title>{escape(title)}</title>",
    ]
    for ring in (25, 50, 75, 100):
        pts = " ".join(f"{_fmt(x)},{_fmt(y)}" for x, y in (point(i, ring) for i in range(n)))
        parts.append(f'<polygon points="{pts}" class="grid"/>')
    for i, label in enumerate(labels):
        x, y = point(i, 100)
        parts.append(
            f'<line x1="{_fmt(cx)}" y1="{_fmt(cy)}" x2="{_fmt(x)}" y2="{_fmt(y)}" class="axis"/>'
        )
        lx, ly = point(i, 122)
        anchor = "middle" if abs(lx - cx) < 10 else ("start" if lx > cx else "end")
        parts.append(
            f'<text x="{_fmt(lx)}" y="{_fmt(ly)}" text-anchor="{anchor}" class="label">'
            f"{escape(label)}</text>"
        )
    target_pts = " ".join(
        f"{_fmt(x)},{_fmt(y)}" for x, y in (point(i, t) for i, t in enumerate(targets))
    )
    parts.append(f'<polygon points="{target_pts}" class="target"/>')
    score_pts = " ".join(
        f"{_fmt(x)},{_fmt(y)}" for x, y in (point(i, s or 0) for i, s in enumerate(scores))
    )
    parts.append(f'<polygon points="{score_pts}" class="score"/>')
    parts.append("</svg>")
    return Markup("".join(parts))


def bars(
    labels: Sequence[str],
    scores: Sequence[float | None],
    targets: Sequence[float],
    title: str,
    width: int = 640,
) -> Markup:
    """A horizontal bar per dimension with a target tick: the gap is the space between."""
    row = 26
    label_w = 220
    bar_w = width - label_w - 60
    height = row * len(labels) + 10
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" aria-label="{escape(title)}" class="bars">',
        f"<title>{escape(title)}</title>",
    ]
    for i, (label, score, target) in enumerate(zip(labels, scores, targets, strict=True)):
        y = 5 + i * row
        value = score or 0
        below = shown_gap(target, score) > 0
        parts.append(
            f'<text x="{label_w - 8}" y="{y + 16}" text-anchor="end" class="label">'
            f"{escape(label)}</text>"
        )
        parts.append(f'<rect x="{label_w}" y="{y + 4}" width="{bar_w}" height="16" class="track"/>')
        parts.append(
            f'<rect x="{label_w}" y="{y + 4}" width="{_fmt(bar_w * value / 100)}" height="16" '
            f'class="{"bar below" if below else "bar"}"/>'
        )
        tx = label_w + bar_w * target / 100
        parts.append(
            f'<line x1="{_fmt(tx)}" y1="{y + 1}" x2="{_fmt(tx)}" y2="{y + 23}" class="tick"/>'
        )
        shown = shown_text(score)
        parts.append(f'<text x="{label_w + bar_w + 8}" y="{y + 16}" class="value">{shown}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))
