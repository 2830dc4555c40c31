"""Reply rubric, scores per dimension, placeholders: what the debrief will tell a participant."""

from __future__ import annotations

import pytest
from engine_fixtures import scenario, start

from readiness.engine import EngineError, judge, parse_var_args, placeholder_values
from readiness.errors import UsageError
from readiness.models.scenario import Reply


def rubric() -> Reply:
    node = next(n for n in scenario("storm-en").nodes if n.id == "write")
    assert isinstance(node, Reply)
    return node


@pytest.mark.parametrize(
    ("text", "met"),
    [
        (
            "SORRY about the mouldy cake, Lena, that must not happen!",
            {"apology": True, "offline": False, "no-blame": True},
        ),
        (
            "We apologise for the cake. Please send a direct\nmessage with your order number.",
            {"apology": True, "offline": True, "no-blame": True},
        ),
        (
            "Our admin will look into the cake complaint tomorrow.",
            {"apology": False, "offline": False, "no-blame": False},
        ),
        (
            # "sorry, but …" takes the apology back (docs/scoring.md, rule 7a)
            "Sorry Lena, but the mould was your fault. DM us your receipt.",
            {"apology": False, "offline": True, "no-blame": False},
        ),
        (
            "Sorry Lena. The mould was your fault. DM us your receipt.",
            {"apology": True, "offline": True, "no-blame": False},
        ),
        (
            "Unsorry-ish text about cakes, shops and weekends, no lawyers.",
            {"apology": False, "offline": False, "no-blame": False},
        ),
    ],
)
def test_rubric_matches_whole_words_and_patterns(text: str, met: dict[str, bool]) -> None:
    results = judge(rubric().rubric, text, {}, lang="en", limit=280)
    assert {r.criterion.id: r.met for r in results} == met
    for r in results:
        assert r.points == (r.criterion.points if r.met else 0)
        if r.reason == "unaddressed":  # not earned, but nothing wrong was said: no reproach
            assert r.feedback == ""
        else:
            assert r.feedback == (r.criterion.met if r.met else r.criterion.missed)


def test_a_reply_is_checked_against_the_platform_limit() -> None:
    run = start()
    run.choose("answer")
    assert run.reply_limit() == 280  # x
    with pytest.raises(EngineError, match="the reply has 281 characters; X allows 280"):
        run.reply("a" * 281)
    with pytest.raises(EngineError, match="empty"):
        run.reply("   \n")
    step = run.reply("s" * 275 + "sorry")
    assert step.reply_text.endswith("sorry") and run.node.id == "second"


def test_a_reply_that_times_out_keeps_the_draft_and_takes_the_timeout() -> None:
    run = start()
    run.choose("answer")
    run.draft = "Dear Lena, we"
    run.advance(120)
    step = run.result.steps[-1]
    assert (step.kind, step.timed_out, step.reply_text, step.rubric) == (
        "reply",
        True,
        "Dear Lena, we",
        [],
    )
    assert run.node.id == "third"


def test_scores_measure_each_step_against_the_options_open_then() -> None:
    run = start()
    run.choose("answer")
    run.reply("Sorry Lena. The mould on that cake was your fault, not ours.")
    run.choose("statement")
    # speed: (2 + 0 + 1) from -3..4; tone: (1 + 2 + 1) from -3..5; coordination 0 from -2..4.
    assert run.result.scores == {"speed": 85.7, "tone": 87.5, "coordination": 33.3}
    assert "legal" not in run.result.scores  # nothing could move it: no score, not 0


def test_worst_and_best_paths_score_0_and_100() -> None:
    worst = start()
    worst.choose("delete")
    worst.choose("threaten")
    assert worst.result.scores["tone"] == 0
    best = start()
    best.choose("answer")
    best.reply("Sorry Lena, that should not happen. Please send us a DM with your order.")
    best.choose("statement")
    assert best.result.scores["speed"] == 100 and best.result.scores["tone"] == 100


def test_placeholders_use_defaults_and_trainer_values() -> None:
    run = start(org="Caritas Köln")
    assert run.feed.items[0].text == "Why is Caritas Köln silent? Mouldy cake!"
    assert run.result.placeholders == {"org": "Caritas Köln", "handle": "@lindner"}
    assert run.fill("{handle} of {org}") == "@lindner of Caritas Köln"


def test_unknown_and_malformed_variables_are_one_sentence_errors() -> None:
    with pytest.raises(UsageError) as unknown:
        placeholder_values(scenario("storm-en"), {"orga": "X"})
    assert str(unknown.value) == (
        'scenario "storm-en" has no variable "orga" (did you mean "org"?); it knows: handle, org'
    )
    with pytest.raises(UsageError, match=r'--var "org" must look like NAME=VALUE'):
        parse_var_args(["org"])
    with pytest.raises(UsageError, match="--var org needs a value"):
        parse_var_args(["org= "])
    assert parse_var_args(["org=Caritas Köln", "fair=a=b"]) == {
        "org": "Caritas Köln",
        "fair": "a=b",
    }
