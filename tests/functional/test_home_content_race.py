"""The content worker can finish while the home screen is still mounting what it composed
(seen on a loaded machine: "No nodes match '#content-list'"); the list is filled all the same."""

from __future__ import annotations

from pathlib import Path

from builtin_library import builtin_library
from textual.widgets import OptionList

from readiness.settings import Settings
from readiness.tui.app import make_app
from readiness.tui.screens.home import HomeScreen


async def test_content_that_arrives_before_the_list_is_mounted_is_listed(results: Path) -> None:
    library = builtin_library()
    app = make_app(Settings(lang="en", results_dir=results), library=library, home=False)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = HomeScreen()
        screen.content_loaded(library)  # what the app's worker does when it wins the race
        await app.push_screen(screen)
        await pilot.pause()
        options = screen.query_one("#content-list", OptionList)
        listed = {options.get_option_at_index(i).id for i in range(options.option_count)}
        english = {f"{f.kind}:{f.id}" for f in library.files if f.model.language == "en"}
        assert english and listed - {None} == english
