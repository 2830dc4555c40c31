"""The command palette speaks the language of the app: in German it offered the English
titles beside the German ones, and its screenshot said "Saved screenshot" in English. It
offers what the home list shows, worded as the list words it, in the form of address of the
content on screen."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from builtin_library import builtin_library
from textual.app import App
from textual.command import CommandList
from textual.content import Content

from readiness.i18n import set_address, set_language, t
from readiness.settings import Settings
from readiness.tui.app import make_app
from readiness.tui.screens.home import HomeScreen

LANGS = ["en", "de"]


async def settle(pilot: Any) -> None:
    for _ in range(3):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


async def palette_lines(pilot: Any) -> list[tuple[str, str]]:
    """(title, help) of every command the open palette lists before anything is typed."""
    await pilot.press("ctrl+p")
    commands = pilot.app.screen.query_one(CommandList)
    for _ in range(50):  # the palette gathers its commands in a worker
        await pilot.pause(0.02)
        if any(t("home.start") in str(option.prompt) for option in commands.options):
            break
    lines = []
    for option in commands.options:
        assert isinstance(option.prompt, Content)
        title, _, help_text = option.prompt.plain.partition("\n")
        lines.append((title, help_text))
    await pilot.press("escape")
    await settle(pilot)
    return lines


def started(lines: list[tuple[str, str]]) -> dict[str, str]:
    """The titles the palette offers to start, with their facts."""
    prefix = t("home.start") + ": "
    return {title.removeprefix(prefix): facts for title, facts in lines if title.startswith(prefix)}


@pytest.mark.parametrize("lang", LANGS)
async def test_the_palette_offers_what_the_home_list_shows(lang: str, results: Path) -> None:
    library = builtin_library()
    mine = {f.model.title: f for f in library.files if f.model.language == lang}
    others = {f.model.title for f in library.files if f.model.language != lang}
    app = make_app(Settings(lang=lang, results_dir=results), library=library)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            assert isinstance(app.screen, HomeScreen)
            offered = started(await palette_lines(pilot))
            assert set(offered) == set(mine), set(offered) ^ set(mine)
            for title, facts in offered.items():
                f = mine[title]
                # The row's facts: kind and duration, no language tag where all share one.
                assert facts == f"{t(f'home.kind.{f.kind}')} · {f.model.duration_minutes} min"
            await pilot.press("l")  # every language on home: in the palette too, tagged
            await settle(pilot)
            offered = started(await palette_lines(pilot))
            assert set(offered) == set(mine) | others
            assert all(re.search(r" · [a-z]{2}$", facts) for facts in offered.values())
    finally:
        set_language("en")


@pytest.mark.parametrize(
    ("ident", "other_address"),
    [
        ("solo-creator-de", re.compile(r"\b(Sie|Ihr|Ihre|Ihren|Ihrem|Ihnen)\b")),
        ("institutional-readiness-de", re.compile(r"\b(du|dein|deine|deinen|dir|dich)\b", re.I)),
    ],
)
async def test_the_german_palette_speaks_as_the_content_on_screen(
    ident: str, other_address: re.Pattern[str], results: Path
) -> None:
    """solo-creator-de says du, institutional-readiness-de Sie: the palette over either is
    German throughout and never in the other form of address."""
    library = builtin_library()
    content = library.get(ident, "assessment")
    assert content is not None
    settings = Settings(lang="de", results_dir=results, participant="kim")
    app = make_app(settings, library=library, start=content, home=False)
    english = {t(key, "en") for key in PALETTE_KEYS} - {t(key, "de") for key in PALETTE_KEYS}
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            lines = await palette_lines(pilot)
            assert len(started(lines)) == sum(f.model.language == "de" for f in library.files)
            words = " ".join(f"{title} {help_text}" for title, help_text in lines)
            assert not other_address.search(words), other_address.search(words)
            assert not {text for line in lines for text in line} & english
    finally:
        set_language("en")
        set_address(None)


PALETTE_KEYS = [
    "palette.theme",
    "palette.theme.help",
    "palette.quit",
    "palette.quit.help",
    "palette.keys",
    "help.command",
    "palette.maximize",
    "palette.maximize.help",
    "palette.screenshot",
    "palette.screenshot.help",
    "home.start",
    "home.kind.assessment",
    "home.kind.scenario",
]


def notes(app: App[Any]) -> list[str]:
    return [f"{n.title}: {n.message}" for n in app._notifications]


@pytest.mark.parametrize("lang", LANGS)
async def test_the_palettes_screenshot_says_where_it_went_in_the_apps_language(
    lang: str, results: Path, tmp_path: Path
) -> None:
    app = make_app(Settings(lang=lang, results_dir=results), library=builtin_library())
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            app.deliver_screenshot(filename="shot.svg", path=str(tmp_path))
            for _ in range(50):  # written on a thread of its own
                await pilot.pause(0.02)
                if app._notifications:
                    break
            saved = t("palette.screenshot.saved", lang, path=str(tmp_path / "shot.svg"))
            assert notes(app) == [f"{t('palette.screenshot', lang)}: {saved}"]
            assert (tmp_path / "shot.svg").read_text().startswith("<svg")
            app.clear_notifications()
            missing = tmp_path / "no such folder"
            app.deliver_screenshot(filename="shot.svg", path=str(missing))
            for _ in range(50):
                await pilot.pause(0.02)
                if app._notifications:
                    break
            (note,) = notes(app)
            reason = t("os.not_found", lang)
            assert note == (
                f"{t('palette.screenshot', lang)}: "
                + t("palette.screenshot.failed", lang, reason=f"{missing / 'shot.svg'}: {reason}")
            )
    finally:
        set_language("en")


async def test_a_screenshot_without_a_downloads_folder_goes_to_the_working_folder(
    results: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import platformdirs

    monkeypatch.setattr(platformdirs, "user_downloads_path", lambda: tmp_path / "Downloads")
    here = tmp_path / "work"
    here.mkdir()
    monkeypatch.chdir(here)
    app = make_app(Settings(lang="en", results_dir=results), library=builtin_library())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.save_screenshot_for_user()
        for _ in range(50):  # written on a thread of its own
            await pilot.pause(0.02)
            if app._notifications:
                break
        (shot,) = here.glob("*.svg")
        assert notes(app) == [f"Screenshot: Saved to {shot}"]
        (tmp_path / "Downloads").mkdir()
        app.clear_notifications()
        app.save_screenshot_for_user()
        for _ in range(50):
            await pilot.pause(0.02)
            if app._notifications:
                break
        assert len(list((tmp_path / "Downloads").glob("*.svg"))) == 1
