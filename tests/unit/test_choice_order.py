"""The order of the choices: shuffled per run, kept in the result, the same wherever it is shown."""

from __future__ import annotations

import json
import math
from functools import cache
from pathlib import Path

from engine_fixtures import scenario
from hypothesis import given, settings
from hypothesis import strategies as st

from readiness.content.loader import load_library
from readiness.engine import (
    Run,
    Session,
    build_debrief,
    debrief_for,
    new_scenario_result,
    replay,
    resume,
)
from readiness.engine.order import shown_order
from readiness.models.results import ScenarioResult
from readiness.models.scenario import Decision, Scenario
from readiness.reports.journal import render_journal
from readiness.storage import load_result
from readiness.workshop.group_scenario import scenario_group
from readiness.workshop.roster import Entry


def decision(s: Scenario, ident: str) -> Decision:
    node = next(n for n in s.nodes if n.id == ident)
    assert isinstance(node, Decision)
    return node


@cache
def builtin_decisions() -> list[Decision]:
    return [
        n
        for f in load_library().scenarios
        if isinstance(f.model, Scenario)
        for n in f.model.nodes
        if isinstance(n, Decision) and n.shuffle and len(n.choices) >= 3
    ]


def test_a_new_run_gets_its_own_seed() -> None:
    s = scenario("storm-en")
    seeds = {new_scenario_result(s).seed for _ in range(20)}
    assert None not in seeds and len(seeds) == 20
    assert new_scenario_result(s, seed=7).seed == 7


def test_the_run_shows_the_order_of_its_seed_and_keeps_conditions() -> None:
    s = scenario("storm-en")
    orders = set()
    for seed in range(30):
        run = Run(s, new_scenario_result(s, seed=seed))
        shown = [c.id for c in run.shown_choices()]
        assert shown == [c.id for c in shown_order(seed, decision(s, "first"))]
        assert sorted(shown) == sorted(c.id for c in run.available_choices())
        orders.add(tuple(shown))
    assert len(orders) == math.factorial(3)  # every order of the three choices turns up


def test_order_depends_on_seed_and_node_only_not_on_the_path_taken() -> None:
    s = scenario("storm-en")
    third = decision(s, "third")
    for seed in range(20):
        via_reply = Run(s, new_scenario_result(s, seed=seed, mode="practice"))
        via_reply.choose("answer")
        via_reply.reply("Sorry Lena, please DM us.")
        via_reply.choose("holding")
        via_delete = Run(s, new_scenario_result(s, seed=seed, mode="practice"))
        via_delete.choose("delete")
        assert via_reply.node.id == via_delete.node.id == "third"
        expected = [c.id for c in shown_order(seed, third)]
        # "apologise" is open only after a public answer: the others keep their order.
        assert [c.id for c in via_reply.shown_choices()] == expected
        assert [c.id for c in via_delete.shown_choices()] == [
            x for x in expected if x != "apologise"
        ]


def test_shuffle_false_keeps_the_authored_order_for_every_seed() -> None:
    s = scenario("storm-en")
    pinned = decision(s, "first").model_copy(update={"shuffle": False})
    for seed in range(50):
        assert [c.id for c in shown_order(seed, pinned)] == ["answer", "ask-boss", "delete"]


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=0, max_value=2**32 - 1))
def test_most_decisions_are_not_shown_in_the_authored_order(seed: int) -> None:
    """With three or more choices the identity comes up in at most 1 of 6 decisions on
    average; more than half would mean the order is not really shuffled."""
    decisions = builtin_decisions()
    identity = sum(shown_order(seed, d) == d.choices for d in decisions)
    assert identity < len(decisions) / 2


def test_the_expert_choice_is_first_about_as_often_as_any_other() -> None:
    decisions = [d for d in builtin_decisions() if d.expert is not None]
    assert len(decisions) >= 20
    first = sum(shown_order(seed, d)[0].id == d.expert for seed in range(40) for d in decisions)
    expected = sum(40 / len(d.choices) for d in decisions)
    assert 0.8 * expected < first < 1.2 * expected


def test_seed_is_saved_and_resume_and_replay_show_the_same_order(results: Path) -> None:
    s = scenario("storm-en")
    session = Session(Run(s, new_scenario_result(s, participant="kim")), results)
    first_order = [c.id for c in session.run.shown_choices()]
    session.advance(3)
    session.choose("answer")
    session.advance(5)
    session.reply("Sorry Lena, please DM us.")
    live_order = [c.id for c in session.run.shown_choices()]
    assert session.path is not None
    saved = load_result(session.path)
    assert isinstance(saved, ScenarioResult) and saved.seed == session.run.result.seed
    revived = resume(s, saved)
    assert revived.node.id == "second"
    assert [c.id for c in revived.shown_choices()] == live_order
    assert replay(s, saved).seed == saved.seed
    fresh = resume(s, saved.model_copy(update={"steps": []}))
    assert [c.id for c in fresh.shown_choices()] == first_order


def test_the_debrief_lists_the_options_in_the_order_shown(results: Path) -> None:
    s = scenario("storm-en")
    session = Session(Run(s, new_scenario_result(s, seed=11)), results)
    seen = [[c.id for c in session.run.shown_choices()]]
    session.advance(3)
    session.choose("delete")
    seen.append([c.id for c in session.run.shown_choices()])
    session.choose("threaten")
    live = build_debrief(session.run)
    assert [[o.id for o in d.options] for d in live.decisions] == seen
    assert seen[0] != ["answer", "ask-boss", "delete"]  # seed 11 shuffles the first decision
    [first, third] = live.decisions
    assert [(o.id, o.chosen, o.expert) for o in first.options if o.chosen or o.expert] == [
        (o, o == "delete", o == "answer") for o in seen[0] if o in ("delete", "answer")
    ]
    assert [o.text for o in third.options] == [
        c.text for c in shown_order(11, decision(s, "third")) if c.id != "apologise"
    ]
    assert session.path is not None
    saved = load_result(session.path)
    assert isinstance(saved, ScenarioResult)
    assert debrief_for(s, saved).decisions == live.decisions


def test_a_timeout_keeps_the_options_that_were_on_screen(results: Path) -> None:
    s = scenario("storm-en")
    run = Run(s, new_scenario_result(s, seed=5))
    shown = [c.id for c in run.shown_choices()]
    run.advance(31)  # the countdown at "first" runs out
    [review] = build_debrief(run).decisions
    assert review.timed_out and [o.id for o in review.options] == shown


def test_an_old_result_without_seed_loads_and_shows_the_authored_order(results: Path) -> None:
    s = scenario("storm-en")
    run = Run(s, new_scenario_result(s, seed=3))
    run.advance(3)
    run.choose("delete")
    data = json.loads(run.result.model_dump_json())
    del data["seed"]
    old = ScenarioResult.model_validate(data)
    assert old.seed is None
    revived = resume(s, old)
    assert [c.id for c in revived.shown_choices()] == ["explain", "threaten"]
    [review] = debrief_for(s, old).decisions
    assert [o.id for o in review.options] == ["answer", "ask-boss", "delete"]
    assert replay(s, old).seed is None  # stays as it was played, every time


def test_practice_wait_is_offered_only_without_an_authored_wait_choice() -> None:
    s = scenario("storm-en")
    practice = Run(s, new_scenario_result(s, mode="practice", seed=1))
    assert practice.offers_wait  # "first" has a timeout and no choice that waits
    exercise = Run(s, new_scenario_result(s, seed=1))
    assert not exercise.offers_wait  # the countdown is how one waits there
    marked = s.model_copy(deep=True)
    first = decision(marked, "first")
    first.choices[1] = first.choices[1].model_copy(update={"waits": True})
    practice = Run(marked, new_scenario_result(marked, mode="practice", seed=1))
    assert not practice.offers_wait
    assert "ask-boss" in [c.id for c in practice.shown_choices()]


def test_an_authored_wait_choice_closed_by_its_condition_brings_the_practice_wait_back() -> None:
    s = scenario("storm-en").model_copy(deep=True)
    second = decision(s, "second")
    second.choices[1] = second.choices[1].model_copy(update={"waits": True})  # "statement"
    run = Run(s, new_scenario_result(s, mode="practice", seed=1))
    run.choose("ask-boss")  # to "second" without a public answer: "statement" is closed
    assert run.node.id == "second"
    assert "statement" not in [c.id for c in run.shown_choices()]
    assert run.offers_wait


def test_the_journal_names_the_options_by_text_in_the_order_shown() -> None:
    s = scenario("storm-en")
    run = Run(s, new_scenario_result(s, seed=11))
    shown = [c.text for c in run.shown_choices()]
    run.advance(3)
    run.choose("delete")
    run.choose("threaten")
    text = render_journal(s, run.result, "en")
    block = text.split("Options, in the order shown:", 1)[1].split("###", 1)[0]
    lines = [line for line in block.splitlines() if line.startswith("- ")]
    assert lines == [
        "- **Delete the post.** (your choice)"
        if t == "Delete the post."
        else f"- {t} ★ expert's choice"
        if t == "Answer at once."
        else f"- {t}"
        for t in shown
    ]
    assert "Option 1" not in text and "1. Answer" not in text


def test_the_room_is_counted_by_choice_id_whatever_order_each_person_saw() -> None:
    """Everyone presses "1": with shuffled orders that is a different choice per person, and
    the group report counts each choice by id, with its text, never by place."""
    s = scenario("storm-en")
    entries, firsts = [], []
    for seed in range(12):
        run = Run(s, new_scenario_result(s, seed=seed, participant=f"p{seed}"))
        run.advance(3)
        pressed_one = run.shown_choices()[0].id
        firsts.append(pressed_one)
        run.choose(pressed_one)
        entries.append(Entry(name=f"p{seed}", team="", result=run.result))
    assert len(set(firsts)) == 3  # the twelve people saw different choices first
    group = scenario_group(s, entries, teams=[])
    [first] = [d for d in group.decisions if d.node == "first"]
    assert {(c.id, c.title, c.count) for c in first.choices} == {
        (c.id, c.text, firsts.count(c.id)) for c in decision(s, "first").choices
    }
    assert [c.expert for c in first.choices if c.id == "answer"] == [True]
