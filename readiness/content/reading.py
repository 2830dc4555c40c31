"""How long a participant needs to read a step: used by warnings and duration estimates."""

from __future__ import annotations

import re
from collections.abc import Mapping

from readiness.models.scenario import Decision, Ending, Reply, Scenario
from readiness.placeholders import fill

WORDS_PER_MINUTE = 200
"""Typical silent reading speed of adults for plain text."""
DECIDE_SECONDS = 5
"""Added to a decision's reading time: even a clear choice takes a moment."""
WRITE_SECONDS = 90
"""Rough time to write a short public reply, for duration estimates."""
_WORD = re.compile(r"\S+")


def words(text: str) -> int:
    """Number of words, counting anything between spaces."""
    return len(_WORD.findall(text))


def reading_seconds(*texts: str) -> float:
    """Seconds to read these texts at `WORDS_PER_MINUTE`."""
    return sum(words(t) for t in texts) * 60 / WORDS_PER_MINUTE


def placeholder_defaults(s: Scenario) -> Mapping[str, str]:
    """Placeholder values used when measuring texts: the trainer's defaults."""
    return {name: p.default for name, p in s.placeholders.items()}


def filled(s: Scenario, text: str) -> str:
    """`text` as a participant sees it with default placeholder values."""
    return fill(text, placeholder_defaults(s))


def step_texts(s: Scenario, node: Decision | Reply | Ending) -> list[str]:
    """Everything shown on a step before the participant acts."""
    if isinstance(node, Ending):
        return [node.title, node.debrief]
    texts = [node.title, node.situation]
    if isinstance(node, Decision):
        texts.extend(c.text for c in node.choices)
    elif node.reply_to is not None:
        texts.extend(i.text for i in s.injects if i.id == node.reply_to)
    return texts


def needed_seconds(s: Scenario, node: Decision | Reply | Ending) -> float:
    """Least time a step's countdown must give: reading plus a moment to decide."""
    return reading_seconds(*step_texts(s, node)) + DECIDE_SECONDS


def step_seconds(s: Scenario, node: Decision | Reply | Ending) -> float:
    """Expected time on a step, capped by its countdown (a timeout ends it)."""
    seconds = reading_seconds(*step_texts(s, node))
    if isinstance(node, Ending):
        return seconds
    seconds += WRITE_SECONDS if isinstance(node, Reply) else DECIDE_SECONDS * 2
    if node.time_limit > 0:
        seconds = min(seconds, float(node.time_limit))
    return seconds
