"""The scenario clock, the feed and the state: time is an input, so every figure is exact."""

from __future__ import annotations

import pytest
from engine_fixtures import start

from readiness.engine import EngineError


def ids(run: object) -> list[str]:
    return [i.id for i in run.feed.items]  # type: ignore[attr-defined]


def test_injects_arrive_at_their_minute_and_apply_their_effects() -> None:
    run = start()
    assert ids(run) == ["complaint"]
    assert run.state.vars["sentiment"] == -5  # the complaint's arrival effect
    run.advance(1.9)
    assert ids(run) == ["complaint"]
    run.advance(0.1)
    assert run.minute == 2
    assert ids(run) == ["complaint", "pile-on"]


def test_a_condition_inject_arrives_when_drift_makes_it_true() -> None:
    run = start()
    run.advance(3.9)
    assert "boss" not in ids(run)
    assert run.state.vars["escalation"] == 1.95
    run.advance(0.1)
    assert run.state.vars["escalation"] == 2.0
    assert ids(run)[-1] == "boss"
    assert run.feed.by_id["boss"].minute == 4
    assert run.feed.by_id["boss"].text == "What is going on with @lindner?"


def test_slicing_real_time_differently_gives_the_same_state() -> None:
    coarse, fine = start(), start()
    coarse.advance(12.35)
    for _ in range(247):
        fine.advance(0.05)
    assert fine.node_seconds == pytest.approx(12.35)
    assert coarse.state.ticks == fine.state.ticks
    assert coarse.state.vars == fine.state.vars
    assert coarse.state.flags == fine.state.flags
    assert [(i.id, i.ticks, i.counts()) for i in coarse.feed.items] == [
        (i.id, i.ticks, i.counts()) for i in fine.feed.items
    ]


def test_engagement_grows_until_answered_then_stops() -> None:
    run = start()
    run.advance(3)
    complaint = run.feed.by_id["complaint"]
    assert complaint.counts() == (10 + 6, 2 + 1, 3)
    run.choose("answer")
    run.reply("Sorry, please DM us.")
    frozen = complaint.counts()
    run.advance(20)
    assert complaint.counts() == frozen
    assert not complaint.growing


def test_drift_stops_once_its_while_condition_fails() -> None:
    run = start()
    run.advance(2)
    assert run.state.vars["reach"] == 120
    run.choose("answer")
    run.reply("Sorry, please DM us.")
    reach = run.state.vars["reach"]
    run.advance(10)
    assert run.state.vars["reach"] == reach


def test_variables_are_clamped_to_their_range() -> None:
    run = start("gate-en")
    assert run.state.vars["pressure"] == 90
    run.advance(10)  # 20 minutes of +3/minute plus the signal's +50
    assert run.state.vars["pressure"] == 100
    run = start()
    run.choose("delete")  # escalation + 3
    run.advance(100)
    assert run.state.vars["escalation"] == 5


def test_an_inject_with_at_and_when_needs_both_and_arrivals_cascade() -> None:
    late = start()
    late.advance(10)
    assert ids(late)[-2:] == ["press", "legal-note"]  # legal-note waits for press's flag
    assert late.state.flags >= {"press-called"}
    fast = start()
    fast.choose("answer")
    fast.reply("Sorry, DM us")
    fast.advance(30)
    assert "press" not in ids(fast)
    assert "thanks" in ids(fast)


def test_the_countdown_takes_the_timeout_path_at_exactly_the_limit() -> None:
    run = start()
    assert run.time_limit == 30
    run.advance(29.5)
    assert run.node.id == "first"
    assert run.seconds_left == pytest.approx(0.5)
    run.advance(100)
    step = run.result.steps[-1]
    assert (step.node, step.timed_out, step.choice, step.seconds_taken) == ("first", True, None, 30)
    assert run.node.id == "second"
    assert run.minute == 30  # the extra 99.5 s are not counted twice
    assert run.state.vars["escalation"] == 5  # 15 from drift + 1 from press + 1 timeout, clamped


def test_practice_mode_moves_the_clock_per_decision_only() -> None:
    run = start(mode="practice")
    assert run.time_limit is None
    run.advance(500)
    assert run.minute == 0 and run.node.id == "first"
    run.choose("ask-boss")  # 15 minutes meeting + 5 minute practice step
    assert run.minute == 20
    assert run.result.steps[0].seconds_taken == 500
    assert {"press", "boss"} <= set(ids(run))


def test_choices_are_filtered_by_their_conditions() -> None:
    run = start()
    run.choose("ask-boss")
    assert [c.id for c in run.available_choices()] == ["holding"]
    with pytest.raises(EngineError, match='choice "statement" is not open at "second"'):
        run.choose("statement")


def test_waiting_is_the_only_way_on_while_no_choice_is_open() -> None:
    run = start("gate-en")
    assert run.available_choices() == [] and run.can_wait and run.time_limit is None
    run.advance(2.5)  # 5 minutes at 2 per second: the signal arrives
    assert [c.id for c in run.available_choices()] == ["go", "go-too"]
    run.choose("go")
    assert run.finished and run.result.ending == "done" and run.result.outcome == "good"


def test_actions_that_do_not_fit_the_node_are_refused() -> None:
    run = start()
    with pytest.raises(EngineError, match="not a reply"):
        run.reply("hello")
    run.choose("delete")
    run.choose("explain")
    assert run.finished
    with pytest.raises(EngineError, match="not a decision"):
        run.choose("explain")
    with pytest.raises(EngineError, match="waiting is not an option"):
        run.wait()
    before = run.minute
    run.advance(100)
    assert run.minute == before


def test_an_inject_from_outside_the_file_arrives_like_the_others() -> None:
    from readiness.models.scenario import Inject

    run = start()
    run.advance(1)
    run.add_inject(
        Inject(id="facilitator-1", at=1, channel="press", author="Radio", text="Comment?")
    )
    assert ids(run)[-1] == "facilitator-1"
    run.add_inject(Inject(id="facilitator-2", at=3, channel="chat", author="Boss", text="Later"))
    run.advance(1.5)
    assert "facilitator-2" not in ids(run)
    run.advance(0.5)
    assert ids(run)[-1] == "facilitator-2" and run.feed.by_id["facilitator-2"].minute == 3
