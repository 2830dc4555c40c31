"""Every footer keeps its most important keys at 80 columns, in both languages (issue 14,
point 4): help (?) and the way out (q) are whole on screen; other keys give way from the
right when the width runs out, and still work and stay in the help."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from builtin_library import builtin_library
from test_dashboard import fill_room
from test_dashboard import library as room_library
from textual.app import App

from readiness.content.loader import load_paths
from readiness.i18n import set_language
from readiness.settings import Settings
from readiness.tui.app import make_app
from readiness.tui.screens.dashboard import DashboardScreen
from readiness.tui.screens.home import HomeScreen
from readiness.tui.widgets.footer import FooterEntry, LocalFooter
from readiness.tui.workshop_apps import make_dashboard_app

DATA = Path(__file__).parent.parent / "data"
ROOM_DE = DATA / "workshop" / "content_de"
LANGS = ["en", "de"]
HELP = {"en": "Help", "de": "Hilfe"}


def footer_keys(app: App[Any]) -> dict[str, FooterEntry]:
    """The footer entries on screen, by key ("question_mark", "q", …)."""
    return {entry.key: entry for entry in app.screen.query_one(LocalFooter).entries}


def whole_on_screen(app: App[Any], entry: FooterEntry) -> bool:
    """The entry's key and label are on the screen's last line, whole."""
    line = app.screen._compositor.render_strips()[-1].text
    return f"{entry.key_display} {entry.description}" in line


async def settle(pilot: Any) -> None:
    for _ in range(3):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


def check(app: App[Any], lang: str, way_out: str) -> None:
    keys = footer_keys(app)
    assert "question_mark" in keys and way_out in keys, list(keys)
    for key in ("question_mark", way_out):
        assert whole_on_screen(app, keys[key]), (key, keys[key])
    assert keys["question_mark"].description == HELP[lang]
    assert all(whole_on_screen(app, k) for k in keys.values())  # nothing shown half


@pytest.mark.parametrize("lang", LANGS)
async def test_home_footer_keeps_help_and_quit_at_80_columns(lang: str, results: Path) -> None:
    library = load_paths([DATA / "foundation", DATA / "report"], with_builtin=False)
    app = make_app(Settings(lang=lang, results_dir=results), library=library)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            assert isinstance(app.screen, HomeScreen)
            check(app, lang, "q")
            assert "r" in footer_keys(app)  # the saved results stay before the toggles
            for toggle in ("m", "l"):  # toggled on, the labels change length
                await pilot.press(toggle)
                await settle(pilot)
                check(app, lang, "q")
            # Wide enough, every key is back.
            await pilot.resize_terminal(160, 50)
            await settle(pilot)
            assert {"r", "m", "l", "q", "question_mark"} <= set(footer_keys(app))
    finally:
        set_language("en")


HOME_KEYS = ["enter", "r", "m", "l", "q", "question_mark"]
"""The home screen's keys, in the footer's order."""


@pytest.mark.parametrize("lang", LANGS)
async def test_every_home_key_is_in_the_footer_at_80x24_in_every_state(
    lang: str, results: Path
) -> None:
    """Start, saved results, practice mode, languages, quit and help, whole, at 80x24 in
    both languages, whichever way the two toggles stand (German dropped the language
    toggle: its labels, and the practice toggle's, were longer than the room). The command
    palette's entry, which gives way first, is back from 100 columns."""
    app = make_app(Settings(lang=lang, results_dir=results), library=builtin_library())
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            assert isinstance(app.screen, HomeScreen)
            for toggles in ([], ["m"], ["l"], ["m"]):  # off/off, on/off, on/on, off/on
                for key in toggles:
                    await pilot.press(key)
                await settle(pilot)
                check(app, lang, "q")
                assert list(footer_keys(app)) == HOME_KEYS, (toggles, list(footer_keys(app)))
            await pilot.resize_terminal(100, 30)
            await settle(pilot)
            assert list(footer_keys(app)) == [*HOME_KEYS, "ctrl+p"]
            check(app, lang, "q")
    finally:
        set_language("en")


@pytest.mark.parametrize("lang", LANGS)
async def test_dashboard_footer_keeps_help_and_quit_at_80_columns(
    lang: str, tmp_path: Path
) -> None:
    room = tmp_path / "room-42"
    room.mkdir()
    lib = room_library() if lang == "en" else load_paths([ROOM_DE], with_builtin=False)
    fill_room(room, lib, lang)
    app = make_dashboard_app(Settings(lang=lang, results_dir=room), room, library=lib)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            assert isinstance(app.screen, DashboardScreen)
            check(app, lang, "q")
            await pilot.press("space")  # paused: "Resume all" is longer than "Pause all"
            await settle(pilot)
            check(app, lang, "q")
            await pilot.press("space")
            await settle(pilot)
    finally:
        set_language("en")


async def test_f1_opens_help_where_question_mark_cannot(results: Path) -> None:
    """Over the briefing (a dialog, which the app's ? does not reach), F1 is help. In a
    reply box, where ? is typed, the footer shows "F1 Hilfe" (snapshot test_player_reply)."""
    from readiness.tui.screens.help import HelpScreen
    from readiness.tui.screens.scenario_dialogs import BriefingScreen

    library = load_paths([DATA / "train" / "storm.en.toml"], with_builtin=False)
    content = library.get("storm-en")
    assert content is not None
    settings = Settings(lang="de", results_dir=results, participant="kim")
    app = make_app(settings, library=library, start=content, home=False)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            assert isinstance(app.screen, BriefingScreen)
            await pilot.press("question_mark")  # a dialog: the app's ? does not reach it
            await pilot.press("f1")
            await settle(pilot)
            assert isinstance(app.screen, HelpScreen)
            await pilot.press("escape")
            await settle(pilot)
            assert isinstance(app.screen, BriefingScreen)
    finally:
        set_language("en")


async def test_a_footer_is_built_once_and_again_only_when_its_entries_change(
    results: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The home screen's list takes focus before its footer works out its entries (its Enter
    key is the first entry), so they are worked out once, not empty first and again for the
    focus. A resize that changes nothing it shows redraws nothing; one that makes room does."""
    builds: list[int] = []
    show_entries = LocalFooter._show_entries

    def counted(self: LocalFooter, entries: Any) -> Any:
        builds.append(1)
        return show_entries(self, entries)

    monkeypatch.setattr(LocalFooter, "_show_entries", counted)
    library = load_paths([DATA / "foundation", DATA / "report"], with_builtin=False)
    app = make_app(Settings(lang="en", results_dir=results), library=library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert "enter" in footer_keys(app)
        first = len(builds)
        assert first == 1  # with the keys of the focused list, before the first frame
        await pilot.resize_terminal(80, 30)  # taller: the same entries fit
        await settle(pilot)
        assert len(builds) == first
        await pilot.resize_terminal(160, 50)  # room for every entry
        await settle(pilot)
        assert len(builds) == first + 1
        assert {"r", "m", "l", "q", "question_mark"} <= set(footer_keys(app))


async def test_the_home_screen_shows_its_keys_in_its_first_frame(results: Path) -> None:
    """No empty footer for a moment at start: when the home screen's first frame goes to the
    terminal, its footer already has its entries."""
    library = load_paths([DATA / "foundation", DATA / "report"], with_builtin=False)
    app = make_app(Settings(lang="en", results_dir=results), library=library)
    seen: list[list[str]] = []
    display = app._display

    def first_frame(screen: Any, update: Any) -> None:
        if not seen and isinstance(screen, HomeScreen) and update is not None:
            seen.append([entry.key for entry in screen.query_one(LocalFooter).entries])
        display(screen, update)

    app._display = first_frame  # type: ignore[method-assign]
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
    assert seen and "enter" in seen[0] and "q" in seen[0], seen
