"""Facilitator dialogs: which exercise to start for everyone, which inject to release."""

from __future__ import annotations

from dataclasses import dataclass
from typing import get_args

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, OptionList, Select
from textual.widgets.option_list import Option

from readiness.content.loader import ContentFile
from readiness.i18n import t
from readiness.models.scenario import Channel

CHANNELS: dict[str, Channel] = {c: c for c in get_args(Channel)}
"""Every channel an inject may arrive on, by its name in the picker."""

PRESETS = ("journalist", "boss", "works_council", "influencer")
"""Ready-made injects (texts in the catalog) so the facilitator only has to press Enter."""


class StartDialog(ModalScreen[ContentFile | None]):
    """Pick the assessment or exercise every participant opens at once."""

    BINDINGS = [Binding("escape", "cancel", "workshop.dash.cancel", id="cancel")]

    def __init__(self, contents: list[ContentFile]) -> None:
        super().__init__()
        self._contents = contents

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(t("workshop.dash.start_title"), classes="dialog-title")
            options = []
            for f in self._contents:
                label = Text(f.model.title)
                kind = t(f"workshop.dash.kind.{f.kind}")
                label.append(f"  {kind} · {f.model.language}", style="dim")
                options.append(Option(label, id=f.id))
            yield OptionList(*options, id="start-list")
            yield Label(t("workshop.dash.start_hint"), classes="dialog-hint")

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(next(f for f in self._contents if f.id == event.option.id))

    def action_cancel(self) -> None:
        self.dismiss(None)


@dataclass(frozen=True)
class InjectRequest:
    """What the facilitator wants every running session of a scenario to receive."""

    content_id: str
    """The scenario; "" = every running scenario."""
    channel: Channel
    author: str
    text: str


class InjectDialog(ModalScreen[InjectRequest | None]):
    """Write (or pick) an extra inject and release it to the room."""

    BINDINGS = [Binding("escape", "cancel", "workshop.dash.cancel", id="cancel")]

    def __init__(self, scenarios: list[ContentFile]) -> None:
        super().__init__()
        self._scenarios = scenarios

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="inject-box"):
            yield Label(t("workshop.dash.inject_title"), classes="dialog-title")
            with Horizontal(classes="field"):
                yield Label(t("workshop.dash.for"))
                yield Select(
                    [(t("workshop.dash.all_scenarios"), "")]
                    + [(Text(f.model.title), f.id) for f in self._scenarios],
                    value="",
                    allow_blank=False,
                    compact=True,
                    id="inject-target",
                )
            with Horizontal(classes="field"):
                yield Label(t("workshop.dash.preset_label"))
                yield Select(
                    [(t(f"workshop.preset.{p}.label"), p) for p in PRESETS],
                    prompt=t("workshop.dash.preset"),
                    compact=True,
                    id="inject-preset",
                )
            with Horizontal(classes="field"):
                yield Label(t("workshop.dash.channel"))
                yield Select(
                    [(t(f"workshop.channel.{c}"), c) for c in get_args(Channel)],
                    value="press",
                    allow_blank=False,
                    compact=True,
                    id="inject-channel",
                )
            with Horizontal(classes="field"):
                yield Label(t("workshop.dash.from"))
                yield Input(
                    placeholder=t("workshop.dash.author"),
                    id="inject-author",
                    max_length=80,
                    compact=True,
                )
            with Horizontal(classes="field"):
                yield Label(t("workshop.dash.says"))
                yield Input(
                    placeholder=t("workshop.dash.text"),
                    id="inject-text",
                    max_length=500,
                    compact=True,
                )
            yield Label("", id="inject-error", classes="dialog-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button(t("workshop.dash.release"), variant="primary", id="inject-send")
                yield Button(t("workshop.dash.cancel"), id="inject-cancel")

    @on(Select.Changed, "#inject-preset")
    def _preset(self, event: Select.Changed) -> None:
        if not isinstance(event.value, str):
            return
        self.query_one("#inject-channel", Select).value = t(
            f"workshop.preset.{event.value}.channel"
        )
        self.query_one("#inject-author", Input).value = t(f"workshop.preset.{event.value}.author")
        self.query_one("#inject-text", Input).value = t(f"workshop.preset.{event.value}.text")
        self.query_one("#inject-send", Button).focus()

    @on(Button.Pressed, "#inject-send")
    @on(Input.Submitted, "#inject-text")
    def _send(self) -> None:
        author = self.query_one("#inject-author", Input).value.strip()
        text = self.query_one("#inject-text", Input).value.strip()
        if not author or not text:
            self.query_one("#inject-error", Label).update(t("workshop.dash.inject_missing"))
            return
        channel = self.query_one("#inject-channel", Select).value
        target = self.query_one("#inject-target", Select).value
        self.dismiss(
            InjectRequest(
                content_id=target if isinstance(target, str) else "",
                channel=CHANNELS.get(str(channel), "press"),
                author=author,
                text=text,
            )
        )

    @on(Button.Pressed, "#inject-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
