"""The content models: every documented field accepted, every kind of mistake rejected with
the key path and the exact message a trainer reads."""

from __future__ import annotations

import copy
import tomllib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, get_args

import pytest
import tomli_w
from pydantic import BaseModel

from readiness.content.loader import load_paths
from readiness.models.assessment import Assessment
from readiness.models.scenario import Scenario

DATA = Path(__file__).parent.parent / "data" / "authoring"


def raw(name: str) -> dict[str, Any]:
    return tomllib.loads((DATA / name).read_text(encoding="utf-8"))


def problems_of(data: dict[str, Any], folder: Path) -> list[str]:
    path = folder / "case.toml"
    path.write_text(tomli_w.dumps(data), encoding="utf-8")
    lib = load_paths([path], with_builtin=False)
    return [f"{p.key}: {p.message.text('en')}" for p in lib.problems if p.severity == "error"]


def field_names(model: type[BaseModel], seen: set[str] | None = None) -> Iterator[str]:
    """Every key the format knows (by alias), walking nested models."""
    seen = set() if seen is None else seen
    if model.__name__ in seen:
        return
    seen.add(model.__name__)
    for name, info in model.model_fields.items():
        yield info.alias or name
        stack: list[Any] = [info.annotation]
        while stack:
            tp = stack.pop()
            if isinstance(tp, type) and issubclass(tp, BaseModel):
                yield from field_names(tp, seen)
            stack.extend(get_args(tp))


def keys_in(data: Any) -> set[str]:
    found: set[str] = set()
    if isinstance(data, dict):
        for key, value in data.items():
            found.add(key)
            found |= keys_in(value)
    elif isinstance(data, list):
        for item in data:
            found |= keys_in(item)
    return found


@pytest.mark.parametrize(
    ("fixture", "model"),
    [("full.scenario.toml", Scenario), ("full.assessment.toml", Assessment)],
)
def test_every_documented_field_is_accepted(fixture: str, model: type[BaseModel]) -> None:
    lib = load_paths(
        [DATA / "full.scenario.toml", DATA / "full.assessment.toml"], with_builtin=False
    )
    assert lib.errors == []
    assert {f.path.name for f in lib.files} == {"full.scenario.toml", "full.assessment.toml"}
    # The fixture really does use every field the model documents (flags/placeholders/vars
    # are maps whose keys the author chooses, so their names do not count).
    missing = set(field_names(model)) - keys_in(raw(fixture))
    assert missing == set()


def test_every_field_has_a_docstring_for_the_editor() -> None:
    for model in (Scenario, Assessment):
        schema = model.model_json_schema(by_alias=True)
        for name, definition in [("", schema), *schema.get("$defs", {}).items()]:
            for key, prop in definition.get("properties", {}).items():
                assert prop.get("description"), f"{name or model.__name__}.{key} has no description"


Mutation = Callable[[dict[str, Any]], None]


def choice(d: dict[str, Any], node: int = 0, index: int = 0) -> dict[str, Any]:
    return d["nodes"][node]["choices"][index]  # type: ignore[no-any-return]


TYPOS: list[tuple[str, Mutation, str]] = [
    (
        "top level",
        lambda d: d.update(languag="en"),
        'languag: unknown key "languag" (did you mean "language"?)',
    ),
    (
        "choice",
        lambda d: choice(d).update(feedbak="x"),
        'nodes.d1.choices.answer.feedbak: unknown key "feedbak" (did you mean "feedback"?)',
    ),
    (
        "timeout",
        lambda d: d["nodes"][0]["timeout"].update(scroes={}),
        'nodes.d1.timeout.scroes: unknown key "scroes" (did you mean "scores"?)',
    ),
    (
        "rubric",
        lambda d: d["nodes"][1]["rubric"][0].update(keyword=["x"]),
        'nodes.r1.rubric.sorry.keyword: unknown key "keyword" (did you mean "keywords"?)',
    ),
    (
        "clock",
        lambda d: d.update(clock={"strat": "09:00"}),
        'clock.strat: unknown key "strat" (did you mean "start"?)',
    ),
    (
        "condition",
        lambda d: choice(d).update(when={"flagg": "answered"}),
        'nodes.d1.choices.answer.when.flagg: unknown key "flagg" (did you mean "flag"?)',
    ),
]


@pytest.mark.parametrize(("where", "mutate", "expected"), TYPOS, ids=[t[0] for t in TYPOS])
def test_a_typo_in_a_key_is_an_error_with_a_suggestion(
    tmp_path: Path, where: str, mutate: Mutation, expected: str
) -> None:
    data = raw("mini.en.toml")
    mutate(data)
    problems = problems_of(data, tmp_path)
    assert expected in problems


SCENARIO_MISTAKES: list[tuple[str, Mutation, str]] = [
    ("missing key", lambda d: d.pop("title"), "title: required key is missing"),
    (
        "wrong type",
        lambda d: d.update(duration_minutes="ten"),
        'duration_minutes: must be a whole number without quotes, e.g. 60; found the text "ten"',
    ),
    (
        "out of range",
        lambda d: d.update(duration_minutes=999),
        "duration_minutes: must be at most 240; found the number 999",
    ),
    (
        "unknown language",
        lambda d: d.update(language="fr"),
        'language: must be one of "de" or "en"',
    ),
    (
        "bad id",
        lambda d: d.update(id="Mini Crisis"),
        'id: must be an id: lowercase letters, digits, "-" and "_", starting with a letter or '
        "digit",
    ),
    (
        "bad version",
        lambda d: d.update(version="one"),
        'version: must be a version such as "1.0" or "2.1.3"',
    ),
    (
        "bad clock",
        lambda d: d.update(clock={"start": "9 am"}),
        'clock.start: must be a time of day such as "09:00"',
    ),
    (
        "unknown kind",
        lambda d: d.update(kind="scenaro"),
        'kind: must be "assessment" or "scenario" (did you mean "scenario"?)',
    ),
    (
        "node type typo",
        lambda d: d["nodes"][0].update(type="decison"),
        'nodes.d1: type must be "decision", "reply" or "ending"',
    ),
    (
        "node without type",
        lambda d: d["nodes"][0].pop("type"),
        'nodes.d1: needs a type: "decision", "reply" or "ending"',
    ),
    (
        "two condition kinds",
        lambda d: choice(d).update(when={"flag": "answered", "visited": "d1"}),
        "nodes.d1.choices.answer.when: give exactly one of 'flag', 'not_flag', 'var', 'visited', "
        "'all', 'any' or 'not'",
    ),
    (
        "one choice",
        lambda d: d["nodes"][0]["choices"].pop(),
        "nodes.d1: a decision needs between 2 and 9 choices",
    ),
    (
        "countdown without timeout",
        lambda d: d["nodes"][0].pop("timeout"),
        "nodes.d1: a decision with a time_limit needs a [nodes.timeout] table with next "
        "(what waiting does)",
    ),
    (
        "score out of range",
        lambda d: choice(d).update(scores={"speed": 9}),
        "nodes.d1.choices.answer.scores.speed: must be at most 5; found the number 9",
    ),
    (
        "empty text",
        lambda d: choice(d, 0, 1).update(text="   "),
        "nodes.d1.choices.ignore.text: must not be empty",
    ),
    (
        "inject without trigger",
        lambda d: d["injects"][0].pop("at"),
        "injects.post: an inject needs 'at' (a minute) or 'when' (a condition)",
    ),
    (
        "unknown dimension",
        lambda d: choice(d).update(scores={"sped": 1}),
        'nodes.d1.choices.answer.scores.sped: unknown scoring dimension "sped" (did you mean '
        '"speed"?)',
    ),
    (
        "unknown variable",
        lambda d: choice(d).update(effects={"vars": {"haet": 1}}),
        'nodes.d1.choices.answer.effects.vars.haet: unknown variable "haet" (did you mean "heat"?)',
    ),
    (
        "undeclared flag",
        lambda d: choice(d).update(effects={"set_flags": ["answerd"]}),
        'nodes.d1.choices.answer.effects: undeclared flag "answerd" (add it to [flags]) (did you '
        'mean "answered"?)',
    ),
    (
        "unknown placeholder",
        lambda d: d.update(briefing="Hi {orgg}"),
        'briefing: unknown placeholder "{orgg}" (declare it in [placeholders]) (did you mean '
        '"org"?)',
    ),
    (
        "bad regex",
        lambda d: d["nodes"][1]["rubric"][0].update(patterns=["(unclosed"]),
        "nodes.r1.rubric.sorry.patterns: invalid regular expression '(unclosed': missing ), "
        "unterminated subpattern at position 0",
    ),
    (
        "unknown expert",
        lambda d: d["nodes"][0].update(expert="answr"),
        'nodes.d1.expert: unknown choice "answr" (did you mean "answer"?)',
    ),
    (
        "unknown reply_to",
        lambda d: d["nodes"][1].update(reply_to="pots"),
        'nodes.r1.reply_to: unknown inject "pots" (did you mean "post"?)',
    ),
    # The player overflowed on these, after `validate` had said "no problems".
    (
        "infinite drift",
        lambda d: d["drift"][0].update(per_minute=float("inf")),
        "drift[1].per_minute: must be an ordinary number (inf and nan cannot be used)",
    ),
    (
        "huge drift",
        lambda d: d["drift"][0].update(per_minute=1e308),
        "drift[1].per_minute: must be at most 1000000000; found the number 1e+308",
    ),
]


@pytest.mark.parametrize(
    ("what", "mutate", "expected"), SCENARIO_MISTAKES, ids=[m[0] for m in SCENARIO_MISTAKES]
)
def test_each_scenario_mistake_names_its_key(
    tmp_path: Path, what: str, mutate: Mutation, expected: str
) -> None:
    data = raw("mini.en.toml")
    mutate(data)
    assert problems_of(data, tmp_path) == [expected]


def question(d: dict[str, Any], index: int) -> dict[str, Any]:
    return d["questions"][index]  # type: ignore[no-any-return]


ASSESSMENT_MISTAKES: list[tuple[str, Mutation, str]] = [
    (
        "options on yes_no",
        lambda d: question(d, 0).update(
            options=[{"id": "a", "text": "a", "points": 1}, {"id": "b", "text": "b"}]
        ),
        "questions.q1: a 'yes_no' question takes no options",
    ),
    (
        "single with one option",
        lambda d: question(d, 1)["options"].pop(),
        "questions.q2: a 'single' question needs at least two options",
    ),
    (
        "type typo",
        lambda d: question(d, 2).update(type="likret"),
        'questions.q3.type: must be one of "yes_no", "likert", "single" or "multi" (did you '
        'mean "likert"?)',
    ),
    (
        "scale labels",
        lambda d: question(d, 2).update(scale_labels=["a", "b"]),
        "questions.q3: scale_labels needs exactly 5 labels (one per step)",
    ),
    (
        "levels unordered",
        lambda d: d["levels"].reverse(),
        "levels: must be listed lowest first with rising min_score",
    ),
    (
        "no questions",
        lambda d: d.update(questions=[]),
        "questions: an assessment needs at least one question",
    ),
    (
        "unknown dimension",
        lambda d: question(d, 1).update(dimension="goal"),
        'questions.q2.dimension: unknown dimension "goal" (did you mean "goals"?)',
    ),
    (
        "condition on a later question",
        lambda d: question(d, 1).update(when={"question": "q3", "any_of": ["yes"]}),
        'questions.q2.when.question: "q3" is not an earlier question',
    ),
    (
        "condition on a wrong answer",
        lambda d: question(d, 1).update(when={"question": "q1", "any_of": ["yse"]}),
        'questions.q2.when.any_of: "yse" is not an answer of "q1" (did you mean "yes"?)',
    ),
    (
        "unknown level",
        lambda d: question(d, 2)["critical"].update(max_level="hgh"),
        'questions.q3.critical.max_level: unknown level "hgh" (did you mean "high"?)',
    ),
    (
        "negative weight",
        lambda d: question(d, 0).update(weight=-1),
        "questions.q1.weight: must be greater than 0; found the number -1",
    ),
    (
        "duplicate question",
        lambda d: question(d, 1).update(id="q1"),
        'questions.q1: duplicate id "q1"',
    ),
    (
        "unknown default profile",
        lambda d: d.update(default_profile="smal"),
        'default_profile: unknown profile "smal"; this file defines no profiles: add one under '
        "[[profiles]] or remove the id here",
    ),
]


@pytest.mark.parametrize(
    ("what", "mutate", "expected"), ASSESSMENT_MISTAKES, ids=[m[0] for m in ASSESSMENT_MISTAKES]
)
def test_each_assessment_mistake_names_its_key(
    tmp_path: Path, what: str, mutate: Mutation, expected: str
) -> None:
    data = raw("quiz.en.toml")
    mutate(data)
    assert problems_of(data, tmp_path) == [expected]


def test_all_mistakes_of_a_file_are_reported_at_once(tmp_path: Path) -> None:
    data = copy.deepcopy(raw("mini.en.toml"))
    data["languag"] = "en"
    data["duration_minutes"] = "ten"
    choice(data)["feedbak"] = "x"
    data["nodes"][1]["time_limit"] = 30
    assert sorted(problems_of(data, tmp_path)) == [
        'duration_minutes: must be a whole number without quotes, e.g. 60; found the text "ten"',
        'languag: unknown key "languag" (did you mean "language"?)',
        'nodes.d1.choices.answer.feedbak: unknown key "feedbak" (did you mean "feedback"?)',
        "nodes.r1: a reply with a time_limit needs a [nodes.timeout] table with next "
        "(where the run goes when time runs out)",
    ]
