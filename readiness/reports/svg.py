"""Inline SVG charts for the HTML report: no scripts, no external files, labels escaped.

Every label is wrapped to the room it has and the viewBox is computed from what is drawn,
so nothing is cut at the edge; each chart comes in a wide and a narrow layout (see
`chart_rows`)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup

from readiness.numbers import shown_gap, shown_text
from readiness.reports.chart_rows import frame, open_svg
from readiness.reports.svg_text import block_height, text_block, text_width, wrap


def _fmt(x: float) -> str:
    return f"{x:.1f}"


def radar(
    labels: Sequence[str],
    scores: Sequence[float | None],
    targets: Sequence[float],
    title: str,
    narrow: bool = False,
) -> Markup:
    """Dimensions around a circle: the filled shape is the score, the dashed line the target.

    Labels sit outside the circle, wrapped, anchored away from it; the viewBox is the box
    around the circle and every label, so no label is ever clipped on either side."""
    n = len(labels)
    if n < 3:
        return Markup("")
    radius, label_w, gap = (84.0, 92.0, 6.0) if narrow else (118.0, 124.0, 9.0)
    words = [w for label in labels for w in label.replace("-", "- ").split()]
    label_w = min(label_w * 1.5, max(label_w, *(text_width(w) for w in words)))  # no word cut

    def point(i: int, value: float) -> tuple[float, float]:
        angle = -math.pi / 2 + 2 * math.pi * i / n
        r = radius * max(0.0, min(100.0, value)) / 100
        return r * math.cos(angle), r * math.sin(angle)

    boxes = _radar_labels(labels, radius + gap, label_w)
    left = min(-radius, *(b.left for b in boxes))
    right = max(radius, *(b.left + b.width for b in boxes))
    top = min(-radius, *(b.top for b in boxes))
    bottom = max(radius, *(b.top + b.height for b in boxes))
    texts = [text_block(b.lines, b.x, b.top, b.anchor) for b in boxes]
    pad = 3.0
    vx, vy = math.floor(left - pad), math.floor(top - pad)
    vw, vh = math.ceil(right + pad) - vx, math.ceil(bottom + pad) - vy
    parts = [open_svg(vw, vh, title, "radar", narrow, origin=(vx, vy))]
    for ring in (25, 50, 75, 100):
        pts = " ".join(f"{_fmt(x)},{_fmt(y)}" for x, y in (point(i, ring) for i in range(n)))
        parts.append(f'<polygon points="{pts}" class="grid"/>')
    for i in range(n):
        x, y = point(i, 100)
        parts.append(f'<line x1="0" y1="0" x2="{_fmt(x)}" y2="{_fmt(y)}" class="axis"/>')
    parts.extend(texts)
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


@dataclass
class _Label:
    lines: list[str]
    x: float
    anchor: str
    left: float
    width: float
    top: float
    height: float
    upper: bool

    def overlaps(self, other: _Label) -> bool:
        return (
            self.left < other.left + other.width + 4
            and other.left < self.left + self.width + 4
            and self.top < other.top + other.height + 1
            and other.top < self.top + self.height + 1
        )


def _radar_labels(labels: Sequence[str], at: float, label_w: float) -> list[_Label]:
    """Each label wrapped and placed just outside the circle (radius `at`), anchored away
    from it; neighbours that would overlap (many dimensions, long German names) are moved
    apart vertically, away from the centre."""
    n = len(labels)
    boxes: list[_Label] = []
    for i, label in enumerate(labels):
        angle = -math.pi / 2 + 2 * math.pi * i / n
        cos, sin = math.cos(angle), math.sin(angle)
        lines = wrap(label, label_w)
        w = max(text_width(line) for line in lines)
        h = block_height(len(lines))
        px, py = at * cos, at * sin
        if cos > 0.2:
            anchor, x_left = "start", px
        elif cos < -0.2:
            anchor, x_left = "end", px - w
        else:
            anchor, x_left = "middle", px - w / 2
        y_top = py - h * (1 - sin) / 2  # above the circle at the top, below it at the bottom
        boxes.append(_Label(lines, px, anchor, x_left, w, y_top, h, sin < -0.05))
    lower = sorted((b for b in boxes if not b.upper), key=lambda b: b.top)
    for i, b in enumerate(lower):
        for prev in lower[:i]:
            if b.overlaps(prev):
                b.top = prev.top + prev.height + 1
    upper = sorted((b for b in boxes if b.upper), key=lambda b: -(b.top + b.height))
    for i, b in enumerate(upper):
        for prev in upper[:i]:
            if b.overlaps(prev):
                b.top = prev.top - b.height - 1
    return boxes


def bars(
    labels: Sequence[str],
    scores: Sequence[float | None],
    targets: Sequence[float],
    title: str,
    narrow: bool = False,
) -> Markup:
    """A horizontal bar per dimension with a target tick: the gap is the space between."""
    band = 16.0
    f = frame(labels, narrow=narrow, band=band, right_w=40)
    parts = [open_svg(f.width, f.height, title, "bars", narrow), *f.parts]
    for y, score, target in zip(f.band_tops, scores, targets, strict=True):
        value = score or 0
        below = shown_gap(target, score) > 0
        parts.append(
            f'<rect x="{_fmt(f.x0)}" y="{_fmt(y)}" width="{_fmt(f.plot_w)}" height="{band:.0f}" '
            f'class="track"/>'
        )
        parts.append(
            f'<rect x="{_fmt(f.x0)}" y="{_fmt(y)}" width="{_fmt(f.plot_w * value / 100)}" '
            f'height="{band:.0f}" class="{"bar below" if below else "bar"}"/>'
        )
        tx = f.x0 + f.plot_w * target / 100
        parts.append(
            f'<line x1="{_fmt(tx)}" y1="{_fmt(y - 3)}" x2="{_fmt(tx)}" y2="{_fmt(y + band + 3)}" '
            f'class="tick"/>'
        )
        parts.append(
            text_block([shown_text(score)], f.x0 + f.plot_w + 6, y + 1, "start", css="value")
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def both(wide: Markup, narrow: Markup) -> Markup:
    """A chart in both layouts; the page's CSS shows the one that fits the screen."""
    return Markup(wide + narrow)
