"""Saved runs: autosave after every step, resume a killed run, replay reproduces the result."""

from __future__ import annotations

from pathlib import Path

from engine_fixtures import refused_replay, scenario, start

from readiness.engine import (
    Run,
    Session,
    build_debrief,
    new_scenario_result,
    replay,
    resume,
)
from readiness.models.scenario import Decision
from readiness.storage import load_result


def test_every_step_is_saved_and_a_killed_run_resumes_where_it_was(results: Path) -> None:
    s = scenario("storm-en")
    session = Session(Run(s, new_scenario_result(s, participant="kim")), results)
    session.save()
    session.advance(3.3)
    session.choose("answer")
    session.advance(7.25)
    session.reply("Sorry Lena, DM us")
    assert session.path is not None
    saved = load_result(session.path)
    assert [st.node for st in saved.steps] == ["first", "write"]  # type: ignore[union-attr]
    revived = resume(s, saved)  # type: ignore[arg-type]
    live = session.run
    assert revived.node.id == live.node.id == "second"
    assert revived.state.vars == live.state.vars and revived.state.flags == live.state.flags
    assert revived.minute == live.minute
    assert [(i.id, i.ticks, i.counts()) for i in revived.feed.items] == [
        (i.id, i.ticks, i.counts()) for i in live.feed.items
    ]


def test_replay_reproduces_a_finished_run_including_timeouts(results: Path) -> None:
    s = scenario("storm-en")
    session = Session(Run(s, new_scenario_result(s)), results)
    session.advance(31)  # countdown expires at "first"
    session.advance(12.5)
    session.choose("holding")
    session.choose("apologise")
    assert session.run.finished and session.path is not None
    saved = load_result(session.path)
    again = replay(s, saved)  # type: ignore[arg-type]
    assert again.model_dump() == saved.model_dump()
    assert again.steps[0].timed_out and again.outcome == "good"


def test_replay_refuses_a_run_the_changed_scenario_cannot_repeat() -> None:
    assert str(refused_replay()) == (
        'the saved run does not fit scenario "storm-en" any more '
        '(step 1: choice "ask-boss" is not open at "first")'
    )


def test_debrief_shows_timeline_feedback_and_the_expert_path() -> None:
    run = start()
    run.advance(2)
    run.choose("delete")
    run.choose("explain")
    d = build_debrief(run)
    assert d.ending_title == "It fizzled out"
    kinds = [(e.kind, e.clock, e.title) for e in d.timeline]
    assert kinds[:3] == [
        ("inject", "09:00", "Lena"),
        ("inject", "09:02", "Tom"),
        ("decision", "09:02", "A post is growing"),
    ]
    assert kinds[-1] == ("ending", "09:02", "It fizzled out")
    first = d.decisions[0]
    assert (first.chosen, first.feedback, first.expert_choice) == (
        "Delete the post.",
        "Deleting criticism makes it the story.",
        "Answer at once.",
    )
    assert not first.followed_expert
    assert [st.node_id for st in d.expert.steps] == ["first", "write", "second"]
    assert d.expert.ending is not None and d.expert.ending.id == "good-end"
    assert "Bakery Lindner" in d.expert.steps[1].action
    assert {sc.id: sc.percent for sc in d.scores}["legal"] is None


def test_the_expert_path_stands_in_the_best_open_choice_when_the_expert_one_is_closed() -> None:
    s = scenario("storm-en").model_copy(deep=True)
    first = s.nodes[0]
    assert isinstance(first, Decision)
    first.expert = None
    from readiness.engine import expert_path

    path = expert_path(s, {"org": "X", "handle": "@x"})
    assert path.steps[0].inferred and path.steps[0].action == "Answer at once."
