"""The saved-results browser fits its columns at 80x24 in both languages (issue 14, points 7
and "nothing clipped"): a long content title wraps within its row, nothing scrolls sideways."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_every_screen_snapshots import app_for, saved_assessment, saved_exercise
from textual.widgets import DataTable


@pytest.mark.parametrize("lang", ["en", "de"])
@pytest.mark.parametrize("size", [(80, 24), (100, 30)])
async def test_every_column_fits_and_titles_wrap(
    results: Path, lang: str, size: tuple[int, int]
) -> None:
    saved_assessment(lang, results)
    saved_exercise(lang, results)
    app = app_for(lang, results)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("r")
        table = None
        for _ in range(200):
            await app.workers.wait_for_complete()
            await pilot.pause()
            tables = app.screen.query(DataTable)
            if tables and tables.first().row_count == 2:
                table = tables.first()
                break
        assert table is not None
        await pilot.pause()
        assert table.max_scroll_x == 0  # nothing off to the right
        shown = " ".join(s.text for s in app.screen._compositor.render_strips())
        title = "Sturm im Wasserglas" if lang == "de" else "Storm in a teacup"
        assert all(word in shown for word in title.split())
