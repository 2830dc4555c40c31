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
from readiness.models.scenario import Ending, Scenario


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
