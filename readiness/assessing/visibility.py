"""Conditional questions: which questions are asked, given the answers so far.

A condition may only look at earlier questions (the validator checks this), so walking the
questions in order and deciding each one once is enough. A question that is hidden counts as
not asked: its stored answer (kept from before an earlier answer changed) is ignored, and so
is any condition that looks at it.
"""

from __future__ import annotations

from collections.abc import Mapping

from readiness.assessing.answers import answer_score, normalise, status
from readiness.models.assessment import AnswerCondition, Assessment, Question
from readiness.models.results import Answer


def holds(
    cond: AnswerCondition,
    questions: Mapping[str, Question],
    answers: Mapping[str, Answer],
    asked: set[str],
) -> bool:
    """Whether `cond` holds on the answers of the questions in `asked`.

    A leaf (`question` with `any_of` and/or `min_score`) holds only for a question that was
    asked and answered; when both are given, both must hold. N/A, skipped and unanswered
    questions never satisfy a leaf (so `not` of such a leaf holds)."""
    if cond.all is not None:
        return all(holds(c, questions, answers, asked) for c in cond.all)
    if cond.any is not None:
        return any(holds(c, questions, answers, asked) for c in cond.any)
    if cond.not_ is not None:
        return not holds(cond.not_, questions, answers, asked)
    qid = cond.question
    if qid is None or qid not in asked or qid not in questions:
        return False
    question = questions[qid]
    answer = answers.get(qid)
    if answer is None or status(question, answer) != "answered" or answer.value is None:
        return False
    if cond.any_of is not None:
        value = normalise(question, answer.value)
        picked = set(value) if isinstance(value, list) else {value}
        if not picked & set(cond.any_of):
            return False
    if cond.min_score is not None:
        score = answer_score(question, answer)
        # The file writes min_score on the 0..100 scale; question scores are 0..1 here.
        if score is None or round(score * 100, 9) < cond.min_score:
            return False
    return True


def visible_questions(assessment: Assessment, answers: Mapping[str, Answer]) -> list[Question]:
    """The questions asked with these answers, in the order of the file."""
    by_id = {q.id: q for q in assessment.questions}
    asked: set[str] = set()
    shown: list[Question] = []
    for question in assessment.questions:
        if question.when is None or holds(question.when, by_id, answers, asked):
            asked.add(question.id)
            shown.append(question)
    return shown
