"""Properties of the reply rubric over the labelled corpus (tests/data/replies/): a list of the
rubric's own keywords added to a reply never earns it anything."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis_budget import examples

from readiness.authoring.rubric_corpus import Labelled, load_corpus, step_node
from readiness.engine.reply_text import phrase_words
from readiness.engine.reply_words import FUNCTION_WORDS, NEGATIONS
from readiness.engine.rubric import CriterionResult, judge
from readiness.engine.values import placeholder_values
from readiness.platforms import char_limit

ROOT = Path(__file__).resolve().parent.parent.parent
SCENARIOS = ROOT / "scenarios"
CORPUS = load_corpus(ROOT / "tests" / "data" / "replies")
NOT_NAMES = FUNCTION_WORDS["de"] | FUNCTION_WORDS["en"] | NEGATIONS["de"] | NEGATIONS["en"]


def _judge(item: Labelled, text: str) -> list[CriterionResult]:
    scenario, node = step_node(SCENARIOS, item.step)
    return judge(
        node.rubric,
        text,
        placeholder_values(scenario, {}),
        lang=scenario.language,
        limit=char_limit(node.platform, node.max_chars),
    )


def _one_word_keywords(item: Labelled) -> list[str]:
    """The step's keywords that are one word naming something (what a keyword echo lists)."""
    _, node = step_node(SCENARIOS, item.step)
    return sorted(
        {
            k
            for c in node.rubric
            for k in c.keywords
            if "{" not in k
            and len(phrase_words(k)) == 1
            and k[:1].isalnum()
            and k.lower() not in NOT_NAMES
        }
    )


@settings(max_examples=examples(300))
@given(st.data())
def test_a_list_of_rubric_keywords_added_to_a_reply_earns_nothing(data: st.DataObject) -> None:
    item = data.draw(st.sampled_from(CORPUS), label="reply")
    keywords = _one_word_keywords(item)
    listed = data.draw(
        st.lists(st.sampled_from(keywords), min_size=3, max_size=7, unique=True), label="list"
    )
    before = _judge(item, item.text)
    after = _judge(item, item.text + "\n" + ", ".join(listed) + ".")
    assert sum(r.points for r in after) <= sum(r.points for r in before)
    for b, a in zip(before, after, strict=True):
        if b.criterion.expect == "present" and not b.met:
            assert not a.met, (b.criterion.id, a.reason, a.words)
