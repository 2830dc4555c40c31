"""The built-in assessments score sensibly: best answers reach the top, worst the bottom."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from readiness.assessing import question_score, score, visible_questions
from readiness.content.loader import builtin_dirs, iter_content_files, parse_file
from readiness.models.assessment import Assessment, Question
from readiness.models.results import Answer, AssessmentResult

WHEN = datetime(2024, 5, 1, tzinfo=UTC)
FILES = [
    p for folder in builtin_dirs() for p in iter_content_files(folder) if "assessments" in p.parts
]


def load(path: Path) -> Assessment:
    content, problems = parse_file(path, builtin=True)
    if content is None or not isinstance(content.model, Assessment):
        pytest.fail(f"{path.name} does not load: {problems[:3]}")
    return content.model


def extreme(question: Question, best: bool) -> str | list[str]:
    if question.type == "multi":
        if best:
            return [o.id for o in question.options if o.points > 0 and not o.exclusive]
        return []
    values = question.option_ids()
    return (max if best else min)(values, key=lambda v: question_score(question, v) or 0.0)


def answer_all(assessment: Assessment, best: bool) -> AssessmentResult:
    answers: dict[str, Answer] = {}
    # Answer in order, so conditional questions see the answers before them.
    for _ in range(len(assessment.questions)):
        for q in visible_questions(assessment, answers):
            answers.setdefault(q.id, Answer(value=extreme(q, best)))
    return AssessmentResult(
        run_id="r", content_id=assessment.id, content_version=assessment.version, content_hash="h",
        started_at=WHEN, updated_at=WHEN, answers=answers,
    )  # fmt: skip


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_best_answers_reach_the_top_level_without_caps(path: Path) -> None:
    assessment = load(path)
    result = score(assessment, answer_all(assessment, best=True))
    assert result.missing == 0
    assert result.overall == pytest.approx(100.0)
    assert result.level.id == assessment.levels[-1].id
    assert result.caps == ()
    assert result.actions == ()
    for profile in assessment.profiles:
        assert score(assessment, answer_all(assessment, best=True), profile.id).top_gaps() == ()


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_worst_answers_give_the_lowest_level_and_an_action_per_gap(path: Path) -> None:
    assessment = load(path)
    result = score(assessment, answer_all(assessment, best=False))
    assert result.level.id == assessment.levels[0].id
    assert result.overall is not None and result.overall < assessment.levels[1].min_score
    assert all(d.actions for d in result.top_gaps())
    assert all(a.text and a.effort in ("low", "medium", "high") for a in result.actions)
