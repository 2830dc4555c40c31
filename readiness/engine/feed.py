"""The feed: injects arriving on the clock or on a condition, and their engagement climbing."""

from __future__ import annotations

from bisect import bisect_right, insort
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from operator import itemgetter

from readiness.engine.conditions import Test, compiled, tests_vars
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


_due = itemgetter(0)
_seq = itemgetter(1)

Queued = tuple[int, int, Inject, bool, Test]
"""A pending inject as (due tick, position in `Feed.pending` order, inject, whether only flags
and visited steps decide its `when`, its `when` as a test of the state)."""


def due_tick(inject: Inject) -> int:
    """The tick from which an inject's `at` has passed (-1 when it has none)."""
    return round(inject.at * TICKS_PER_MINUTE) if inject.at is not None else -1


class Feed:
    """Pending injects and the items that have arrived, in arrival order."""

    def __init__(self, injects: list[Inject], values: Mapping[str, str]) -> None:
        self.pending: list[Inject] = list(injects)
        self.items: list[FeedItem] = []
        self.by_id: dict[str, FeedItem] = {}
        self._values = values
        self.by_due: list[Queued] = []
        """The pending injects sorted by due tick: the clock only needs to look at the
        injects that are due, or due first."""
        self._queued = 0
        self._scan_facts = -1
        self._awake: list[Queued] = []
        """Left by the last scan: `State.facts` then, and the injects due then and still
        pending whose `when` tests a variable (or that have none), in `pending` order. While
        the facts and the set of due injects are unchanged, the other due injects (decided
        by flags and visited steps alone, all false at that scan) need not be asked again."""
        for inject in injects:
            self._queue(inject)
        self._growing: list[FeedItem] = []
        self._seen_revision = -1
        self._next_at = -1
        self.growth_revision = 0
        """Bumped when a shown count changes, so the UI repaints only then."""

    def add(self, inject: Inject) -> None:
        """Queue an inject from outside the file; it is checked at the next arrival scan."""
        self.pending.append(inject)
        self._queue(inject)
        self._seen_revision = -1  # force the next scan
        self._scan_facts = -1  # and let it ask every due inject

    def _queue(self, inject: Inject) -> None:
        facts_only = inject.when is not None and not tests_vars(inject.when)
        entry = (due_tick(inject), self._queued, inject, facts_only, compiled(inject.when))
        insort(self.by_due, entry, key=_due)
        self._queued += 1

    def _settled(self, state: State) -> bool:
        """Whether the due injects and the facts are those of the last scan (see `_awake`)."""
        return state.facts == self._scan_facts and state.ticks < self._next_at

    def _due(self, state: State) -> list[Queued]:
        """The due injects worth asking, in `pending` order."""
        if self._settled(state):
            return list(self._awake)
        return sorted(self.by_due[: bisect_right(self.by_due, state.ticks, key=_due)], key=_seq)

    def arrival_horizon(self, state: State, horizon: int) -> int:
        """Ticks from now that surely pass before a pending inject may arrive, at most
        `horizon`; below 1 when one may arrive at the next tick. (An inject arrives at its
        due tick if its `when` holds then; for the clock's closed form, engine/leap.py.)"""
        now = state.ticks
        if any(entry[4](state) for entry in self._due(state)):
            return 0
        for due, _, _, _, when in self.by_due[bisect_right(self.by_due, now, key=_due) :]:
            before = due - now - 1
            if before >= horizon:
                break
            if when(state):
                return before  # earliest first: the first that holds decides
        return horizon

    def arrive(self, entry: Queued, state: State) -> FeedItem:
        """Deliver one pending inject now: it joins the feed and its effects apply."""
        inject = entry[2]
        # By identity: comparing pydantic models field by field is slow.
        del self.pending[next(n for n, i in enumerate(self.pending) if i is inject)]
        self.by_due.remove(entry)
        if entry in self._awake:
            self._awake.remove(entry)
        item = self._make(inject, state.ticks)
        self.items.append(item)
        self.by_id[inject.id] = item
        if item.growing:
            self._growing.append(item)
        state.apply(inject.effects)
        return item

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
            facts = state.facts
            due = self._due(state)
            n = 0
            while n < len(due):
                entry = due[n]
                n += 1
                if entry[4](state):
                    item = self.arrive(entry, state)
                    new.append(item)
                    on_arrival(item)
                    changed = True
                    if state.facts != facts:
                        # The facts changed: the injects after this one that were asleep
                        # are asked in this pass too, in `pending` order as always.
                        facts = state.facts
                        due = [e for e in self._due(state) if e[1] > entry[1]]
                        n = 0
        self._seen_revision = state.revision
        cut = bisect_right(self.by_due, state.ticks, key=_due)
        self._next_at = self.by_due[cut][0] if cut < len(self.by_due) else 1 << 62
        self._scan_facts = state.facts
        self._awake = sorted((e for e in self.by_due[:cut] if not e[3]), key=_seq)
        return new

    def grow(self, state: State, minutes: float) -> None:
        """Engagement climbs on items whose `until` does not hold yet; once it holds, growth
        stops for good (the crisis was answered)."""
        stopped = False
        for item in self._growing:
            growth = item.inject.growth
            if growth is None or compiled(growth.until)(state):
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
