"""Report layout without a browser: chart text fits its box, the reader finds what matters
first, and a report of exercises alone says what it is (issue 14, points 18-21).

The real text boxes are measured in headless Chromium by tests/functional/test_report_browser.py;
these tests hold the layout rules that do not need one."""

from __future__ import annotations

import re
from datetime import timedelta

from hypothesis import given
from hypothesis import strategies as st
from test_report import T0, assessment_run, baseline_answers, content, scenario_run  # noqa: F401

from readiness.analysis.build import build_report
from readiness.content.loader import ContentFile
from readiness.models.results import Answer
from readiness.reports import svg
from readiness.reports.render import render
from readiness.reports.svg_text import text_width, wrap

LONG = [
    "Strategie & messbare Ziele",
    "Community-Management & Moderation",
    "Kanäle & Kontosicherheit",
    "Monitoring & Krisenvorsorge",
    "Erfolgsmessung & Kennzahlen",
    "Rückhalt der Leitung",
]


@given(st.text(min_size=1, max_size=120), st.integers(min_value=40, max_value=400))
def test_wrapping_keeps_every_character_and_fits_the_width(text: str, width: int) -> None:
    lines = wrap(text, width)
    assert "".join("".join(lines).split()) == "".join(text.split())
    for line in lines:
        assert len(line) == 1 or text_width(line) <= width


def test_german_compounds_break_after_the_hyphen() -> None:
    assert wrap("Community-Management & Moderation", 110) == [
        "Community-",
        "Management &",
        "Moderation",
    ]


def _viewbox(chart: str) -> tuple[float, float, float, float]:
    found = re.search(r'viewBox="(-?\d+) (-?\d+) (\d+) (\d+)"', chart)
    assert found is not None
    x, y, w, h = (float(v) for v in found.groups())
    return x, y, w, h


def test_radar_labels_lie_inside_the_viewbox_on_both_sides() -> None:
    for narrow in (False, True):
        chart = str(svg.radar(LONG, [50.0] * 6, [70.0] * 6, "t", narrow=narrow))
        x, _, w, _ = _viewbox(chart)
        for anchor, lx, line in re.findall(
            r'text-anchor="(\w+)" class="label"><tspan x="(-?[\d.]+)"[^>]*>([^<]*)<', chart
        ):
            width = text_width(line.replace("&amp;", "&"))
            left = {"start": 0.0, "middle": width / 2, "end": width}[anchor]
            assert x <= float(lx) - left and float(lx) - left + width <= x + w, line


def test_bar_labels_wrap_instead_of_running_off_the_left_edge() -> None:
    chart = str(svg.bars(["Community management & moderation " * 3], [40.0], [60.0], "t"))
    assert chart.count("<tspan") >= 3, "a long label takes several lines"
    assert "ommunity" in chart and "Community" in chart


def test_progress_comes_right_after_the_verdict(content: dict[str, ContentFile]) -> None:  # noqa: F811
    f = content["tiny-check-en"]
    before = assessment_run(f, baseline_answers(), T0)
    better = baseline_answers()
    better["escalation"] = Answer(value="yes")
    after = assessment_run(f, better, T0 + timedelta(days=30))
    report = build_report([after], "en", compare=before)
    for fmt in ("html", "md"):
        text = render(report, fmt)  # type: ignore[arg-type]
        assert (
            text.index("Progress")
            < text.index("Dimensions against the target")
            < text.index("Action plan")
        ), fmt


def test_an_unfinished_exercise_says_so_instead_of_a_verdict(
    content: dict[str, ContentFile],  # noqa: F811
) -> None:
    item = scenario_run(content["tiny-drill-en"])
    item.result.finished = False
    item.result.ending = None
    for fmt in ("html", "md"):
        text = render(build_report([item], "en"), fmt)  # type: ignore[arg-type]
        assert "Verdict" not in text and "No self-assessment" not in text, fmt
        assert "Exercise not finished yet" in text and "(mixed)" not in text, fmt
    finished = render(build_report([scenario_run(content["tiny-drill-en"])], "en"), "html")
    assert "Exercise results" in finished and "Verdict" not in finished
