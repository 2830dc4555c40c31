"""Group analysis: the room's distributions, gaps, actions, decisions, endings and replies."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from readiness.assessing import new_assessment_result
from readiness.content.loader import ContentFile, Library, load_paths
from readiness.engine import Run, new_scenario_result
from readiness.models.results import Answer, AnyResult, AssessmentResult
from readiness.storage import now, save_result
from readiness.workshop.group import analyse, analyse_folder
from readiness.workshop.group_model import GroupReport

CONTENT = Path(__file__).parent.parent / "data" / "workshop" / "content"
T0 = now()


@pytest.fixture(scope="module")
def library() -> Library:
    lib = load_paths([CONTENT], with_builtin=False)
    assert not lib.problems
    return lib


def _content(library: Library, ident: str) -> ContentFile:
    found = library.get(ident)
    assert found is not None
    return found


def assessment_run(
    library: Library, name: str, team: str, answers: dict[str, str], order: int, done: bool = True
) -> AssessmentResult:
    result = new_assessment_result(_content(library, "room-check-en"), participant=name, team=team)
    result.answers = {q: Answer(value=v) for q, v in answers.items()}
    result.finished = done
    result.started_at = T0 + timedelta(seconds=order)
    result.updated_at = T0 + timedelta(seconds=order)
    return result


def scenario_run(library: Library, name: str, team: str, moves: list[str], order: int) -> AnyResult:
    content = _content(library, "room-drill-en")
    result = new_scenario_result(content.model, participant=name, team=team)  # type: ignore[arg-type]
    result.content_hash = content.sha256
    run = Run(content.model, result)  # type: ignore[arg-type]
    for move in moves:
        if move == "wait":
            run.wait()
        elif move.startswith("say:"):
            run.reply(move[4:])
        else:
            run.choose(move)
    result.started_at = T0 + timedelta(seconds=order)
    return result


def room(library: Library) -> list[AnyResult]:
    """Four people in two teams; bob took the assessment twice."""
    return [
        assessment_run(
            library, "ada", "red", {"backing": "yes", "imprint": "yes", "rules": "5"}, 1
        ),
        assessment_run(
            library, "bob", "red", {"backing": "yes", "imprint": "yes", "rules": "5"}, 2, done=False
        ),
        assessment_run(library, "bob", "red", {"backing": "no", "imprint": "yes", "rules": "3"}, 3),
        assessment_run(library, "cy", "blue", {"backing": "yes", "imprint": "no", "rules": "1"}, 4),
        assessment_run(
            library, "dee", "blue", {"backing": "yes", "imprint": "no", "rules": "3"}, 5
        ),
        scenario_run(
            library,
            "ada",
            "red",
            ["answer", "say:Sorry Lena, we are on it and will report back by noon.", "explain"],
            6,
        ),
        scenario_run(library, "bob", "red", ["wait", "say:This is your fault.", "delete"], 7),
        scenario_run(library, "cy", "blue", ["answer", "say:<b>sorry</b> | **really**", "hide"], 8),
        scenario_run(library, "dee", "blue", ["answer"], 9),
    ]


@pytest.fixture
def report(library: Library) -> GroupReport:
    return analyse(room(library), library, lang="en")


def test_each_participant_counts_once_with_their_latest_finished_run(report: GroupReport) -> None:
    a = report.assessments[0]
    assert report.participants == 4
    assert a.runs == 4 and a.finished == 4
    bob = next(p for p in a.participants if p.name == "bob")
    assert bob.verdict == "Not ready yet", "the later, finished run counts"


def test_distribution_per_dimension(report: GroupReport) -> None:
    dims = {d.id: d for d in report.assessments[0].dimensions}
    lead = dims["leadership"].scores
    assert (lead.min, lead.q1, lead.median, lead.q3, lead.max) == (0, 75, 100, 100, 100)
    assert lead.histogram == [1, 0, 0, 0, 3]
    rules = dims["guidelines"].scores
    assert (rules.min, rules.q1, rules.median, rules.q3, rules.max) == (0, 18.75, 50, 81.25, 100)
    assert rules.histogram == [1, 1, 0, 1, 1]
    assert (dims["leadership"].target, dims["leadership"].below_target) == (80, 1)
    assert (dims["guidelines"].target, dims["guidelines"].below_target) == (60, 2)


def test_most_common_gaps_and_actions_come_first(report: GroupReport) -> None:
    a = report.assessments[0]
    assert [(g.id, g.count, g.share) for g in a.gaps] == [
        ("guidelines", 2, 0.5),
        ("leadership", 1, 0.25),
    ]
    assert [(x.question_id, x.count) for x in a.actions] == [
        ("rules", 3),
        ("imprint", 2),
        ("backing", 1),
    ]
    assert [(lv.id, lv.count) for lv in a.levels] == [("not-ready", 1), ("ready", 3)]


def test_teams_side_by_side(report: GroupReport) -> None:
    a = report.assessments[0]
    assert report.teams == ["blue", "red"]
    lead = next(d for d in a.dimensions if d.id == "leadership")
    assert lead.by_team == {"blue": 100, "red": 50}


def test_how_the_room_decided(report: GroupReport) -> None:
    s = report.scenarios[0]
    first = s.decisions[0]
    assert (first.node, first.reached, first.timeouts) == ("first", 4, 1)
    assert [(c.id, c.count, c.expert) for c in first.choices] == [
        ("answer", 3, True),
        ("wait", 0, False),
    ]
    assert first.by_team == {"blue": {"answer": 2}, "red": {"answer": 1, "timeout": 1}}
    second = next(d for d in s.decisions if d.node == "second")
    assert {c.id: c.count for c in second.choices} == {"explain": 1, "delete": 1, "hide": 1}
    assert "Bakery Lindner" in s.decisions[0].situation, "placeholders are filled"


def test_endings_and_outcomes(report: GroupReport) -> None:
    s = report.scenarios[0]
    assert (s.runs, s.finished) == (4, 3)
    assert {e.id: (e.count, e.outcome) for e in s.endings} == {
        "calm": (1, "good"),
        "mixed": (1, "mixed"),
        "storm": (1, "bad"),
    }
    assert {o.id: o.count for o in s.outcomes} == {"good": 1, "mixed": 1, "bad": 1}


def test_replies_side_by_side_with_their_rubric(report: GroupReport) -> None:
    replies = report.scenarios[0].replies[0]
    assert replies.expert_reply.startswith("Sorry, Lena")
    by_name = {r.name: r for r in replies.replies}
    assert set(by_name) == {"ada", "bob", "cy"}
    assert [(m.criterion, m.met) for m in by_name["ada"].rubric] == [
        ("sorry", True),
        ("no-blame", True),
    ]
    assert [(m.criterion, m.met) for m in by_name["bob"].rubric] == [
        ("sorry", False),
        ("no-blame", False),
    ]
    assert (by_name["ada"].points, by_name["ada"].max_points) == (2, 2)
    assert by_name["cy"].text == "<b>sorry</b> | **really**", "kept as written"


def test_anonymous_reports_use_stable_neutral_labels(library: Library) -> None:
    report = analyse(room(library), library, lang="en", anonymous=True)
    dumped = report.model_dump_json()
    for name in ("ada", "bob", "dee"):
        assert f'"{name}"' not in dumped
    assert [p.name for p in report.assessments[0].participants] == ["P1", "P2", "P3", "P4"]
    assert [r.name for r in report.scenarios[0].replies[0].replies] == ["P1", "P2", "P3"]


def test_a_folder_with_broken_and_foreign_files_still_gives_a_report(
    library: Library, results: Path
) -> None:
    for r in room(library):
        save_result(results, r)
    (results / "half.toml").write_text("kind = 'scenario'\nrun_id = ")
    (results / "_control.toml").write_text("seq = 1\n")
    stranger = assessment_run(library, "eve", "", {"backing": "yes"}, 10)
    stranger.content_id = "not-loaded"
    save_result(results, stranger)
    report = analyse_folder(results, library, lang="en")
    assert report.participants == 5
    assert report.unknown_content == ["not-loaded"]
    assert len(report.unreadable) == 1 and report.unreadable[0].startswith("half.toml: ")
    assert report.assessments[0].runs == 4


def test_anonymous_report_does_not_name_unreadable_files(library: Library, results: Path) -> None:
    (results / "ada--room-check-en--x.toml").write_text("kind = ")
    report = analyse_folder(results, library, lang="en", anonymous=True)
    assert len(report.unreadable) == 1 and "ada" not in report.unreadable[0]


def test_a_german_report_says_in_german_why_a_file_is_missing(
    library: Library, results: Path
) -> None:
    (results / "half.toml").write_text("kind = 'scenario'\nrun_id = ")
    report = analyse_folder(results, library, lang="de")
    assert report.unreadable == [
        "half.toml: keine gültige Ergebnisdatei: ungültiger Wert (am Ende der Datei: "
        "ist sie abgeschnitten?)"
    ]


def test_an_empty_folder_is_an_empty_report(library: Library, results: Path) -> None:
    report = analyse_folder(results, library, lang="de")
    assert (report.participants, report.assessments, report.scenarios) == (0, [], [])
