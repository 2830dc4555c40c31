"""Properties of scoring that must hold for any assessment and any answers (hypothesis)."""

from __future__ import annotations

import tomllib
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import tomli_w
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from hypothesis_budget import examples

from readiness.assessing import AssessmentScore, question_score, score
from readiness.content.loader import parse_file
from readiness.models.assessment import Assessment, Question
from readiness.models.results import Answer, AssessmentResult

FIXTURE = Path(__file__).parent.parent / "data" / "assess" / "fixture-check.en.toml"
WHEN = datetime(2024, 5, 1, tzinfo=UTC)


@st.composite
def assessments(draw: st.DrawFn) -> Assessment:
    """Random assessments without conditions (conditions are covered by the fixture below)."""
    n_dims = draw(st.integers(1, 4))
    dims = [
        {"id": f"d{i}", "title": f"D{i}", "weight": draw(st.sampled_from([0.5, 1, 2, 3]))}
        for i in range(n_dims)
    ]
    mins = sorted(draw(st.sets(st.integers(1, 99), max_size=3)))
    levels = [{"id": f"l{i}", "title": f"L{i}", "min_score": m} for i, m in enumerate([0, *mins])]
    questions = []
    for i in range(draw(st.integers(1, 10))):
        kind = draw(st.sampled_from(["yes_no", "likert", "single", "multi"]))
        q: dict[str, Any] = {
            "id": f"q{i}",
            "dimension": f"d{draw(st.integers(0, n_dims - 1))}",
            "type": kind,
            "text": "?",
            "weight": draw(st.sampled_from([0.5, 1, 2, 5])),
            "not_applicable": draw(st.booleans()),
            "recommendation": {"text": "Do it."},
        }
        if kind == "yes_no":
            q["invert"] = draw(st.booleans())
        if kind == "likert":
            q["scale"] = draw(st.integers(3, 7))
        if kind in ("single", "multi"):
            points = draw(st.lists(st.integers(0, 100), min_size=2, max_size=5))
            if max(points) == 0:
                points[0] = 10
            q["options"] = [
                {
                    "id": f"o{j}",
                    "text": "o",
                    "points": p,
                    "exclusive": kind == "multi" and p == 0 and j == 1,
                }
                for j, p in enumerate(points)
            ]
        if draw(st.booleans()):
            q["critical"] = {"below": 50, "max_level": "l0", "why": "Because."}
        questions.append(q)
    return Assessment.model_validate(
        {
            "kind": "assessment",
            "id": "gen",
            "language": "en",
            "title": "Generated",
            "summary": "Generated.",
            "dimensions": dims,
            "levels": levels,
            "questions": questions,
            "profiles": [{"id": "p", "title": "P", "targets": {d["id"]: 70 for d in dims}}],
            "weakest_link": {"below": 30, "max_level": "l0"},
        }
    )


def values(question: Question) -> list[str | list[str]]:
    """Every single answer a question accepts (multi: each option alone, none, all)."""
    ids = question.option_ids()
    if question.type == "multi":
        return [[i] for i in ids] + [[], ids]
    return list(ids)


@st.composite
def answers_for(draw: st.DrawFn, assessment: Assessment) -> dict[str, Answer]:
    out: dict[str, Answer] = {}
    for q in assessment.questions:
        kind = draw(st.sampled_from(["value", "value", "value", "none", "skip", "na"]))
        if kind == "value":
            out[q.id] = Answer(value=draw(st.sampled_from(values(q))))
        elif kind == "skip":
            out[q.id] = Answer(skipped=True)
        elif kind == "na":
            out[q.id] = Answer(not_applicable=True, na_reason="r")
    return out


def run(answers: dict[str, Answer]) -> AssessmentResult:
    return AssessmentResult(
        run_id="r",
        content_id="gen",
        content_version="1",
        content_hash="h",
        started_at=WHEN,
        updated_at=WHEN,
        answers=answers,
    )


@st.composite
def cases(draw: st.DrawFn) -> tuple[Assessment, dict[str, Answer]]:
    assessment = draw(assessments())
    return assessment, draw(answers_for(assessment))


def assert_in_range(result: AssessmentScore) -> None:
    for d in result.dimensions:
        assert d.score is None or 0 <= d.score <= 100 + 1e-9
        assert 0 <= d.gap <= 100
    assert result.overall is None or 0 <= result.overall <= 100 + 1e-9
    assert all(a.impact >= 0 and a.lost > 0 for a in result.actions)
    assert result.answered + result.missing + result.not_applicable == result.questions


def rank(assessment: Assessment, result: AssessmentScore) -> int:
    return [lvl.id for lvl in assessment.levels].index(result.level.id)


@settings(max_examples=examples(200), deadline=None)
@given(cases())
def test_scores_stay_in_range(case: tuple[Assessment, dict[str, Answer]]) -> None:
    assessment, answers = case
    assert_in_range(score(assessment, run(answers)))


@settings(max_examples=examples(200), deadline=None)
@given(cases())
def test_a_passed_critical_question_never_limits(
    case: tuple[Assessment, dict[str, Answer]],
) -> None:
    """What the result screen lists as limiting is at the verdict's level and never a critical
    question whose answer reached its threshold."""
    assessment, answers = case
    result = score(assessment, run(answers))
    for cap in result.limiting_caps:
        assert cap.level.id == result.level.id
        if cap.question_id is not None:
            question = next(q for q in assessment.questions if q.id == cap.question_id)
            assert question.critical is not None
            s = (
                question_score(question, answers[cap.question_id].value)
                if (cap.question_id in answers and not answers[cap.question_id].not_applicable)
                else None
            )
            assert s is None or s * 100 < question.critical.below
    assert len(result.limiting_caps) + len(result.later_caps) == len(result.caps)


@settings(max_examples=examples(200), deadline=None)
@given(cases(), st.data())
def test_a_better_answer_never_lowers_its_dimension(
    case: tuple[Assessment, dict[str, Answer]], data: st.DataObject
) -> None:
    assessment, answers = case
    q = data.draw(st.sampled_from(assessment.questions))
    low, high = sorted(
        data.draw(st.lists(st.sampled_from(values(q)), min_size=2, max_size=2)),
        key=lambda v: question_score(q, v) or 0.0,
    )
    worse = score(assessment, run({**answers, q.id: Answer(value=low)}))
    better = score(assessment, run({**answers, q.id: Answer(value=high)}))
    dim_worse, dim_better = worse.dimension(q.dimension).score, better.dimension(q.dimension).score
    assert dim_worse is not None and dim_better is not None
    assert dim_better >= dim_worse - 1e-9
    assert worse.overall is not None and better.overall is not None
    assert better.overall >= worse.overall - 1e-9


@settings(max_examples=examples(200), deadline=None)
@given(cases(), st.data())
def test_not_applicable_never_lowers_a_score(
    case: tuple[Assessment, dict[str, Answer]], data: st.DataObject
) -> None:
    """N/A takes the question out of the maximum: never worse than failing it (score 0), and
    the same as leaving it out for scores, but without the cap a missing critical answer gets."""
    assessment, answers = case
    allowed = [q for q in assessment.questions if q.not_applicable]
    if not allowed:
        return
    q = data.draw(st.sampled_from(allowed))
    zeros = [v for v in values(q) if question_score(q, v) == 0.0]
    assume(zeros)  # a single choice whose options all give points cannot be failed outright
    zero = zeros[0]
    failed = score(assessment, run({**answers, q.id: Answer(value=zero)}))
    na = score(assessment, run({**answers, q.id: Answer(not_applicable=True, na_reason="r")}))
    skipped = score(assessment, run({**answers, q.id: Answer(skipped=True)}))
    for before, after in zip(failed.dimensions, na.dimensions, strict=True):
        if before.score is not None and after.score is not None:
            assert after.score >= before.score - 1e-9
    assert na.overall is None or failed.overall is None or na.overall >= failed.overall - 1e-9
    assert rank(assessment, na) >= rank(assessment, failed)
    assert [d.score for d in na.dimensions] == [d.score for d in skipped.dimensions]
    assert rank(assessment, na) >= rank(assessment, skipped)


@settings(max_examples=examples(100), deadline=None)
@given(cases())
def test_same_answers_same_result_even_after_saving(
    case: tuple[Assessment, dict[str, Answer]],
) -> None:
    assessment, answers = case
    result = run(answers)
    reloaded = AssessmentResult.model_validate(
        tomllib.loads(tomli_w.dumps(result.model_dump(mode="python", exclude_none=True)))
    )
    assert (
        score(assessment, result)
        == score(assessment, reloaded)
        == score(assessment, run(dict(answers)))
    )


def _fixture() -> Assessment:
    content, _ = parse_file(FIXTURE)
    assert content is not None and isinstance(content.model, Assessment)
    return content.model


FIXTURE_MODEL = _fixture()


@settings(max_examples=examples(200), deadline=None)
@given(answers_for(FIXTURE_MODEL), st.sampled_from(["small-business", "authority"]))
def test_fixture_with_conditions_stays_in_range_and_is_deterministic(
    answers: dict[str, Answer], profile: str
) -> None:
    first = score(FIXTURE_MODEL, run(answers), profile)
    assert_in_range(first)
    assert first == score(FIXTURE_MODEL, run(dict(answers)), profile)
