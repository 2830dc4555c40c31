"""The scenario engine: plain Python that plays a crisis exercise (no Textual here).

Typical use::

    result = new_scenario_result(scenario, mode="exercise", values={"org": "Caritas Köln"})
    run = Run(scenario, result)          # or Session(run, folder) to save after every step
    run.advance(2.5)                     # real seconds passed: clock, feed, countdown move
    run.choose("acknowledge")            # or run.reply(text) / run.wait()
    debrief = build_debrief(run)         # timeline, feedback, expert path, scores
    replay(scenario, saved_result)       # the same result again, from the steps alone
"""

from __future__ import annotations

from readiness.engine.clock import clock_label, countdown_label
from readiness.engine.debrief import (
    Debrief,
    DecisionReview,
    ExerciseDimension,
    ReplyReview,
    ShownChoice,
    build_debrief,
    debrief_for,
)
from readiness.engine.errors import EngineError, ReplayError
from readiness.engine.exercise_session import Session, new_scenario_result
from readiness.engine.expert import ExpertPath, ExpertStep, expert_path
from readiness.engine.feed import FeedItem
from readiness.engine.replay import replay, resume
from readiness.engine.rubric import CriterionResult, judge
from readiness.engine.run import Run
from readiness.engine.timeline import TimelineEntry, timeline
from readiness.engine.values import parse_var_args, placeholder_values

__all__ = [
    "CriterionResult",
    "Debrief",
    "DecisionReview",
    "EngineError",
    "ExerciseDimension",
    "ExpertPath",
    "ExpertStep",
    "FeedItem",
    "ReplayError",
    "ReplyReview",
    "Run",
    "Session",
    "ShownChoice",
    "TimelineEntry",
    "build_debrief",
    "clock_label",
    "countdown_label",
    "debrief_for",
    "expert_path",
    "judge",
    "new_scenario_result",
    "parse_var_args",
    "placeholder_values",
    "replay",
    "resume",
    "timeline",
]
