"""The shipped content is the product: it must load with no problem and no warning at all.

Other tests walk, play and score every built-in file; they fail (never skip) when a file
is missing from the library, and this test says why it is missing.
"""

from __future__ import annotations

import re
from functools import cache

from builtin_library import builtin_library

from readiness.content.loader import Library, builtin_dirs, iter_content_files, load_paths
from readiness.content.warnings import EXPERT_LONGEST
from readiness.models.scenario import Decision, Effects, Ending, Reply, Scenario, StateCondition


@cache
def checked_as_authored() -> Library:
    """The built-in files checked as `validate` checks a trainer's files, warnings and all
    (`load_library` skips the authoring warnings for built-in files: there must be none)."""
    return load_paths(builtin_dirs(), with_builtin=False)


def test_every_builtin_file_loads_without_problems_or_warnings() -> None:
    lib = checked_as_authored()
    assert [str(p) for p in lib.problems] == []
    assert lib.broken == []
    assert len(lib.files) == len(builtin_library().files)


def test_no_builtin_scenario_gives_the_expert_choice_away_by_its_length() -> None:
    """Named on its own so a regression says what it is about."""
    assert [str(p) for p in checked_as_authored().problems if p.code == EXPERT_LONGEST] == []


def test_every_builtin_file_is_in_the_library() -> None:
    on_disk = {p.resolve() for folder in builtin_dirs() for p in iter_content_files(folder)}
    loaded = {f.path.resolve() for f in builtin_library().files}
    assert on_disk == loaded
    assert len([f for f in builtin_library().files if f.kind == "scenario"]) == 32


_TELLS_WHAT_YOU_DID = re.compile(
    r"^[•-] (You |You've |Your |Du hast |Du bist |Sie haben |Sie sind |Ihr habt )", re.MULTILINE
)


def test_no_builtin_ending_tells_the_participant_what_they_did() -> None:
    """An ending is reached by its last choice, whatever came before: its debrief said "You
    went to the source first" or "Du hast dich entschuldigt" to participants who had done
    neither. Endings say what makes the difference in such a case; the Decisions tab shows
    the participant's own path."""
    claims = [
        f"{file.id}/{node.id}: {match.group(0)}"
        for file in builtin_library().scenarios
        if isinstance(file.model, Scenario)
        for node in file.model.nodes
        if isinstance(node, Ending)
        for match in _TELLS_WHAT_YOU_DID.finditer(node.debrief)
    ]
    assert claims == []


_PRESUMES_YOU_DID_IT = re.compile(
    r"where you did it|wo du es so gemacht hast|wo Sie es so gemacht haben", re.IGNORECASE
)


def test_no_builtin_ending_presumes_the_participant_did_what_it_teaches() -> None:
    """The heading over two endings' lessons said "your debrief shows where you did it" to
    participants who had reached the ending without doing any of it. Headings point to where a
    path went its own way instead."""
    claims = [
        f"{file.id}/{node.id}: {match.group(0)}"
        for file in builtin_library().scenarios
        if isinstance(file.model, Scenario)
        for node in file.model.nodes
        if isinstance(node, Ending)
        for match in _PRESUMES_YOU_DID_IT.finditer(node.debrief)
    ]
    assert claims == []


_HARMFUL = -6
"""A move a built-in file scores -6 or worse in total (its dimensions summed) does real harm:
a lie, deleted or hidden critics, a colleague blamed in public, personal data published, a
lawsuit against reviewers, a threat left standing. A participant who made one must not be
told that their handling was good."""

_PUT_RIGHT_LATER: dict[tuple[str, str, str], str] = {
    # (translation id, step, choice): a flag set or a step reached later on every good path
    ("abmahnung-reel", "letter", "ignore-scam"): "lawyer",
    ("abmahnung-reel", "boss-rant", "let-him-post"): "boss_post_removed",
    ("hijacked-campaign", "boss-delete", "delete-all"): "deletion_admitted",
    ("hijacked-campaign", "boss-delete", "hide-critical"): "deletion_admitted",
    ("hijacked-campaign", "marketing-rules", "add-jury"): "rules_restored",
    ("volunteer-client-photo", "d-boss", "obey-silence"): "authority_report",
}
"""Harmful moves a later step puts right: the letter taken to a lawyer, the owner's post taken
down, the deletions admitted and the comments restored, the original rules restored, the report
made in time after all. A later step that clears a flag the move set puts it right too."""

_Move = tuple[str, str, Effects, StateCondition | None, float]
_State = tuple[str, frozenset[str], frozenset[str]]


def _names(c: StateCondition | None, flags: set[str], steps: set[str]) -> None:
    if c is None:
        return
    flags.update(x for x in (c.flag, c.not_flag) if x)
    steps.update(x for x in (c.visited,) if x)
    for part in [*(c.all or []), *(c.any or []), *([c.not_] if c.not_ else [])]:
        _names(part, flags, steps)


def _value(
    c: StateCondition, flags: frozenset[str], seen: frozenset[str], loose: set[str]
) -> bool | None:
    """True, False, or None where it depends on a variable or a flag the feed can change."""
    if c.flag or c.not_flag:
        name = c.flag or c.not_flag
        return None if name in loose else (name in flags) == bool(c.flag)
    if c.visited:
        return c.visited in seen
    if c.not_ is not None:
        inner = _value(c.not_, flags, seen, loose)
        return None if inner is None else not inner
    parts = [_value(x, flags, seen, loose) for x in (c.all or c.any or [])]
    if c.all is not None:
        return False if False in parts else None if None in parts else True
    if c.any is not None:
        return True if True in parts else None if None in parts else False
    return None


def _moves(n: Decision | Reply) -> list[_Move]:
    found: list[_Move] = (
        [(c.id, c.next, c.effects, c.when, sum(c.scores.values())) for c in n.choices]
        if isinstance(n, Decision)
        else [("reply", n.next, n.effects, None, 0.0)]
    )
    if n.timeout is not None:
        t = n.timeout
        found.append(("timeout", t.next, t.effects, None, sum(t.scores.values())))
    return found


def _harm_reaching_a_good_ending(s: Scenario) -> list[str]:
    """Each harmful move after which a path still reaches a good ending without the move being
    put right. Walks the graph's states (step, the flags and steps that conditions read); a
    variable or a flag the feed can change may go either way."""
    nodes = {n.id: n for n in s.nodes}
    flags_read: set[str] = set()
    steps_read: set[str] = set()
    for n in s.nodes:
        for c in n.choices if isinstance(n, Decision) else []:
            _names(c.when, flags_read, steps_read)
    loose = {f for i in s.injects for f in [*i.effects.set_flags, *i.effects.clear_flags]}
    start: _State = (s.start, frozenset(), frozenset({s.start}) & steps_read)
    edges: dict[_State, list[tuple[_Move, _State]]] = {}
    todo = [start]
    while todo:
        here = todo.pop()
        step = nodes[here[0]]
        if here in edges or isinstance(step, Ending):
            continue
        edges[here] = []
        for m in _moves(step):
            _, target, e, when, _ = m
            if when is not None and _value(when, here[1], here[2], loose) is False:
                continue
            flags = ((here[1] | set(e.set_flags)) - set(e.clear_flags)) & flags_read
            nxt = (target, frozenset(flags), here[2] | ({target} & steps_read))
            edges[here].append((m, nxt))
            todo.append(nxt)
    found = []
    for here, out in edges.items():
        for (move, _, harm, _, total), after in out:
            if total > _HARMFUL:
                continue
            repair = _PUT_RIGHT_LATER.get((s.translation_id or s.id, here[0], move), "")
            armed, seen = [after], {after}
            while armed:
                state = armed.pop()
                end = nodes[state[0]]
                if isinstance(end, Ending) and end.outcome == "good":
                    found.append(f"{s.id}: {here[0]}/{move} -> {end.id}")
                    break
                for (_, target, e, _, _), nxt in edges.get(state, []):
                    put_right = repair in {target, *e.set_flags} or bool(
                        set(e.clear_flags) & set(harm.set_flags)
                    )
                    if not put_right and nxt not in seen:
                        seen.add(nxt)
                        armed.append(nxt)
    return sorted(set(found))


def test_no_harmful_move_leads_to_a_good_ending_unless_put_right() -> None:
    """Endings are routed on flags at the last step. A reviewer found good endings reached after
    suing reviewers, a lawyer's letter to a client or a town account attacking a list, because
    the last choice did not ask what had happened before."""
    found = [
        hit
        for file in builtin_library().scenarios
        if isinstance(file.model, Scenario)
        for hit in _harm_reaching_a_good_ending(file.model)
    ]
    assert found == []
