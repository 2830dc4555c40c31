"""Results survive crashes and concurrent writers."""

from __future__ import annotations

import multiprocessing
import os
from pathlib import Path
from unittest import mock

import pytest

from readiness.errors import StorageError
from readiness.models.results import Answer, AssessmentResult
from readiness.storage import (
    atomic_write_text,
    find_unfinished,
    load_result,
    new_run_id,
    now,
    save_result,
    scan_results,
)


def make_result(participant: str = "fox", content: str = "quick-check-en") -> AssessmentResult:
    return AssessmentResult(
        run_id=new_run_id(),
        content_id=content,
        content_version="1.0",
        content_hash="abc",
        participant=participant,
        started_at=now(),
        updated_at=now(),
    )


def test_saved_result_reads_back_with_every_answer(results: Path) -> None:
    result = make_result()
    result.answers["q1"] = Answer(value="yes", note="<b>boss said so</b>")
    result.answers["q2"] = Answer(value=["a", "b"], flagged=True)
    result.answers["q3"] = Answer(not_applicable=True, na_reason="we have no shop")
    path = save_result(results, result)
    loaded = load_result(path)
    assert isinstance(loaded, AssessmentResult)
    assert loaded.answers["q1"].note == "<b>boss said so</b>"
    assert loaded.answers["q2"].value == ["a", "b"]
    assert loaded.answers["q3"].na_reason == "we have no shop"
    assert loaded.schema_version == 1


def test_crash_between_write_and_rename_keeps_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "r.toml"
    atomic_write_text(target, "old = 1\n")
    with mock.patch("os.replace", side_effect=OSError("power cut")), pytest.raises(OSError):
        atomic_write_text(target, "new = 2\n")
    assert target.read_text() == "old = 1\n"
    assert [p.name for p in tmp_path.iterdir()] == ["r.toml"], "temp file left behind"


def _save_many(folder: str, who: str) -> None:
    for _ in range(20):
        save_result(Path(folder), make_result(participant=who))


def test_concurrent_saves_from_two_processes_both_land(results: Path) -> None:
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_save_many, args=(str(results), name)) for name in ("ada", "bob")]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
        assert p.exitcode == 0
    runs, bad = scan_results(results)
    assert bad == []
    assert sorted({r.participant for _, r in runs}) == ["ada", "bob"]
    assert len(runs) == 40


def test_half_written_and_foreign_files_are_reported_not_fatal(results: Path) -> None:
    save_result(results, make_result())
    (results / "broken.toml").write_text("kind = 'assessment'\nrun_id = ")
    (results / "other.toml").write_text("kind = 'poem'\n")
    runs, bad = scan_results(results)
    assert len(runs) == 1
    assert sorted(b.path.name for b in bad) == ["broken.toml", "other.toml"]


def test_unreadable_result_is_one_sentence(tmp_path: Path) -> None:
    path = tmp_path / "x.toml"
    path.write_bytes(b"\xff\xfe\x00")
    with pytest.raises(StorageError, match=r"x\.toml"):
        load_result(path)


def test_unfinished_runs_are_found_for_resume(results: Path) -> None:
    mine = make_result("ada")
    save_result(results, mine)
    done = make_result("ada")
    done.finished = True
    save_result(results, done)
    save_result(results, make_result("bob"))
    found = find_unfinished(results, "quick-check-en", "ada")
    assert [r.run_id for _, r in found] == [mine.run_id]


def test_participant_name_cannot_escape_the_folder(results: Path) -> None:
    path = save_result(results, make_result(participant="../../etc/passwd"))
    assert path.parent == results
    assert os.sep not in path.name
