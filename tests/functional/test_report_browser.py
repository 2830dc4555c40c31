"""The HTML reports in a real browser: nothing sticks out of its box at desktop (1280 px) or
phone (390 px) width, and a report prints on a few A4 pages (issue 14, points 18-20).

Needs Chromium on PATH (`.ci/run` installs it from apt where it can); without it these tests
are skipped with a message saying so. The reports are the realistic ones of report_samples
(built-in content, long German labels)."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from browser_layout import find_browser, measure, pdf_pages, run_browser
from report_samples import compare, exercise_only, group, single

BROWSER = find_browser()

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        BROWSER is None,
        reason="Chromium is not installed (apt-get install chromium), so the reports' layout "
        "in a browser is not checked here",
    ),
]

REPORTS = {
    "single-de": lambda: single("de"),
    "compare-de": lambda: compare("de"),
    "exercise-en": lambda: exercise_only("en"),
    "group-de": lambda: group("de"),
    "group-en": lambda: group("en"),
}


@pytest.fixture(scope="module")
def browser() -> str:
    assert BROWSER is not None
    return BROWSER


@pytest.mark.parametrize("width", [1280, 390], ids=["desktop", "phone"])
@pytest.mark.parametrize("name", list(REPORTS))
def test_no_text_overflows_its_box(browser: str, name: str, width: int) -> None:
    layout = measure(browser, REPORTS[name](), width)
    assert layout.width == width, "the page was not laid out at the width asked for"
    assert not layout.problems, f"{name} at {width} px:\n" + "\n".join(layout.problems)
    if not name.startswith("exercise"):
        assert layout.texts > 20, "the charts were measured"


def test_the_check_finds_what_it_is_meant_to_find(browser: str) -> None:
    """Against a page with the defects the reports had: a fixed-width chart with a label cut
    at its left edge, and a line of text wider than its box."""
    page = (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>x</title></head>'
        "<body><main style='max-width:30rem'>"
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 40" width="640" height="40">'
        '<text x="60" y="20" text-anchor="end">Community management &amp; moderation</text>'
        "</svg><div style='width:120px'><span style='white-space:nowrap'>"
        "Kanäle &amp; Kontosicherheit und noch viel mehr</span></div></main></body></html>"
    )
    problems = "\n".join(measure(browser, page, 390).problems)
    assert "px wide in a 390 px window" in problems
    assert "chart text is cut at the edge" in problems and "Community management" in problems
    assert "overflows its box" in problems and "Kontosicherheit" in problems


def test_a_single_report_prints_on_a_few_pages(browser: str) -> None:
    # 37 actions, eleven dimensions, two exercises: 17 A4 pages before the print layout.
    assert pdf_pages(browser, single("de")) <= 9
    assert pdf_pages(browser, compare("de")) <= 10


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext (poppler-utils)")
def test_the_group_report_starts_on_its_first_page(browser: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        page, pdf = Path(tmp) / "g.html", Path(tmp) / "g.pdf"
        page.write_text(group("en"), encoding="utf-8")
        run_browser(browser, page, 1280, [f"--print-to-pdf={pdf}", "--no-pdf-header-footer"], 120)
        first = subprocess.run(
            ["pdftotext", "-f", "1", "-l", "1", str(pdf), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    assert "Workshop results" in first
    assert "Assessment: Institutional readiness" in first, first
    assert "Channels & account security" in first, "the chart and its table on page one"
