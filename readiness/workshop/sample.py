"""A simulated room: realistic result files made by the real engines, for benchmarks, tests
and for trying the dashboard before a workshop (`readiness dashboard --demo`)."""

from __future__ import annotations

import random
import zlib
from collections.abc import Sequence
from datetime import timedelta

from readiness.assessing import new_assessment_result
from readiness.content.loader import ContentFile
from readiness.engine import Run, new_scenario_result
from readiness.models.assessment import Assessment
from readiness.models.results import Answer, AnyResult, AssessmentResult
from readiness.models.scenario import Decision, Reply, Scenario
from readiness.storage import now

NAMES = ("fox", "owl", "lynx", "heron", "otter", "wren", "badger", "moth", "hare", "crow")
TEAMS = ("red", "blue", "green")
REPLIES = (
    "Sorry, we hear you and will report back by noon.",
    "We apologise. Our team is on it; details follow today.",
    "This is not our fault, please read the terms.",
    "Thanks for flagging this, we are looking into it right now!",
)


def _assessment_run(
    content: ContentFile, rng: random.Random, name: str, team: str
) -> AssessmentResult:
    model = content.model
    assert isinstance(model, Assessment)
    result = new_assessment_result(content, participant=name, team=team)
    for q in model.questions:
        if rng.random() < 0.05:
            result.answers[q.id] = Answer(skipped=True, answered_at=now())
            continue
        value: str | list[str] = rng.choice(q.option_ids())
        if q.type == "multi":
            value = rng.sample(q.option_ids(), k=rng.randint(1, len(q.option_ids())))
        result.answers[q.id] = Answer(value=value, answered_at=now())
    result.finished = rng.random() < 0.9
    return result


def _scenario_run(content: ContentFile, rng: random.Random, name: str, team: str) -> AnyResult:
    model = content.model
    assert isinstance(model, Scenario)
    result = new_scenario_result(
        model,
        mode="exercise",
        content_hash=content.sha256,
        participant=name,
        team=team,
        seed=zlib.crc32(f"{name}/{model.id}".encode()),  # the same room every time
    )
    run = Run(model, result)
    for _ in range(200):  # a bound, in case a scenario loops
        if run.finished:
            break
        run.advance(rng.uniform(2, 20))
        if run.finished:
            break
        node = run.node
        if isinstance(node, Decision):
            open_choices = run.available_choices()
            if run.can_wait and rng.random() < 0.1:
                run.wait()
            else:
                run.choose(rng.choice(open_choices).id)
        elif isinstance(node, Reply):
            run.reply(rng.choice(REPLIES)[: run.reply_limit()])
    return run.result


def sample_room(
    contents: Sequence[ContentFile], participants: int, seed: int = 1, teams: bool = True
) -> list[AnyResult]:
    """One run of every content per participant, with pseudonyms like `fox-3`."""
    rng = random.Random(seed)
    start = now()
    out: list[AnyResult] = []
    for i in range(participants):
        name = f"{NAMES[i % len(NAMES)]}-{i + 1}"
        team = TEAMS[i % len(TEAMS)] if teams else ""
        for content in contents:
            if content.kind == "assessment":
                result: AnyResult = _assessment_run(content, rng, name, team)
            else:
                result = _scenario_run(content, rng, name, team)
            result.started_at = start + timedelta(seconds=i)
            out.append(result)
    return out
