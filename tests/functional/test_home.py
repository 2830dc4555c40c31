"""The home screen: content in the UI language, the other language on request, start by Enter."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import OptionList

from readiness.content.loader import load_paths
from readiness.settings import Settings
from readiness.tui.app import make_app
from readiness.tui.screens.help import HelpScreen
from readiness.tui.screens.home import HomeScreen

DATA = Path(__file__).parent.parent / "data"


def app_for(lang: str, results: Path):  # type: ignore[no-untyped-def]
    library = load_paths([DATA / "foundation", DATA / "report"], with_builtin=False)
    settings = Settings(lang=lang, results_dir=results)  # type: ignore[arg-type]
    return make_app(settings, library=library)


def listed(app) -> list[str]:  # type: ignore[no-untyped-def]
    options = app.screen.query_one(OptionList)
    return [o.id for o in options.options if o.id]


async def test_home_lists_content_in_the_ui_language_and_toggles_all(results: Path) -> None:
    app = app_for("en", results)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        ids = listed(app)
        assert "assessment:mini-check-en" in ids and "scenario:tiny-drill-en" in ids
        assert all(i.endswith("-en") for i in ids)
        await pilot.press("l")
        assert listed(app) == ids  # fixtures are English only: nothing hidden, nothing lost


async def test_german_ui_hides_english_content_until_asked(results: Path) -> None:
    app = app_for("de", results)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert listed(app) == []
        await pilot.press("l")
        assert "assessment:mini-check-en" in listed(app)


async def test_help_lists_the_keys_of_the_screen(results: Path) -> None:
    app = app_for("en", results)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


async def test_enter_starts_the_highlighted_content(
    results: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = app_for("en", results)
    started: list[str] = []
    monkeypatch.setattr(app, "open_content", lambda f: started.append(f.id))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
    assert started == ["mini-check-en"]  # the first assessment is highlighted on arrival


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_home_snapshot(snap_compare, results: Path, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(app_for("en", results), terminal_size=size)
