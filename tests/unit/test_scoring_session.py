"""Taking an assessment without a terminal: every change saved at once, resume where left off."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from readiness import storage
from readiness.assessing import AssessmentSession, new_assessment_result
from readiness.content.loader import ContentFile, parse_file
from readiness.models.assessment import Assessment
from readiness.models.results import AssessmentResult

FIXTURE = Path(__file__).parent.parent / "data" / "assess" / "fixture-check.en.toml"


@pytest.fixture
def content() -> ContentFile:
    found, problems = parse_file(FIXTURE)
    assert found is not None, problems
    return found


def session_for(content: ContentFile, folder: Path | None) -> AssessmentSession:
    assert isinstance(content.model, Assessment)
    return AssessmentSession(
        content.model, new_assessment_result(content, participant="Kim", team="t1"), folder
    )


def saved(folder: Path) -> AssessmentResult:
    [(_path, result)] = storage.scan_results(folder)[0]
    assert isinstance(result, AssessmentResult)
    return result


def test_new_run_records_the_content_it_was_taken_on(content: ContentFile) -> None:
    result = new_assessment_result(content, participant="Kim", profile="authority")
    assert (result.content_id, result.content_version, result.content_hash) == (
        "fixture-check-en",
        "1.0",
        content.sha256,
    )
    assert (result.translation_id, result.language, result.profile) == (
        "fixture-check",
        "en",
        "authority",
    )
    assert not result.finished and result.answers == {}


def test_each_change_is_saved_at_once(content: ContentFile, results: Path) -> None:
    s = session_for(content, results)
    assert s.current is not None and s.current.id == "goals"
    assert list(results.iterdir()) == []  # looking is not a change
    s.answer("yes")
    assert saved(results).answers["goals"].value == "yes"
    assert saved(results).position == "audience"
    s.set_note("from the strategy paper")
    assert saved(results).answers["audience"].note == "from the strategy paper"
    assert s.toggle_flag() is True
    assert saved(results).answers["audience"].flagged
    s.skip()
    assert saved(results).answers["audience"].skipped
    assert saved(results).answers["audience"].note == "from the strategy paper"
    s.answer(["c", "a"])
    assert saved(results).answers["channels"].value == ["a", "c"]
    assert s.path is not None and s.path.parent == results


def test_invalid_answers_are_refused(content: ContentFile) -> None:
    s = session_for(content, None)
    with pytest.raises(ValueError, match='"maybe" is not an answer of "goals": use one of yes, no'):
        s.answer("maybe")
    with pytest.raises(ValueError, match='"goals" cannot be marked not applicable'):
        s.mark_not_applicable("no reason")
    assert s.current is not None and s.current.id == "goals"


def test_back_forward_jump_and_conditional_follow_up(content: ContentFile) -> None:
    s = session_for(content, None)
    s.answer("yes")
    s.answer("3")
    s.answer(["a"])
    assert s.current is not None and s.current.id == "backing"
    s.answer("no")  # the weekend follow-up is not asked
    assert s.current is not None and s.current.id == "budget"
    assert s.back() and s.current.id == "backing"
    s.answer("yes")  # now it is
    assert s.current is not None and s.current.id == "backing-detail"
    assert s.progress().total == 9
    s.jump("goals")
    assert s.back() is False and s.current.id == "goals"
    with pytest.raises(ValueError, match="not asked"):
        s.jump("nope")


def test_skip_keeps_an_existing_answer(content: ContentFile) -> None:
    s = session_for(content, None)
    s.answer("no")
    s.back()
    s.skip()
    assert s.status_of("goals") == "answered"
    assert s.result.answers["goals"].value == "no"


def test_not_applicable_with_reason_then_answer_again(content: ContentFile) -> None:
    s = session_for(content, None)
    for value in ("yes", "5", ["c"], "no"):
        s.answer(value)
    assert s.current is not None and s.current.id == "budget"
    s.mark_not_applicable("  run by   volunteers ")
    assert s.status_of("budget") == "not_applicable"
    assert s.result.answers["budget"].na_reason == "run by volunteers"
    s.back()
    s.answer("enough")
    assert s.status_of("budget") == "answered"
    assert s.result.answers["budget"].na_reason == "run by volunteers"  # typed text is kept


def test_progress_and_the_end(content: ContentFile, results: Path) -> None:
    s = session_for(content, results)
    answers: list[str | list[str]] = ["yes", "4", ["a"], "yes", "always", "some", "yes", "no", "3"]
    for value in answers[:3]:
        s.answer(value)
    s.skip()
    progress = s.progress()
    # Skipping "backing" hides its follow-up: 8 questions asked, 3 answered, 5 missing.
    assert (
        progress.position,
        progress.total,
        progress.answered,
        progress.missing,
        progress.done,
    ) == (
        5,
        8,
        3,
        5,
        3,
    )
    s.back()
    for value in answers[3:]:
        s.answer(value)
    assert s.at_end and s.current is None
    assert s.progress().position == 10
    s.finish()
    assert saved(results).finished
    assert s.back() and s.current is not None and s.current.id == "privacy"


def test_resume_from_an_unfinished_run(content: ContentFile, results: Path) -> None:
    first = session_for(content, results)
    first.answer("yes")
    first.answer("2")
    first.toggle_flag()
    [(path, stored)] = storage.find_unfinished(results, "fixture-check-en", "Kim")
    assert isinstance(stored, AssessmentResult) and isinstance(content.model, Assessment)
    again = AssessmentSession(content.model, stored, results)
    assert again.current is not None and again.current.id == "channels"
    assert again.result.answers["goals"].value == "yes"
    assert again.result.answers["audience"].value == "2"
    assert again.result.answers["channels"].flagged
    again.answer(["b"])
    assert again.path == path  # the same run continues in the same file


def test_resume_without_position_goes_to_the_first_unanswered(content: ContentFile) -> None:
    s = session_for(content, None)
    s.answer("yes")
    s.skip()
    s.answer(["a"])
    s.result.position = None
    assert isinstance(content.model, Assessment)
    again = AssessmentSession(content.model, s.result, None)
    assert again.current is not None and again.current.id == "backing"  # skipped ones were seen


def test_profile_choice_is_saved_and_checked(content: ContentFile, results: Path) -> None:
    s = session_for(content, results)
    s.set_profile("authority")
    assert saved(results).profile == "authority"
    assert s.score().profile is not None and s.score().profile.id == "authority"  # type: ignore[union-attr]
    with pytest.raises(Exception, match='has no profile "nope"'):
        s.set_profile("nope")


def test_background_saver_writes_every_change_in_order(content: ContentFile, results: Path) -> None:
    from readiness.assessing import BackgroundSaver

    errors: list[Exception] = []
    saver = BackgroundSaver(on_error=errors.append)
    s = session_for(content, results)
    s.writer = saver
    for value in ("yes", "4", ["a"], "yes", "always", "some", "yes", "no"):
        s.answer(value)
    s.flush()
    assert saved(results).answers["data-leak"].value == "no"
    assert saved(results).position == "privacy"
    saver.close()
    assert errors == []


def test_background_saver_reports_a_failed_save(content: ContentFile, tmp_path: Path) -> None:
    from readiness.assessing import BackgroundSaver
    from readiness.errors import StorageError

    blocker = tmp_path / "file"
    blocker.write_text("x")
    errors: list[StorageError] = []
    saver = BackgroundSaver(on_error=errors.append)
    s = session_for(content, blocker)
    s.writer = saver
    s.answer("yes")  # returns at once; the failure arrives through the callback
    s.flush()
    saver.close()
    assert [str(e).startswith(f"cannot save results to {blocker}") for e in errors] == [True]
    assert s.result.answers["goals"].value == "yes"


def test_a_deferred_saver_writes_the_newest_state_once_handed_over(
    content: ContentFile, results: Path
) -> None:
    """The question screen hands changes over once its frame is painted: an answer and the
    finish it leads to are one write of the newest state, and nothing waits on the disk
    before that (the saver's thread would slow the frame)."""
    from readiness.assessing import BackgroundSaver

    deferred: list[Callable[[], None]] = []
    saver = BackgroundSaver(on_error=lambda error: None, defer=deferred.append)
    s = session_for(content, results)
    s.writer = saver
    s.answer("yes")
    s.answer("4")
    assert len(deferred) == 1  # one hand-over for both changes
    assert not list(results.glob("*.toml"))  # nothing queued before the frame
    deferred.pop()()
    s.flush()
    on_disk = saved(results)
    assert (on_disk.answers["goals"].value, on_disk.answers["audience"].value) == ("yes", "4")
    s.answer(["a"])  # a later change asks for a hand-over of its own
    assert len(deferred) == 1
    saver.close()  # closing hands over what is waiting: nothing typed is lost
    assert saved(results).answers["channels"].value == ["a"]
    deferred.pop()()  # a hand-over after that finds nothing left to write
