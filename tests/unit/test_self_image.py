"""Self-image versus behaviour: one constructed case per rule of docs/reports.md.

The fixtures: tiny-check (strategy, crisis, legal) and tiny-drill, whose scoring dimension
`speed` gives evidence for crisis and `tone` for strategy; nothing maps to legal. Its decision
`first` offers `answer` (speed +2, tone +1) and `ignore` (speed −1, tone −1); its countdown
scores speed −2 only; its reply step has one tone criterion (2 points)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from readiness.analysis.build import Loaded, build_report
from readiness.analysis.evidence import MISMATCH_POINTS
from readiness.analysis.model import GapReport
from readiness.content.loader import ContentFile, load_paths
from readiness.models.results import Answer, AssessmentResult, RubricHit, ScenarioResult, Step
from readiness.reports.render import render
from readiness.storage import save_result

DATA = Path(__file__).parent.parent / "data" / "report"
T0 = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def content() -> dict[str, ContentFile]:
    lib = load_paths([DATA], with_builtin=False)
    assert not lib.errors, [str(p) for p in lib.errors]
    return {f.id: f for f in lib.files}


def assessment(f: ContentFile) -> Loaded:
    """Self-scores: strategy 75, crisis 25, legal 75."""
    answers = {
        "goals": Answer(value="yes"),
        "measured": Answer(value="3"),
        "escalation": Answer(value="no"),
        "drill": Answer(value="years"),
        "imprint": Answer(not_applicable=True, na_reason="none yet"),
        "privacy": Answer(value=["notice", "consent"]),
    }
    result = AssessmentResult(
        run_id="self",
        content_id=f.id,
        content_version="1.0",
        content_hash=f.sha256,
        participant="Fox",
        started_at=T0,
        updated_at=T0,
        answers=answers,
    )
    return Loaded(result, f)


ANSWER = Step(node="first", kind="decision", choice="answer")
IGNORE = Step(node="first", kind="decision", choice="ignore")
TIMEOUT = Step(node="first", kind="decision", timed_out=True)
SORRY = Step(
    node="reply", kind="reply", reply_text="Sorry.", rubric=[RubricHit(criterion="sorry", met=True)]
)
NO_SORRY = Step(
    node="reply", kind="reply", reply_text="Fine.", rubric=[RubricHit(criterion="sorry", met=False)]
)


def drill(
    f: ContentFile,
    steps: list[Step],
    scores: dict[str, float],
    *,
    mode: str = "exercise",
    finished: bool = True,
    run_id: str = "drill",
) -> Loaded:
    result = ScenarioResult(
        run_id=run_id,
        content_id=f.id,
        content_version="1.0",
        content_hash=f.sha256,
        participant="Fox",
        started_at=T0,
        updated_at=T0,
        mode=mode,  # type: ignore[arg-type]
        steps=steps,
        ending="end" if finished else None,
        outcome="mixed" if finished else None,
        finished=finished,
        scores=scores,
    )
    return Loaded(result, f)


def report_of(content: dict[str, ContentFile], *runs: Loaded, practice: bool = False) -> GapReport:
    return build_report(
        [assessment(content["tiny-check-en"]), *runs], "en", include_practice=practice
    )


def lines(report: GapReport) -> dict[str, str]:
    return {m.dimension: m.kind for m in report.mismatches}


# Rule 1: only finished exercise runs count; practice only when asked; the rest is listed.


def test_unfinished_and_practice_runs_are_left_out_and_listed(
    content: dict[str, ContentFile],
) -> None:
    f = content["tiny-drill-en"]
    unfinished = drill(f, [ANSWER], {"speed": 100.0}, finished=False, run_id="u")
    practice = drill(f, [ANSWER], {"speed": 100.0}, mode="practice", run_id="p")
    report = report_of(content, unfinished, practice)
    assert report.scenarios == [] and report.mismatches == []
    assert {d.id: d.demonstrated for d in report.dimensions}["crisis"] is None
    assert [(x.run_id, x.reason) for x in report.excluded] == [
        ("u", "unfinished"),
        ("p", "practice"),
    ]
    md = render(report, "md")
    assert "Not counted as evidence: Tiny drill (unfinished); Tiny drill (practice run)." in md
    assert "--include-practice" in md


def test_include_practice_counts_finished_practice_runs_only(
    content: dict[str, ContentFile],
) -> None:
    f = content["tiny-drill-en"]
    unfinished = drill(f, [ANSWER], {"speed": 100.0}, finished=False, run_id="u")
    practice = drill(f, [ANSWER], {"speed": 100.0}, mode="practice", run_id="p")
    report = report_of(content, unfinished, practice, practice=True)
    assert [s.mode for s in report.scenarios] == ["practice"]
    assert [x.reason for x in report.excluded] == ["unfinished"]
    assert lines(report) == {"crisis": "stronger"}


# Rule 2: a dimension is compared only with the scoring dimensions mapped to it.


def test_evidence_comes_only_from_scoring_dimensions_mapped_to_that_dimension(
    content: dict[str, ContentFile],
) -> None:
    # speed (→ crisis) is excellent, tone (→ strategy) neutral; legal has no mapping at all.
    report = report_of(content, drill(content["tiny-drill-en"], [ANSWER], {"speed": 100.0}))
    dims = {d.id: d for d in report.dimensions}
    assert dims["crisis"].demonstrated == 100
    assert dims["strategy"].demonstrated is None and dims["legal"].demonstrated is None
    assert lines(report) == {"crisis": "stronger"}
    (line,) = report.mismatches
    assert {e.dimension for e in line.evidence} == {"speed"}  # not the tone points of `answer`


# Rule 3: choices are good with positive points, poor with negative ones, per dimension.


def test_a_choice_is_good_or_poor_by_its_points_in_the_dimension(
    content: dict[str, ContentFile],
) -> None:
    f = content["tiny-drill-en"]
    good = report_of(content, drill(f, [ANSWER], {"speed": 100.0, "tone": 90.0}))
    (line,) = good.mismatches  # strategy self 75 vs 90 is within 25: no line
    assert line.kind == "stronger" and [e.score for e in line.evidence] == ["+2"]
    poor = report_of(content, drill(f, [IGNORE], {"speed": 10.0, "tone": 0.0}))
    assert lines(poor) == {"strategy": "weaker"}  # crisis self 25 vs 10 is within 25
    assert [(e.action, e.score) for e in poor.mismatches[0].evidence] == [("Ignore", "−1")]


# Rule 4: a countdown that ran out is evidence only where its timeout scores.


def test_a_timeout_is_evidence_only_for_the_dimension_it_scores(
    content: dict[str, ContentFile],
) -> None:
    # Tone (→ strategy) measured at 0, but the only step is a timeout, which scores speed only.
    report = report_of(content, drill(content["tiny-drill-en"], [TIMEOUT], {"tone": 0.0}))
    assert report.mismatches == []
    # ...and a timeout is never cited as proof of strength.
    strong = report_of(content, drill(content["tiny-drill-en"], [TIMEOUT], {"speed": 100.0}))
    assert strong.mismatches == []


def test_a_timeout_is_cited_as_poor_evidence_where_it_scores(
    content: dict[str, ContentFile],
) -> None:
    f = content["tiny-drill-en"]
    result = build_report(
        [
            assessment(content["tiny-check-en"]).__class__(
                assessment(content["tiny-check-en"]).result.model_copy(
                    update={"answers": {"escalation": Answer(value="yes")}}
                ),
                content["tiny-check-en"],
            ),
            drill(f, [TIMEOUT], {"speed": 0.0}),
        ],
        "en",
    )
    (line,) = result.mismatches
    assert line.kind == "weaker" and line.dimension == "crisis"
    assert [(e.kind, e.action, e.score) for e in line.evidence] == [
        ("timeout", "countdown ran out", "−2")
    ]


# Rule 5: a reply is good when it met every criterion of the dimension, poor when none.


def test_a_reply_is_good_when_all_its_criteria_are_met_and_poor_when_none(
    content: dict[str, ContentFile],
) -> None:
    f = content["tiny-drill-en"]
    poor = report_of(content, drill(f, [NO_SORRY], {"tone": 0.0}))
    (line,) = poor.mismatches
    assert (line.dimension, line.kind) == ("strategy", "weaker")
    assert [(e.kind, e.score) for e in line.evidence] == [("reply", "0/2")]
    good = report_of(content, drill(f, [SORRY], {"tone": 100.0}))
    assert [(m.kind, m.evidence[0].score) for m in good.mismatches] == [("stronger", "2/2")]
    good_evidence = report_of(content, drill(f, [SORRY], {"tone": 0.0}))
    assert good_evidence.mismatches == []  # far apart, but the only tone evidence is good


# Rule 6: endings score no dimension, so a bad ending alone proves nothing.


def test_an_ending_alone_is_no_evidence(content: dict[str, ContentFile]) -> None:
    f = content["tiny-drill-en"]
    run = drill(f, [], {"speed": 0.0, "tone": 0.0})
    run.result.outcome = "bad"
    report = report_of(content, run)
    assert report.mismatches == []


# Rules 7 and 8: the direction needs evidence of the same direction.


def test_stronger_needs_good_decisions_and_weaker_needs_poor_ones(
    content: dict[str, ContentFile],
) -> None:
    f = content["tiny-drill-en"]
    # Measured high, but every speed decision was poor: no "stronger" claim.
    assert report_of(content, drill(f, [IGNORE, TIMEOUT], {"speed": 100.0})).mismatches == []
    # Measured low, but the tone decision was good: no "weaker" claim.
    assert report_of(content, drill(f, [ANSWER], {"tone": 0.0})).mismatches == []


def test_the_threshold_is_on_the_shown_numbers(content: dict[str, ContentFile]) -> None:
    f = content["tiny-drill-en"]
    # crisis self-score 25; 49.5 shows as 50: exactly 25 apart.
    at = report_of(content, drill(f, [ANSWER], {"speed": 49.5}))
    assert lines(at) == {"crisis": "stronger"} and MISMATCH_POINTS == 25
    below = report_of(content, drill(f, [ANSWER], {"speed": 49.4}))
    assert below.mismatches == []


# Rule 9: each line names exercise, decision and score; no two lines read the same.


def test_each_line_names_exercise_decision_and_score_and_no_sentence_repeats(
    content: dict[str, ContentFile],
) -> None:
    f = content["tiny-drill-en"]
    report = report_of(
        content,
        drill(f, [ANSWER, NO_SORRY], {"speed": 100.0, "tone": 0.0}, run_id="a"),
        drill(f, [ANSWER], {"speed": 100.0, "tone": 0.0}, run_id="b"),
    )
    assert lines(report) == {"crisis": "stronger", "strategy": "weaker"}
    messages = [m.message for m in report.mismatches]
    for m in report.mismatches:
        assert "“Tiny drill”" in m.message
        assert all(e.decision in m.message and e.score in m.message for e in m.evidence)
    crisis = next(m for m in report.mismatches if m.dimension == "crisis")
    assert "Answer (Speed +2)" in crisis.message
    assert crisis.message.count("Answer (Speed +2)") == 1  # one citation per decision
    sentences = [s for msg in messages for s in re.split(r"(?<=[.!?])\s+", msg) if s]
    assert len(sentences) == len(set(sentences))
    md = render(report, "md")
    assert "### Stronger than you think" in md and "### Weaker than you think" in md


# Rule 10: no line without evidence or without a self-score; never "100 (–)".


def test_no_line_for_a_dimension_without_evidence_or_score(
    content: dict[str, ContentFile],
) -> None:
    f = content["tiny-drill-en"]
    report = report_of(content, drill(f, [], {"speed": 100.0, "tone": 0.0}))
    assert report.mismatches == []
    md = render(report, "md")
    assert "(–)" not in md and "Self-assessment versus exercises" not in md


def test_report_command_takes_include_practice(
    content: dict[str, ContentFile], tmp_path: Path
) -> None:
    self_path = save_result(tmp_path, assessment(content["tiny-check-en"]).result)
    run = drill(content["tiny-drill-en"], [ANSWER], {"speed": 100.0}, mode="practice")
    run_path = save_result(tmp_path, run.result)
    cmd = [sys.executable, "-m", "readiness", "--content", str(DATA), "report"]
    cmd += [str(self_path), str(run_path), "--format", "json"]
    default = json.loads(subprocess.run(cmd, capture_output=True, text=True, check=True).stdout)
    assert default["mismatches"] == [] and default["excluded"][0]["reason"] == "practice"
    counted = subprocess.run([*cmd, "--include-practice"], capture_output=True, text=True)
    data = json.loads(counted.stdout)
    assert data["include_practice"] and data["excluded"] == []
    assert [m["kind"] for m in data["mismatches"]] == ["stronger"]
