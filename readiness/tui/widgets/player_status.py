"""The player's status line: scenario clock first, then what just arrived or the title.

It replaced toasts: a toast sat on the answer options while a countdown ran. What arrived on
a hidden tab (or urgently) is named here for a few seconds instead, at most once per
`NOTE_SECONDS` unless urgent, so a busy feed does not flicker the line."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from readiness.engine import FeedItem, Run, clock_label
from readiness.i18n import t

NOTE_SECONDS = 4.0
"""How long the line names a message on a hidden tab (or an urgent one)."""


class PlayerStatus(Static):
    """One line: clock, pause mark, then a note about new items or mode and title."""

    def __init__(self, *, id: str = "status") -> None:
        super().__init__(id=id)
        self._note = ""
        self._note_until = float("-inf")
        self._noted_at = float("-inf")
        self._shown = ""

    def note_arrivals(self, items: list[FeedItem], now: float) -> bool:
        """Name what arrived together (two at most, "+n more" for the rest). Without an
        urgent item, nothing while the last note still shows: the tab's count says it.
        True when the line took the note."""
        if not any(item.inject.urgent for item in items):
            if now - self._noted_at < NOTE_SECONDS:
                return False
            self._noted_at = now
        ordered = sorted(items, key=lambda item: not item.inject.urgent)
        named = [
            t(
                "train.new_item",
                author=item.author,
                channel=t(f"train.channel.{item.inject.channel}"),
            )
            for item in ordered[:2]
        ]
        if len(ordered) > 2:
            named.append(t("train.new_more", count=len(ordered) - 2))
        self._note, self._note_until = "  ·  ".join(named), now + NOTE_SECONDS
        return True

    def show(self, run: Run, *, paused: bool, now: float) -> None:
        """Repaint the line if its text changed (this runs on every clock tick)."""
        mode = t("train.mode.practice" if run.practice else "train.mode.exercise")
        clock = t("train.status.time", clock=clock_label(run.scenario.clock.start, run.minute))
        paused = paused and not run.practice
        # The clock first: a long title is cut at the end, never the time.
        status = clock + ("  ⏸ " + t("train.status.paused") if paused else "")
        noting = bool(self._note) and now < self._note_until and not paused
        if noting:
            status += f" · ✉ {self._note}"
        else:
            status += f" · {mode} · {run.fill(run.scenario.title)}"
        if status == self._shown:
            return
        self._shown = status
        if self.has_class("-paused") != paused:
            self.set_class(paused, "-paused")
        if self.has_class("-note") != noting:
            self.set_class(noting, "-note")
        # One line whatever it says: repaint without a new layout.
        self.update(Text(status, no_wrap=True, overflow="ellipsis"), layout=False)
