"""A home list row draws cell for cell as the two-column Rich grid it replaced: the title
wraps (or ends in "…" when a word is longer than the room), the tag stays whole and dim on
the first line, at every width, with wide characters too."""

from __future__ import annotations

import pytest
from rich.console import Console, RenderableType
from rich.segment import Segment
from rich.table import Table
from rich.text import Text

from readiness.tui.screens.home_details import TitleAndTag

TITLES = [
    "Leaked collection photos",
    "Ein frustrierter Mitarbeiter twittert über die Geschäftsführung und es wird viral",
    "x",
    "Donaudampfschifffahrtsgesellschaftskapitänsmütze im Kampagnenfoto",
    "ä" * 50,
    "全角文字のタイトルです長い長い長いタイトル",
    "",
]
TAGS = ["12 min", "25 min · de", "5 min · en"]


def grid(title: str, tag: str) -> Table:
    """The row as it was drawn before: a Rich grid."""
    table = Table.grid(expand=True, padding=(0, 0, 0, 2))
    table.add_column(ratio=1)
    table.add_column(no_wrap=True, justify="right", style="dim")
    table.add_row(Text(title), tag)
    return table


def cells(renderable: RenderableType, width: int) -> list[list[Segment]]:
    console = Console(width=200, color_system="truecolor")
    lines = console.render_lines(renderable, console.options.update_width(width), pad=True)
    return [list(Segment.simplify(line)) for line in lines]


@pytest.mark.parametrize("width", [16, 20, 30, 37, 44, 60, 75, 120])
@pytest.mark.parametrize("tag", TAGS)
@pytest.mark.parametrize("title", TITLES)
def test_a_row_draws_as_the_grid_did(title: str, tag: str, width: int) -> None:
    assert cells(TitleAndTag(title, tag), width) == cells(grid(title, tag), width)


def test_a_long_title_wraps_under_itself_and_the_tag_stays_whole() -> None:
    lines = cells(TitleAndTag(TITLES[1], "25 min · de"), 40)
    text = ["".join(segment.text for segment in line) for line in lines]
    assert len(text) > 1
    assert text[0].endswith("  25 min · de")
    assert all(len(line) == 40 for line in text)
    assert all(line.endswith(" " * 13) for line in text[1:])


def test_the_detail_pane_speaks_in_the_items_own_form_of_address() -> None:
    """The pane shows an item's summary ("Du machst alles selbst ...") and then its last
    result: that line said "Ihr letztes Ergebnis" under a du summary."""
    from builtin_library import builtin_library

    from readiness.i18n import set_language
    from readiness.tui.screens.home_details import details

    library = builtin_library()
    solo = library.get("solo-creator-de", "assessment")
    formal = library.get("institutional-readiness-de", "assessment")
    assert solo is not None and formal is not None
    set_language("de")
    try:
        assert "Dein letztes Ergebnis: noch nicht gemacht" in details(solo, None, False).plain
        assert "Ihr letztes Ergebnis: noch nicht gemacht" in details(formal, None, False).plain
    finally:
        set_language("en")


@pytest.mark.parametrize("lang", ["en", "de"])
def test_the_pane_counts_an_exercise_as_readiness_list_and_stats_do(lang: str) -> None:
    """`readiness list` said "11 Entscheidungen" for an exercise whose pane said "12 Schritte":
    the pane counted the reply step as one more. Both now say how many decisions it has, and
    the pane adds the replies to write apart from them, as `readiness stats` does."""
    from builtin_library import builtin_library

    from readiness.authoring.stats import scenario_stats
    from readiness.cli.cmd_list import describe
    from readiness.i18n import set_language, t
    from readiness.i18n.formats import plural
    from readiness.tui.screens.home_details import details

    set_language(lang)
    try:
        scenarios = [
            f for f in builtin_library().files if f.kind == "scenario" and f.model.language == lang
        ]
        assert scenarios
        for f in scenarios:
            facts = details(f, None, False).plain.splitlines()[1].split(" · ")
            stats = scenario_stats(f.model)  # type: ignore[arg-type]
            listed = plural("cli.list.decisions", describe(f)["decisions"])
            replies = t("home.details.replies", count=stats.replies)
            assert facts[3] == f"{listed}, {replies}", (f.id, facts)
            assert t("home.details.decisions", count=stats.decisions) == listed
    finally:
        set_language("en")
