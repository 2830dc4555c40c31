"""Measure the reply rubric against replies a trainer has labelled (tests/data/replies/).

A corpus file holds `[[reply]]` tables: `step` ("scenario-id:node-id", e.g.
"leaked-photos.de:statement" for scenarios/leaked-photos.de.toml), `kind` (good, bad,
borderline, gaming), optional `gaming` (what the attempt tries), `text`, and `met`: the
criteria the trainer marks as met; every other criterion of the step counts as not met."""

from __future__ import annotations

import tomllib
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from readiness.engine.rubric import judge
from readiness.engine.values import placeholder_values
from readiness.models.scenario import Reply, Scenario
from readiness.platforms import char_limit


@dataclass(frozen=True)
class Labelled:
    """One reply with the trainer's verdicts."""

    file: str
    step: str
    kind: str
    gaming: str
    text: str
    met: frozenset[str]


@dataclass
class Agreement:
    """How often the rubric agrees with the trainer."""

    per_criterion: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    """"step/criterion" → [agreeing verdicts, verdicts]."""
    gaming_replies: int = 0
    gaming_through: int = 0
    """Gaming replies for which the rubric awarded a criterion the trainer did not."""
    gaming_pairs: int = 0
    gaming_pairs_through: int = 0
    misses: list[str] = field(default_factory=list)
    """One line per disagreement, for finding what to fix."""

    @property
    def overall(self) -> float:
        agree = sum(a for a, _ in self.per_criterion.values())
        total = sum(n for _, n in self.per_criterion.values())
        return agree / total if total else 0.0

    def rate(self, key: str) -> float:
        a, n = self.per_criterion[key]
        return a / n if n else 0.0

    @property
    def gaming_share(self) -> float:
        return self.gaming_through / self.gaming_replies if self.gaming_replies else 0.0


def load_corpus(folder: Path) -> list[Labelled]:
    """Every labelled reply of every `*.toml` file in `folder`."""
    replies = []
    for path in sorted(folder.glob("*.toml")):
        with path.open("rb") as handle:
            data = tomllib.load(handle)
        for r in data.get("reply", []):
            replies.append(
                Labelled(
                    path.name,
                    r["step"],
                    r["kind"],
                    r.get("gaming", ""),
                    r["text"],
                    frozenset(r["met"]),
                )
            )
    return replies


@cache
def _scenario(path: Path) -> Scenario:
    with path.open("rb") as handle:
        return Scenario.model_validate(tomllib.load(handle))


def step_node(scenarios: Path, step: str) -> tuple[Scenario, Reply]:
    """The scenario and reply node a corpus `step` names."""
    file_id, node_id = step.split(":")
    scenario = _scenario(scenarios / f"{file_id}.toml")
    node = next(n for n in scenario.nodes if n.id == node_id)
    if not isinstance(node, Reply):
        raise ValueError(f"{step} is not a reply step")
    return scenario, node


def measure(corpus: list[Labelled], scenarios: Path) -> Agreement:
    """Judge every labelled reply and compare with the trainer's verdicts."""
    result = Agreement()
    for item in corpus:
        scenario, node = step_node(scenarios, item.step)
        unknown = item.met - {c.id for c in node.rubric}
        if unknown:
            raise ValueError(f"{item.file}: {item.step} has no criterion {sorted(unknown)}")
        verdicts = judge(
            node.rubric,
            item.text,
            placeholder_values(scenario, {}),
            lang=scenario.language,
            limit=char_limit(node.platform, node.max_chars),
        )
        through = False
        for v in verdicts:
            trainer = v.criterion.id in item.met
            key = f"{item.step}/{v.criterion.id}"
            result.per_criterion[key][1] += 1
            if v.met == trainer:
                result.per_criterion[key][0] += 1
            else:
                result.misses.append(
                    f"{key}: rubric {v.met} ({v.reason}: {v.words!r}), trainer {trainer}"
                    f" — {item.text[:70]!r}"
                )
            if item.kind == "gaming":
                result.gaming_pairs += 1
                if v.met and not trainer:
                    result.gaming_pairs_through += 1
                    through = True
        if item.kind == "gaming":
            result.gaming_replies += 1
            result.gaming_through += through
    return result


__all__ = ["Agreement", "Labelled", "load_corpus", "measure", "step_node"]
