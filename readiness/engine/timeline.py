"""What happened when: injects as they arrived and the participant's steps, in scenario time."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from readiness.engine.clock import clock_label
from readiness.engine.run import Run
from readiness.engine.state import TICKS_PER_MINUTE
from readiness.models.scenario import Decision, Ending

EntryKind = Literal["inject", "decision", "reply", "timeout", "ending"]


@dataclass(frozen=True)
class TimelineEntry:
    """One line of the debrief timeline."""

    minute: float
    clock: str
    kind: EntryKind
    title: str
    """Author of an inject, headline of a step, title of the ending."""
    text: str
    """What the inject said; the choice taken; the reply written ('' for a timeout)."""
    feedback: str = ""
    channel: str = ""
    platform: str = ""
    handle: str = ""
    role: str = ""


def node_title(run: Run, node_id: str) -> str:
    """A node's title, or the first line of its situation when it has none."""
    node = run.nodes[node_id]
    if isinstance(node, Ending):
        return run.fill(node.title)
    return run.fill(node.title or node.situation.strip().split("\n")[0])


def timeline(run: Run) -> list[TimelineEntry]:
    """Arrivals and steps in the order they happened, then the ending."""
    start = run.scenario.clock.start
    entries: list[TimelineEntry] = []
    for entry in run.log:
        minute = entry.ticks / TICKS_PER_MINUTE
        clock = clock_label(start, minute)
        if entry.item is not None:
            i = entry.item
            entries.append(
                TimelineEntry(
                    minute,
                    clock,
                    "inject",
                    i.author,
                    i.text,
                    channel=i.inject.channel,
                    platform=i.inject.platform,
                    handle=i.handle,
                    role=i.inject.role,
                )
            )
            continue
        assert entry.step_index is not None
        step = run.result.steps[entry.step_index]
        node = run.nodes[step.node]
        title = node_title(run, step.node)
        if step.timed_out:
            timeout = node.timeout if not isinstance(node, Ending) else None
            feedback = run.fill(timeout.feedback) if timeout is not None else ""
            entries.append(
                TimelineEntry(minute, clock, "timeout", title, step.reply_text, feedback)
            )
        elif isinstance(node, Decision):
            choice = next(c for c in node.choices if c.id == step.choice)
            entries.append(
                TimelineEntry(
                    minute,
                    clock,
                    "decision",
                    title,
                    run.fill(choice.text),
                    run.fill(choice.feedback),
                )
            )
        else:
            entries.append(TimelineEntry(minute, clock, "reply", title, step.reply_text))
    if isinstance(run.node, Ending):
        minute = run.state.minute
        entries.append(
            TimelineEntry(
                minute,
                clock_label(start, minute),
                "ending",
                run.fill(run.node.title),
                run.fill(run.node.debrief),
            )
        )
    return entries
