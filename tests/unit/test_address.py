"""Form of address: the header field, the validator's heuristic, and the built-in choice."""

from __future__ import annotations

from pathlib import Path

import pytest

from readiness.content.address import ADDRESS_MIXED, address_warnings, forms_in
from readiness.content.loader import load_paths
from readiness.models.scenario import Scenario

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Was tust du zuerst?", [("du", "du")]),
        ("Nehmen Sie sich Zeit.", [("Sie", "Sie")]),
        # Sentence starts say nothing: "Sie" could be "they".
        ("Sie haben es gesehen.", []),
        ("Die Presse fragt. Sie wartet auf Antwort.", []),
        ("Hinweis: Sie wartet.", []),
        ("Zeile eins\nSie wartet.", []),
        # Lower case is "she/they/her": never counted.
        ("Die Chefin sagt, sie ruft später an, ihr Team wartet.", []),
        (
            "Bitte geben Sie Ihre Antwort ein, wir danken Ihnen.",
            [("Sie", "Sie"), ("Ihre", "Sie"), ("Ihnen", "Sie")],
        ),
        (
            "Schreib deine Antwort, dann siehst du dir das Ergebnis an.",
            [("deine", "du"), ("du", "du"), ("dir", "du")],
        ),
        # Quoted speech is a character talking, not the narrator.
        ("Die Journalistin schreibt: „Können Sie das bestätigen?“ Was tust du?", [("du", "du")]),
        ('Er fragt "Haben Sie Zeit?" und du zögerst.', [("du", "du")]),
        # Words that merely contain the letters do not count.
        ("Die Dusche, der Dienst, die Sieben, Ihrigen", []),
    ],
)
def test_the_heuristic_counts_only_clear_forms(text: str, expected: list[tuple[str, str]]) -> None:
    assert list(forms_in(text)) == expected


SCENARIO = """
kind = "scenario"
id = "mixed-de"
language = "de"
{address}
title = "Test"
summary = "Ein kurzer Test."
briefing = "{briefing}"
start = "first"

[[dimensions]]
id = "speed"
title = "Tempo"

[[injects]]
id = "press"
at = 0
author = "Presse"
text = "Können wir Sie heute noch sprechen? Bitte rufen Sie an."

[[nodes]]
type = "decision"
id = "first"
situation = "{situation}"
time_limit = 0

[[nodes.choices]]
id = "a"
text = "Antworten"
next = "end"
feedback = "Gut, dass du schnell warst."

[[nodes.choices]]
id = "b"
text = "Abwarten"
next = "end"
feedback = "Abwarten kostet Zeit."

[[nodes]]
type = "ending"
id = "end"
title = "Ende"
outcome = "good"
debrief = "Das war's."
"""


def load(tmp_path: Path, address: str, briefing: str, situation: str) -> list[str]:
    path = tmp_path / "mixed.de.toml"
    text = SCENARIO.format(address=address, briefing=briefing, situation=situation)
    path.write_text(text, encoding="utf-8")
    lib = load_paths([path], with_builtin=False)
    assert lib.errors == []
    return [str(p) for p in lib.problems if p.code == ADDRESS_MIXED]


def test_a_du_file_with_a_formal_sentence_is_warned_about_that_key(tmp_path: Path) -> None:
    found = load(tmp_path, 'address = "du"', "Du bist heute dran.", "Nehmen Sie sich Zeit.")
    assert len(found) == 1
    assert found[0].endswith(
        'nodes.first.situation: warning: this file says address = "du", but this text uses '
        "the formal „Sie“; write it with du, or put quoted speech in quotation marks "
        "[address-mixed]"
    )


def test_a_consistent_du_file_and_character_voices_are_fine(tmp_path: Path) -> None:
    assert load(tmp_path, 'address = "du"', "Du bist heute dran.", "Was tust du?") == []


def test_a_file_in_du_without_the_header_gets_one_warning(tmp_path: Path) -> None:
    found = load(tmp_path, "", "Du bist heute dran.", "Was tust du?")
    assert len(found) == 1
    assert (
        'language: warning: the text addresses the reader with "du" throughout (3 times, '
        in (found[0])
    )
    assert found[0].endswith('but the header says otherwise; set address = "du" [address-mixed]')


def test_english_files_are_not_read(tmp_path: Path) -> None:
    model = Scenario.model_validate(
        {
            "kind": "scenario",
            "id": "x",
            "language": "en",
            "title": "T",
            "summary": "S",
            "briefing": "Take your time, du.",
            "start": "e",
            "dimensions": [{"id": "d", "title": "D"}],
            "nodes": [
                {
                    "type": "ending",
                    "id": "e",
                    "title": "E",
                    "outcome": "good",
                    "debrief": "Nehmen Sie sich Zeit.",
                }
            ],
        }
    )
    assert address_warnings(tmp_path / "x.toml", model) == []


def test_built_in_german_files_choose_one_form_consistently() -> None:
    files = sorted((ROOT / "scenarios").glob("*.de.toml")) + sorted(
        (ROOT / "assessments").glob("*.de.toml")
    )
    lib = load_paths(files, with_builtin=False)
    assert [str(p) for p in lib.problems if p.code == ADDRESS_MIXED] == []
    du = {f.path.name for f in lib.files if f.model.address == "du"}
    assert "leaked-photos.de.toml" in du and "frustrated-tweet.de.toml" in du
    assert "institutional-readiness.de.toml" not in du
