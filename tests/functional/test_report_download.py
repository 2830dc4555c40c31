"""A browser participant's report download: every press delivers a copy, and the screen says
so (issue 14, point 21). Whether Chromium accepts repeated downloads delivered this way was
checked by hand through textual-serve (three presses, three files); here the app's side."""

from __future__ import annotations

from io import StringIO
from pathlib import Path
from typing import Any

from test_report_screen import app_for, saved_run, until_built


async def test_each_press_delivers_a_report_and_says_so(results: Path) -> None:
    path = saved_run(results, "owl")
    app = app_for(results, restricted=True, participant="owl")
    delivered: list[tuple[str, dict[str, Any]]] = []

    def deliver_text(file: StringIO, **kw: Any) -> str:
        delivered.append((file.getvalue(), kw))
        return f"key-{len(delivered)}"

    app.deliver_text = deliver_text  # type: ignore[method-assign,assignment]
    async with app.run_test(size=(100, 40)) as pilot:
        app.open_report(path)
        await until_built(app, pilot)
        for _ in range(2):
            await pilot.press("x")
            await app.workers.wait_for_complete()
            await pilot.pause()
        shown = [str(n.message) for n in app._notifications]
    assert len(delivered) == 2, "a second press delivers a second copy"
    for html, kw in delivered:
        assert html.startswith("<!DOCTYPE html>") and "owl" in html
        assert kw["save_filename"] == f"readiness-report-{path.stem}.html"
        assert kw["mime_type"] == "text/html"
    started = [m for m in shown if m.startswith("Download started")]
    assert len(started) == 2 and f"readiness-report-{path.stem}.html" in started[0]
    assert not (results / "reports").exists(), "nothing is written on the server"
