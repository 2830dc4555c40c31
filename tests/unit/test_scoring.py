"""Scoring of the fixture assessment, checked against numbers computed by hand."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from readiness.assessing import answer_label, choices, question_score, score, status, toggle
from readiness.content.loader import parse_file
from readiness.errors import ContentError
from readiness.models.assessment import Assessment, Question
from readiness.models.results import Answer, AssessmentResult

FIXTURE = Path(__file__).parent.parent / "data" / "assess" / "fixture-check.en.toml"


@pytest.fixture(scope="module")
def check() -> Assessment:
    content, problems = parse_file(FIXTURE)
    assert content is not None, problems
    assert isinstance(content.model, Assessment)
    return content.model


def run(answers: dict[str, Answer], profile: str | None = None) -> AssessmentResult:
    when = datetime(2024, 5, 1, tzinfo=UTC)
    return AssessmentResult(
        run_id="r1",
        content_id="fixture-check-en",
        content_version="1.0",
        content_hash="x",
        started_at=when,
        updated_at=when,
        answers=answers,
        profile=profile,
    )


def a(value: str | list[str]) -> Answer:
    return Answer(value=value)


FULL = {
    "goals": a("yes"),
    "audience": a("4"),
    "channels": a(["a", "c"]),
    "backing": a("yes"),
    "backing-detail": a("mostly"),
    "budget": a("some"),
    "impressum": a("no"),
    "data-leak": a("no"),
    "privacy": a("2"),
}


def q(check: Assessment, qid: str) -> Question:
    return next(x for x in check.questions if x.id == qid)


@pytest.mark.parametrize(
    ("qid", "value", "expected"),
    [
        ("goals", "yes", 1.0),
        ("goals", "no", 0.0),
        ("data-leak", "no", 1.0),  # inverted: "no" is the good answer
        ("data-leak", "yes", 0.0),
        ("audience", "1", 0.0),
        ("audience", "4", 0.75),
        ("audience", "5", 1.0),
        ("privacy", "2", 0.5),  # scale of 3
        ("budget", "some", 0.5),
        ("channels", ["a"], 0.25),
        ("channels", ["a", "b", "c"], 1.0),
        ("channels", ["c", "a"], 0.75),
        ("channels", [], 0.0),
        ("channels", ["none"], 0.0),
        ("channels", ["a", "none"], 0.0),  # the exclusive option wins
        ("goals", "maybe", None),  # not an answer of this question: unanswered
        ("audience", "9", None),
        ("channels", ["z"], None),
    ],
)
def test_question_scores(
    check: Assessment, qid: str, value: str | list[str], expected: float | None
) -> None:
    assert question_score(q(check, qid), value) == expected


def test_full_run_scores_per_dimension_and_overall(check: Assessment) -> None:
    result = score(check, run(dict(FULL)))
    by_id = {d.id: d for d in result.dimensions}
    assert by_id["strategy"].score == pytest.approx(81.25)  # (1*1 + 2*.75 + 1*.75) / 4
    assert by_id["leadership"].score == pytest.approx(200 / 3)  # (1 + .5 + .5) / 3
    assert by_id["legal"].score == pytest.approx(50.0)  # (0 + 1 + .5) / 3
    assert result.overall == pytest.approx((2 * 81.25 + 200 / 3 + 50) / 4)  # 69.79
    assert (result.answered, result.missing, result.not_applicable, result.hidden) == (9, 0, 0, 0)
    assert result.complete


def test_full_run_verdict_lists_the_cap_that_did_not_lower_it(check: Assessment) -> None:
    result = score(check, run(dict(FULL)))
    assert result.level.id == "getting-there"
    assert result.level_by_score.id == "getting-there"
    assert not result.capped
    [cap] = result.caps
    assert (cap.reason, cap.question_id, cap.level.id, cap.answer) == (
        "failed",
        "impressum",
        "getting-there",
        "No",
    )
    assert cap.why == "Business profiles in Germany need an imprint."
    assert not cap.effective


def test_gaps_against_the_default_profile(check: Assessment) -> None:
    result = score(check, run(dict(FULL)))
    assert result.profile is not None and result.profile.id == "small-business"
    by_id = {d.id: d for d in result.dimensions}
    assert by_id["strategy"].gap == 0
    assert by_id["leadership"].gap == 70 - 67  # shown target minus shown score (66.67 -> 67)
    assert by_id["legal"].gap == pytest.approx(30.0)
    assert by_id["legal"].priority == pytest.approx(30.0)
    assert [d.id for d in result.strengths] == ["strategy"]
    assert [d.id for d in result.top_gaps()] == ["legal", "leadership"]


def test_another_profile_changes_targets_not_scores(check: Assessment) -> None:
    small = score(check, run(dict(FULL)))
    authority = score(check, run(dict(FULL)), "authority")
    assert authority.overall == small.overall
    by_id = {d.id: d for d in authority.dimensions}
    assert by_id["strategy"].gap == 0  # 81.25 is above 80
    assert by_id["legal"].gap == pytest.approx(45.0)
    assert by_id["leadership"].gap == 80 - 67
    assert [d.id for d in authority.top_gaps()] == ["legal", "leadership"]


def test_the_run_remembers_its_profile(check: Assessment) -> None:
    assert score(check, run(dict(FULL), profile="authority")).profile.id == "authority"  # type: ignore[union-attr]


def test_unknown_profile_is_one_clear_sentence(check: Assessment) -> None:
    """In the reader's language, with the profiles joined as a sentence joins them (it was
    English in German mode, joined with bare commas)."""
    with pytest.raises(ContentError) as raised:
        score(check, run(dict(FULL)), "authorty")
    assert raised.value.text("en") == (
        f'{check.id} has no profile "authorty" (did you mean "authority"?); choose one of its'
        ' profiles: "small-business" or "authority"'
    )
    assert raised.value.text("de") == (
        f'{check.id} hat kein Profil "authorty" (meinten Sie "authority"?); wählen Sie eines'
        ' seiner Profile: "small-business" oder "authority"'
    )


def test_actions_are_ordered_by_impact_then_effort_and_traceable(check: Assessment) -> None:
    result = score(check, run(dict(FULL)))
    got = [(x.question_id, round(x.impact, 3), x.effort) for x in result.actions]
    assert got == [
        ("impressum", 8.333, "low"),  # 100 * 1/3 * 1/4
        ("audience", 6.25, "medium"),  # 100 * 0.5/4 * 2/4
        ("privacy", 4.167, "low"),  # ties at 100 * 0.5/3 * 1/4: low effort first
        ("backing-detail", 4.167, "medium"),
        ("budget", 4.167, "high"),
        ("channels", 3.125, "high"),
    ]
    impressum = result.actions[0]
    assert impressum.critical
    assert impressum.text == "Add the imprint link to every profile."
    assert impressum.answer == "No"
    legal = result.dimension("legal")
    assert [x.question_id for x in legal.actions] == ["impressum", "privacy"]  # most lost first


def test_critical_no_caps_and_hides_the_follow_up(check: Assessment) -> None:
    answers = dict(FULL, backing=a("no"))
    result = score(check, run(answers))
    leadership = result.dimension("leadership")
    assert leadership.score == pytest.approx(25.0)  # backing 0, budget .5; detail is hidden
    assert (leadership.questions, leadership.hidden) == (2, 1)
    assert result.overall == pytest.approx((2 * 81.25 + 25 + 50) / 4)  # 59.375
    assert result.level_by_score.id == "getting-there"
    assert result.level.id == "not-ready"
    kinds = [
        (c.reason, c.question_id or c.dimension_id, c.level.id, c.effective) for c in result.caps
    ]
    assert kinds == [
        ("failed", "backing", "not-ready", True),
        ("failed", "impressum", "getting-there", False),
        ("weakest_link", "leadership", "getting-there", False),
    ]
    assert result.caps[2].why == (
        "“Leadership backing” scores 25, below 30: "
        "an organisation is only as ready as its weakest area."
    )
    assert "backing-detail" not in {x.question_id for x in result.actions}


def test_partial_run_counts_missing_and_caps_unanswered_critical_questions(
    check: Assessment,
) -> None:
    answers = {
        "goals": a("yes"),
        "audience": Answer(skipped=True),
        "budget": Answer(not_applicable=True, na_reason="volunteers only"),
    }
    result = score(check, run(answers))
    assert result.dimension("strategy").score == 100.0
    assert result.dimension("leadership").score is None  # nothing answered, budget N/A
    assert result.dimension("legal").score is None
    assert result.overall == 100.0  # only scored dimensions count
    assert result.level_by_score.id == "ready"
    assert result.level.id == "not-ready"
    assert [(c.reason, c.question_id, c.effective) for c in result.caps] == [
        ("unanswered", "backing", True),
        ("unanswered", "impressum", False),
    ]
    assert (result.questions, result.answered, result.not_applicable, result.missing) == (
        8,
        1,
        1,
        6,
    )
    assert result.missing_questions == (
        "audience",
        "channels",
        "backing",
        "impressum",
        "data-leak",
        "privacy",
    )
    assert result.dimension("strategy").missing == 2
    assert result.dimension("leadership").not_applicable == 1
    assert result.dimension("leadership").gap == 0  # no score, no gap claimed
    [remark] = result.remarks
    assert (remark.question_id, remark.na_reason, remark.answer) == (
        "budget",
        "volunteers only",
        "does not apply",
    )


def test_nothing_answered(check: Assessment) -> None:
    result = score(check, run({}))
    assert result.overall is None
    assert result.level.id == "not-ready"
    assert result.actions == ()
    assert result.strengths == ()


def test_not_applicable_needs_the_authors_permission(check: Assessment) -> None:
    # "goals" does not allow N/A: a stray N/A (e.g. content changed since) counts as missing.
    answers = dict(FULL, goals=Answer(not_applicable=True, na_reason="x"))
    result = score(check, run(answers))
    assert "goals" in result.missing_questions
    assert result.dimension("strategy").score == pytest.approx(100 * (1.5 + 0.75) / 3)


def test_notes_and_flags_are_listed(check: Assessment) -> None:
    answers = dict(FULL)
    answers["audience"] = Answer(value="4", note="  Says the marketing lead ", flagged=True)
    answers["goals"] = Answer(value="yes", na_reason="stale reason is not shown")
    result = score(check, run(answers))
    [remark] = result.remarks
    assert (remark.question_id, remark.note, remark.flagged, remark.answer) == (
        "audience",
        "Says the marketing lead",
        True,
        "Agree",
    )


def test_labels_and_toggle(check: Assessment) -> None:
    assert choices(q(check, "privacy"), "de") == [
        ("1", "Trifft nicht zu"),
        ("2", "Teils, teils"),
        ("3", "Trifft zu"),
    ]
    assert answer_label(q(check, "channels"), a(["c", "a"]), "en") == "Instagram, TikTok"
    assert answer_label(q(check, "channels"), a([]), "en") == "(none of the options)"
    assert status(q(check, "goals"), Answer(skipped=True)) == "skipped"
    channels = q(check, "channels")
    assert toggle(channels, ["a"], "c") == ["a", "c"]
    assert toggle(channels, ["a", "c"], "none") == ["none"]
    assert toggle(channels, ["none"], "b") == ["b"]
    assert toggle(channels, ["a", "b"], "a") == ["b"]


def test_without_profiles_the_target_is_the_top_level(check: Assessment) -> None:
    bare = check.model_copy(update={"profiles": [], "default_profile": None})
    result = score(bare, run(dict(FULL)))
    assert result.profile is None
    assert {d.id: d.target for d in result.dimensions} == {
        "strategy": 80,
        "leadership": 80,
        "legal": 80,
    }
    assert [d.id for d in result.strengths] == ["strategy"]


def test_same_answers_same_result(check: Assessment) -> None:
    assert score(check, run(dict(FULL))) == score(check, run(dict(FULL)))


def test_only_caps_at_the_verdict_are_limiting(check: Assessment) -> None:
    """Backing "no" caps at the bottom; the imprint and the weak leadership cap one level up,
    which the verdict has not reached: they are the next ceilings, not what limits it now."""
    result = score(check, run(dict(FULL, backing=a("no"))))
    assert result.level.id == "not-ready"
    assert [c.question_id for c in result.limiting_caps] == ["backing"]
    assert [(c.question_id or c.dimension_id) for c in result.later_caps] == [
        "impressum",
        "leadership",
    ]


def test_a_cap_at_the_verdict_that_did_not_lower_it_still_limits(check: Assessment) -> None:
    result = score(check, run(dict(FULL)))
    assert result.level.id == "getting-there" and not result.capped
    assert [(c.question_id, c.effective) for c in result.limiting_caps] == [("impressum", False)]
    assert result.later_caps == ()


@pytest.mark.parametrize(
    ("impressum", "backing"),
    [("yes", "yes"), ("yes", "no"), ("no", "yes"), ("no", "no")],
)
def test_a_passed_critical_question_is_never_listed(
    check: Assessment, impressum: str, backing: str
) -> None:
    result = score(check, run(dict(FULL, impressum=a(impressum), backing=a(backing))))
    passed = {"impressum"} if impressum == "yes" else set()
    passed |= {"backing"} if backing == "yes" else set()
    listed = {c.question_id for c in (*result.limiting_caps, *result.later_caps)}
    assert not passed & listed
    assert {c.question_id for c in result.caps} - {None} == {"impressum", "backing"} - passed
    # Every cap is either limiting now or a later ceiling, never both and never lost.
    assert len(result.limiting_caps) + len(result.later_caps) == len(result.caps)


def test_an_assessment_without_profiles_says_so(check: Assessment) -> None:
    bare = check.model_copy(update={"profiles": [], "default_profile": None})
    with pytest.raises(ContentError) as raised:
        score(bare, run(dict(FULL)), "authority")
    assert raised.value.text("en") == f"{check.id} has no profiles to choose from"
    assert raised.value.text("de") == f"{check.id} hat keine Profile zur Auswahl"
