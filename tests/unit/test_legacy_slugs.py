"""Runs and claims saved before non-Latin pseudonyms got file names of their own (issue 13,
point 11): "Jörg" was saved as `j-rg--…`, Юрия and 李 both as `anonymous--…`. A participant
with such a name still finds and resumes those runs and, in the same browser, gets the
pseudonym back; nobody else gets it, and a different name that shared the old file name
sees none of it."""

from __future__ import annotations

from pathlib import Path

import pytest

from readiness.models.results import AssessmentResult, ScenarioResult
from readiness.reports.service import gather_for_participant
from readiness.storage import (
    _slug,
    find_unfinished,
    legacy_slug,
    new_run_id,
    now,
    save_result,
    scan_results,
)
from readiness.workshop.pseudonyms import (
    CLAIMS,
    _fingerprint,
    claim,
    claimed_as,
    has_results,
    in_use,
)

DEVICE = "d" * 43
OTHER_DEVICE = "o" * 43


def old_run(
    folder: Path, name: str, content_id: str = "room-check", finished: bool = False
) -> Path:
    """A run of `name` as an earlier readiness saved it: under the old slug."""
    result = AssessmentResult(
        run_id=new_run_id(),
        content_id=content_id,
        content_version="1",
        content_hash="h",
        participant=name,
        started_at=now(),
        updated_at=now(),
        finished=finished,
    )
    path = save_result(folder, result)
    old = folder / f"{legacy_slug(name)}--{content_id}--{result.run_id}.toml"
    path.rename(old)
    return old


def old_claim(folder: Path, name: str, team: str, device: str) -> None:
    """A browser claim as an earlier readiness made it: under the old slug."""
    (folder / CLAIMS).mkdir(exist_ok=True)
    lines = [name, team, _fingerprint(device)]
    (folder / CLAIMS / legacy_slug(name)).write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.mark.parametrize(("name", "old"), [("Jörg", "j-rg"), ("Юрия", "anonymous")])
def test_old_slugs_are_what_earlier_versions_wrote(name: str, old: str) -> None:
    assert legacy_slug(name) == old and _slug(name) != old


@pytest.mark.parametrize("name", ["Jörg", "Юрия", "李"])
def test_an_unfinished_run_under_the_old_name_is_offered_and_saved_under_the_new_one(
    results: Path, name: str
) -> None:
    old = old_run(results, name)
    [(path, run)] = find_unfinished(results, "room-check", name)
    assert path == old and run.participant == name

    run.finished = True  # answered on and saved: now under today's name, once
    new = save_result(results, run)
    assert new.name.startswith(f"{_slug(name)}--") and not old.exists()
    [(path, saved)] = scan_results(results)[0]
    assert path == new and saved.run_id == run.run_id and saved.finished


def test_a_name_that_shared_the_old_slug_does_not_see_the_other_s_runs(results: Path) -> None:
    old_run(results, "Юрия")
    assert find_unfinished(results, "room-check", "李") == []
    assert not has_results(results, "李")
    assert has_results(results, "Юрия")


def test_the_same_browser_gets_an_old_claim_back_with_its_results(results: Path) -> None:
    old_claim(results, "Юрия", "table 3", DEVICE)
    old_run(results, "Юрия")
    assert in_use(results, "Юрия")
    assert claim(results, "Юрия", "", device=DEVICE) is None
    assert claimed_as(results, "Юрия") == ("Юрия", "table 3")
    assert has_results(results, "Юрия")
    # carried over to today's name: found directly from now on, still this browser's only
    assert (results / CLAIMS / _slug("Юрия")).read_text(encoding="utf-8").startswith("Юрия\n")
    assert claim(results, "Юрия", "", device=DEVICE) is None
    assert claim(results, "Юрия", "", device=OTHER_DEVICE) == "taken"


def test_an_old_claim_is_not_taken_over_from_another_browser(results: Path) -> None:
    old_claim(results, "Jörg", "", DEVICE)
    assert claim(results, "Jörg", "", device=OTHER_DEVICE) == "taken"
    assert claim(results, "jörg", "", device="") == "taken"


def test_old_runs_without_a_claim_keep_the_name_taken(results: Path) -> None:
    old_run(results, "Jörg", finished=True)
    assert in_use(results, "Jörg")
    assert claim(results, "Jörg", "", device=DEVICE) == "taken"


def test_a_different_name_with_the_same_old_slug_can_still_be_claimed(results: Path) -> None:
    old_claim(results, "Юрия", "", DEVICE)
    old_run(results, "Юрия")
    assert not in_use(results, "李")
    assert claim(results, "李", "", device=OTHER_DEVICE) is None
    assert claimed_as(results, "李") == ("李", "")


def test_a_report_gathers_the_participant_s_exercises_under_both_names(results: Path) -> None:
    def exercise(content_id: str) -> ScenarioResult:
        return ScenarioResult(
            run_id=new_run_id(),
            content_id=content_id,
            content_version="1",
            content_hash="h",
            participant="Jörg",
            started_at=now(),
            updated_at=now(),
            finished=True,
        )

    earlier = exercise("first")
    old = save_result(results, earlier)
    old.rename(results / f"j-rg--first--{earlier.run_id}.toml")
    chosen = save_result(results, exercise("second"))
    gathered = gather_for_participant(results, chosen)
    assert sorted(r.content_id for r in gathered) == ["first", "second"]
