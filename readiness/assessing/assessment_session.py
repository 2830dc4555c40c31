"""Taking an assessment: where the participant is, what they answered, saved after every change.

The session is the whole behaviour of the question screen without a terminal: the TUI only
turns keys into calls to it, so every flow (answer, skip, N/A, back, jump, resume) is
testable as plain Python. Each change is written at once with `storage.save_result`, which is
atomic, so a killed process loses nothing that was confirmed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from readiness import storage
from readiness.assessing.answers import AnswerValue, Status, normalise, status
from readiness.assessing.outcome import AssessmentScore
from readiness.assessing.saver import BackgroundSaver
from readiness.assessing.scores import pick_profile, score
from readiness.assessing.visibility import visible_questions
from readiness.content.loader import ContentFile
from readiness.errors import ContentError
from readiness.models.assessment import Assessment, Question
from readiness.models.results import Answer, AssessmentResult


@dataclass(frozen=True)
class Progress:
    """How far the participant is, over the questions currently asked."""

    position: int
    """1-based number of the current question; `total + 1` at the end."""
    total: int
    answered: int
    not_applicable: int
    missing: int
    """Skipped or not reached yet."""

    @property
    def done(self) -> int:
        """Questions decided (answered or N/A): what the progress bar shows."""
        return self.answered + self.not_applicable


def new_assessment_result(
    content: ContentFile, participant: str = "", team: str = "", profile: str | None = None
) -> AssessmentResult:
    """A fresh, empty run of `content` (not saved until the first change)."""
    model = content.model
    assert isinstance(model, Assessment)
    return AssessmentResult(
        **storage.new_header(model, content.sha256, participant, team),
        profile=profile,
    )


class AssessmentSession:
    """One participant working through one assessment run."""

    def __init__(
        self,
        assessment: Assessment,
        result: AssessmentResult,
        folder: Path | None,
        clock: Callable[[], datetime] = storage.now,
        writer: Callable[[Path, AssessmentResult], Path] = storage.save_result,
    ) -> None:
        """`folder` is where results are saved; None keeps the run in memory (previews, tests).

        `writer` saves the run; the TUI passes a `BackgroundSaver` so the disk never blocks
        a repaint. The default writes synchronously and raises StorageError on failure."""
        self.assessment = assessment
        self.result = result
        self.folder = folder
        self.path: Path | None = None
        """Where the run was last saved."""
        self._clock = clock
        self.writer = writer
        """Saves the run; swap in a `BackgroundSaver` to keep disk writes off the UI thread."""
        self._by_id = {q.id: q for q in assessment.questions}
        self._position: str | None = self._resume_position()

    # -- where we are ---------------------------------------------------------------------

    def visible(self) -> list[Question]:
        """The questions asked with the current answers, in order."""
        return visible_questions(self.assessment, self.result.answers)

    @property
    def current(self) -> Question | None:
        """The question on screen; None once the participant is past the last one."""
        return self._by_id.get(self._position) if self._position is not None else None

    @property
    def at_end(self) -> bool:
        return self._position is None

    def index(self) -> int:
        """0-based position among the visible questions (`len(visible)` at the end)."""
        shown = [q.id for q in self.visible()]
        return shown.index(self._position) if self._position in shown else len(shown)

    def answer_of(self, question_id: str) -> Answer | None:
        return self.result.answers.get(question_id)

    @property
    def profile_id(self) -> str | None:
        """The target profile the answers are measured against (chosen, else the default)."""
        try:
            profile = pick_profile(self.assessment, self.result.profile)
        except ContentError:  # a profile the file no longer has: the default
            profile = pick_profile(self.assessment, None)
        return profile.id if profile else None

    def na_allowed(self, question: Question) -> bool:
        """Whether "does not apply" is allowed for this question and this run's profile."""
        return question.allows_na(self.profile_id)

    def status_of(self, question_id: str) -> Status:
        return status(self._by_id[question_id], self.answer_of(question_id), self.profile_id)

    def progress(self) -> Progress:
        shown = self.visible()
        pid = self.profile_id
        counts = [status(q, self.answer_of(q.id), pid) for q in shown]
        return Progress(
            position=self.index() + 1,
            total=len(shown),
            answered=counts.count("answered"),
            not_applicable=counts.count("not_applicable"),
            missing=counts.count("skipped") + counts.count("unanswered"),
        )

    def _resume_position(self) -> str | None:
        shown = self.visible()
        if self.result.position in {q.id for q in shown}:
            return self.result.position
        return next((q.id for q in shown if self.status_of(q.id) == "unanswered"), None)

    # -- moving ---------------------------------------------------------------------------

    def _move(self, question_id: str | None) -> None:
        self._position = question_id
        self.result.position = question_id

    def forward(self) -> None:
        """To the next asked question, or past the end."""
        shown = [q.id for q in self.visible()]
        i = self.index()
        self._move(shown[i + 1] if i + 1 < len(shown) else None)

    def back(self) -> bool:
        """To the previous asked question (from the end: the last one). False at the first."""
        shown = [q.id for q in self.visible()]
        i = self.index()
        if i == 0 or not shown:
            return False
        self._move(shown[i - 1])
        return True

    def jump(self, question_id: str) -> None:
        """To any asked question (from the section overview)."""
        if question_id not in {q.id for q in self.visible()}:
            raise ValueError(f'question "{question_id}" is not asked with the current answers')
        self._move(question_id)

    # -- changing answers (each one saved at once) ------------------------------------------

    def _entry(self) -> tuple[Question, Answer]:
        question = self.current
        if question is None:
            raise ValueError("there is no current question")
        answer = self.result.answers.setdefault(question.id, Answer())
        return question, answer

    def answer(self, value: AnswerValue) -> Path | None:
        """Record the answer to the current question, save, and move on.

        Raises ValueError for a value the question does not accept. A note, flag and an
        earlier N/A reason stay: nothing the participant typed is dropped."""
        question, entry = self._entry()
        entry.value = normalise(question, value)
        entry.skipped = False
        entry.not_applicable = False
        entry.answered_at = self._clock()
        self.forward()
        return self.save()

    def skip(self) -> Path | None:
        """Move on; an unanswered question is recorded as skipped, an answered one is kept."""
        question, entry = self._entry()
        if status(question, entry) in ("unanswered", "skipped"):
            entry.skipped = True
        self.forward()
        return self.save()

    def mark_not_applicable(self, reason: str) -> Path | None:
        """ "Does not apply to us" with a one-line reason, where the author allows it."""
        question, entry = self._entry()
        if not self.na_allowed(question):
            raise ValueError(f'question "{question.id}" cannot be marked not applicable')
        entry.value = None
        entry.skipped = False
        entry.not_applicable = True
        entry.na_reason = " ".join(reason.split())
        entry.answered_at = self._clock()
        self.forward()
        return self.save()

    def set_note(self, note: str) -> Path | None:
        """Evidence, who said so, a doubt: kept with the answer for the team discussion."""
        _, entry = self._entry()
        entry.note = note.strip()
        return self.save()

    def toggle_flag(self) -> bool:
        """Mark or unmark the current question for review; returns the new state."""
        _, entry = self._entry()
        entry.flagged = not entry.flagged
        self.save()
        return entry.flagged

    def set_profile(self, profile_id: str) -> Path | None:
        """Compare against another target profile from now on (ContentError if unknown)."""
        pick_profile(self.assessment, profile_id)
        self.result.profile = profile_id
        return self.save()

    def finish(self) -> Path | None:
        """The participant reached the result: the run is no longer offered for resume."""
        self.result.finished = True
        return self.save()

    def save(self) -> Path | None:
        """Write the run now (atomic); raises StorageError with a one-sentence reason."""
        self.result.position = self._position
        if self.folder is None:
            return None
        self.path = self.writer(self.folder, self.result)
        return self.path

    def flush(self) -> None:
        """Wait until every change so far is on disk (only a BackgroundSaver ever lags)."""
        if isinstance(self.writer, BackgroundSaver):
            self.writer.flush()

    def score(self, profile_id: str | None = None) -> AssessmentScore:
        """The current result (partial runs score too; missing questions are listed)."""
        return score(self.assessment, self.result, profile_id)
