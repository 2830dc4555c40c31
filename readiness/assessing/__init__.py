"""Self-assessment scoring and the session that takes an assessment (plain Python, no UI).

Public API:
- `score(assessment, result, profile_id=None) -> AssessmentScore` (see `scores.py`).
- `AssessmentSession`, `new_assessment_result`, `Progress` for taking an assessment (see
  `assessment_session.py`); `BackgroundSaver` to save its changes off the UI thread.
- `question_score`, `answer_score`, `status`, `choices`, `answer_label`, `toggle`.
- `visible_questions` for conditional questions; `LevelCap` for level caps.
"""

from __future__ import annotations

from readiness.assessing.answers import (
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
from readiness.assessing.assessment_session import (
    AssessmentSession,
    Progress,
    new_assessment_result,
)
from readiness.assessing.levels import LevelCap, level_for_score
from readiness.assessing.outcome import AssessmentScore, DimensionScore, Recommendation, Remark
from readiness.assessing.saver import BackgroundSaver
from readiness.assessing.scores import pick_profile, score
from readiness.assessing.visibility import holds, visible_questions

__all__ = [
    "AnswerValue",
    "AssessmentScore",
    "AssessmentSession",
    "BackgroundSaver",
    "DimensionScore",
    "LevelCap",
    "Progress",
    "Recommendation",
    "Remark",
    "Status",
    "answer_label",
    "answer_score",
    "choices",
    "holds",
    "level_for_score",
    "new_assessment_result",
    "normalise",
    "pick_profile",
    "question_score",
    "score",
    "status",
    "toggle",
    "visible_questions",
]
