"""Direction controls (U+202E and its kin) in names, team names and content are shown, never
obeyed (issue 13). They are invisible and reorder the text around them in browsers and in
terminals that lay out right-to-left text: "p01" followed by U+202E and "3 elbat" reads
"p01table 3", so a team could pose as another in the group report. Like the control
characters they become visible stand-ins (‹RLO›) wherever text is loaded or printed, the
TUI's last line filter drops any that still arrive, and --name/--team refuse them."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.segment import Segment
from test_hardening import GATE, REPORT, parse_file_text, result_file, run
from textual.color import Color

from readiness import storage
from readiness.text_safety import BIDI_CONTROLS, acts_on_terminal, has_control, visible
from readiness.tui.safe_text import ControlFilter
from readiness.workshop import pseudonyms

RLO = "\u202e"


def raw_bidi(text: str) -> list[str]:
    return [ch for ch in text if ord(ch) in BIDI_CONTROLS]


def test_every_direction_control_gets_a_visible_name() -> None:
    assert visible(f"p01{RLO}3 elbat") == "p01‹RLO›3 elbat"
    for code, name in BIDI_CONTROLS.items():
        assert visible(f"a{chr(code)}b") == f"a‹{name}›b"
        assert has_control(chr(code)) and acts_on_terminal(chr(code))


def test_emoji_sequences_and_soft_hyphens_stay_as_they_are() -> None:
    kept = "👩\u200d💻 Krisen\u00adkommunikation 🏳\ufe0f\u200d🌈"
    assert visible(kept) == kept and not has_control(kept)


@pytest.mark.parametrize("written", [RLO, "\\u202e", "\\u202E", "\\U0000202e", "\\u2066"])
def test_a_direction_control_in_content_is_shown_by_name(written: str) -> None:
    text = GATE.read_text(encoding="utf-8").replace(
        'title = "The gate"', f'title = "The {written}etag"'
    )
    found, problems = parse_file_text(text)
    assert found is not None, problems
    assert raw_bidi(found.model.title) == [] and "‹" in found.model.title


def test_a_team_name_with_a_direction_control_is_shown_by_name_in_the_group_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "workshop"
    folder.mkdir()
    result_file(folder, participant=f"p01{RLO}10p", team=f"{RLO}3 elbat")
    assert storage.load_result(next(folder.glob("*.toml"))).team == "‹RLO›3 elbat"
    for fmt in ("md", "html", "json"):
        code, out, err = run(
            capsys, "--content", str(REPORT), "report", "--group", str(folder), "--format", fmt
        )
        assert code == 0, err
        assert raw_bidi(out + err) == [] and "‹RLO›3 elbat" in out, fmt


@pytest.mark.parametrize("option", ["--name", "--team"])
def test_a_direction_control_in_name_or_team_is_refused(
    option: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _out, err = run(capsys, option, f"p01{RLO}10p", "--results", str(tmp_path), "list")
    assert code == 2 and f"{option} must not contain control characters" in err


def test_a_browser_pseudonym_with_a_direction_control_is_refused(tmp_path: Path) -> None:
    assert pseudonyms.claim(tmp_path, f"p01{RLO}10p") == "invalid"


def test_the_tui_line_filter_drops_direction_controls_and_keeps_widths() -> None:
    segments = [Segment("team "), Segment(f"{RLO}3 elbat")]
    out = ControlFilter().apply(segments, Color(0, 0, 0))
    assert [s.text for s in out] == ["team ", "3 elbat"]
    assert sum(s.cell_length for s in out) == sum(s.cell_length for s in segments)
