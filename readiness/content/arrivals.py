"""A step must not come before the message it is about: "answer the journalist" shown before
the journalist's e-mail has arrived confuses a participant and spoils the exercise.

The check works out, for every step, the earliest scenario minute at which a participant can
reach it, over every path, in both modes:

- practice: each step takes `clock.practice_step_minutes` plus the choice's `advance_minutes`;
- exercise: a fast participant reads the step and decides (`reading.needed_seconds`: 200 words
  per minute plus 5 s), a countdown that runs out takes the whole `time_limit`; real seconds
  become scenario minutes at `clock.minutes_per_second`; `advance_minutes` is added.

A step depends on a feed item when it answers it (`reply_to`), or when its text names the
item's author and the briefing does not (the person is introduced by that item only). It is
too early when the item's `at` can still lie ahead on some path. An item with a `when` and no
`at` is judged only for simple conditions (a flag a choice sets, a step visited): the step is
too early when some path reaches it without that."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from readiness.content.reading import needed_seconds
from readiness.models.scenario import Decision, Ending, Inject, Reply, Scenario, StateCondition

Node = Decision | Reply | Ending


@dataclass(frozen=True)
class Early:
    """A step reachable before a feed item it depends on."""

    node: str
    inject: str
    mode: str
    """`practice` or `exercise`."""
    minute: float
    """The earliest minute the step can be reached (for `at`), else -1."""
    at: float
    """The item's `at` minute, or -1 for a `when` that may not hold yet."""
    via: str
    """`reply_to` or `mention`."""


def _edges(node: Node) -> Iterator[tuple[str, float, set[str], bool]]:
    """(next node, `advance_minutes`, flags set, is the countdown running out) per way out."""
    if isinstance(node, Ending):
        return
    if isinstance(node, Decision):
        for c in node.choices:
            yield c.next, c.effects.advance_minutes, set(c.effects.set_flags), False
    else:
        yield node.next, node.effects.advance_minutes, set(node.effects.set_flags), False
    if node.timeout is not None and node.time_limit > 0:
        t = node.timeout
        yield t.next, t.effects.advance_minutes, set(t.effects.set_flags), True


def _order(s: Scenario, nodes: dict[str, Node]) -> list[str]:
    """Reachable nodes, each after every node that leads to it (the graph has no cycles; the
    validator refuses cycles before warnings run)."""
    seen: set[str] = set()
    order: list[str] = []
    stack: list[tuple[str, bool]] = [(s.start, False)]
    while stack:
        ident, done = stack.pop()
        if done:
            order.append(ident)
            continue
        if ident in seen or ident not in nodes:
            continue
        seen.add(ident)
        stack.append((ident, True))
        for nxt, *_ in _edges(nodes[ident]):
            if nxt not in seen:
                stack.append((nxt, False))
    return order[::-1]


@dataclass
class _Reach:
    practice: float
    exercise: float
    flags: set[str] | None
    """Flags set on every path here (None: not reached yet)."""
    visited: set[str] | None
    """Steps passed on every path here."""


def _earliest(s: Scenario, flags_seen: set[str], nodes_seen: set[str]) -> dict[str, _Reach]:
    """Earliest minutes per step, and which of `flags_seen` / `nodes_seen` hold on every path
    there (only those a `when` asks about are tracked: a 4,000-step chain stays linear)."""
    nodes: dict[str, Node] = {n.id: n for n in s.nodes}
    mps = s.clock.minutes_per_second
    step = s.clock.practice_step_minutes
    reach: dict[str, _Reach] = {s.start: _Reach(0.0, 0.0, set(), set())}
    for ident in _order(s, nodes):
        here = reach.get(ident)
        if here is None:
            continue
        node = nodes[ident]
        read = needed_seconds(s, node) * mps
        limit = node.time_limit * mps if isinstance(node, Decision | Reply) else 0.0
        for nxt, jump, flags, timed_out in _edges(node):
            # A countdown that runs out takes all of it (exercise mode only); otherwise a fast
            # participant reads and decides, within the countdown.
            spent = limit if timed_out else min(read, limit) if limit > 0 else read
            practice = here.practice + step + jump
            exercise = here.exercise + spent + jump
            new_flags = ((here.flags or set()) | flags) & flags_seen
            new_visited = ((here.visited or set()) | {ident}) & nodes_seen
            old = reach.get(nxt)
            if old is None:
                reach[nxt] = _Reach(practice, exercise, new_flags, new_visited)
            else:
                old.practice = min(old.practice, practice)
                old.exercise = min(old.exercise, exercise)
                old.flags = (old.flags or set()) & new_flags
                old.visited = (old.visited or set()) & new_visited
    return reach


def _name(author: str) -> str:
    """The person in an author line such as "Sabine Kranz, fashion editor, Stil & Stoff"."""
    return author.split(",")[0].strip()


def _text(node: Node) -> str:
    """What a step says before the participant acts (choices do not introduce anybody)."""
    return f"{node.title}\n{node.debrief if isinstance(node, Ending) else node.situation}"


def _mentions(text: str, name: str) -> bool:
    return bool(name) and re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text) is not None


def _simple_when(cond: StateCondition) -> tuple[set[str], set[str]] | None:
    """(flags, visited steps) a `when` needs, for conditions this check can follow."""
    if cond.flag is not None:
        return {cond.flag}, set()
    if cond.visited is not None:
        return set(), {cond.visited}
    if cond.all is not None:
        flags: set[str] = set()
        visited: set[str] = set()
        for part in cond.all:
            inner = _simple_when(part)
            if inner is None:
                return None
            flags |= inner[0]
            visited |= inner[1]
        return flags, visited
    return None


def _not_yet(
    inj: Inject, here: _Reach, flags_from_injects: set[str], node_id: str
) -> list[tuple[str, float]]:
    """(mode, earliest minute) in which the item may not have arrived when the step shows."""
    out: list[tuple[str, float]] = []
    if inj.at is not None:
        for mode, minute in (("practice", here.practice), ("exercise", here.exercise)):
            if minute + 1e-9 < inj.at:
                out.append((mode, minute))
        if out or inj.when is None:
            return out
    if inj.when is not None:
        needs = _simple_when(inj.when)
        if needs is None or needs[0] & flags_from_injects:
            return []  # a condition this check cannot follow: no guess
        flags, visited = needs
        passed = (here.visited or set()) | {node_id}  # entering a step counts as visiting it
        if not flags <= (here.flags or set()) or not visited <= passed:
            out.append(("practice", -1.0))
    return out


def early_steps(s: Scenario) -> list[Early]:
    """Every step that some path reaches before a feed item it answers or whose author it
    names (see the module docstring for the model of time)."""
    by_author: dict[str, list[Inject]] = {}
    for inj in s.injects:
        name = _name(inj.author)
        # A person introduced by a timed item only; `{newspaper}` is an organisation, and an
        # item with a `when` usually *is* the step's event (a call that starts with the step).
        timed = inj.at is not None and inj.when is None
        if timed and len(name) >= 4 and "{" not in name and not _mentions(s.briefing, name):
            by_author.setdefault(name, []).append(inj)
    # Steps that name such a person: one passed on every path introduces them for later steps.
    naming = {name: {n.id for n in s.nodes if _mentions(_text(n), name)} for name in by_author}
    asked = [_simple_when(i.when) for i in s.injects if i.when is not None]
    reach = _earliest(
        s,
        {f for a in asked if a is not None for f in a[0]},
        {n for a in asked if a is not None for n in a[1]}
        | {n for ids in naming.values() for n in ids},
    )
    injects = {i.id: i for i in s.injects}
    flags_from_injects = {f for i in s.injects for f in i.effects.set_flags}
    found: list[Early] = []
    for node in s.nodes:
        here = reach.get(node.id)
        if here is None or isinstance(node, Ending):
            continue
        if isinstance(node, Reply) and node.reply_to in injects:
            inj = injects[node.reply_to]
            for mode, minute in _not_yet(inj, here, flags_from_injects, node.id)[:1]:
                found.append(Early(node.id, inj.id, mode, minute, inj.at or -1, "reply_to"))
            continue
        text = _text(node)
        for name, items in by_author.items():
            if not _mentions(text, name) or naming[name] & (here.visited or set()):
                continue
            late = [_not_yet(i, here, flags_from_injects, node.id) for i in items]
            if all(late):  # not one item by this person is sure to be there
                first = min(items, key=lambda i: i.at if i.at is not None else float("inf"))
                mode, minute = late[items.index(first)][0]
                found.append(Early(node.id, first.id, mode, minute, first.at or -1, "mention"))
    return found
