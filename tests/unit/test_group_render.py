"""The group report as Markdown, HTML and JSON: complete, inert to hostile text, valid HTML."""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from pathlib import Path

import pytest
from test_group_analysis import room

from readiness.cli.main import main
from readiness.content.loader import Library, load_paths
from readiness.reports.group_render import render_group
from readiness.reports.render import spark
from readiness.storage import save_result
from readiness.workshop.group import analyse
from readiness.workshop.group_model import GroupReport

DATA = Path(__file__).parent.parent / "data" / "workshop"
FIXED = datetime(2025, 5, 1, 10, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def library() -> Library:
    return load_paths([DATA / "content"], with_builtin=False)


def hostile_room(library: Library) -> GroupReport:
    runs = room(library)
    runs[0].participant = "<img src=x onerror=alert(1)>"
    runs[0].team = "[bold]team[/bold] | *x*"
    return analyse(runs, library, lang="en", generated_at=FIXED, folder="room-42")


def test_markdown_matches_the_golden_file(library: Library) -> None:
    text = render_group(analyse(room(library), library, lang="en", generated_at=FIXED), "md")
    golden = DATA / "golden" / "group.en.md"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


def test_german_report_uses_german_labels(library: Library) -> None:
    text = render_group(analyse(room(library), library, lang="de"), "md")
    assert "Häufigste Lücken" in text and "Wie der Raum entschieden hat" in text


def test_html_is_self_contained_and_escapes_everything_participants_typed(
    library: Library,
) -> None:
    html = render_group(hostile_room(library), "html")
    assert "<img src=x" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "<b>sorry</b>" not in html and "&lt;b&gt;sorry&lt;/b&gt;" in html
    assert "<script" not in html and "http://" not in html.replace("http://www.w3.org/2000/svg", "")
    assert html.count('chart-wide"') == 5, "a box plot, two decisions, endings and scores"
    assert html.count('chart-narrow"') == 5, "each chart also in its phone layout"


def test_markdown_makes_hostile_text_inert(library: Library) -> None:
    md = render_group(hostile_room(library), "md")
    assert "<img" not in md and "<b>" not in md
    assert "\\| \\*\\*really\\*\\*" in md, "pipes and emphasis in a reply cannot break the table"


def test_json_keeps_data_as_data(library: Library) -> None:
    data = json.loads(render_group(hostile_room(library), "json"))
    assert data["schema_version"] == 1
    assert data["assessments"][0]["participants"][0]["name"] == "<img src=x onerror=alert(1)>"
    assert {"decisions", "endings", "replies", "scores"} <= set(data["scenarios"][0])


def test_sparkline_histograms() -> None:
    assert spark([0, 1, 4, 2, 0]) == "·▂█▄·"
    assert spark([0, 0, 0]) == "···"


def test_report_command_writes_the_group_report(
    library: Library, results: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for r in room(library):
        save_result(results, r)
    out = tmp_path / "group.html"
    argv = ["--content", str(DATA / "content"), "--lang", "en", "report", "--group", str(results)]
    assert main([*argv, "--format", "html", "--anonymous", "-o", str(out)]) == 0
    html = out.read_text()
    assert "Workshop results" in html and "ada" not in html
    assert main([*argv, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["participants"] == 4


def test_report_command_names_a_missing_folder_in_one_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["report", "--group", str(tmp_path / "nope")]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "nope is not a folder" in err
