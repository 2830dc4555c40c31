"""Your path beside the expert path (issue 14, point 8): rows pair the steps taken at the same
node, and where the paths branch each side keeps its own steps in order."""

from __future__ import annotations

from engine_fixtures import start

from readiness.engine import build_debrief
from readiness.engine.path_pairs import pair_paths


def ids(rows) -> list[tuple[str | None, str | None]]:  # type: ignore[no-untyped-def]
    return [
        (r.yours.node_id if r.yours else None, r.expert.node_id if r.expert else None) for r in rows
    ]


def test_the_expert_route_pairs_every_step_with_itself() -> None:
    run = start()
    run.advance(2)
    run.choose("answer")
    run.reply("Lena, we are sorry. Please send us a DM with your order.")
    run.choose("statement")
    rows = pair_paths(build_debrief(run))
    assert ids(rows) == [("first", "first"), ("write", "write"), ("second", "second")]
    assert all(r.same_node for r in rows)
    assert rows[0].yours is not None and rows[0].yours.followed_expert
    assert rows[1].yours is not None and rows[1].yours.kind == "reply"
    assert rows[1].yours.action.startswith("Lena, we are sorry")


def test_a_branch_pairs_the_shared_start_and_keeps_both_sides_in_order() -> None:
    """Delete at the first post skips the reply and the statement: the first decision lines
    up, then your 'third' sits beside the expert's 'write', and 'second' stands alone."""
    run = start()
    run.advance(2)
    run.choose("delete")
    run.choose("explain")
    rows = pair_paths(build_debrief(run))
    assert ids(rows) == [("first", "first"), ("third", "write"), (None, "second")]
    assert rows[0].same_node and not rows[1].same_node
    assert rows[0].yours is not None and not rows[0].yours.followed_expert
    assert rows[0].yours.action == "Delete the post."


def test_a_timeout_is_a_step_of_its_own_kind() -> None:
    run = start()
    run.advance(2)
    run.wait()
    rows = pair_paths(build_debrief(run))
    assert rows[0].yours is not None and rows[0].yours.kind == "timeout"
    assert rows[0].yours.action == ""
    assert rows[0].same_node
