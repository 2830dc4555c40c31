"""The assessment's screens style each widget once before their first frame.

Setting the `-wide`/`-narrow` classes (or filling in the texts) after the widgets mounted made
Textual style every widget of the screen a second time, and measure every text again, before
anything was painted: about a fifth of the time from the last answer to the result screen."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from textual.css.stylesheet import Stylesheet
from textual.dom import NoScreen
from textual.screen import Screen
from textual.widget import Widget

from readiness.content.loader import Library, parse_file
from readiness.settings import Settings
from readiness.tui.app import ReadinessApp, make_app

ROOT = Path(__file__).parents[2]


class StylingsUntilFrame:
    """Counts, per widget, how often it is styled until a screen of `screen_name` is first
    painted."""

    def __init__(self, app: ReadinessApp, monkeypatch: pytest.MonkeyPatch) -> None:
        self.counts: Counter[int] = Counter()
        self.nodes: dict[int, Widget] = {}
        self.painted = False
        self.screen_name = ""
        apply = Stylesheet.apply
        display = app._display

        def counted(sheet: Stylesheet, node: Any, *args: Any, **kwargs: Any) -> Any:
            if self.screen_name and not self.painted and self._on_screen(node):
                self.counts[id(node)] += 1
                self.nodes[id(node)] = node
            return apply(sheet, node, *args, **kwargs)

        def painted(screen: Any, update: Any) -> None:
            if type(screen).__name__ == self.screen_name:
                self.painted = True
            display(screen, update)

        monkeypatch.setattr(Stylesheet, "apply", counted)
        monkeypatch.setattr(app, "_display", painted)

    def _on_screen(self, node: Any) -> bool:
        """A widget of the watched screen (not the screen: its own classes are set once it
        exists, before any widget of it is styled)."""
        if not isinstance(node, Widget) or isinstance(node, Screen):
            return False
        try:
            return type(node.screen).__name__ == self.screen_name
        except NoScreen:
            return False

    def watch(self, screen_name: str) -> None:
        self.screen_name, self.painted = screen_name, False
        self.counts.clear()

    def twice(self, focused: Widget | None) -> list[str]:
        """Widgets styled more than once. The widget that took the keyboard is styled again
        for its `:focus` look, and Textual restyles everything inside it with it (a rule may
        depend on the focus of a container): that is left out."""
        return [
            repr(node)
            for key, count in self.counts.items()
            if count > 1
            and not (
                focused is not None and focused in (node := self.nodes[key]).ancestors_with_self
            )
        ]


def assessment_app(results: Path) -> ReadinessApp:
    found, problems = parse_file(ROOT / "assessments" / "institutional-readiness.en.toml")
    assert found is not None, problems
    return make_app(
        Settings(results_dir=results), library=Library(files=[found]), start=found, home=False
    )


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_the_question_and_result_screens_style_each_widget_once(
    results: Path, monkeypatch: pytest.MonkeyPatch, size: tuple[int, int]
) -> None:
    app = assessment_app(results)
    stylings = StylingsUntilFrame(app, monkeypatch)
    stylings.watch("QuestionScreen")
    async with app.run_test(size=size) as pilot:
        await pilot.pause(0.2)
        assert stylings.painted and stylings.counts
        assert stylings.twice(app.focused) == []
        stylings.watch("ResultScreen")
        await pilot.press("r")  # the result any time
        await pilot.pause(0.3)
        assert type(app.screen).__name__ == "ResultScreen"
        assert stylings.painted and stylings.counts
        assert stylings.twice(app.focused) == []
