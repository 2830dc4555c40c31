"""The participant's path and the expert path as one list of rows, step beside step.

Two separate lists scroll apart and stop lining up as soon as one side branched off; pairing
them here (by the node each step was taken at) lets any view show both in one scroll, and the
reports could use the same rows."""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher
from itertools import zip_longest
from typing import Literal

from readiness.engine.debrief import Debrief
from readiness.engine.expert import ExpertStep

StepKind = Literal["decision", "reply", "timeout"]


@dataclass(frozen=True)
class YourStep:
    """One step the participant took, as the debrief shows it."""

    node_id: str
    title: str
    kind: StepKind
    """`timeout`: the countdown ran out at a decision or a reply."""
    action: str
    """The choice text or the reply written ('' for a timeout)."""
    followed_expert: bool = False
    """True when this was the expert's own choice at this decision."""


@dataclass(frozen=True)
class PathRow:
    """One row: what you did and what the expert did at the same point of the story.

    Both sides sit at the same node when the paths agree; where they branched, a side holds a
    step the other path never reached (the other is None) or both hold different nodes taken
    at the same place in the sequence."""

    yours: YourStep | None
    expert: ExpertStep | None

    @property
    def same_node(self) -> bool:
        return (
            self.yours is not None
            and self.expert is not None
            and self.yours.node_id == self.expert.node_id
        )


def your_steps(d: Debrief) -> list[YourStep]:
    """The participant's decisions and replies in the order they were taken."""
    by_index: list[tuple[int, YourStep]] = []
    for r in d.decisions:
        kind: StepKind = "timeout" if r.timed_out else "decision"
        step = YourStep(r.node_id, r.title, kind, r.chosen, r.followed_expert)
        by_index.append((r.step_index, step))
    for p in d.replies:
        kind = "timeout" if p.timed_out and not p.text.strip() else "reply"
        by_index.append((p.step_index, YourStep(p.node_id, p.title, kind, p.text)))
    return [step for _, step in sorted(by_index, key=lambda pair: pair[0])]


def pair_paths(d: Debrief) -> list[PathRow]:
    """Your steps and the expert's, aligned on the nodes both paths share (longest common
    sequence); steps between two shared nodes are paired in order, the surplus of the longer
    side stands alone."""
    yours = your_steps(d)
    expert = d.expert.steps
    matcher = SequenceMatcher(
        None, [s.node_id for s in yours], [s.node_id for s in expert], autojunk=False
    )
    rows: list[PathRow] = []
    for _tag, i1, i2, j1, j2 in matcher.get_opcodes():
        # 'equal' pairs the same nodes; 'replace', 'delete' and 'insert' pair what is left in
        # order, so a branch reads as "you went here, the expert went there".
        for mine, theirs in zip_longest(yours[i1:i2], expert[j1:j2]):
            rows.append(PathRow(mine, theirs))
    return rows
