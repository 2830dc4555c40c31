"""A room saving at the same moment: twenty processes, one folder, nothing lost."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

from processes import racing_processes

from readiness.models.results import Answer, AssessmentResult
from readiness.storage import new_run_id, now, save_result, scan_results

PROCESSES = 20
SAVES = 10


def _participant(folder: str, name: str, start: multiprocessing.synchronize.Event) -> None:
    result = AssessmentResult(
        run_id=new_run_id(),
        content_id="room-check-en",
        content_version="1.0",
        content_hash="h",
        participant=name,
        team="red",
        started_at=now(),
        updated_at=now(),
    )
    start.wait(30)  # everyone writes at the same moment
    for i in range(SAVES):
        result.answers[f"q{i}"] = Answer(value="yes", note=f"{name} answer {i}")
        save_result(Path(folder), result)


def test_twenty_participants_saving_at_once_lose_nothing(results: Path) -> None:
    ctx = racing_processes()
    start = ctx.Event()
    names = [f"p{i:02d}" for i in range(PROCESSES)]
    procs = [ctx.Process(target=_participant, args=(str(results), n, start)) for n in names]
    for p in procs:
        p.start()
    start.set()
    for p in procs:
        p.join(120)
        assert p.exitcode == 0
    runs, bad = scan_results(results)
    assert bad == []
    assert sorted(r.participant for _, r in runs) == names, "one file per participant and run"
    for _, r in runs:
        assert isinstance(r, AssessmentResult)
        assert len(r.answers) == SAVES, "the last save of every participant landed whole"
        assert r.answers[f"q{SAVES - 1}"].note == f"{r.participant} answer {SAVES - 1}"
    leftovers = [p.name for p in results.iterdir() if p.name.startswith(".")]
    assert leftovers == [], "no temp files left behind"
