"""Home uses the space (issue 14, points 11 and 12): durations and language tags are never
cut, the detail pane says what an item covers, how long it takes and the last result, and
practice mode is a key away."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from builtin_library import builtin_library
from rich.console import Console
from test_home import app_for
from test_results_browser import saved_exercise
from textual.widgets import OptionList, Static

from readiness.settings import Settings
from readiness.tui.app import make_app
from readiness.tui.screens.scenario_dialogs import BriefingScreen


def pane_text(app) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one("#details-text", Static).render())


@pytest.mark.parametrize("lang", ["en", "de"])
async def test_no_duration_or_language_tag_is_cut_at_80_columns(results: Path, lang: str) -> None:
    library = builtin_library()
    app = make_app(Settings(lang=lang, results_dir=results), library=library)  # type: ignore[arg-type]
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("l")  # every language: the tag is shown too
        await pilot.pause()
        options = app.screen.query_one(OptionList)
        for option in options.options:
            if option.id is None:
                continue
            f = next(x for x in library.files if f"{x.kind}:{x.id}" == option.id)
            width = options.scrollable_content_region.width
            console = Console(width=width)
            lines = console.render_lines(option.prompt, console.options, pad=False)
            shown = " ".join("".join(seg.text for seg in line) for line in lines)
            assert f"{f.model.duration_minutes} min · {f.model.language}" in shown, shown


async def test_the_detail_pane_says_what_it_covers_and_the_last_result(results: Path) -> None:
    saved_exercise(results, finished=True)
    app = app_for("en", results)
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        text = pane_text(app)
        assert "What it covers" in text and "questions" in text
        assert "Your last result: not taken yet" in text
        options = app.screen.query_one(OptionList)
        options.highlighted = next(
            i for i, o in enumerate(options.options) if o.id == "scenario:tiny-drill-en"
        )
        for _ in range(50):
            await app.workers.wait_for_complete()
            await pilot.pause()
            if "finished" in pane_text(app):
                break
        text = pane_text(app)
        assert "Your last result:" in text and "finished" in text
        assert "Speed" in text and "Tone" in text  # what the exercise scores
        assert "Timed mode" in text


async def test_practice_mode_is_chosen_on_home(results: Path) -> None:
    app = app_for("en", results)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert not app.settings.practice
        await pilot.press("m")
        assert app.settings.practice
        options = app.screen.query_one(OptionList)
        options.highlighted = next(
            i for i, o in enumerate(options.options) if o.id == "scenario:tiny-drill-en"
        )
        await pilot.pause()
        assert "Practice mode is on" in pane_text(app)
        await pilot.press("enter")
        for _ in range(100):
            await pilot.pause()
            if isinstance(app.screen, BriefingScreen):
                break
        assert isinstance(app.screen, BriefingScreen) and app.screen.practice
        player = app.screen_stack[-2]
        assert player.session.run.practice  # type: ignore[attr-defined]


@pytest.mark.parametrize("lang", ["en", "de"])
@pytest.mark.parametrize("size", [(80, 24), (160, 50)])
def test_home_snapshot_both_languages(  # type: ignore[no-untyped-def]
    snap_compare, results: Path, size: tuple[int, int], lang: str
) -> None:
    async def show_all(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.pause()
        if lang == "de":
            await pilot.press("l")  # the fixtures are English: show them beside German UI
        await pilot.pause()

    assert snap_compare(app_for(lang, results), terminal_size=size, run_before=show_all)


async def test_the_last_result_is_read_once_at_start_and_again_after_another_screen(
    results: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The folder is read when home first appears (not twice), and again when the
    participant comes back from another screen, where a run may have been saved."""
    from readiness import storage

    reads: list[Path] = []
    scan_results = storage.scan_results

    def counted(folder: Path):  # type: ignore[no-untyped-def]
        reads.append(folder)
        return scan_results(folder)

    monkeypatch.setattr(storage, "scan_results", counted)
    app = app_for("en", results)
    async with app.run_test(size=(160, 50)) as pilot:
        for _ in range(3):
            await app.workers.wait_for_complete()
            await pilot.pause()
        assert len(reads) == 1
        options = app.screen.query_one(OptionList)
        options.highlighted = next(
            i for i, o in enumerate(options.options) if o.id == "scenario:tiny-drill-en"
        )
        await pilot.pause()
        assert "Your last result: not taken yet" in pane_text(app)
        await pilot.press("question_mark")  # help on top, meanwhile a run is saved
        await pilot.pause()
        saved_exercise(results, finished=True)
        await pilot.press("escape")
        for _ in range(50):
            await app.workers.wait_for_complete()
            await pilot.pause()
            if "finished" in pane_text(app):
                break
        assert "Your last result:" in pane_text(app) and "finished" in pane_text(app)


def drawn_list(options: OptionList) -> list[str]:
    """Every row of the home list as it is drawn, top to bottom, scrolled or not."""
    top = options.scroll_offset.y
    return [options.render_line(y - top).text.rstrip() for y in range(options.virtual_size.height)]


@pytest.mark.parametrize("lang", ["en", "de"])
@pytest.mark.parametrize("every_language", [False, True])
async def test_no_title_is_cut_without_an_ellipsis_at_80_columns(
    results: Path, lang: str, every_language: bool
) -> None:
    """A title wraps under itself and shows whole; where a word is wider than the list it
    ends in "…". The list is long enough at 80x24 to need a scroll bar, which appears after
    the rows were measured: rows that wrapped once more in the narrower space lost their
    last line (and with it the end of the title, with nothing to show it was cut)."""
    library = builtin_library()
    app = make_app(Settings(lang=lang, results_dir=results), library=library)  # type: ignore[arg-type]
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(3):
            await app.workers.wait_for_complete()
            await pilot.pause()
        if every_language:
            await pilot.press("l")
            await pilot.pause()
        options = app.screen.query_one(OptionList)
        assert options.show_vertical_scrollbar  # the case this is about
        # The rows' text with the duration tags taken out, one line per row joined by spaces.
        text = " ".join(
            re.sub(r"\s{2,}\d+ min( · \w+)?$", "", row).strip() for row in drawn_list(options)
        )
        for option in options.options:
            if option.id is None:
                continue
            f = next(x for x in library.files if f"{x.kind}:{x.id}" == option.id)
            title = f.model.title
            words = title.split()
            # Whole, or cut where a word did not fit and marked with "…".
            cut = [" ".join(words[:i]) for i in range(1, len(words))]
            assert title in text or any(
                f"{head} {words[len(head.split())][:k]}…" in text
                for head in cut
                for k in range(len(words[len(head.split())]))
            ), "\n".join([title, *drawn_list(options)])


async def test_the_language_toggle_keeps_the_highlighted_item(results: Path) -> None:
    """`l` lists every language and keeps the item the participant was on. It moved the
    highlight one item down for each group separator above it (the list's places do not
    count separators), onto an item of the other language."""
    app = make_app(Settings(lang="de", results_dir=results), library=builtin_library())  # type: ignore[arg-type]
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(3):
            await app.workers.wait_for_complete()
            await pilot.pause()
        options = app.screen.query_one(OptionList)
        options.highlighted = options.get_option_index("scenario:campaign-shitstorm-de")
        await pilot.pause()
        for _ in range(2):  # every language, and back to German
            await pilot.press("l")
            await pilot.pause()
            highlighted = options.highlighted
            assert highlighted is not None
            assert options.get_option_at_index(highlighted).id == "scenario:campaign-shitstorm-de"
            assert pane_text(app).startswith("Frische Gesichter gesucht")
