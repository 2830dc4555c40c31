"""The dialog offering to go on with an unfinished check asks in the check's form of address:
a du check was asked "wo Sie aufgehört haben" (the home screen's voice) before its questions
said du."""

from __future__ import annotations

from pathlib import Path

import pytest
from builtin_library import builtin_library
from textual.widgets import Static

from readiness.assessing import new_assessment_result
from readiness.i18n import set_address, set_language
from readiness.settings import Settings
from readiness.storage import save_result
from readiness.tui.app import make_app
from readiness.tui.screens.assessment_dialogs import AssessmentResumeDialog


@pytest.mark.parametrize(
    ("address", "asked"), [("du", "wo du aufgehört hast"), ("Sie", "wo Sie aufgehört haben")]
)
async def test_the_resume_dialog_speaks_like_the_check(
    address: str, asked: str, results: Path
) -> None:
    library = builtin_library()
    content = next(
        f for f in library.assessments if f.model.language == "de" and f.model.address == address
    )
    result = new_assessment_result(content, "Kim", "", None)
    save_result(results, result)
    app = make_app(
        Settings(lang="de", results_dir=results, participant="Kim"), library=library, home=True
    )
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            for _ in range(100):
                if app.library is not None and app.screen.query("#content-list"):
                    break
                await pilot.pause(0.02)
            app.open_content(content)
            for _ in range(100):
                if isinstance(app.screen, AssessmentResumeDialog):
                    break
                await pilot.pause(0.02)
            assert isinstance(app.screen, AssessmentResumeDialog)
            await pilot.pause()
            shown = " ".join(str(s.render()) for s in app.screen.query(Static))
            assert asked in shown
    finally:
        set_language("en")
        set_address(None)
