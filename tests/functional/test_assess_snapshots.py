"""SVG snapshots of assessment states beyond the first question and the whole run (those are in
test_every_screen_snapshots.py at 80×24 and 160×50 in both languages)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from readiness.content.loader import Library, parse_file
from readiness.settings import Settings
from readiness.tui.app import ReadinessApp, make_app

FIXTURE = Path(__file__).parent.parent / "data" / "assess" / "fixture-check.en.toml"
SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]

# goals yes (+ a note and a flag), audience 4, channels a+c, backing yes, detail mostly,
# budget N/A, impressum no, data-leak no, privacy 2.
NOTE = ["e", *"source", "enter", "f"]
WHOLE_RUN = [
    *NOTE, "1", "enter", "4", "enter", "1", "3", "enter", "1", "enter", "2", "enter",
    "n", *"volunteers", "enter", "2", "enter", "2", "enter", "2", "enter",
]  # fmt: skip


def app(results: Path) -> ReadinessApp:
    content, problems = parse_file(FIXTURE)
    assert content is not None, problems
    settings = Settings(results_dir=results, participant="Kim")
    return make_app(settings, library=Library(files=[content]), start=content, home=False)


@pytest.mark.parametrize("size", SIZES)
def test_multiple_choice_with_picks(
    snap_compare: Any, results: Path, size: tuple[int, int]
) -> None:
    press = ["_", "1", "enter", "4", "enter", "1", "3", "_"]
    assert snap_compare(app(results), press=press, terminal_size=size)


def test_result_screen_capped_and_incomplete(snap_compare: Any, results: Path) -> None:
    """Backing answered "no" (caps the verdict), the rest skipped, another profile."""
    press = ["_", "1", "enter", "s", "s", "2", "enter", "r", "p", "_"]
    assert snap_compare(app(results), press=press, terminal_size=(80, 24))


def test_section_overview(snap_compare: Any, results: Path) -> None:
    press = ["_", "1", "enter", "s", "f", "1", "enter", "o", "_"]
    assert snap_compare(app(results), press=press, terminal_size=(80, 24))
