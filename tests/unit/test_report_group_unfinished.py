"""The group report counts finished runs only: an unfinished check has no honest verdict, an
unfinished exercise only the scores of its steps so far. It says how many it left out; the
live dashboard's picture still counts every run as far as it got."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_group_analysis import room

from readiness.cli.main import main
from readiness.content.loader import Library, load_paths
from readiness.i18n import Lang
from readiness.models.results import AnyResult, AssessmentResult, ScenarioResult
from readiness.reports.group_render import render_group
from readiness.storage import save_result
from readiness.workshop.group import analyse
from readiness.workshop.group_model import GroupReport

CONTENT = Path(__file__).parent.parent / "data" / "workshop" / "content"


@pytest.fixture(scope="module")
def library() -> Library:
    return load_paths([CONTENT], with_builtin=False)


def half_done_room(library: Library) -> list[AnyResult]:
    """Four people; dee left her check before finishing it (her answers so far would get a
    verdict) and her exercise after its first decision."""
    runs = room(library)
    dee = runs[4]
    assert isinstance(dee, AssessmentResult) and dee.participant == "dee"
    dee.finished = False
    assert not any(r.finished for r in runs if r.participant == "dee")
    return runs


def group_report(library: Library, lang: Lang = "en") -> GroupReport:
    return analyse(half_done_room(library), library, lang=lang, finished_only=True)


def test_verdicts_and_statistics_count_finished_checks_only(library: Library) -> None:
    a = group_report(library).assessments[0]
    assert (a.runs, a.finished, a.left_out) == (4, 3, 1)
    assert sum(lv.count for lv in a.levels) == 3, "the verdicts add up to the finished checks"
    assert [(lv.id, lv.count, lv.share) for lv in a.levels] == [
        ("not-ready", 1, 0.333),
        ("ready", 2, 0.667),
    ]
    assert a.overall.count == 3
    assert all(d.scores.count == 3 for d in a.dimensions)
    assert [(g.id, g.count, g.share) for g in a.gaps] == [
        ("leadership", 1, 0.333),
        ("guidelines", 1, 0.333),
    ]
    assert all(x.count <= 3 for x in a.actions)
    lead = next(d for d in a.dimensions if d.id == "leadership")
    assert lead.by_team == {"blue": 100, "red": 50}, "blue: cy alone, dee is not counted"
    dee = next(p for p in a.participants if p.name == "dee")
    assert (dee.finished, dee.overall, dee.verdict) == (False, None, ""), "no verdict"


def test_an_exercise_counts_finished_runs_in_endings_and_scores(library: Library) -> None:
    s = group_report(library).scenarios[0]
    assert (s.runs, s.finished, s.left_out) == (4, 3, 1)
    assert sum(e.share for e in s.endings) == pytest.approx(1, abs=0.002)
    assert all(d.scores.count == 3 for d in s.scores)
    assert s.decisions[0].reached == 4, "a decision taken is counted, finished or not"
    dee = next(p for p in s.participants if p.name == "dee")
    assert (dee.finished, dee.overall, dee.verdict) == (False, None, "")


def test_the_live_picture_still_counts_every_run(library: Library) -> None:
    """The dashboard shows the room as it works (docs/workshop.md)."""
    report = analyse(half_done_room(library), library, lang="en")
    a, s = report.assessments[0], report.scenarios[0]
    assert (a.left_out, s.left_out) == (0, 0)
    assert sum(lv.count for lv in a.levels) == 4 and a.overall.count == 4
    assert next(p for p in a.participants if p.name == "dee").verdict, "as far as she got"


@pytest.mark.parametrize(
    ("lang", "assessment", "scenario", "gap"),
    [
        (
            "en",
            "4 participants, 3 finished · 1 unfinished assessment is not counted in the "
            "verdicts and statistics",
            "4 participants, 3 finished · 1 unfinished run is not counted in the endings and "
            "scores",
            "1 of 3 below target (33 %)",
        ),
        (
            "de",
            "4 Teilnehmende, 3 abgeschlossen · 1 nicht abgeschlossener Selbstcheck zählt "
            "nicht zu den Ergebnissen und Werten",
            "4 Teilnehmende, 3 abgeschlossen · 1 nicht abgeschlossener Durchlauf zählt nicht zu "
            "den Enden und Werten",
            "1 von 3 unter dem Ziel (33 %)",
        ),
    ],
    ids=["en", "de"],
)
def test_the_report_says_how_many_it_left_out(
    library: Library, lang: Lang, assessment: str, scenario: str, gap: str
) -> None:
    report = group_report(library, lang)
    md = render_group(report, "md")
    assert f"\n{assessment}\n" in md and f"\n{scenario}\n" in md
    assert gap in md
    html = render_group(report, "html")
    assert f'<p class="meta">{assessment}</p>' in html
    assert f'<p class="meta">{scenario}</p>' in html
    assert gap in html


def test_nothing_is_said_when_everyone_finished(library: Library) -> None:
    runs = [r for r in half_done_room(library) if r.finished]
    md = render_group(analyse(runs, library, lang="en", finished_only=True), "md")
    assert "not counted" not in md


def test_the_group_report_command_counts_finished_runs_only(
    tmp_path: Path, library: Library, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "room"
    for r in half_done_room(library):
        save_result(folder, r)
    argv = ["--content", str(CONTENT), "--lang", "en", "report", "--group", str(folder)]
    assert main([*argv, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    a = data["assessments"][0]
    assert (a["runs"], a["finished"], a["left_out"]) == (4, 3, 1)
    assert sum(lv["count"] for lv in a["levels"]) == a["finished"]
    assert data["scenarios"][0]["left_out"] == 1
    assert main(argv) == 0
    assert "1 unfinished assessment is not counted" in capsys.readouterr().out


def test_an_unfinished_exercise_run_is_left_out_of_the_scores(library: Library) -> None:
    """dee's exercise stopped after the first decision: its scores are those of one step."""
    runs = half_done_room(library)
    dee = next(r for r in runs if isinstance(r, ScenarioResult) and r.participant == "dee")
    assert not dee.finished and dee.scores, "an unfinished run has scores of its steps so far"
    live = analyse(runs, library, lang="en").scenarios[0]
    after = analyse(runs, library, lang="en", finished_only=True).scenarios[0]
    assert [d.scores.count for d in live.scores] != [d.scores.count for d in after.scores]
