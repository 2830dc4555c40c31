"""The question screen: one question at a time, with its section, progress, help and answers.

A thin layer over `readiness.assessing.AssessmentSession`: keys become session calls, the
session saves after every change (on a background thread), and the screen repaints from it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.text import Text
from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Static

from readiness.assessing import AnswerValue, AssessmentSession, BackgroundSaver
from readiness.errors import ReadinessError, StorageError
from readiness.i18n import set_address, t
from readiness.text_safety import visible
from readiness.tui.contracts import is_preview, leave_applies
from readiness.tui.error_text import said
from readiness.tui.screens.assessment_dialogs import TextPrompt
from readiness.tui.settled_layout import SettledLayout
from readiness.tui.widgets.assessment_choices import AnswerChoices
from readiness.tui.widgets.assessment_progress import AssessmentProgress
from readiness.tui.widgets.header import LocalHeader
from readiness.tui.widgets.steady_footer import SteadyFooter


class QuestionScreen(SettledLayout[None]):
    """One question at a time, with its section, progress, help, options, note and flag."""

    CSS_PATH = "../assessment.tcss"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]
    BINDINGS = [
        Binding("enter", "confirm", "assess.key.confirm", id="assess.confirm", key_display="⏎"),
        Binding("space", "toggle_option", "assess.key.toggle", id="assess.toggle", show=False),
        Binding("1", "pick(1)", "assess.key.pick", id="assess.pick", key_display="1-9", show=False),
        *[Binding(str(n), f"pick({n})", show=False) for n in range(2, 10)],
        # ← and the note/flag keys are left out of the footer so the keys that move on or
        # leave fit at 80 columns in German too; the status line and ? name them.
        Binding(
            "left,backspace",
            "back",
            "assess.key.back",
            id="assess.back",
            key_display="←",
            show=False,
        ),
        Binding("right", "forward", "assess.key.forward", id="assess.forward", show=False),
        Binding("s", "skip", "assess.key.skip", id="assess.skip"),
        # Always in the footer, so the keys stay in place from question to question (and the
        # footer is never rebuilt while answering); where the author does not allow N/A,
        # pressing n says why, and the status line says when it is allowed.
        Binding("n", "not_applicable", "assess.key.na", id="assess.na"),
        Binding("e", "note", "assess.key.note", id="assess.note", show=False),
        Binding("f", "flag", "assess.key.flag", id="assess.flag", show=False),
        Binding("o", "overview", "assess.key.overview", id="assess.overview"),
        Binding("r", "result", "assess.key.result", id="assess.result"),
        # q and Esc leave this screen everywhere (as in the player); answers are saved as
        # they are given, so leaving asks nothing unless a save failed.
        Binding("q,escape", "leave", "assess.key.leave", id="assess.leave", key_display="q/Esc"),
        # `play FILE` previews and saves nothing: the same keys, labelled so (as in the
        # player; `check_action` shows one or the other).
        Binding(
            "q,escape",
            "leave_preview",
            "train.key.leave_preview",
            id="assess.leave_preview",
            key_display="q/Esc",
        ),
        Binding("ctrl+c", "quit", "assess.key.quit", id="assess.quit_ctrl_c", show=False),
        Binding("pagedown", "scroll_text(1)", show=False),
        Binding("pageup", "scroll_text(-1)", show=False),
    ]

    def __init__(self, session: AssessmentSession) -> None:
        super().__init__()
        self.session = session
        set_address(session.assessment.address)
        # Disk writes happen on a thread, in order, handed over once the key's frame is
        # painted (the thread shares Python's lock); a failed one is announced here.
        self.saver = BackgroundSaver(on_error=self._save_failed, defer=self.after_paint)
        session.writer = self.saver
        self._running_app: App[Any] | None = None
        self._help_shown_wide = False
        self._texts_shown: dict[str, Text] = {}
        """The text each side Static shows, by id: an unchanged one is not updated again."""

    @property
    def lang(self) -> Any:
        return self.session.assessment.language

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return leave_applies(self, action)

    def compose(self) -> ComposeResult:
        # Set before the widgets mount, so they are styled once for the terminal's width
        # (set in `on_mount`, every widget was styled again before the first frame).
        self.apply_breakpoints()
        yield LocalHeader()
        with Horizontal(id="q-top"):
            yield Static(id="q-section")
            yield AssessmentProgress(id="q-progress")
        with Horizontal(id="q-body"):
            with VerticalScroll(id="q-main", can_focus=False):
                yield Static(id="q-text")
                yield AnswerChoices(id="q-choices")
                yield Static(id="q-status")
                # Narrow terminals: help goes below the answers, so they are never pushed
                # off screen; wide terminals show it beside them (#q-side).
                yield Static(id="q-help", classes="q-help")
            with VerticalScroll(id="q-side", can_focus=False):
                yield Static(id="q-side-help", classes="q-help")
                yield Static(id="q-sections")
        yield SteadyFooter(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        # The saver's thread has no active app context: keep a reference for its reports.
        self._running_app = self.app
        self.title = self.session.assessment.title
        self.sub_title = self.session.result.participant
        if self.session.at_end:
            # Resumed a run whose questions were all seen: go back to the last one.
            self.session.back()
        self.show_question()

    # -- painting ---------------------------------------------------------------------------

    def show_question(self) -> None:
        """Repaint everything from the session (cheap: a handful of Static updates)."""
        question = self.session.current
        if question is None:
            return
        titles = {d.id: d.title for d in self.session.assessment.dimensions}
        progress = self.session.progress()
        section = Text().append(titles.get(question.dimension, question.dimension), style="bold")
        section.append(
            "  " + t("assess.question.position", n=progress.position, total=progress.total)
        )
        self.query_one("#q-section", Static).update(section, layout=False)  # always one line
        self.query_one(AssessmentProgress).update(progress.done, progress.total)
        text = Text(question.text, style="bold")
        if question.critical is not None:
            text.append("  " + t("assess.question.critical"), style="italic")
        self.query_one("#q-text", Static).update(text)
        help_text = Text(question.help)
        # Only the help in view is updated: each update of a visible text costs a layout pass.
        wide = self.has_class("-wide")
        self.query_one("#q-help" if not wide else "#q-side-help", Static).update(help_text)
        self._help_shown_wide = wide
        self.set_class(not question.help, "-no-help")
        answer = self.session.answer_of(question.id)
        value = answer.value if answer is not None and not answer.not_applicable else None
        choices = self.query_one(AnswerChoices)
        choices.set_question(question, self.lang, value)
        choices.focus()
        self._show_status()
        if wide:
            self._show_sections()

    def on_resize(self) -> None:
        """Crossing the wide breakpoint moves the help and shows the sections panel."""
        if self.has_class("-wide") != self._help_shown_wide:
            self.show_question()

    def _show_sections(self) -> None:
        """Wide terminals: every section with how much of it is done, the current one marked."""
        session = self.session
        current = session.current
        shown = session.visible()
        text = Text().append(t("assess.question.sections") + "\n", style="bold")
        for dim in session.assessment.dimensions:
            mine = [q.id for q in shown if q.dimension == dim.id]
            if not mine:
                continue
            done = sum(session.status_of(q) in ("answered", "not_applicable") for q in mine)
            here = current is not None and current.dimension == dim.id
            text.append("▶ " if here else "  ")
            text.append(dim.title, style="bold" if here else "")
            text.append(f"  {done}/{len(mine)}\n", style="dim")
        text.rstrip()
        self._update_text("q-sections", text)

    def _show_status(self) -> None:
        question = self.session.current
        if question is None:
            return
        answer = self.session.answer_of(question.id)
        status = self.session.status_of(question.id)
        parts: list[tuple[str, str]] = []
        if status == "not_applicable" and answer is not None:
            parts.append((t("assess.question.is_na", reason=answer.na_reason or "–"), "bold"))
        elif status == "skipped":
            parts.append((t("assess.question.was_skipped"), "italic"))
        if answer is not None and answer.flagged:
            parts.append(("⚑ " + t("assess.question.flagged"), "bold"))
        if answer is not None and answer.note:
            parts.append(("✎ " + answer.note, ""))
        if question.type == "multi":
            parts.append((t("assess.question.multi_hint"), "dim"))
        parts.append((t("assess.question.more_keys"), "dim"))
        if self.session.na_allowed(question) and status != "not_applicable":
            parts.append((t("assess.question.na_allowed"), "dim"))
        text = Text()
        for i, (part, style) in enumerate(parts):
            text.append(("\n" if i else "") + part, style=style)
        self._update_text("q-status", text).display = bool(parts)

    def _update_text(self, ident: str, text: Text) -> Static:
        """Show `text` in the Static `ident` unless it shows it already: an update costs a
        layout pass and a repaint of the text, and moving between questions of one section
        leaves the sections list and the status line as they were."""
        widget = self.query_one(f"#{ident}", Static)
        if self._texts_shown.get(ident) != text:
            widget.update(text)
            self._texts_shown[ident] = text
        return widget

    # -- the session, guarded ---------------------------------------------------------------

    def _apply(self, change: Callable[[], object]) -> bool:
        """Run a session change; False only if the session refused it.

        A failed save is announced but counts as applied: the change is kept in memory and
        the next save (after any later change) writes it, so nothing typed is lost."""
        try:
            change()
        except ReadinessError as exc:
            self.notify(
                said(exc), title=t("assess.not_saved"), severity="error", timeout=10, markup=False
            )
        except ValueError as exc:
            self.notify(said(exc), severity="warning", markup=False)
            return False
        return True

    class NotSaved(Message):
        """A background save failed (posted from the saver's thread)."""

        def __init__(self, error: StorageError) -> None:
            super().__init__()
            self.error = error

    def _save_failed(self, error: StorageError) -> None:
        """Called on the saver's thread. Posting a message never waits for the UI thread
        (`call_from_thread` would: if that thread is in `saver.close()` on quit, both wait
        for each other for ever)."""
        if self._running_app is None:
            return
        self.post_message(self.NotSaved(error))

    @on(NotSaved)
    def _not_saved(self, event: NotSaved) -> None:
        self.notify(
            str(event.error),
            title=t("assess.not_saved"),
            severity="error",
            timeout=10,
            markup=False,
        )

    def on_unmount(self) -> None:
        self.saver.close()

    def _after_move(self) -> None:
        if self.session.at_end:
            self._apply(self.session.finish)
            self.app.push_screen(self._result_screen(), self._back_from_result)
            return
        self.show_question()

    def _result_screen(self) -> Screen[bool]:
        from readiness.tui.screens.assessment_result import ResultScreen

        return ResultScreen(self.session)

    def _back_from_result(self, leave: bool | None = None) -> None:
        """Back from the result: to the questions (b), or out of the assessment (q, Esc)."""
        if leave and is_preview(self):
            self.action_leave_preview()
            return
        if leave:
            self.action_leave()
            return
        if self.session.at_end:
            self.session.back()
        self.show_question()

    # -- keys -------------------------------------------------------------------------------

    @on(AnswerChoices.Confirmed)
    def _clicked(self, event: AnswerChoices.Confirmed) -> None:
        current = self.session.current
        if current is not None and current.id == event.question_id:
            self._answer(event.value)

    def _answer(self, value: AnswerValue) -> None:
        if self._apply(lambda: self.session.answer(value)):
            self._after_move()

    def action_confirm(self) -> None:
        choices = self.query_one(AnswerChoices)
        value = choices.value_to_confirm()
        if value is None:
            self.app.bell()
            self.notify(t("assess.pick_first", count=choices.option_count), markup=False)
            return
        self._answer(value)

    def action_toggle_option(self) -> None:
        self.query_one(AnswerChoices).toggle_highlighted()

    def action_pick(self, number: int) -> None:
        if not self.query_one(AnswerChoices).pick(number - 1):
            self.app.bell()

    def action_back(self) -> None:
        if self.session.back():
            self.show_question()
        else:
            self.notify(t("assess.first_question"), markup=False)

    def action_forward(self) -> None:
        self.session.forward()
        self._after_move()

    def action_skip(self) -> None:
        if self._apply(self.session.skip):
            self._after_move()

    def action_not_applicable(self) -> None:
        question = self.session.current
        if question is None:
            return
        if not self.session.na_allowed(question):
            self.notify(t("assess.na_not_allowed"), markup=False)
            return
        answer = self.session.answer_of(question.id)

        def done(reason: str | None) -> None:
            if reason is not None and self._apply(lambda: self.session.mark_not_applicable(reason)):
                self._after_move()

        prompt = TextPrompt(
            t("assess.na.title"),
            t("assess.na.explain"),
            answer.na_reason if answer else "",
            required=True,
        )
        self.app.push_screen(prompt, done)

    def action_note(self) -> None:
        question = self.session.current
        if question is None:
            return
        answer = self.session.answer_of(question.id)

        def done(note: str | None) -> None:
            if note is not None and self._apply(lambda: self.session.set_note(note)):
                self._show_status()

        self.app.push_screen(
            TextPrompt(
                t("assess.note.title"), t("assess.note.explain"), answer.note if answer else ""
            ),
            done,
        )

    def action_flag(self) -> None:
        if self._apply(self.session.toggle_flag):
            self._show_status()

    def action_overview(self) -> None:
        from readiness.tui.screens.assessment_overview import OverviewScreen

        def done(question_id: str | None) -> None:
            if question_id is not None:
                self._apply(lambda: self.session.jump(question_id))
            self.show_question()

        self.app.push_screen(OverviewScreen(self.session), done)

    def action_result(self) -> None:
        self.app.push_screen(self._result_screen(), self._back_from_result)

    def action_scroll_text(self, direction: int) -> None:
        """Page through a long question and help text (the arrows move between answers)."""
        for scroller in self.query("#q-main, #q-side").results(VerticalScroll):
            if direction > 0:
                scroller.scroll_page_down()
            else:
                scroller.scroll_page_up()

    def action_quit(self) -> None:
        """Everything is saved already; save the position too, wait for the disk, and leave.

        If the last save failed (full disk, read-only folder), the answers go to a recovery
        copy in the temp folder and the exit message says where."""
        if self.session.result.answers:
            self._apply(self.session.save)
        self.saver.close()
        if self.saver.failed is None:
            self.app.exit()
            return
        self.app.exit(
            1, return_code=1, message=Text(unsaved_message(self.session, self.saver.failed))
        )

    def action_leave(self) -> None:
        """q or Esc: back to the screen below (home, the results) with everything saved, or
        out of the app when the assessment was started on its own. A failed save is never
        left behind silently: that goes the way of `action_quit` (recovery copy, message)."""
        if len(self.app.screen_stack) <= 2:
            self.action_quit()
            return
        if self.session.result.answers:
            self._apply(self.session.save)
        self.session.flush()
        if self.saver.failed is not None:
            self.action_quit()
            return
        # A check answered to the end has nothing left to go on with: its result is kept.
        left = "assess.left.complete" if self.session.score().complete else "assess.left"
        self.app.notify(t(left), markup=False)
        self.dismiss(None)

    def action_leave_preview(self) -> None:
        """q or Esc in a preview (`readiness play`): nothing is kept, so the preview closes
        without a word about saving."""
        self.app.exit()


def unsaved_message(session: AssessmentSession, error: StorageError) -> str:
    """What the participant reads after quitting when their answers are not in the results
    folder: why, and the recovery copy to move there (or the answers themselves)."""
    from readiness import storage

    result = session.result
    title = result.content_title or result.content_id
    copy = storage.save_recovery_copy(result)
    if copy is not None:
        return visible(t("assess.quit_unsaved", title=title, error=said(error), path=str(copy)))
    answers = "\n".join(
        f"{qid}: {answer.value if answer.value is not None else '-'}"
        + (f"  ({answer.note})" if answer.note else "")
        for qid, answer in result.answers.items()
    )
    intro = t("assess.quit_unsaved_nowhere", title=title, error=said(error))
    return visible(intro + "\n" + answers)
