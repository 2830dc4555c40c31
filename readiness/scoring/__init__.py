"""Self-assessment scoring and the session that takes an assessment (plain Python, no UI).

Public API:
- `score(assessment, result, profile_id=None) -> AssessmentScore` (see `scoring.py`).
- `AssessmentSession`, `new_result`, `Progress` for taking an assessment (see `session.py`);
  `BackgroundSaver` to save its changes off the UI thread.
- `question_score`, `answer_score`, `status`, `choices`, `answer_label`, `toggle`.
- `visible_questions` for conditional questions; `Cap` for level caps.
"""

from __future__ import annotations

from readiness.scoring.answers import (
    AnswerValue,
    Status,
    answer_label,
    answer_score,
    choices,
    normalise,
    question_score,
    status,
    toggle,
)
from readiness.scoring.conditions import holds, visible_questions
from readiness.scoring.levels import Cap, level_for_score
from readiness.scoring.outcome import Action, AssessmentScore, DimensionScore, Remark
from readiness.scoring.saver import BackgroundSaver
from readiness.scoring.scoring import pick_profile, score
from readiness.scoring.session import AssessmentSession, Progress, new_result

__all__ = [
    "Action",
    "AnswerValue",
    "AssessmentScore",
    "AssessmentSession",
    "BackgroundSaver",
    "Cap",
    "DimensionScore",
    "Progress",
    "Remark",
    "Status",
    "answer_label",
    "answer_score",
    "choices",
    "holds",
    "level_for_score",
    "new_result",
    "normalise",
    "pick_profile",
    "question_score",
    "score",
    "status",
    "toggle",
    "visible_questions",
]
