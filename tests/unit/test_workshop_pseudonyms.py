"""Pseudonyms: nothing but a name, and never shared by two browser sessions."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import pytest
from processes import racing_processes

from readiness.models.results import AssessmentResult
from readiness.storage import new_run_id, now, save_result, scan_results
from readiness.workshop.pseudonyms import CLAIMS, claim, clean, in_use, problem


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("  Fox  ", None),
        ("", "empty"),
        ("   ", "empty"),
        ("x" * 41, "too_long"),
        ("bad\x1b[31mname", "invalid"),
        ("Jürgen K.", None),
    ],
)
def test_pseudonym_problems(typed: str, expected: str | None) -> None:
    assert problem(typed) == expected


def test_inner_spaces_are_collapsed() -> None:
    assert clean("  Anna   K  ") == "Anna K"


def test_a_claimed_name_is_taken_whatever_its_case(results: Path) -> None:
    assert claim(results, "Fox", "red") is None
    assert claim(results, "fox") == "taken"
    assert claim(results, "FOX ") == "taken"
    assert in_use(results, "fox")
    assert (results / CLAIMS / "fox").read_text().splitlines() == ["Fox", "red"]


def test_a_name_with_results_in_the_folder_is_taken(results: Path) -> None:
    save_result(
        results,
        AssessmentResult(
            run_id=new_run_id(),
            content_id="c",
            content_version="1",
            content_hash="h",
            participant="Owl",
            started_at=now(),
            updated_at=now(),
        ),
    )
    assert claim(results, "owl") == "taken"
    assert claim(results, "owl-2") is None


def test_claims_are_not_result_files(results: Path) -> None:
    claim(results, "fox")
    runs, bad = scan_results(results)
    assert runs == [] and bad == []


def _claim(folder: str, name: str, out: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    out.put(claim(Path(folder), name))


def test_of_many_sessions_claiming_one_name_at_once_exactly_one_wins(results: Path) -> None:
    ctx = racing_processes()
    queue = ctx.Queue()
    procs = [ctx.Process(target=_claim, args=(str(results), "Lynx", queue)) for _ in range(8)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
    outcomes = [queue.get(timeout=10) for _ in procs]
    assert outcomes.count(None) == 1
    assert outcomes.count("taken") == 7
