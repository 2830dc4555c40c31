"""The feed: injects arriving on the clock or on a condition, and their engagement climbing."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from readiness.engine.conditions import holds
from readiness.engine.state import TICKS_PER_MINUTE, State
from readiness.models.scenario import Inject
from readiness.placeholders import fill

SOCIAL_CHANNELS = frozenset({"post", "comment", "news"})
"""Channels shown in the social timeline; the rest (dm, chat, email, press) are messages to
the participant and go to the inbox / team chat."""


@dataclass
class FeedItem:
    """One inject as it appeared: placeholder-filled text and live engagement counts."""

    inject: Inject
    seq: int
    """Order of arrival (0 = first)."""
    ticks: int
    """Scenario tick of arrival."""
    author: str
    handle: str
    text: str
    likes: float
    shares: float
    comments: float
    growing: bool

    @property
    def id(self) -> str:
        return self.inject.id

    @property
    def minute(self) -> float:
        return self.ticks / TICKS_PER_MINUTE

    @property
    def social(self) -> bool:
        return self.inject.channel in SOCIAL_CHANNELS

    def counts(self) -> tuple[int, int, int]:
        """Likes, shares, comments as shown (whole numbers)."""
        return int(self.likes), int(self.shares), int(self.comments)


class Feed:
    """Pending injects and the items that have arrived, in arrival order."""

    def __init__(self, injects: list[Inject], values: Mapping[str, str]) -> None:
        self.pending: list[Inject] = list(injects)
        self.items: list[FeedItem] = []
        self.by_id: dict[str, FeedItem] = {}
        self._values = values
        self._at_ticks = {
            i.id: round(i.at * TICKS_PER_MINUTE) if i.at is not None else -1 for i in injects
        }
        self._growing: list[FeedItem] = []
        self._seen_revision = -1
        self._next_at = -1
        self.growth_revision = 0
        """Bumped when a shown count changes, so the UI repaints only then."""

    def add(self, inject: Inject) -> None:
        """Queue an inject from outside the file; it is checked at the next arrival scan."""
        self.pending.append(inject)
        self._at_ticks[inject.id] = (
            round(inject.at * TICKS_PER_MINUTE) if inject.at is not None else -1
        )
        self._seen_revision = -1  # force the next scan

    def due_tick(self, inject: Inject) -> int:
        """The tick from which a pending inject's `at` has passed (-1 when it has none)."""
        return self._at_ticks[inject.id]

    @property
    def growing_items(self) -> list[FeedItem]:
        """Items whose engagement still climbs (until their `until` holds)."""
        return self._growing

    def set_counts(self, counts: list[tuple[FeedItem, float, float, float]]) -> None:
        """Engagement after a leap of the clock (`engine.leap`): the counts many single
        `grow` steps would have reached. The growth revision moves when a shown count did."""
        for item, likes, shares, comments in counts:
            if (int(likes), int(shares), int(comments)) != item.counts():
                self.growth_revision += 1
            item.likes, item.shares, item.comments = likes, shares, comments

    def arrivals(self, state: State, on_arrival: Callable[[FeedItem], None]) -> list[FeedItem]:
        """Deliver every due inject. An arrival's effects may make another inject due, so scan
        again until nothing more arrives (at most once per inject)."""
        new: list[FeedItem] = []
        # Nothing can have become due if the state is unchanged and no `at` minute passed.
        if state.revision == self._seen_revision and state.ticks < self._next_at:
            return new
        changed = True
        while changed and self.pending:
            changed = False
            for inject in list(self.pending):
                if state.ticks >= self._at_ticks[inject.id] and holds(inject.when, state):
                    self.pending.remove(inject)
                    item = self._make(inject, state.ticks)
                    self.items.append(item)
                    self.by_id[inject.id] = item
                    if item.growing:
                        self._growing.append(item)
                    new.append(item)
                    state.apply(inject.effects)
                    on_arrival(item)
                    changed = True
        self._seen_revision = state.revision
        later = [self._at_ticks[i.id] for i in self.pending if self._at_ticks[i.id] > state.ticks]
        self._next_at = min(later, default=1 << 62)
        return new

    def grow(self, state: State, minutes: float) -> None:
        """Engagement climbs on items whose `until` does not hold yet; once it holds, growth
        stops for good (the crisis was answered)."""
        stopped = False
        for item in self._growing:
            growth = item.inject.growth
            if growth is None or holds(growth.until, state):
                item.growing = False
                stopped = True
                continue
            # Rounding away float noise: 30 ticks of +0.2 are 6 likes, not 5.999.
            likes = round(item.likes + growth.likes_per_minute * minutes, 9)
            shares = round(item.shares + growth.shares_per_minute * minutes, 9)
            comments = round(item.comments + growth.comments_per_minute * minutes, 9)
            if (int(likes), int(shares), int(comments)) != item.counts():
                self.growth_revision += 1
            item.likes, item.shares, item.comments = (
                max(0.0, likes),
                max(0.0, shares),
                max(0.0, comments),
            )
        if stopped:
            self._growing = [i for i in self._growing if i.growing]

    def _make(self, inject: Inject, ticks: int) -> FeedItem:
        return FeedItem(
            inject=inject,
            seq=len(self.items),
            ticks=ticks,
            author=fill(inject.author, self._values),
            handle=fill(inject.handle, self._values),
            text=fill(inject.text, self._values),
            likes=float(inject.likes),
            shares=float(inject.shares),
            comments=float(inject.comments),
            growing=inject.growth is not None,
        )
