"""The answers of one question as a list: number keys pick, Space toggles, Enter confirms."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from readiness.assessing import AnswerValue, choices, toggle
from readiness.i18n import Lang
from readiness.models.assessment import Question
from readiness.tui.widgets.hanging_row import HangingRow, LabelWraps


class AnswerChoices(OptionList, inherit_bindings=False):
    """Options of the current question with a marker for what is picked.

    Single answers (yes/no, scales, single choice): the highlighted option is the one Enter
    confirms; a number key or a click picks it (a click also confirms). Multiple choice:
    number keys, Space and clicks toggle; Enter confirms everything picked.

    Enter, Space and number keys are bound on the screen, not here: the screen then answers
    synchronously, so keys typed ahead (1, Enter, 4, Enter) land on the right question."""

    BINDINGS = [
        Binding("down", "cursor_down", show=False),
        Binding("up", "cursor_up", show=False),
        Binding("home", "first", show=False),
        Binding("end", "last", show=False),
    ]

    @dataclass
    class Confirmed(Message):
        """The participant clicked a single answer: pick it and move on."""

        choices: AnswerChoices
        question_id: str
        """The question the click was for (a stale click must not answer the next one)."""
        value: AnswerValue

        @property
        def control(self) -> AnswerChoices:
            return self.choices

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.question: Question | None = None
        self.picks: list[str] = []
        self._values: list[str] = []
        self._labels: list[str] = []
        self._wraps: list[LabelWraps] = []
        """Each answer's wrapped label per width, kept while the question is shown."""
        self._marked: list[bool] = []
        """Whether each row's prompt shows its answer picked."""

    @property
    def multi(self) -> bool:
        return self.question is not None and self.question.type == "multi"

    def set_question(self, question: Question, lang: Lang, value: AnswerValue | None) -> None:
        """Show `question`'s answers with `value` (the saved answer, if any) picked."""
        self.question = question
        pairs = choices(question, lang)
        self._values = [v for v, _ in pairs]
        self._labels = [label for _, label in pairs]
        self._wraps = [{} for _ in pairs]
        self._marked = [False] * len(pairs)
        if value is None:
            self.picks = []
        else:
            self.picks = list(value) if isinstance(value, list) else [value]
        self.set_options(Option(self._prompt(i)) for i in range(len(pairs)))
        first_pick = next((i for i, v in enumerate(self._values) if v in self.picks), None)
        self.highlighted = first_pick if first_pick is not None or not self.multi else 0
        self.scroll_home(animate=False)

    def _prompt(self, index: int) -> HangingRow:
        picked = self._values[index] in self.picks
        self._marked[index] = picked
        marker = ("[x]" if picked else "[ ]") if self.multi else ("(•)" if picked else "( )")
        number = f"{index + 1:>2}" if index < 9 else "  "
        head = Text().append(number + " ", style="bold")
        head.append(marker, style="bold" if picked else "")
        # Content text goes in as a Text object: shown as typed, never parsed as markup.
        return HangingRow(head, Text(self._labels[index]), wraps=self._wraps[index])

    def _refresh_prompts(self) -> None:
        # Only rows whose marker changed get a new prompt: the others keep theirs, with the
        # lines it has already drawn (`HangingRow`).
        for i, value in enumerate(self._values):
            if (value in self.picks) != self._marked[i]:
                self.replace_option_prompt_at_index(i, self._prompt(i))

    def pick(self, index: int) -> bool:
        """Pick (single) or toggle (multi) the option at `index`; False if there is none."""
        if self.question is None or not 0 <= index < len(self._values):
            return False
        value = self._values[index]
        if self.multi:
            self.picks = toggle(self.question, self.picks, value)
        else:
            self.picks = [value]
        self.highlighted = index
        self._refresh_prompts()
        return True

    def toggle_highlighted(self) -> None:
        """Space: pick (single) or toggle (multi) the highlighted option."""
        if self.highlighted is not None:
            self.pick(self.highlighted)

    def value_to_confirm(self) -> AnswerValue | None:
        """What Enter confirms: the highlighted option (single) or all picks (multi).

        None when a single answer has nothing highlighted yet."""
        if self.question is None:
            return None
        if self.multi:
            return list(self.picks)
        if self.highlighted is None:
            return None
        self.pick(self.highlighted)
        return self._values[self.highlighted]

    async def _on_click(self, event: events.Click) -> None:
        clicked = event.style.meta.get("option")
        if clicked is None:
            return
        event.stop()
        event.prevent_default()  # OptionList's own click handler would "select" as well
        self.focus()
        self.pick(clicked)
        if not self.multi and self.question is not None:
            self.post_message(self.Confirmed(self, self.question.id, self._values[clicked]))
