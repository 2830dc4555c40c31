"""The app's one line filter does what the three it replaced did, in the same order: terminal
colours turned into true colour (Textual's `ANSIToTruecolor`, when given), control characters
dropped (`ControlFilter`), then emoji drawn as wide as laid out (`EmojiCellFilter`); a line
with nothing to change is passed on untouched."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from rich.segment import Segment
from rich.style import Style
from rich.terminal_theme import DEFAULT_TERMINAL_THEME
from textual.color import Color
from textual.filter import ANSIToTruecolor

from readiness.tui.emoji_cells import EmojiCellFilter
from readiness.tui.safe_text import ControlFilter, ScreenTextFilter

BLACK = Color(0, 0, 0)
TRICKY = "\x1b\x07\x9b\t\n\u202e\u2066\u200d\ufe0f\u20e3👩💻🗑➡1aé "
"""Controls (kept and dropped), direction controls, joiners, selectors, a keycap mark."""

texts = st.text(alphabet=st.sampled_from(TRICKY) | st.characters(codec="utf-8"), max_size=12)
STYLES = [
    None,
    Style(bold=True),
    Style(color="red"),
    Style(color="bright_blue", bgcolor="black", dim=True),
    Style(color="#e0e0e0", bgcolor="#121212"),
    Style(color="color(208)", italic=True),
    Style(dim=True, color="#ffa62b"),
]
"""Terminal colours (named, numbered, dim) that Textual converts, and true colours it keeps."""

lines = st.lists(st.builds(Segment, texts, st.sampled_from(STYLES)), max_size=6)


@given(lines)
def test_one_filter_does_what_the_two_did(segments: list[Segment]) -> None:
    both = EmojiCellFilter().apply(ControlFilter().apply(segments, BLACK), BLACK)
    assert ScreenTextFilter().apply(segments, BLACK) == both


@given(lines, st.sampled_from([BLACK, Color(18, 18, 18), Color(255, 255, 255)]))
def test_with_the_colour_conversion_it_does_what_the_three_did(
    segments: list[Segment], background: Color
) -> None:
    truecolor = ANSIToTruecolor(DEFAULT_TERMINAL_THEME)
    three = EmojiCellFilter().apply(
        ControlFilter().apply(truecolor.apply(segments, background), background), background
    )
    assert ScreenTextFilter(truecolor).apply(segments, background) == three


def test_a_line_with_nothing_to_change_is_passed_on_as_it_is() -> None:
    line = [Segment("Lena's post "), Segment("is growing", Style(bold=True)), Segment(" ♥ 23")]
    assert ScreenTextFilter().apply(line, BLACK) is line


def test_controls_and_emoji_in_one_line() -> None:
    line = [Segment("a\x1b[2Jb"), Segment("🗑\ufe0f bin "), Segment("👩\u200d💻 dev")]
    out = ScreenTextFilter().apply(line, BLACK)
    assert [s.text for s in out] == ["a[2Jb", "🗑  bin ", "👩 dev"]
