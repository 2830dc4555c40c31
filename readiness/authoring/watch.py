"""`play --watch` without a terminal: notice a saved file, carry the player's position over.

The TUI polls `FileWatch.changed()`, reloads the file, and rebuilds the run with
`carry_run` (scenarios) or `carry_answers` (assessments), so a trainer who edits step 4 stays
at step 4 instead of starting over."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from readiness.engine import EngineError, Run
from readiness.models.assessment import Assessment
from readiness.models.results import AssessmentResult, ScenarioResult
from readiness.models.scenario import Decision, Reply, Scenario

POLL_SECONDS = 0.5
"""How often the file's size and modification time are checked (a `stat`, nothing more)."""


@dataclass(frozen=True)
class Stamp:
    mtime_ns: int
    size: int


def stamp(path: Path) -> Stamp | None:
    """Size and modification time, or None while the file is missing (mid-save)."""
    try:
        info = path.stat()
    except OSError:
        return None
    return Stamp(info.st_mtime_ns, info.st_size)


class FileWatch:
    """Says once per save that a file changed."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.last = stamp(path)

    def changed(self) -> bool:
        now = stamp(self.path)
        if now is None or now == self.last:
            return False  # a missing file is an editor between delete and rename: wait
        self.last = now
        return True


def carry_run(scenario: Scenario, old: ScenarioResult) -> tuple[Run, int]:
    """A run of the changed scenario at the old position, and how many old steps it kept.

    The old steps are done again as long as each one still fits: same node, choice still
    open, reply still postable. Unlike `engine.replay` this does not insist on the same clock
    minutes, because an author who changes a timing still wants to stay where they were."""
    fresh = old.model_copy(deep=True)
    fresh.steps = []
    fresh.finished, fresh.ending, fresh.outcome = False, None, None
    fresh.content_id, fresh.content_version = scenario.id, scenario.version
    run = Run(scenario, fresh)
    kept = 0
    for step in old.steps:
        if run.finished or run.node.id != step.node:
            break
        try:
            limit = run.time_limit
            seconds = step.seconds_taken
            if not step.timed_out and limit is not None:
                seconds = min(seconds, max(0.0, limit - 0.01))
            run.advance(seconds)
            if step.timed_out:
                if len(run.result.steps) == kept:  # the countdown has not run out by itself
                    if not run.can_wait:
                        break
                    run.wait()
            elif isinstance(run.node, Decision) and step.choice is not None:
                if step.choice not in {c.id for c in run.available_choices()}:
                    break
                run.choose(step.choice)
            elif isinstance(run.node, Reply) and step.reply_text.strip():
                run.reply(step.reply_text[: run.reply_limit()])
            else:
                break
        except EngineError:
            break
        kept += 1
    return run, kept


def carry_answers(assessment: Assessment, old: AssessmentResult) -> AssessmentResult:
    """The old answers that still fit the changed assessment; the position if it still exists."""
    result = old.model_copy(deep=True)
    result.content_id, result.content_version = assessment.id, assessment.version
    questions = {q.id: q for q in assessment.questions}
    kept = {}
    for qid, answer in result.answers.items():
        question = questions.get(qid)
        if question is None:
            continue
        valid = set(question.option_ids())
        value = answer.value
        if isinstance(value, list):
            answer.value = [v for v in value if v in valid]
        elif value is not None and value not in valid:
            answer.value = None
        kept[qid] = answer
    result.answers = kept
    if result.position not in questions:
        result.position = None
    return result
