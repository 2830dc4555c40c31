"""A run retold in one voice and with its points as points: the journal's own words follow the
file's du or Sie, and the "•" points of a debrief text stay a list, in the journal's Markdown
and on the debrief screen (a wrapped point hangs under its text, not under its bullet)."""

from __future__ import annotations

import re

import pytest
from builtin_library import builtin_library

from readiness.engine import Run, build_debrief, new_scenario_result
from readiness.i18n import addressing, current_address, set_address
from readiness.models.scenario import Ending, Scenario
from readiness.reports.journal import render_journal
from readiness.reports.render import md_prose
from readiness.tui.screens.scenario_debrief_text import decision, prose, reply_rubric
from readiness.tui.widgets.hanging_row import HangingRow, Rows


def builtin(ident: str) -> Scenario:
    for f in builtin_library().scenarios:
        if f.id == ident and isinstance(f.model, Scenario):
            return f.model
    raise AssertionError(f"no built-in scenario {ident}")


REPLY = {
    "de": "Wir prüfen das und melden uns heute noch mit allen Details bei euch.",
    "en": "We are looking into it and will come back to you with every detail later today.",
}


def finished(s: Scenario) -> Run:
    """A run played to an ending by always taking the first open choice or replying."""
    run = Run(s, new_scenario_result(s, mode="practice", seed=3))
    while not run.finished:
        if run.available_choices() if hasattr(run.node, "choices") else False:
            run.choose(run.available_choices()[0].id)
        else:
            run.reply(REPLY[s.language])
    return run


def test_a_journal_of_a_du_file_says_du_around_its_content() -> None:
    s = builtin("leaked-photos-de")
    assert s.address == "du"
    journal = render_journal(s, finished(s).result, "de")
    assert "| Bereich | Du | Expertenweg |" in journal
    assert "- Deine Wahl: " in journal
    assert "(deine Wahl)" in journal
    assert not re.search(r"\b(Ihre Wahl|Ihre Antworten)\b", journal)
    assert "| Sie |" not in journal


def test_a_journal_of_a_sie_file_stays_with_sie() -> None:
    s = next(
        f.model
        for f in builtin_library().scenarios
        if isinstance(f.model, Scenario) and f.model.language == "de" and f.model.address == "Sie"
    )
    journal = render_journal(s, finished(s).result, "de")
    assert "| Bereich | Sie | Expertenweg |" in journal
    assert "- Ihre Wahl: " in journal
    assert "Deine Wahl" not in journal


def test_writing_a_journal_leaves_the_voice_of_the_screen_as_it_was() -> None:
    s = builtin("leaked-photos-de")
    result = finished(s).result
    set_address(None)
    render_journal(s, result, "de")
    assert current_address() is None
    with addressing("Sie"):
        render_journal(s, result, "de")
        assert current_address() == "Sie"
    assert current_address() is None


def test_the_points_of_a_debrief_text_are_a_list_in_the_journal() -> None:
    s = builtin("leaked-photos-de")
    run = finished(s)
    ending = run.nodes[run.node.id]
    assert isinstance(ending, Ending)
    points = [line[2:] for line in ending.debrief.split("\n") if line.startswith("• ")]
    assert points, "the ending has points to show"
    journal = render_journal(s, run.result, "de")
    for point in points:
        assert f"\n- {point[:40]}" in journal
    assert "\n• " not in journal


def test_markdown_prose_keeps_escaping_and_only_turns_bullets_into_items() -> None:
    text = "Was passiert ist:\n• a *loud* point\n  • indented\nnot • a point\n- already an item"
    assert md_prose(text) == (
        "Was passiert ist:\n- a \\*loud\\* point\n- indented\nnot • a point\n- already an item"
    )


@pytest.mark.parametrize("bullet", ["• ", "- "])
def test_a_wrapped_point_hangs_under_its_text_on_the_debrief_screen(bullet: str) -> None:
    point = "Wer eine Mitarbeiterin nennt oder bloßstellt, verschiebt die Geschichte."
    rows = prose(f"Was passiert ist:\n{bullet}{point}\nZum Schluss [bold]kein[/bold] Markup.")
    assert isinstance(rows[1], HangingRow)
    lines = [line.plain for line in Rows(rows).lines(30)]
    assert lines[0] == "Was passiert ist:"
    assert lines[1].startswith(bullet.strip() + " Wer eine")
    last = next(n for n, line in enumerate(lines) if line.startswith("Zum Schluss"))
    continued = lines[2:last]
    assert continued and all(line.startswith("  ") and line[2] != " " for line in continued)
    assert " ".join(line.strip() for line in lines[1:last]) == f"{bullet.strip()} {point}"
    assert " ".join(" ".join(lines[last:]).split()) == "Zum Schluss [bold]kein[/bold] Markup."


def test_each_rubric_criterion_on_the_debrief_screen_wraps_under_its_own_text() -> None:
    """The marks stand in a column: a criterion's explanation continues under its title, not
    under the ✓ or ✗ (at 160 columns most of them took two lines)."""
    s = builtin("leaked-photos-en")
    run = finished(s)
    (review,) = build_debrief(run).replies[:1]
    rows = reply_rubric(review)
    marks = [row for row in rows.rows if isinstance(row, HangingRow)]
    assert [m.head.plain for m in marks] == ["✓" if c.met else "✗" for c in review.criteria]
    lines = [line.plain for line in rows.lines(44)]
    first = next(n for n, line in enumerate(lines) if line.startswith(("✓", "✗")))
    criteria = lines[first:]
    assert len(criteria) > len(review.criteria), "some explanations wrap at 44 columns"
    assert all(line.startswith(("✓", "✗", "  ")) for line in criteria)
    for c, row in zip(review.criteria, marks, strict=True):
        assert row.label.plain.startswith(c.criterion.title)
        assert c.feedback in row.label.plain


def test_each_option_of_a_decision_on_the_debrief_screen_wraps_under_its_own_text() -> None:
    s = builtin("frustrated-tweet-en")
    run = finished(s)
    review = build_debrief(run).decisions[0]
    rows = decision(review)
    marks = [row for row in rows.rows if isinstance(row, HangingRow)]
    assert [m.head.plain for m in marks] == ["▶" if o.chosen else "·" for o in review.options]
    assert [m.label.plain for m in marks] == [
        o.text + ("  ★" if o.expert else "") for o in review.options
    ]
    lines = [line.plain for line in rows.lines(50)]
    start = next(n for n, line in enumerate(lines) if line.startswith(("▶", "·")))
    end = start + next(n for n, line in enumerate(lines[start:]) if not line.strip())
    assert end - start > len(review.options), "some options wrap at 50 columns"
    assert all(line.startswith(("▶", "·", "  ")) for line in lines[start:end])


def test_the_debrief_gives_a_replys_length_as_the_counter_under_the_box_did() -> None:
    """Under the box "48 / 2,200 characters"; in the debrief it was "48 / 2200"."""
    s = builtin("leaked-photos-en")
    (review,) = build_debrief(finished(s)).replies[:1]
    from dataclasses import replace

    from rich.text import Text

    first = reply_rubric(replace(review, limit=2200)).rows[0]
    assert isinstance(first, Text)
    assert first.plain.endswith(" / 2,200 characters")
