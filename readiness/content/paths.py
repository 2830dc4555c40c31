"""Every way through a scenario's graph, computed without enumerating paths.

The checks guarantee a loaded scenario's graph is acyclic, so each question ("how many paths",
"best score per dimension", "longest path") is one pass over the nodes in topological order.
Choice conditions are ignored: the results are what the graph allows, an upper bound on what a
particular run can do."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from readiness.content.reading import reading_seconds, step_seconds
from readiness.models.scenario import Decision, Ending, Reply, Scenario

EdgeKind = Literal["choice", "timeout", "reply"]


@dataclass(frozen=True)
class Edge:
    """One way from a node to the next: a choice, a posted reply or a timeout."""

    source: str
    target: str
    kind: EdgeKind
    label: str
    """Choice id, or "timeout" / "reply"."""
    text: str
    """What the participant does (the choice text), for graph labels."""
    low: dict[str, float] = field(default_factory=dict)
    """Fewest points per dimension this step can give."""
    high: dict[str, float] = field(default_factory=dict)
    """Most points per dimension this step can give."""
    expert: bool = False
    """The expert's choice at this node."""
    feedback: str = ""
    """What the debrief says about this step."""

    def total(self, best: bool = True) -> float:
        return sum((self.high if best else self.low).values())


def edges(s: Scenario) -> list[Edge]:
    """All edges of the graph, in file order."""
    found: list[Edge] = []
    for node in s.nodes:
        if isinstance(node, Decision):
            for c in node.choices:
                found.append(
                    Edge(
                        node.id,
                        c.next,
                        "choice",
                        c.id,
                        c.text,
                        dict(c.scores),
                        dict(c.scores),
                        c.id == node.expert,
                        c.feedback,
                    )
                )
        elif isinstance(node, Reply):
            high: dict[str, float] = {}
            for crit in node.rubric:
                if crit.dimension is not None:
                    high[crit.dimension] = high.get(crit.dimension, 0.0) + crit.points
            low = dict.fromkeys(high, 0.0)
            found.append(Edge(node.id, node.next, "reply", "reply", node.title, low, high, True))
        if not isinstance(node, Ending) and node.timeout is not None:
            t = node.timeout
            found.append(
                Edge(
                    node.id,
                    t.next,
                    "timeout",
                    "timeout",
                    "",
                    dict(t.scores),
                    dict(t.scores),
                    False,
                    t.feedback,
                )
            )
    return found


class Paths:
    """Facts about all complete paths (start to an ending) of one scenario."""

    def __init__(self, s: Scenario) -> None:
        self.s = s
        self.nodes = {n.id: n for n in s.nodes}
        self.edges = edges(s)
        self.out: dict[str, list[Edge]] = {n: [] for n in self.nodes}
        for e in self.edges:
            if e.target in self.nodes:
                self.out[e.source].append(e)
        self.order = self._topological()
        self.endings = [n.id for n in s.nodes if isinstance(n, Ending) and n.id in self.order]
        self.dimensions = [d.id for d in s.dimensions]

    def _topological(self) -> list[str]:
        """Reachable nodes, each before all its successors (iterative DFS post-order)."""
        seen: set[str] = set()
        post: list[str] = []
        stack: list[tuple[str, int]] = [(self.s.start, 0)]
        while stack:
            ident, i = stack.pop()
            if i == 0:
                if ident in seen or ident not in self.nodes:
                    continue
                seen.add(ident)
            out = self.out[ident]
            if i < len(out):
                stack.append((ident, i + 1))
                stack.append((out[i].target, 0))
            else:
                post.append(ident)
        return post[::-1]

    def forward(
        self,
        start: float,
        step: Callable[[float, Edge], float],
        pick: Callable[[float, float], float],
    ) -> dict[str, float]:
        """Best value of any path from start to each node, combining edges with `step`."""
        value: dict[str, float] = {self.s.start: start}
        for ident in self.order:
            if ident not in value:
                continue
            for e in self.out[ident]:
                new = step(value[ident], e)
                value[e.target] = new if e.target not in value else pick(value[e.target], new)
        return value

    def path_counts(self) -> dict[str, int]:
        """Number of distinct ways (sequences of choices and timeouts) to each ending."""
        count: dict[str, int] = {self.s.start: 1}
        for ident in self.order:
            for e in self.out[ident]:
                count[e.target] = count.get(e.target, 0) + count.get(ident, 0)
        return {end: count.get(end, 0) for end in self.endings}

    def steps_to_endings(self) -> dict[str, tuple[int, int]]:
        """Fewest and most steps (choices, replies, timeouts) to each ending."""
        short = self.forward(0, lambda v, e: v + 1, min)
        long = self.forward(0, lambda v, e: v + 1, max)
        return {end: (int(short[end]), int(long[end])) for end in self.endings}

    def best_total_to(self) -> dict[str, float]:
        """Most points (all dimensions added up) any path collects on its way to each node."""
        return self.forward(0.0, lambda v, e: v + e.total(), max)

    def score_range(self) -> dict[str, tuple[float, float]]:
        """Fewest and most points per dimension over all complete paths."""
        result: dict[str, tuple[float, float]] = {}
        for dim in self.dimensions:

            def low(v: float, e: Edge, d: str = dim) -> float:
                return v + e.low.get(d, 0.0)

            def high(v: float, e: Edge, d: str = dim) -> float:
                return v + e.high.get(d, 0.0)

            lo = self.forward(0.0, low, min)
            hi = self.forward(0.0, high, max)
            result[dim] = (
                min((lo[end] for end in self.endings), default=0.0),
                max((hi[end] for end in self.endings), default=0.0),
            )
        return result

    def duration_range(self) -> tuple[float, float]:
        """Shortest and longest expected playing time in seconds over all complete paths.

        Counts the briefing, every feed item once, each step on the path and reading its
        feedback in the debrief."""
        base = reading_seconds(self.s.briefing, *(i.text for i in self.s.injects))
        seconds = {n: step_seconds(self.s, node) for n, node in self.nodes.items()}
        start = base + seconds[self.s.start]

        def step(v: float, e: Edge) -> float:
            return v + seconds[e.target] + reading_seconds(e.feedback)

        lo = self.forward(start, step, min)
        hi = self.forward(start, step, max)
        return (
            min((lo[end] for end in self.endings), default=base),
            max((hi[end] for end in self.endings), default=base),
        )

    def expert_path(self) -> list[Edge]:
        """The edges an expert takes from the start, as far as `expert` choices say."""
        path: list[Edge] = []
        current = self.s.start
        visited: set[str] = set()
        while current not in visited and current in self.nodes:
            visited.add(current)
            chosen = next((e for e in self.out[current] if e.expert), None)
            if chosen is None:
                break
            path.append(chosen)
            current = chosen.target
        return path
