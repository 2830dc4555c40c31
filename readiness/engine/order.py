"""The order in which a decision's choices are shown.

Authors tend to write the expert choice first; shown in file order, a room learns within two
decisions that "1 is always right". So every run shows each decision's choices in its own
order, derived from the run's seed and the node id alone: the same decision looks the same
on resume, replay and in the debrief, whatever path led to it, and the order does not depend
on how many decisions came before. `shuffle = false` on a decision keeps the authored order
(for ordinal choices such as now / in an hour / tomorrow)."""

from __future__ import annotations

import hashlib
import secrets

from readiness.models.scenario import Choice, Decision

SEED_BITS = 32


def new_seed() -> int:
    """A fresh seed for a new run."""
    return secrets.randbits(SEED_BITS)


def shown_order(seed: int | None, node: Decision) -> list[Choice]:
    """All choices of `node` in the order a run with `seed` shows them.

    Each choice is ranked by a hash of (seed, node id, choice id): a uniform permutation that
    needs no random-number generator state and stays the same across Python versions. A
    choice keeps its place relative to the others if an author adds or removes one. `seed`
    None (a result saved before choices were shuffled) and `shuffle = false` give the
    authored order."""
    if seed is None or not node.shuffle:
        return list(node.choices)
    return sorted(node.choices, key=lambda c: _rank(seed, node.id, c.id))


def _rank(seed: int, node_id: str, choice_id: str) -> bytes:
    return hashlib.sha256(f"{seed}\x1f{node_id}\x1f{choice_id}".encode()).digest()
