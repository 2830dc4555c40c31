"""The player's choices and reply box skip the restyle for losing focus while hidden, and catch
up when shown (`readiness.tui.widgets.step_inputs`): never shown looking focused when not."""

from __future__ import annotations

from typing import Any

import pytest
from textual.app import App, ComposeResult
from textual.containers import Vertical
from textual.css.stylesheet import Stylesheet
from textual.widgets import Button

from readiness.tui.widgets.step_inputs import ChoiceList, ReplyArea


class Panel(App[None]):
    def compose(self) -> ComposeResult:
        with Vertical(id="panel"):
            yield ChoiceList("first", "second", id="choices")
            yield ReplyArea("draft", id="reply")
        yield Button("elsewhere", id="elsewhere")


@pytest.fixture
def restyled(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    nodes: list[object] = []
    update_nodes = Stylesheet.update_nodes

    def counted(self: Stylesheet, targets: Any, animate: bool = False) -> None:
        targets = list(targets)
        nodes.extend(targets)
        update_nodes(self, targets, animate=animate)

    monkeypatch.setattr(Stylesheet, "update_nodes", counted)
    return nodes


def look(widget: Any) -> tuple[object, ...]:
    """What focus changes in how the widget is drawn."""
    shown: tuple[object, ...] = (widget.styles.border, widget.styles.background)
    if isinstance(widget, ChoiceList):
        style = widget.get_component_rich_style("option-list--option-highlighted")
        shown += (style.bgcolor, style.color)
    return shown


@pytest.mark.parametrize("ident", ["choices", "reply"])
async def test_losing_focus_while_hidden_restyles_once_shown(
    ident: str, restyled: list[object]
) -> None:
    app = Panel()
    async with app.run_test() as pilot:
        widget = app.query_one(f"#{ident}")
        elsewhere = app.query_one("#elsewhere")
        app.set_focus(widget)
        await pilot.pause()
        focused = look(widget)
        app.set_focus(elsewhere)
        await pilot.pause()
        unfocused = look(widget)
        assert focused != unfocused

        app.set_focus(widget)
        await pilot.pause()
        app.query_one("#panel").display = False
        app.set_focus(elsewhere)
        restyled.clear()
        await pilot.pause()
        assert widget not in restyled  # nobody sees it: no restyle now

        app.query_one("#panel").display = True
        await pilot.pause()
        await pilot.pause()
        assert widget in restyled
        assert look(widget) == unfocused  # never shown looking focused


async def test_losing_focus_in_view_restyles_at_once(restyled: list[object]) -> None:
    app = Panel()
    async with app.run_test() as pilot:
        choices = app.query_one(ChoiceList)
        app.set_focus(choices)
        await pilot.pause()
        focused = look(choices)
        restyled.clear()
        app.set_focus(app.query_one("#elsewhere"))
        await pilot.pause()
        assert choices in restyled
        assert look(choices) != focused


def component_looks(widget: Any) -> dict[str, object]:
    return {name: widget.get_component_rich_style(name) for name in widget._component_styles}


@pytest.mark.parametrize("ident", ["choices", "reply"])
async def test_a_focus_change_leaves_every_component_style_as_a_full_restyle_would(
    ident: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The reply box keeps its component styles when focus moves (no rule for them names a
    focus state); the choices, whose highlighted option is coloured by `:focus`, have them
    worked out again. Either way they are what Textual's full restyle gives."""
    app = Panel()
    async with app.run_test() as pilot:
        widget = app.query_one(f"#{ident}")
        elsewhere = app.query_one("#elsewhere")
        applied: list[str] = []
        apply = Stylesheet.apply

        def counted(self: Stylesheet, node: Any, **kwargs: Any) -> None:
            applied.append(" ".join(sorted(node.classes)))
            apply(self, node, **kwargs)

        monkeypatch.setattr(Stylesheet, "apply", counted)
        for target in (widget, elsewhere, widget):
            applied.clear()
            app.set_focus(target)
            await pilot.pause()
            kept = component_looks(widget)
            components = [c for c in applied if c in widget._component_styles]
            assert bool(components) == (ident == "choices")
            app.stylesheet.apply(widget)  # Textual's own restyle, component classes and all
            assert component_looks(widget) == kept
