"""Write the actual post or reply: the post being answered, an editor, a live character count."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.geometry import Size
from textual.widgets import Static, TextArea

from readiness.engine import Run
from readiness.i18n import current_language, t
from readiness.i18n.formats import number
from readiness.models.scenario import Reply
from readiness.platforms import platform_name
from readiness.tui.widgets.countdown import Countdown
from readiness.tui.widgets.decision_panel import situation_text
from readiness.tui.widgets.feed_entry import item_header
from readiness.tui.widgets.step_inputs import ReplyArea


class ReplyEditor(Vertical):
    """The reply step's panel; on Ctrl+S the screen's binding asks `post()` for the reply."""

    @dataclass(frozen=True)
    class Posted:
        """The participant posts `text` at reply node `node_id` (handed to the screen by
        `post()`, not sent as a message: the screen acts on it within the key)."""

        node_id: str
        text: str

    def __init__(self, run: Run, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="step-panel")
        self.run = run
        self.node = run.node if isinstance(run.node, Reply) else None
        """The reply step shown; None while the run is at a decision (the panel is hidden)."""
        self.display = self.node is not None
        self.limit = run.reply_limit() if self.node is not None else 0
        self._count = -1

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="situation-box", can_focus=False):
            yield Static(self._situation(), classes="situation")
            quoted = self._original()
            original = Static(quoted, classes="reply-original")
            original.display = bool(quoted)
            yield original
        yield Countdown(id="countdown")
        yield ReplyArea(
            self.run.draft if self.node is not None else "",
            id="reply-text",
            soft_wrap=True,
            tab_behavior="focus",
            placeholder=t("train.reply.placeholder"),
        )
        yield Static(id="reply-counter")

    def on_mount(self) -> None:
        if self.node is not None:
            self._update_counter()
            editor = self.query_one(TextArea)
            editor.move_cursor(editor.document.end)  # a saved draft is continued, not prefixed
            editor.focus()

    def load(self) -> None:
        """Show the run's new reply step in this panel (kept mounted for the whole run: a new
        panel with its editor took several frames to build)."""
        node = self.run.node
        assert isinstance(node, Reply)
        self.node = node
        self.limit = self.run.reply_limit()
        self.query_one(".situation", Static).update(self._situation())
        quoted = self._original()
        original = self.query_one(".reply-original", Static)
        original.update(quoted)
        original.display = bool(quoted)
        self.query_one(".situation-box", VerticalScroll).scroll_home(animate=False)
        editor = self.query_one(TextArea)
        if editor.text != self.run.draft:
            editor.load_text(self.run.draft)
            editor.move_cursor(editor.document.end)  # a saved draft is continued, not prefixed
        self._count = -1
        self._update_counter()
        self.sync()
        self.screen.set_focus(editor)

    def expect_room(self, room: Size) -> None:
        """Give the situation box the scroll bar it will need once the panel is shown with
        `room` for its content (the room of the decision panel it takes the place of).

        Textual sets a box's scroll bar from the sizes of the layout before, so a box shown
        again with a longer or shorter situation was laid out a second time to add or drop
        the bar: 2 ms of the key that opens a reply step at 120x40. A wrong guess costs only
        that second layout (`SettledLayout` runs it when a scroll bar changed)."""
        box = self.query_one(".situation-box", VerticalScroll)
        if not room or box.styles.overflow_y != "auto":
            return
        viewport = self.app.size
        limit = box.styles.max_height
        most = int(limit.resolve(room, viewport)) if limit is not None else room.height
        # Measured beside a bar: the texts keep that measure for the layout, which then
        # wraps nothing again. (Text that fits only without the bar is guessed wrong.)
        beside_bar = room.width - box.styles.scrollbar_size_vertical
        needed = box.get_content_height(room, viewport, beside_bar) > most
        if box.show_vertical_scrollbar != needed:
            box.show_vertical_scrollbar = needed

    def _situation(self) -> Text:
        node = self.node
        return situation_text(self.run, node.title, node.situation) if node else Text()

    def _original(self) -> Text:
        """The post being answered, quoted (empty, and hidden, when there is none)."""
        original = self.run.feed.by_id.get(self.node.reply_to or "") if self.node else None
        quoted = Text()
        if original is not None:
            quoted.append(t("train.reply.replying_to") + " ", "dim")
            quoted.append_text(item_header(original, self.run.scenario.clock.start))
            quoted.append("\n" + original.text)
        return quoted

    @property
    def text(self) -> str:
        return self.query_one(TextArea).text

    def sync(self) -> None:
        countdowns = self.query(Countdown)
        if self.node is None or self.run.node is not self.node or not countdowns:
            return  # not this panel's step, or not composed yet
        countdowns.first().set_time(self.run.seconds_left, self.run.time_limit)

    @on(TextArea.Changed, "#reply-text")
    def _changed(self, event: TextArea.Changed) -> None:
        event.stop()
        if self.node is not None and self.run.node is self.node:
            self.run.draft = event.text_area.text  # kept if the countdown runs out
            self._update_counter()

    def _update_counter(self) -> None:
        count = len(self.text)
        if self.node is None or count == self._count:
            return
        self._count = count
        counter = self.query_one("#reply-counter", Static)
        over = count - self.limit
        line = Text(t("train.reply.counter", count=number(count), limit=number(self.limit)))
        if over > 0:
            line.append(
                "  "
                + t(
                    "train.reply.over",
                    over=number(over),
                    platform=platform_name(self.node.platform, current_language()),
                ),
                style="bold",
            )
        else:
            line.append("  " + t("train.reply.hint"), style="dim")
        counter.set_class(over > 0, "-over")
        # One line high and as wide as the panel (reply_editor's rules in scenario.tcss):
        # repainted without a new layout, which cost a whole-screen reflow per typed letter.
        counter.update(line, layout=False)

    def post(self) -> Posted | None:
        """The reply to post, or None after telling the participant why not (empty, too long):
        a reason, not an error. The screen acts on it at once, as on a number key: no
        message round trip before the next step is shown."""
        text = self.text
        if self.node is None:
            return None
        if not text.strip():
            self.notify(t("train.reply.empty"), severity="warning")
            return None
        if len(text) > self.limit:
            over = len(text) - self.limit
            self.notify(
                t(
                    "train.reply.too_long",
                    platform=platform_name(self.node.platform, current_language()),
                    over=number(over),
                ),
                severity="warning",
            )
            return None
        return self.Posted(self.node.id, text)
