"""Conditional questions: asked only when their condition holds on earlier, asked answers."""

from __future__ import annotations

from typing import Any

import pytest

from readiness.assessing import visible_questions
from readiness.models.assessment import Assessment
from readiness.models.results import Answer


def make(when: dict[str, Any]) -> Assessment:
    """Three questions; the third is conditional on the first two."""
    return Assessment.model_validate(
        {
            "kind": "assessment",
            "id": "cond",
            "language": "en",
            "title": "Conditions",
            "summary": "Conditions.",
            "dimensions": [{"id": "d", "title": "D"}],
            "levels": [{"id": "low", "title": "Low", "min_score": 0}],
            "questions": [
                {"id": "yn", "dimension": "d", "type": "yes_no", "text": "Y?"},
                {
                    "id": "multi",
                    "dimension": "d",
                    "type": "multi",
                    "text": "M?",
                    "not_applicable": True,
                    "options": [
                        {"id": "x", "text": "X", "points": 1},
                        {"id": "y", "text": "Y", "points": 3},
                    ],
                },
                {"id": "late", "dimension": "d", "type": "likert", "text": "L?", "when": when},
            ],
        }
    )


def shown(when: dict[str, Any], **answers: Answer) -> bool:
    return "late" in [q.id for q in visible_questions(make(when), answers)]


YES = Answer(value="yes")
NO = Answer(value="no")


@pytest.mark.parametrize(
    ("when", "answers", "expected"),
    [
        ({"question": "yn", "any_of": ["yes"]}, {"yn": YES}, True),
        ({"question": "yn", "any_of": ["yes"]}, {"yn": NO}, False),
        ({"question": "yn", "any_of": ["yes"]}, {}, False),
        ({"question": "yn", "any_of": ["yes"]}, {"yn": Answer(skipped=True)}, False),
        ({"question": "multi", "any_of": ["y"]}, {"multi": Answer(value=["x", "y"])}, True),
        ({"question": "multi", "any_of": ["y"]}, {"multi": Answer(value=["x"])}, False),
        ({"question": "multi", "min_score": 75}, {"multi": Answer(value=["y"])}, True),
        ({"question": "multi", "min_score": 80}, {"multi": Answer(value=["y"])}, False),
        ({"question": "multi", "min_score": 10}, {"multi": Answer(not_applicable=True)}, False),
        (
            {"question": "multi", "any_of": ["x"], "min_score": 50},
            {"multi": Answer(value=["x"])},
            False,
        ),
        ({"not": {"question": "yn", "any_of": ["yes"]}}, {"yn": NO}, True),
        ({"not": {"question": "yn", "any_of": ["yes"]}}, {}, True),
        (
            {
                "all": [
                    {"question": "yn", "any_of": ["yes"]},
                    {"question": "multi", "any_of": ["x"]},
                ]
            },
            {"yn": YES, "multi": Answer(value=["y"])},
            False,
        ),
        (
            {
                "any": [
                    {"question": "yn", "any_of": ["yes"]},
                    {"question": "multi", "any_of": ["x"]},
                ]
            },
            {"yn": NO, "multi": Answer(value=["x"])},
            True,
        ),
    ],
)
def test_condition(when: dict[str, Any], answers: dict[str, Answer], expected: bool) -> None:
    assert shown(when, **answers) is expected


def test_a_hidden_question_counts_as_not_asked() -> None:
    """A chain: c depends on b, b on a. Hiding b hides c even though b's old answer is kept."""
    chain = make({"question": "yn", "any_of": ["yes"]}).model_copy(deep=True)
    chain.questions[1].when = make({"question": "yn", "any_of": ["yes"]}).questions[2].when
    chain.questions[2].when = make({"question": "multi", "any_of": ["x"]}).questions[2].when
    kept = {"yn": YES, "multi": Answer(value=["x"])}
    assert [q.id for q in visible_questions(chain, kept)] == ["yn", "multi", "late"]
    kept["yn"] = NO
    assert [q.id for q in visible_questions(chain, kept)] == ["yn"]
