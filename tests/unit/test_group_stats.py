"""Distributions of a room's scores: ordered summaries, complete histograms, any input."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from readiness.content.loader import Library
from readiness.reports.group_render import render_group
from readiness.workshop.group import analyse
from readiness.workshop.stats import BINS, bin_labels, bin_of, distribution

scores = st.lists(st.floats(min_value=0, max_value=100, allow_nan=False), max_size=60)


@given(scores)
def test_summary_is_ordered_and_histogram_counts_everyone(values: list[float]) -> None:
    d = distribution(values)
    assert d.count == len(values) == sum(d.histogram)
    assert len(d.histogram) == BINS
    if values:
        assert d.min is not None and d.q1 is not None and d.median is not None
        assert d.q3 is not None and d.max is not None and d.mean is not None
        assert d.min <= d.q1 <= d.median <= d.q3 <= d.max
        assert d.min <= d.mean <= d.max
    else:
        assert d.median is None


@pytest.mark.parametrize(
    ("score", "expected"),
    [(0, 0), (19.9, 0), (20, 1), (59.9, 2), (80, 4), (100, 4), (-5, 0), (130, 4)],
)
def test_bins(score: float, expected: int) -> None:
    assert bin_of(score) == expected


def test_bin_labels_cover_zero_to_hundred() -> None:
    assert bin_labels() == ["0–19", "20–39", "40–59", "60–79", "80–100"]


def test_one_participant_is_their_own_quartiles() -> None:
    d = distribution([42.0])
    assert (d.min, d.q1, d.median, d.q3, d.max) == (42, 42, 42, 42, 42)


@pytest.mark.parametrize("fmt", ["md", "html", "json"])
def test_an_empty_room_renders_in_every_format(fmt: str) -> None:
    text = render_group(analyse([], Library(), lang="en"), fmt)  # type: ignore[arg-type]
    assert ("No results yet" in text) or ('"participants": 0' in text)
