"""One question, one answer: its 0..1 score, its status, its label, and which values are valid.

Everything here is a pure function of the question and the stored `Answer`, so the session,
the result screen and the reports all read answers the same way.
"""

from __future__ import annotations

from typing import Literal

from readiness.i18n import Lang, t
from readiness.models.assessment import Question
from readiness.models.results import Answer

AnswerValue = str | list[str]
Status = Literal["answered", "not_applicable", "skipped", "unanswered"]
"""`answered` counts; `not_applicable` leaves the maximum; `skipped` and `unanswered` are
both missing (skipped means the participant saw it and moved on deliberately)."""


def normalise(question: Question, value: AnswerValue) -> AnswerValue:
    """The value in its stored form, or ValueError naming what this question accepts.

    Multiple choice is stored in option order without duplicates, so the same picks always
    give the same file and the same score."""
    valid = question.option_ids()
    if question.type == "multi":
        picks = [value] if isinstance(value, str) else list(value)
        unknown = [p for p in picks if p not in valid]
        if unknown:
            raise ValueError(f'"{unknown[0]}" is not an option of "{question.id}"')
        exclusive = [o.id for o in question.options if o.exclusive and o.id in picks]
        if exclusive:
            return exclusive[:1]
        return [o for o in valid if o in picks]
    if not isinstance(value, str) or value not in valid:
        raise ValueError(
            f'"{value}" is not an answer of "{question.id}": use one of {", ".join(valid)}'
        )
    return value


def question_score(question: Question, value: AnswerValue | None) -> float | None:
    """0..1 for a valid value; None for no value or one the question does not accept.

    A value that no longer fits (the content changed since the run) counts as unanswered
    rather than guessing what the participant meant."""
    if value is None:
        return None
    try:
        value = normalise(question, value)
    except ValueError:
        return None
    if question.type == "yes_no":
        good = value == ("no" if question.invert else "yes")
        return 1.0 if good else 0.0
    if question.type == "likert":
        assert isinstance(value, str)
        return (int(value) - 1) / (question.scale - 1)
    points = {o.id: o.points for o in question.options}
    if question.type == "single":
        assert isinstance(value, str)
        return points[value] / max(points.values())
    best = sum(p for p in points.values() if p > 0)
    return min(1.0, sum(points[v] for v in value) / best)


def status(question: Question, answer: Answer | None, profile: str | None = None) -> Status:
    """How an answer counts. N/A only counts where the author allows it: for everyone
    (`not_applicable`) or for the target profile (`not_applicable_for`)."""
    if answer is None:
        return "unanswered"
    if answer.not_applicable and question.allows_na(profile):
        return "not_applicable"
    if not answer.not_applicable and question_score(question, answer.value) is not None:
        return "answered"
    if answer.skipped:
        return "skipped"
    return "unanswered"


def answer_score(
    question: Question, answer: Answer | None, profile: str | None = None
) -> float | None:
    """The 0..1 score of an answer that counts; None for N/A, skipped and unanswered."""
    if answer is None or status(question, answer, profile) != "answered":
        return None
    return question_score(question, answer.value)


def choices(question: Question, lang: Lang) -> list[tuple[str, str]]:
    """(value, label) per answer in display order; labels of yes/no and scales in `lang`."""
    if question.type == "yes_no":
        return [
            ("yes", t("assess.answer.yes", lang=lang)),
            ("no", t("assess.answer.no", lang=lang)),
        ]
    if question.type == "likert":
        labels = question.scale_labels or _default_scale(question.scale, lang)
        return [(str(i + 1), label) for i, label in enumerate(labels)]
    return [(o.id, o.text) for o in question.options]


def _default_scale(scale: int, lang: Lang) -> list[str]:
    labels = t(f"assess.likert.{scale}", lang=lang).split("|")
    if len(labels) != scale:  # a catalog gap must not break the question
        return [str(i + 1) for i in range(scale)]
    return labels


def answer_label(
    question: Question, answer: Answer | None, lang: Lang, profile: str | None = None
) -> str:
    """The answer as a participant would read it back, e.g. "Agree" or "Intranet, Wiki"."""
    kind = status(question, answer, profile)
    if kind != "answered":
        return t(f"assess.status.{kind}", lang=lang)
    assert answer is not None and answer.value is not None
    labels = dict(choices(question, lang))
    value = normalise(question, answer.value)
    if isinstance(value, list):
        return ", ".join(labels[v] for v in value) or t("assess.answer.none_picked", lang=lang)
    return labels[value]


def toggle(question: Question, picks: list[str], option: str) -> list[str]:
    """Multiple choice: the picks after toggling `option`, honouring exclusive options.

    Picking an exclusive option ("none of these") clears the others; picking any other
    option clears the exclusive one."""
    exclusive = {o.id for o in question.options if o.exclusive}
    if option in picks:
        return [p for p in picks if p != option]
    if option in exclusive:
        return [option]
    kept = {p for p in picks if p not in exclusive} | {option}
    return [o.id for o in question.options if o.id in kept]
