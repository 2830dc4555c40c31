"""Each authoring warning: one file that triggers it, one that does not."""

from __future__ import annotations

import copy
import tomllib
from pathlib import Path
from typing import Any

import pytest
import tomli_w

from readiness.content.loader import load_paths
from readiness.content.warnings import scenario_warnings, translation_warnings
from readiness.i18n import set_language
from readiness.i18n.catalog_text import CatalogText
from readiness.models.assessment import Assessment
from readiness.models.scenario import Scenario

DATA = Path(__file__).parent.parent / "data" / "authoring"
P = Path("x.toml")


@pytest.fixture(autouse=True)
def english() -> None:
    set_language("en")


def raw(name: str) -> dict[str, Any]:
    return tomllib.loads((DATA / name).read_text(encoding="utf-8"))


def node(data: dict[str, Any], ident: str) -> dict[str, Any]:
    return next(n for n in data["nodes"] if n["id"] == ident)


def warnings(data: dict[str, Any], lang: str = "en") -> list[tuple[str, str]]:
    problems = scenario_warnings(P, Scenario.model_validate(data))
    assert all(p.severity == "warning" for p in problems)
    return [(p.key, p.message.text(lang)) for p in problems]


def test_the_base_scenario_has_no_warnings() -> None:
    assert warnings(raw("mini.en.toml")) == []


# --- a choice without feedback ---------------------------------------------------------------


def test_choice_without_feedback_warns() -> None:
    data = raw("mini.en.toml")
    node(data, "d1")["choices"][0]["feedback"] = "  "
    assert warnings(data) == [
        (
            "nodes.d1.choices.answer.feedback",
            "no feedback: the debrief cannot tell the participant why this choice was good or bad",
        )
    ]


def test_timeout_without_feedback_is_not_a_choice_without_feedback() -> None:
    data = raw("mini.en.toml")
    node(data, "d1")["timeout"]["feedback"] = ""
    assert warnings(data) == []


# --- a decision that makes no difference ----------------------------------------------------


def test_choices_with_same_target_effects_and_scores_warn() -> None:
    data = raw("mini.en.toml")
    for c in node(data, "d2")["choices"]:
        c["next"] = "good"
        c["scores"] = {"tone": 1}
    assert warnings(data) == [
        (
            "nodes.d2.choices",
            'every choice leads to "good" with the same effects and scores: the decision makes no '
            "difference",
        )
    ]


def test_choices_with_same_target_but_different_scores_do_not_warn() -> None:
    data = raw("mini.en.toml")
    for c in node(data, "d2")["choices"]:
        c["next"] = "good"
    assert warnings(data) == []


# --- a good ending no path reaches with a good score ----------------------------------------


def test_good_ending_reached_only_with_poor_scores_warns() -> None:
    data = raw("mini.en.toml")
    node(data, "bad")["outcome"] = "good"
    # Best path overall: answer (+2) -> reply (+2) -> thank (+2) = 6; the best way to "bad"
    # is answer -> reply -> argue = 1.
    assert warnings(data) == [
        (
            "nodes.bad",
            'a "good" ending, but the best path here scores 1 of 6 possible points: no path '
            "reaches it with a good score",
        )
    ]


def test_bad_ending_with_poor_scores_does_not_warn() -> None:
    data = raw("mini.en.toml")
    node(data, "bad")["outcome"] = "mixed"
    assert warnings(data) == []


# --- text longer than the platform allows ---------------------------------------------------


def test_inject_longer_than_the_platform_allows_warns() -> None:
    data = raw("mini.en.toml")
    data["injects"][0]["text"] = "x" * 281
    assert warnings(data) == [("injects.post.text", "281 characters, but X allows 280")]


def test_inject_length_counts_placeholders_as_the_participant_sees_them() -> None:
    data = raw("mini.en.toml")
    data["placeholders"]["org"]["default"] = "O" * 300
    data["injects"][0]["text"] = "{org}"
    assert warnings(data) == [("injects.post.text", "300 characters, but X allows 280")]


def test_inject_exactly_at_the_limit_does_not_warn() -> None:
    data = raw("mini.en.toml")
    data["injects"][0]["text"] = "x" * 280
    assert warnings(data) == []


def test_expert_reply_longer_than_max_chars_warns() -> None:
    data = raw("mini.en.toml")
    node(data, "r1")["max_chars"] = 20
    assert warnings(data) == [("nodes.r1.expert_reply", "40 characters, but X allows 20")]


def test_expert_reply_on_a_roomier_platform_does_not_warn() -> None:
    data = raw("mini.en.toml")
    node(data, "r1")["expert_reply"] = "y" * 1000
    node(data, "r1")["platform"] = "linkedin"
    assert warnings(data) == []


# --- a time limit shorter than the reading time ---------------------------------------------


def test_time_limit_shorter_than_reading_warns() -> None:
    data = raw("mini.en.toml")
    d1 = node(data, "d1")
    d1["situation"] = " ".join(["word"] * 100)  # 100 + 4 choice words = 31 s, + 5 s to decide
    d1["time_limit"] = 30
    assert warnings(data) == [
        (
            "nodes.d1.time_limit",
            "30 s is less than reading this step takes (about 36 s at 200 words per minute plus "
            "5 s to decide)",
        )
    ]


def test_time_limit_long_enough_or_off_does_not_warn() -> None:
    data = raw("mini.en.toml")
    d1 = node(data, "d1")
    d1["situation"] = " ".join(["word"] * 100)
    d1["time_limit"] = 40
    assert warnings(data) == []
    d1["time_limit"] = 0
    del d1["timeout"]
    assert warnings(data) == []


# --- translations with a different structure ------------------------------------------------


def pair(
    en: dict[str, Any], de: dict[str, Any], kind: type[Scenario] | type[Assessment]
) -> list[tuple[str, str, str]]:
    files = [
        (Path("a.en.toml"), kind.model_validate(en)),
        (Path("a.de.toml"), kind.model_validate(de)),
    ]
    return [(p.path.name, p.key, p.message.text("en")) for p in translation_warnings(files)]


def test_identical_translations_do_not_warn() -> None:
    assert pair(raw("mini.en.toml"), raw("mini.de.toml"), Scenario) == []
    assert pair(raw("quiz.en.toml"), raw("quiz.de.toml"), Assessment) == []


EXTRA_CHOICE = {"id": "wait", "text": "Wait.", "next": "bad", "feedback": "Too slow."}


def test_translation_with_an_extra_choice_warns_on_both_files() -> None:
    de = raw("mini.de.toml")
    node(de, "d1")["choices"].append(EXTRA_CHOICE)
    assert pair(raw("mini.en.toml"), de, Scenario) == [
        (
            "a.en.toml",
            "nodes.d1.choices",
            'differs from its de translation a.de.toml: missing here: "wait"; not there: -',
        ),
        (
            "a.de.toml",
            "nodes.d1.choices",
            'differs from its en translation a.en.toml: missing here: -; not there: "wait"',
        ),
    ]


def test_translation_with_renamed_nodes_and_dimensions_warns() -> None:
    de = raw("mini.de.toml")
    de = copy.deepcopy(de)
    node(de, "good")["id"] = "gut"
    for c in node(de, "d2")["choices"]:
        if c["next"] == "good":
            c["next"] = "gut"
    de["dimensions"][1]["id"] = "ton"
    for n in de["nodes"]:
        for c in n.get("choices", []):
            if "tone" in c.get("scores", {}):
                c["scores"]["ton"] = c["scores"].pop("tone")
        for crit in n.get("rubric", []):
            crit["dimension"] = "ton"
    keys = [(f, k) for f, k, _ in pair(raw("mini.en.toml"), de, Scenario)]
    assert keys == [
        ("a.en.toml", "nodes"),
        ("a.en.toml", "dimensions"),
        ("a.de.toml", "nodes"),
        ("a.de.toml", "dimensions"),
    ]


def test_assessment_translation_with_other_questions_warns() -> None:
    de = raw("quiz.de.toml")
    de["questions"][1]["options"].append({"id": "some", "text": "Etwas", "points": 50})
    de["questions"][0]["id"] = "q0"
    got = pair(raw("quiz.en.toml"), de, Assessment)
    assert (
        "a.en.toml",
        "questions",
        'differs from its de translation a.de.toml: missing here: "q0"; not there: "q1"',
    ) in got
    assert (
        "a.en.toml",
        "questions.q2.options",
        'differs from its de translation a.de.toml: missing here: "some"; not there: -',
    ) in got


def test_files_without_translation_id_or_in_one_language_are_not_compared() -> None:
    en, other = raw("mini.en.toml"), raw("mini.en.toml")
    other["id"] = "mini-en2"
    node(other, "d1")["choices"].append(EXTRA_CHOICE)
    assert pair(en, other, Scenario) == []
    de = raw("mini.de.toml")
    node(de, "d1")["choices"].append(EXTRA_CHOICE)
    del de["translation_id"]
    assert pair(en, de, Scenario) == []


# --- plugged into the loader and `validate` -------------------------------------------------


def write(folder: Path, name: str, data: dict[str, Any]) -> Path:
    path = folder / name
    path.write_bytes(tomli_w.dumps(data).encode())
    return path


def test_loader_reports_warnings_with_lines_and_still_loads_the_file(tmp_path: Path) -> None:
    data = raw("mini.en.toml")
    node(data, "d2")["choices"][1]["feedback"] = ""
    path = write(tmp_path, "mini.en.toml", data)
    lib = load_paths([path], with_builtin=False)
    assert [f.id for f in lib.files] == ["mini-en"]
    assert lib.errors == []
    [problem] = lib.problems
    assert problem.severity == "warning"
    line = path.read_text().splitlines()[problem.line - 1]  # type: ignore[operator]
    assert line == 'feedback = ""'
    assert problem.text("en") == (
        f"{path}:{problem.line}:12: nodes.d2.choices.argue.feedback: warning: no feedback: the "
        "debrief cannot tell the participant why this choice was good or bad"
    )


def test_warnings_in_german() -> None:
    data = raw("mini.en.toml")
    data["injects"][0]["text"] = "x" * 300
    assert warnings(data, "de") == [("injects.post.text", "300 Zeichen, aber X erlaubt 280")]


# --- the expert choice given away by its length ---------------------------------------------


def chain(pairs: list[tuple[str, str]], org: str = "Test Org") -> dict[str, Any]:
    """A scenario of decisions in a row, each with an expert and one other choice."""
    data = raw("mini.en.toml")
    data["placeholders"]["org"]["default"] = org
    ending = node(data, "good")
    decisions = []
    for i, (expert, other) in enumerate(pairs):
        after = f"c{i + 1}" if i + 1 < len(pairs) else "good"
        decisions.append(
            {
                "type": "decision",
                "id": f"c{i}",
                "situation": "Now?",
                "time_limit": 0,
                "expert": "pro",
                "choices": [
                    {
                        "id": "pro",
                        "text": expert,
                        "next": after,
                        "feedback": "Yes.",
                        "scores": {"tone": 1},
                    },
                    {
                        "id": "con",
                        "text": other,
                        "next": after,
                        "feedback": "No.",
                        "scores": {"tone": -1},
                    },
                ],
            }
        )
    data["start"] = "c0"
    data["nodes"] = [*decisions, ending]
    return data


LONG, SHORT = "Answer now and explain why.", "Wait."


def test_expert_longest_in_more_than_half_of_the_decisions_warns() -> None:
    data = chain([(LONG, SHORT), (LONG, SHORT), (SHORT, LONG)])
    assert warnings(data) == [
        (
            "nodes",
            "in x.toml the expert choice is the longest option in 2 of 3 decisions: participants "
            "learn to pick the longest text; rebalance by making other options as long and as "
            "well argued, or the expert choice shorter",
        )
    ]


def test_expert_longest_in_half_or_fewer_or_tied_does_not_warn() -> None:
    assert warnings(chain([(LONG, SHORT), (LONG, SHORT), (SHORT, LONG), (SHORT, LONG)])) == []
    assert warnings(chain([(LONG, SHORT), (LONG, LONG[::-1]), (LONG, LONG.upper())])) == []


def test_a_drill_with_fewer_than_three_decisions_is_no_pattern() -> None:
    assert warnings(chain([(LONG, SHORT), (LONG, SHORT)])) == []


def test_expert_length_counts_placeholders_as_shown() -> None:
    # "{org}" is five characters in the file but a long name on screen.
    pairs = [("Ask {org}.", "Ask the shop owner now.")] * 3
    assert warnings(chain(pairs)) == []
    assert [k for k, _ in warnings(chain(pairs, org="The Garden Cooperative"))] == ["nodes"]


def test_expert_longest_warning_in_german_names_the_file() -> None:
    [(_, message)] = warnings(chain([(LONG, SHORT)] * 3), "de")
    assert message.startswith(
        "in x.toml ist die Expertenwahl in 3 von 3 Entscheidungen die längste"
    )


def test_a_platform_one_letter_off_a_known_one_warns_and_names_it() -> None:
    """ "facebok" passed without a word, and its replies quietly got the default limit;
    an author's own channel ("web", "forum") is far from every known one and stays quiet."""
    from readiness.content.warnings import _platform_typo

    said: list[tuple[str, str, str]] = []

    def warn(key: str, message: CatalogText) -> None:
        said.append((key, message.text("en"), message.text("de")))

    for platform in ("facebok", "web", "forum", "Facebook", "x"):
        _platform_typo(f"injects.a.platform.{platform}", platform, warn)
    assert said == [
        (
            "injects.a.platform.facebok",
            'unknown platform "facebok": the default limit of 2000 characters applies'
            ' (did you mean "facebook"?)',
            'unbekannte Plattform "facebok": es gilt die Standardgrenze von 2000 Zeichen'
            ' (meinten Sie "facebook"?)',
        )
    ]


def test_a_text_too_long_for_its_platform_names_the_platform_as_its_owner_writes_it() -> None:
    from readiness.platforms import platform_text

    assert platform_text("x").text("de") == "X"
    assert platform_text("linkedin").text("en") == "LinkedIn"
