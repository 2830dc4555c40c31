"""The rows of every answer and choice list and of the result screen's lists: a label that
wraps under itself beside a fixed head, measured and drawn by Textual (`Visual`)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.text import Text
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions

from readiness.tui.widgets.hanging_row import HangingRow, LabelWraps, Rows

OPTIONS = RenderOptions(Style.parse, {})
LABEL = "Save screenshots and go straight to Jana: she should delete the board herself"


def lines(strips: list[Strip]) -> list[str]:
    return [strip.text.rstrip() for strip in strips]


def test_the_label_wraps_under_itself_not_under_the_head() -> None:
    row = HangingRow(Text("1", style="bold"), Text(LABEL), gap=2)
    shown = lines(row.render_strips(30, None, Style(), OPTIONS))
    assert shown == [
        "1  Save screenshots and go",
        "   straight to Jana: she",
        "   should delete the board",
        "   herself",
    ]
    assert row.get_height({}, 30) == len(shown)


def test_only_the_head_keeps_its_own_style() -> None:
    """The head's bold stays the head's: the label is plain (the player once drew every
    choice in bold because the label took on the head's style)."""
    row = HangingRow(Text("1", style="bold"), Text("Delete the post."), gap=2)
    (strip,) = row.render_strips(40, None, Style(), OPTIONS)
    bold = {segment.text.strip(): bool(segment.style and segment.style.bold) for segment in strip}
    assert bold == {"1": True, "Delete the post.": False}


def test_the_style_given_by_the_list_covers_the_whole_row() -> None:
    """A highlighted option is drawn with the list's cursor style, label and head alike."""
    row = HangingRow(Text("1"), Text("Delete the post."), gap=2)
    (strip,) = row.render_strips(40, None, Style(bold=True), OPTIONS)
    assert all(segment.style and segment.style.bold for segment in strip if segment.text.strip())


def test_markup_in_content_is_shown_as_typed() -> None:
    row = HangingRow("·", "[bold]not markup[/bold]")
    assert lines(row.render_strips(40, None, Style(), OPTIONS)) == ["· [bold]not markup[/bold]"]
    assert lines(Rows(["[red]x[/red]"]).render_strips(20, None, Style(), OPTIONS)) == [
        "[red]x[/red]"
    ]


def test_a_list_keeps_each_label_wrapped_once_per_width() -> None:
    wraps: LabelWraps = {}
    first = HangingRow(Text("( )"), Text(LABEL), wraps=wraps)
    first.render_strips(30, None, Style(), OPTIONS)
    kept = wraps[30 - first.indent]
    again = HangingRow(Text("(•)"), Text(LABEL), wraps=wraps)  # the marker changed
    assert lines(again.render_strips(30, None, Style(), OPTIONS))[0].startswith("(•) Save")
    assert wraps[30 - again.indent] is kept


def test_too_narrow_to_hang_wraps_as_one_text() -> None:
    row = HangingRow(Text(" 10 [ ]"), Text("Yes"))
    assert row.get_height({}, 5) == len(row.render_strips(5, None, Style(), OPTIONS))
    assert "".join(lines(row.render_strips(5, None, Style(), OPTIONS))).replace(" ", "") == (
        "10[]Yes"
    )


def test_rows_stack_texts_and_hanging_rows() -> None:
    rows = Rows(
        [
            Text("\nGaps", style="bold"),
            HangingRow(Text("  →"), Text("Write down who may post in a crisis")),
            Text(""),
            "done",
        ]
    )
    shown = lines(rows.render_strips(24, None, Style(), OPTIONS))
    assert shown == ["", "Gaps", "  → Write down who may", "    post in a crisis", "", "done"]
    assert rows.get_height({}, 24) == len(shown)
    assert lines(rows.render_strips(24, 3, Style(), OPTIONS)) == shown[:3]
    assert rows.get_optimal_width({}, 80) == len("  → Write down who may post in a crisis")
    assert rows.plain == "\nGaps\n  → Write down who may post in a crisis\n\ndone"


@settings(max_examples=60, deadline=None)
@given(
    label=st.text(
        alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=0, max_size=120
    ),
    room=st.integers(min_value=2, max_value=60),
    gap=st.integers(min_value=1, max_value=3),
)
def test_height_is_what_is_drawn_and_nothing_is_wider(label: str, room: int, gap: int) -> None:
    """Textual sizes a widget by `get_height` and draws `render_strips`: they must agree,
    or a list cuts a choice's last line or leaves a blank one; no line may be wider, and no
    word is lost (`room`: the label's width, at least one wide character)."""
    row = HangingRow(Text("2", style="bold"), Text(label), gap=gap)
    width = row.indent + room
    strips = row.render_strips(width, None, Style(), OPTIONS)
    assert row.get_height({}, width) == len(strips)
    assert all(strip.cell_length <= width for strip in strips)
    words = "".join(label.split())
    assert "".join("".join(lines(strips)).split()) == "2" + words
