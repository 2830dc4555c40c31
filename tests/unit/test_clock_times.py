"""Times of day written in a scenario's texts must agree with the clock in the player's header.

The check warns when a step says "15:00 Uhr." while the header shows 13:00, when a text
speaks of a deadline that has already passed, or of "seit 13:30" before 13:30; it stays
silent on times the words place elsewhere (yesterday, another day, a report of what happened,
"the 15:00 press conference")."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import tomli_w
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis_budget import examples

from readiness.cli.main import main
from readiness.content.clock_times import NOW_TOLERANCE, clock_clashes, find_times
from readiness.content.loader import load_paths
from readiness.content.warnings import CLOCK_TIME, scenario_warnings
from readiness.engine.clock import clock_label
from readiness.models.scenario import Scenario

P = Path("x.toml")


def chain(
    *situations: str,
    start: str = "12:00",
    step: float = 30,
    limit: int = 0,
    advances: tuple[float, float] = (0, 0),
    injects: list[dict[str, Any]] | None = None,
    briefing: str = "You run the account.",
) -> dict[str, Any]:
    """Decisions d0, d1, ... in a row, then an ending. Each decision has two choices to the
    next step; `advances` are their `advance_minutes` (different values: two paths)."""
    nodes: list[dict[str, Any]] = []
    for i, situation in enumerate(situations):
        after = f"d{i + 1}" if i + 1 < len(situations) else "end"
        timeout = {"next": after, "feedback": "Too late.", "scores": {"speed": -2}}
        nodes.append(
            {
                **({"timeout": timeout} if limit else {}),
                "type": "decision",
                "id": f"d{i}",
                "situation": situation,
                "time_limit": limit,
                "choices": [
                    {
                        "id": f"quick{i}",
                        "text": "Act.",
                        "next": after,
                        "feedback": "Fine.",
                        "scores": {"speed": 1},
                        "effects": {"advance_minutes": advances[0]},
                    },
                    {
                        "id": f"slow{i}",
                        "text": "Hold a meeting.",
                        "next": after,
                        "feedback": "Slow.",
                        "scores": {"speed": -1},
                        "effects": {"advance_minutes": advances[1]},
                    },
                ],
            }
        )
    nodes.append(
        {"type": "ending", "id": "end", "title": "Done", "outcome": "good", "debrief": "Over."}
    )
    return {
        "kind": "scenario",
        "id": "clock-test",
        "language": "en",
        "title": "Clock test",
        "summary": "Times in texts.",
        "duration_minutes": 5,
        "briefing": briefing,
        "start": "d0",
        "clock": {"start": start, "minutes_per_second": 0.5, "practice_step_minutes": step},
        "dimensions": [{"id": "speed", "title": "Speed"}],
        "injects": injects or [],
        "nodes": nodes,
    }


def clock_warnings(data: dict[str, Any], lang: str = "en") -> list[tuple[str, str]]:
    problems = scenario_warnings(P, Scenario.model_validate(data))
    return [(p.key, p.message.text(lang)) for p in problems if p.code == CLOCK_TIME]


def keys(data: dict[str, Any]) -> list[str]:
    return [key for key, _ in clock_warnings(data)]


# --- a time given as "now" ---------------------------------------------------------------------


def test_a_step_that_says_the_time_the_clock_shows_does_not_warn() -> None:
    # 12:00, then 30 minutes per step in practice mode: d2 comes at 13:00.
    data = chain("Start.", "Next.", "13:00 Uhr. Die Redaktion ruft an.")
    assert clock_warnings(data) == []


def test_a_step_two_hours_ahead_of_the_clock_warns() -> None:
    """The case from the issue: the header shows 13:00 while the step says 15:00 Uhr."""
    data = chain("Start.", "Next.", "15:00 Uhr. Zeit, dass die Marke spricht.")
    assert clock_warnings(data) == [
        (
            "nodes.d2.situation",
            'the text says it is "15:00 Uhr", but the clock in the player\'s header shows 13:00 '
            "here in practice mode, on every path that leads here; write the time the clock "
            "shows, change `advance_minutes`, or leave the time out",
        )
    ]


def test_a_stamp_rounded_within_the_tolerance_is_narration() -> None:
    assert keys(chain("Start.", "Next.", f"13:{NOW_TOLERANCE:02d}. The phone rings.")) == []
    assert keys(chain("Start.", "Next.", "13:45. The phone rings.")) == ["nodes.d2.situation"]
    assert keys(chain("Start.", "Next.", "12:15. The phone rings.")) == ["nodes.d2.situation"]


def test_a_stamp_after_a_weekday_or_in_a_later_paragraph_or_title_is_read() -> None:
    assert keys(chain("Start.", "Next.", "Tuesday, 16:10. The phone rings.")) == [
        "nodes.d2.situation"
    ]
    assert keys(chain("Start.", "The post is down.\n\n16:10. The phone rings.")) == [
        "nodes.d1.situation"
    ]
    data = chain("Start.", "Next.")
    data["nodes"][1]["title"] = "16:10 - the phone rings"
    assert keys(data) == ["nodes.d1.title"]


def test_it_is_anywhere_in_a_sentence_gives_the_time_now() -> None:
    assert keys(chain("Start.", "By now it is 16:00. The phone rings.")) == ["nodes.d1.situation"]
    assert keys(chain("Start.", "Inzwischen ist es 12:30 Uhr. Das Telefon klingelt.")) == []


def test_the_briefing_is_read_at_the_start_time() -> None:
    assert keys(chain("Start.", briefing="You run the account.\n\nTuesday, 12:00. Go.")) == []
    assert keys(chain("Start.", briefing="You run the account.\n\nTuesday, 09:10. Go.")) == [
        "briefing"
    ]


def test_a_stamp_right_on_one_path_and_wrong_on_another_warns_with_the_range() -> None:
    # d0's choices take 0 or 90 minutes: d1 comes at 12:30 or at 14:00.
    data = chain("Start.", "12:30. The phone rings.", advances=(0, 90))
    assert clock_warnings(data) == [
        (
            "nodes.d1.situation",
            'the text says it is "12:30", but the clock in the player\'s header shows '
            "12:30–14:00 here in practice mode, depending on the path that leads here; write the "
            "time the clock shows, change `advance_minutes`, or leave the time out",
        )
    ]


def test_a_stamp_no_participant_can_see_in_exercise_mode_warns() -> None:
    # Practice: 30 minutes a step. Exercise: a countdown of 20 s is 10 scenario minutes at
    # most, so d4 comes by 12:40 whoever plays, while the text says 14:00.
    texts = ["Start.", "Next.", "Next.", "Next.", "14:00. The phone rings."]
    data = chain(*texts, limit=20)
    assert clock_warnings(data) == [
        (
            "nodes.d4.situation",
            'the text says it is "14:00", but the clock in the player\'s header shows '
            "12:13–12:40 here in exercise mode (from a fast reader to one who lets every "
            "countdown run out); write the time the clock shows, change `advance_minutes`, or "
            "leave the time out",
        )
    ]
    # Without countdowns a participant may take as long as they like: 14:00 can be right.
    assert keys(chain(*texts)) == []


# --- a time still to come, or already past -----------------------------------------------------


def inject(text: str, at: float) -> dict[str, Any]:
    return {"id": "mail", "at": at, "channel": "email", "author": "Dana Roth", "text": text}


def test_a_deadline_already_past_when_the_mail_arrives_warns() -> None:
    data = chain("Start.", injects=[inject("Bitte antworten Sie bis 12:30 Uhr.", at=45)])
    assert clock_warnings(data) == [
        (
            "injects.mail.text",
            'the text speaks of "12:30 Uhr" as still to come, but the clock in the player\'s '
            "header already shows 12:45 here in practice mode, on every path that leads here; "
            "name a later time, or leave the time out",
        )
    ]
    assert keys(chain("Start.", injects=[inject("Bitte antworten Sie bis 14 Uhr.", at=45)])) == []


@pytest.mark.parametrize(
    "text",
    [
        "We'd like a statement by 12 pm.",
        "Redaktionsschluss ist 12 Uhr.",
        "Our deadline is 12:15.",
        "Wir gehen um 12 Uhr online.",
        "The mayor calls at 11:30.",
        "Der Beitrag soll um 12 Uhr erscheinen.",
    ],
)
def test_deadlines_and_plans_in_every_wording_are_read(text: str) -> None:
    assert keys(chain("Start.", injects=[inject(text, at=60)])) == ["injects.mail.text"]


def test_a_deadline_on_a_step_and_in_a_choice_is_read_where_the_step_comes() -> None:
    data = chain("Start.", "Next.", "Der Chef ist bis 12:30 Uhr in einer Sitzung.")
    data["nodes"][2]["choices"][0]["text"] = "Publish the series at 12:45 as planned."
    assert keys(data) == ["nodes.d2.situation", "nodes.d2.choices.quick2.text"]


def test_since_a_time_still_ahead_warns() -> None:
    assert keys(chain("Start.", "Next.", "Seit 13:30 Uhr wandert ein Screenshot herum.")) == [
        "nodes.d2.situation"
    ]
    assert keys(chain("Start.", "Next.", "Seit 12:30 Uhr wandert ein Screenshot herum.")) == []


def test_an_item_arriving_when_a_step_is_entered_is_read_at_that_step() -> None:
    mail = {
        "id": "mail",
        "when": {"visited": "d2"},
        "channel": "email",
        "author": "Dana Roth",
        "text": "Please reply by 12:30.",
    }
    assert keys(chain("Start.", "Next.", "The mail.", injects=[mail])) == ["injects.mail.text"]


# --- times the words place elsewhere ------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Gestern um 18:00 Uhr hat sie den Post abgesetzt.",
        "Yesterday at 6 pm the post went up.",
        "Nach der Pressekonferenz um 15 Uhr fragt niemand mehr nach.",
        "After the 15:00 press conference nobody asks any more.",
        "Die 15-Uhr-Pressekonferenz lief schlecht.",
        "Um 13:30 Uhr hatte die Bloggerin um ein Statement gebeten.",
        "At 13:30 the blogger asked for a statement.",
        "In den Teilnahmebedingungen stand um 13 Uhr noch „die Likes entscheiden“.",
        "Am Montag von 10 bis 12 Uhr ist der Chef in der Filiale.",
        "Sprechstunde Do 9–12 Uhr.",
        "Die Passage steht ab Minute 1:12.",
        "Frist bis Donnerstag, 7:15 Uhr.",
        "Ich krieg Nachrichten um 2 Uhr nachts.",
        "Der Clip ging um 9 Uhr online.",
        "Der Post ist um 9 Uhr online gegangen.",
        "Council vote on 10 Dec at 18:00, the mayor will attend.",
    ],
)
def test_times_the_words_place_elsewhere_are_left_alone(text: str) -> None:
    # Read at 16:00, where every one of these times is past and none is "now".
    data = chain("Start.", f"Neue Lage. {text}", step=240)
    assert clock_warnings(data) == []
    assert find_times(text) == []


def test_a_post_opening_with_a_time_is_not_the_time_now() -> None:
    rally = inject("Monday 07:45: rally outside the town hall!", at=60)
    assert keys(chain("Start.", injects=[rally])) == []


# --- the message in German, and in `validate` ----------------------------------------------------


def test_the_warning_in_german() -> None:
    data = chain("Start.", "Next.", "15:00 Uhr. Zeit, dass die Marke spricht.")
    assert clock_warnings(data, "de") == [
        (
            "nodes.d2.situation",
            'der Text sagt, es sei "15:00 Uhr", aber die Uhr oben im Player zeigt hier 13:00 '
            "beim Üben ohne Countdown, auf jedem Weg hierher; schreiben Sie die Zeit, die die "
            "Uhr zeigt, ändern Sie `advance_minutes` oder lassen Sie die Uhrzeit weg",
        )
    ]


def test_validate_shows_the_warning_at_its_line_and_strict_fails(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "clock.en.toml"
    path.write_text(tomli_w.dumps(chain("Start.", "Next.", "15:00. Time to speak.")))
    [problem] = [p for p in load_paths([path], with_builtin=False).problems]
    assert problem.severity == "warning"
    assert problem.code == CLOCK_TIME
    line = path.read_text().splitlines()[problem.line - 1]  # type: ignore[operator]
    assert line == 'situation = "15:00. Time to speak."'
    assert main(["validate", str(path)]) == 0
    assert f"{path}:{problem.line}:13: nodes.d2.situation: warning: the text says it is" in (
        capsys.readouterr().out
    )
    assert main(["validate", "--strict", str(path)]) != 0


# --- properties ------------------------------------------------------------------------------


def written(minute: int) -> st.SearchStrategy[str]:
    """The ways a trainer writes a time of day, German and English."""
    hour, rest = divmod(minute, 60)
    forms = [f"{hour:02d}:{rest:02d}", f"{hour:02d}:{rest:02d} Uhr", f"{hour}.{rest:02d} Uhr"]
    twelve = hour % 12 or 12
    ampm = "am" if hour < 12 else "pm"
    forms += [f"{twelve}:{rest:02d} {ampm}", f"{twelve}:{rest:02d} {ampm[0]}.m."]
    if rest == 0:
        forms += [f"{hour} Uhr", f"{twelve} {ampm}", f"{twelve}{ampm}"]
    return st.sampled_from(forms)


@settings(max_examples=examples(200), deadline=None)
@given(data=st.data(), minute=st.integers(0, 24 * 60 - 1))
def test_every_written_form_of_a_time_opening_a_step_is_read_as_now(
    data: st.DataObject, minute: int
) -> None:
    phrase = data.draw(written(minute))
    weekday = data.draw(st.sampled_from(["", "Dienstag, ", "It is Tuesday, ", "Es ist "]))
    [mention] = find_times(f"{weekday}{phrase}. Das Telefon klingelt.")
    assert (mention.minute, mention.claim) == (minute, "now")


@settings(max_examples=examples(100), deadline=None)
@given(
    start=st.integers(0, 24 * 60 - 1),
    step=st.integers(5, 120),
    steps=st.integers(1, 6),
    offset=st.integers(-12 * 60, 12 * 60),
)
def test_a_stamp_warns_exactly_when_it_is_further_from_the_clock_than_the_tolerance(
    start: int, step: int, steps: int, offset: int
) -> None:
    start_label = f"{start // 60:02d}:{start % 60:02d}"
    stamp = clock_label(start_label, steps * step + offset)
    texts = ["Start."] * steps + [f"{stamp}. The phone rings."]
    flagged = [
        c.key
        for c in clock_clashes(Scenario.model_validate(chain(*texts, start=start_label, step=step)))
    ]
    assert flagged == ([f"nodes.d{steps}.situation"] if abs(offset) > NOW_TOLERANCE else [])


@settings(max_examples=examples(100), deadline=None)
@given(
    data=st.data(),
    minute=st.integers(0, 24 * 60 - 1),
    cue=st.sampled_from(["bis", "Seit", "um", "by", "since", "at", "Redaktionsschluss"]),
    day=st.sampled_from(["gestern", "morgen", "am Freitag", "yesterday", "tomorrow", "on Monday"]),
)
def test_a_time_in_a_clause_about_another_day_is_never_judged(
    data: st.DataObject, minute: int, cue: str, day: str
) -> None:
    phrase = data.draw(written(minute))
    assert find_times(f"Neue Lage: Sie will {day} {cue} {phrase} eine Antwort.") == []
