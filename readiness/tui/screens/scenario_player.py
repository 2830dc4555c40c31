"""The crisis player: a live feed, the decision with its countdown, meters and the team chat.

A Textual timer calls the pure engine's `advance()` a few times a second with the real time
that passed (from an injectable time source, so tests drive the clock). After each tick only
the widgets whose data changed are refreshed, which keeps an idle exercise cheap."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.timer import Timer
from textual.widgets import ContentSwitcher, Static

from readiness.engine import EngineError, ExpertPath, FeedItem, Session, expert_path
from readiness.errors import StorageError
from readiness.i18n import set_address, t
from readiness.models.scenario import Decision, Ending, Reply
from readiness.tui import gc_pauses
from readiness.tui.error_text import said
from readiness.tui.screens.player_clock import PlayerClock, TimeSource
from readiness.tui.screens.scenario_dialogs import BriefingScreen, PauseScreen
from readiness.tui.screens.scenario_layout import compose_player, is_wide, label_tab, mark_pane
from readiness.tui.settled_layout import SettledLayout
from readiness.tui.widgets.decision_panel import DecisionPanel
from readiness.tui.widgets.feed_chat import ChatLog
from readiness.tui.widgets.feed_timeline import FeedTimeline
from readiness.tui.widgets.meters import Meters
from readiness.tui.widgets.player_status import PlayerStatus
from readiness.tui.widgets.reply_editor import ReplyEditor
from readiness.tui.widgets.tab_line import TabLine
from readiness.workshop.control import Command

TIME_SOURCE: TimeSource = time.monotonic
"""Where real time comes from; tests replace it to make countdowns expire on demand."""
TICK_SECONDS = 0.2
"""Five ticks a second: a countdown expires on time and new items appear at once."""


@dataclass
class _Seen:
    """What the widgets show, so a tick repaints only what changed."""

    items: int = 0
    growth: int = -1
    state: int = -1
    node: int = -1


class PlayerScreen(SettledLayout[None]):
    """Plays one `Session`; switches to the debrief when an ending is reached."""

    CSS_PATH = "../scenario.tcss"
    BINDINGS = [
        Binding("1", "pick(1)", "train.key.pick", id="train.pick", key_display="1-9"),
        *[Binding(str(n), f"pick({n})", show=False) for n in range(2, 10)],
        Binding("ctrl+s", "post", "train.key.post", id="train.post"),
        Binding("p,f9", "pause", "train.key.pause", id="train.pause"),
        Binding("d", "show('decision')", "train.key.decision", id="train.decision", show=False),
        Binding("f", "show('feed')", "train.key.feed", id="train.feed", show=False),
        Binding("c", "show('chat')", "train.key.chat", id="train.chat", show=False),
        # Esc too: in a reply step q is typed into the text, so there the footer offers Esc
        # alone (the `_in_reply` bindings; `check_action` shows one pair or the other).
        Binding("q,escape", "leave", "train.key.leave", id="train.leave", key_display="q/Esc"),
        Binding("escape", "leave_in_reply", "train.key.leave", id="train.leave.in_reply"),
        Binding("q", "leave_in_reply", show=False),  # when the reply box does not have it
        # `play FILE` previews and saves nothing: the same keys, without the word "saved".
        Binding(
            "q,escape",
            "leave_preview",
            "train.key.leave_preview",
            id="train.leave_preview",
            key_display="q/Esc",
        ),
        Binding(
            "escape",
            "leave_preview_in_reply",
            "train.key.leave_preview",
            id="train.leave_preview.in_reply",
        ),
        Binding("q", "leave_preview_in_reply", show=False),
    ]

    def __init__(
        self, session: Session, *, resumed: bool = False, time_source: TimeSource | None = None
    ) -> None:
        super().__init__()
        self.session = session
        set_address(session.run.scenario.address)  # du/Sie of the hints around the content
        self.resumed = resumed
        self.clock = PlayerClock(time_source or TIME_SOURCE)
        self._finished = False
        self._rebuilding = False
        """True while a resize recomposes the screen (side by side <-> tabs)."""
        self._expert: ExpertPath | None = None
        """Worked out in a thread at the start (see `_work_out_expert_path`)."""
        self._wide = False
        self._seen = _Seen()
        self._unseen: dict[str, int] = {"feed": 0, "chat": 0}
        self._timer: Timer | None = None
        self._waited = False
        """True when the participant chose to wait: no "time ran out" notice for that."""
        self._notice = Text()
        """Above the step: what happened when the last countdown ran out (until the next)."""
        self._save_failing = False
        """A save failed and none has worked since: said once, not at every tick."""

    # -- layout ---------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        run = self.session.run
        self._wide = is_wide(self.app.size)
        self._seen = _Seen(
            items=len(run.feed.items), growth=run.feed.growth_revision, node=run.node_revision
        )
        # One panel of each kind for the whole run; the step's panel shows, the other hides.
        notice = Static(self._notice, id="step-notice")
        notice.display = bool(self._notice)
        yield from compose_player(
            run, self._wide, PlayerStatus(), notice, DecisionPanel(run), ReplyEditor(run)
        )

    def on_mount(self) -> None:
        # Everything alive now (Textual, the content library, this screen) stays alive for the
        # whole exercise; freezing it spares the cyclic collector from scanning it again and
        # again, whose full passes otherwise stall a key press by 50-200 ms mid-exercise.
        # Done once the briefing is on the screen, while it is read: the full collection
        # takes tens of milliseconds, and before the briefing they delayed its first frame.
        self.call_after_refresh(gc_pauses.settle)
        self._work_out_expert_path()
        self._timer = self.set_interval(TICK_SECONDS, self.tick, pause=True)
        self._refresh_widgets()
        run = self.session.run
        self.app.push_screen(
            BriefingScreen(
                run.fill(run.scenario.title),
                run.fill(run.scenario.briefing),
                run.practice,
                self.resumed,
            ),
            self._after_briefing,
        )

    def _after_briefing(self, leave: bool | None) -> None:
        """q or Esc on the briefing leaves the exercise, as they do on the player itself."""
        if leave:
            if self._preview:
                self.action_leave_preview()
            else:
                self.action_leave()

    async def on_resize(self, event: events.Resize) -> None:
        if is_wide(self.app.size) != self._wide and not self._finished:
            self._rebuilding = True
            try:
                await self.recompose()
            finally:
                self._rebuilding = False
            self.call_after_refresh(self._refresh_widgets)

    # -- the clock ------------------------------------------------------------------------

    def on_screen_resume(self) -> None:
        set_address(self.session.run.scenario.address)  # as when it was made (see __init__)
        self.clock.restart()
        if self._timer is not None:
            self._timer.resume()
        self._refresh_widgets()

    def on_screen_suspend(self) -> None:
        self.tick()
        self.clock.paused = True
        if self._timer is not None:
            self._timer.pause()
        self._update_status()

    def tick(self, smooth: bool | None = None) -> None:
        """Feed the real time since the last tick to the engine, then repaint what changed
        (`smooth=True` also repaints the climbing numbers now)."""
        if self._advance_clock():
            likes, meters = self.clock.next_tick()
            self._refresh_widgets(counts=bool(smooth) or likes, meters=bool(smooth) or meters)

    def _advance_clock(self) -> bool:
        """Give the engine the real time since the last call; False while paused or over."""
        elapsed = self.clock.elapsed()
        if self.clock.paused or self._finished:
            return False
        try:
            self.session.advance(elapsed)
            if self.clock.draft_due():
                self.session.save_draft()
        except StorageError as exc:
            self._save_failed(exc)
        else:
            self._saved()
        return True

    # -- keeping widgets in step with the engine ---------------------------------------------

    def _refresh_widgets(
        self, counts: bool = True, meters: bool = True, feed: bool = True, status: bool = True
    ) -> None:
        """Repaint what changed. `counts`/`meters` False leave climbing likes or meters for a
        later tick; `feed`/`status` False leave the feed, chat, meters or the status line
        for a later call (each of those sits far from the decision, and one frame repaints
        the rectangle around everything that changed).

        Nothing while a resize rebuilds the layout (the clock timer and key bindings run
        outside the screen's message loop and would find half a screen); the rebuild
        refreshes everything when it is done."""
        run = self.session.run
        if run.finished:
            self._finish()
            return
        if self._rebuilding:
            return
        seen = self._seen
        if feed:
            self._refresh_feed(counts, meters)
        decision, reply = self.query_one(DecisionPanel), self.query_one(ReplyEditor)
        if run.node_revision != seen.node:
            seen.node = run.node_revision
            self._load_step(decision, reply)
        else:
            decision.sync()
            reply.sync()
        if status:
            self._update_status()

    def _refresh_feed(self, counts: bool, meters: bool) -> None:
        """New posts and messages, climbing counts and meters."""
        run = self.session.run
        seen = self._seen
        if len(run.feed.items) > seen.items:
            new = run.feed.items[seen.items :]
            seen.items = len(run.feed.items)
            noted = [item for item in new if self._announce(item)]
            if noted and self.query_one(PlayerStatus).note_arrivals(noted, self.clock.now()):
                self._update_status()
        if counts and run.feed.growth_revision != seen.growth:
            seen.growth = run.feed.growth_revision
            self.query_one(FeedTimeline).refresh_counts()
        if meters and run.state.revision != seen.state:
            seen.state = run.state.revision
            for widget in self.query(Meters):
                widget.set_values(run.state.vars)

    def _step_panel(self) -> DecisionPanel | ReplyEditor | None:
        """The panel for the run's current step; None while a resize rebuilds the layout."""
        panels: list[DecisionPanel | ReplyEditor] = [
            *self.query(ReplyEditor if isinstance(self.session.run.node, Reply) else DecisionPanel)
        ]
        return panels[0] if panels else None

    def _load_step(self, decision: DecisionPanel, reply: ReplyEditor) -> None:
        """Fill the panel for the run's new step and show it instead of the other one: now,
        in the frame that answers the key (no panel is built or mounted)."""
        if self._finished:
            return
        panel = decision if isinstance(self.session.run.node, Decision) else reply
        self._show_notice()
        panel.load()
        if panel is reply and decision.display:
            reply.expect_room(decision.content_size)
        decision.display = panel is decision
        reply.display = panel is reply
        self._bring_step_forward()

    def _show_notice(self) -> None:
        """Say so when the last step ended because its countdown ran out, and what that led
        to (the timeout's feedback); otherwise the next step simply replaced the old one."""
        run = self.session.run
        steps = run.result.steps
        last = steps[-1] if steps else None
        text = Text()
        if last is not None and last.timed_out and not self._waited:
            node = run.nodes[last.node]
            title = run.fill(node.title) if isinstance(node, Decision | Reply) else ""
            timeout = None if isinstance(node, Ending) else node.timeout
            text.append("⌛ " + t("screens.timeout.title", title=title) + " ", style="bold")
            if timeout is not None and timeout.feedback:
                text.append(run.fill(timeout.feedback))
        self._waited = False
        self._notice = text
        for notice in self.query("#step-notice").results(Static):
            notice.update(text)
            notice.display = bool(text)

    def _bring_step_forward(self) -> None:
        if not self._wide:
            self._show_tab("tab-decision")

    def _announce(self, item: FeedItem) -> bool:
        """Add a new item where it belongs and make it noticed without taking focus; True
        when it deserves a toast (urgent, or a message on a hidden tab)."""
        pane = "feed" if item.social else "chat"
        if item.social:
            self.query_one(FeedTimeline).add(item)
        else:
            self.query_one(ChatLog).add(item)
        visible = self._wide or self.query_one(TabLine).active == f"tab-{pane}"
        if not visible:
            self._unseen[pane] += 1
            self._label_tab(pane)
        return item.inject.urgent or not (visible or item.social)

    def _label_tab(self, pane: str) -> None:
        label_tab(self.query_one(TabLine), pane, self._unseen[pane])

    def _show_tab(self, tab: str) -> None:
        """Switch tabs now, so that focus can move into the pane in the same turn."""
        self.query_one(TabLine).active = tab
        self.query_one("#tabs", ContentSwitcher).current = tab

    def on_tab_line_changed(self, event: TabLine.Changed) -> None:
        """A tab was shown (by a key or a click): what arrived there has now been seen."""
        self.query_one("#tabs", ContentSwitcher).current = event.tab
        pane = event.tab.removeprefix("tab-")
        if self._unseen.get(pane):
            self._unseen[pane] = 0
            self._label_tab(pane)

    def _update_status(self) -> None:
        self.query_one(PlayerStatus).show(
            self.session.run, paused=self.clock.paused, now=self.clock.now()
        )

    def _save_failed(self, exc: StorageError, *, asked: bool = False) -> None:
        """Say once that saving fails (one sentence, never parsed as markup: it names a
        path); the ticks that retry the save meanwhile stay quiet. Everything done stays in
        the run and is saved by the next save that works. `asked`: the participant asked
        for this save (leaving), so they are told again."""
        if self._save_failing and not asked:
            return
        self._save_failing = True
        self.notify(
            t("train.save_failed", error=said(exc)), severity="error", timeout=8, markup=False
        )

    def _saved(self) -> None:
        """After a save that did not fail: once nothing is left unsaved, a later failure is
        said again."""
        if not self.session.unsaved:
            self._save_failing = False

    def _finish(self) -> None:
        if self._finished:
            return
        self._finished = True
        if self._timer is not None:
            self._timer.stop()
        from readiness.tui.screens.scenario_debrief import DebriefScreen

        run = self.session.run
        self.app.switch_screen(DebriefScreen(run, self.session.path, self._expert))

    @work(thread=True, exit_on_error=False)
    def _work_out_expert_path(self) -> None:
        """The debrief's expert path replays the whole scenario (0.1-0.2 s): done while the
        participant reads the briefing, not after the last choice, where it held up the
        debrief (as did importing the debrief's module, about 6 ms). Pure engine work on
        its own `Run`; if it is not ready, the debrief works it out itself."""
        run = self.session.run
        self._expert = expert_path(run.scenario, run.values)
        # The debrief's module too, so the last choice does not wait for its import.
        import_module("readiness.tui.screens.scenario_debrief")

    # -- what the participant does --------------------------------------------------------

    def _act(self, node_id: str, action: Callable[[], object]) -> None:
        """Count the time up to now first (the countdown may have run out meanwhile), then act
        only if the participant is still at the node they acted on.

        What the key asked for (the next step) is painted first; saving the result, the feed,
        chat, meters and status line follow a frame later, so the answer to the key is not
        held up by them. (`action` must not save: see `_save_step`.)"""
        self._advance_clock()
        if self._finished or self.session.run.node.id != node_id:
            self._refresh_widgets()
            return
        try:
            action()
        except EngineError as exc:
            self.notify(said(exc), severity="warning")
        if self.session.run.finished:
            self._save_step()  # the debrief names the saved file
            self._finish()
            return
        self._refresh_widgets(feed=False, status=False)
        self.after_paint(self._after_step)

    def _after_step(self) -> None:
        self._save_step()
        self._refresh_widgets()

    def _save_step(self) -> None:
        try:
            self.session.save_pending()
        except StorageError as exc:
            self._save_failed(exc)
        else:
            self._saved()

    @on(DecisionPanel.ChoiceMade)
    def _chosen(self, event: DecisionPanel.ChoiceMade) -> None:
        """A click (or Enter) on a choice; number keys come straight from `action_pick`."""
        self._choose(event)

    def _choose(self, event: DecisionPanel.ChoiceMade) -> None:
        choice = event.choice_id
        self._waited = choice is None
        if choice is None:
            self._act(event.node_id, lambda: self.session.wait(save=False))
        else:
            self._act(event.node_id, lambda: self.session.choose(choice, save=False))

    def _posted(self, event: ReplyEditor.Posted) -> None:
        self._act(event.node_id, lambda: self.session.reply(event.text, save=False))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        node = self.session.run.node
        if action == "pick":
            return isinstance(node, Decision)
        if action == "post":
            return isinstance(node, Reply)
        if action == "pause":
            return not self.session.run.practice
        if action.startswith("leave"):
            preview = action.startswith("leave_preview")
            in_reply = action.endswith("_in_reply")
            return preview == self._preview and in_reply == isinstance(node, Reply)
        return True

    @property
    def _preview(self) -> bool:
        """True under `readiness play FILE`: results go to a scratch folder that is deleted."""
        return bool(getattr(self.app, "preview", False))

    def action_leave_preview_in_reply(self) -> None:
        self.action_leave_preview()

    def action_leave_in_reply(self) -> None:
        self.action_leave()

    def action_leave_preview(self) -> None:
        """Leave a preview: nothing is kept, so nothing is said to be saved."""
        if self._timer is not None:
            self._timer.stop()
        self._finished = True
        self.app.exit()

    def action_pick(self, number: int) -> None:
        for panel in self.query(DecisionPanel):
            made = panel.choice_at(number)
            if made is not None:
                self._choose(made)
                return

    def action_post(self) -> None:
        for editor in self.query(ReplyEditor):
            posted = editor.post()
            if posted is not None:
                self._posted(posted)
                return

    def action_pause(self) -> None:
        self.app.push_screen(PauseScreen())

    def action_show(self, pane: str) -> None:
        """Bring a pane forward and focus it (in tabs, focusing also switches the tab).

        Focus is set now, through the screen: `Widget.focus()` waits a turn of the message
        loop and repaints the whole widget, a full column for the feed or the chat, though
        neither looks different with the keyboard."""
        if self._rebuilding:
            return
        if not self._wide:
            self._show_tab(f"tab-{pane}")
        if pane == "decision":
            panel = self._step_panel()
            if panel is not None:
                self.set_focus(panel.query_one("OptionList, TextArea"))
        else:
            self.set_focus(self.query_one(f"#{pane}"))

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """Side by side, the pane with the keyboard gets its title reversed: arrows and
        Page Up/Down scroll that pane. (A style on the pane itself, not a class: a class
        change would restyle every post in the feed; see `mark_pane` for why only the title
        line is repainted.)"""
        if not self._wide:
            return
        for pane in self.query(".pane"):
            mark_pane(pane, pane in event.widget.ancestors_with_self)

    def facilitator_inject(self, command: Command) -> bool:
        """Workshop hook (`readiness.tui.follow`): take the facilitator's extra inject if it
        is meant for this scenario ("" = every scenario); True when taken."""
        run = self.session.run
        if self._finished or run.finished or command.content_id not in ("", run.scenario.id):
            return False
        run.add_inject(command.to_inject(run.minute))
        self._refresh_widgets()
        return True

    def action_leave(self) -> None:
        """Stop here; everything done so far (and a reply begun) is saved for resuming."""
        if self.session.has_progress:
            try:
                self.session.save()
            except StorageError as exc:
                self._save_failed(exc, asked=True)  # stay: leaving now would lose what was done
                return
        if self._timer is not None:
            self._timer.stop()
        self._finished = True
        self.app.notify(t("train.left"))
        if len(self.app.screen_stack) <= 2:
            self.app.exit()
        else:
            self.app.pop_screen()
