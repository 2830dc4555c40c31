"""The situation and the numbered choices of a decision, with its countdown."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from readiness.engine import Run
from readiness.i18n import t
from readiness.models.scenario import Decision
from readiness.tui.widgets.countdown import Countdown
from readiness.tui.widgets.hanging_row import HangingRow
from readiness.tui.widgets.step_inputs import ChoiceList

WAIT = "__wait__"
"""Option id of "wait and watch"."""


def situation_text(run: Run, title: str, situation: str) -> Text:
    text = Text()
    if title:
        text.append(run.fill(title) + "\n", style="bold")
    text.append(run.fill(situation))
    return text


def numbered(number: int, label: Text) -> HangingRow:
    """`1  text` with wrapped lines indented under the text, not under the number."""
    return HangingRow(Text(str(number), style="bold"), label, gap=2)


class DecisionPanel(Vertical):
    """Shows the current decision of `run`; posts `ChoiceMade` when an option is picked."""

    @dataclass
    class ChoiceMade(Message):
        """The participant picked a choice at `node_id`; `choice_id` is None for waiting."""

        node_id: str
        choice_id: str | None

    def __init__(self, run: Run, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="step-panel")
        self.run = run
        self.node = run.node if isinstance(run.node, Decision) else None
        """The decision shown; None while the run is at a reply (the panel is hidden)."""
        self.display = self.node is not None
        self._shown: tuple[str, ...] = ()

    def compose(self) -> ComposeResult:
        node = self.node
        situation = situation_text(self.run, node.title, node.situation) if node else Text()
        with VerticalScroll(classes="situation-box", can_focus=False):
            yield Static(situation, classes="situation")
        yield Countdown(id="countdown")
        yield ChoiceList(id="choices")

    def on_mount(self) -> None:
        if self.node is not None:
            self.sync()
            self.query_one(OptionList).focus()

    def load(self) -> None:
        """Show the run's new decision in this panel (the player keeps one panel of each kind
        and fills it: building a new one per step cost a frame or two)."""
        node = self.run.node
        assert isinstance(node, Decision)
        self.node = node
        self._shown = ()
        situation = situation_text(self.run, node.title, node.situation)
        self.query_one(".situation", Static).update(situation)
        self.query_one(".situation-box", VerticalScroll).scroll_home(animate=False)
        options = self.query_one(OptionList)
        options.highlighted = None
        self.sync()
        self.screen.set_focus(options)

    def option_ids(self) -> list[str]:
        """What the number keys pick, in order: the open choices in this run's shown order,
        then the player's own "wait and watch" if offered (never beside an authored one)."""
        ids = [c.id for c in self.run.shown_choices()]
        if self.run.offers_wait:
            ids.append(WAIT)
        return ids

    def sync(self) -> None:
        """Follow the run: countdown every second, options when conditions open or close one."""
        countdowns = self.query(Countdown)
        if self.node is None or self.run.node is not self.node or not countdowns:
            return  # not this panel's step, or not composed yet
        countdowns.first().set_time(self.run.seconds_left, self.run.time_limit)
        ids = tuple(self.option_ids())
        if ids == self._shown:
            return
        self._shown = ids
        options = self.query_one(OptionList)
        highlighted = options.highlighted
        choices = {c.id: c for c in self.node.choices}
        shown: list[Option] = []
        for number, ident in enumerate(ids, start=1):
            if ident == WAIT:
                label = Text(t("train.choices.wait"), style="italic")
            else:
                label = Text(self.run.fill(choices[ident].text))
            shown.append(Option(numbered(number, label), id=ident))
        if not ids:
            shown.append(Option(Text(t("train.choices.none"), style="italic"), disabled=True))
        # All at once: each `add_option` measured the list's lines again.
        options.set_options(shown)
        if not ids:
            return
        if highlighted is None or highlighted >= len(ids):
            options.highlighted = 0
        else:
            options.highlighted = highlighted

    def choice_at(self, number: int) -> ChoiceMade | None:
        """What number key `number` (1-based) picks, or None if there is no such option.

        The screen acts on it at once (no message round trip): a key typed ahead then lands
        on the decision it was meant for, and the next step appears a frame sooner."""
        ids = self.option_ids()
        if self.node is None or not 1 <= number <= len(ids):
            return None
        ident = ids[number - 1]
        return self.ChoiceMade(self.node.id, None if ident == WAIT else ident)

    @on(OptionList.OptionSelected, "#choices")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        ident = event.option.id
        if ident is not None and self.node is not None:
            self.post_message(self.ChoiceMade(self.node.id, None if ident == WAIT else ident))
