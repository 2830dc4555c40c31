"""`simulate leaked-photos --random N`: the event-driven engine in one process and in the
worker processes `simulate` starts by default, against the stepwise reference engine
(tests/reference_engine.py), same seeds, in one run.

Issue 18 target: 1,000 playthroughs in at most 2 s. The reference ticks every tick and asks
every pending inject at every tick, so it plays only the first `REFERENCE_RUNS` seeds; its
report must equal the event-driven engine's for those seeds (the script fails otherwise).
A second table splits one in-process playthrough into the engine and the reply rubric
(`simulate` plays, replays and debriefs every run; the engine remembers the last verdicts,
so each reply is judged once).

Run: .venv/bin/python benchmarks/bench_simulate.py [runs] [scenario-id]"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from _table import print_table

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from reference_engine import stepwise  # noqa: E402

import readiness.engine.run as engine_run  # noqa: E402
from readiness.authoring.simulate import default_workers, simulate  # noqa: E402
from readiness.content.loader import load_library  # noqa: E402
from readiness.models.scenario import Scenario  # noqa: E402


def _scenario(ident: str) -> Scenario:
    for f in load_library().scenarios:
        if f.id == ident and isinstance(f.model, Scenario):
            return f.model
    raise SystemExit(f'no built-in scenario "{ident}"')


REFERENCE_RUNS = 200


def _timed(s: Scenario, runs: int, workers: int | None) -> tuple[float, object]:
    engine_run._VERDICTS.clear()  # each engine starts without remembered rubric verdicts
    start = time.perf_counter()
    report = simulate(s, runs, seed=1, workers=workers)
    return time.perf_counter() - start, report


def _rubric_seconds(s: Scenario, runs: int) -> float:
    """Seconds spent inside the reply rubric during `runs` playthroughs."""
    original = engine_run.judge
    spent = 0.0

    def timed_judge(*args: object, **kwargs: object) -> object:
        nonlocal spent
        start = time.perf_counter()
        try:
            return original(*args, **kwargs)  # type: ignore[arg-type]
        finally:
            spent += time.perf_counter() - start

    engine_run.judge = timed_judge  # type: ignore[assignment]
    engine_run._VERDICTS.clear()
    try:
        simulate(s, runs, seed=1, workers=1)
    finally:
        engine_run.judge = original
    return spent


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    ident = sys.argv[2] if len(sys.argv) > 2 else "leaked-photos-en"
    s = _scenario(ident)
    simulate(s, 5, seed=1, workers=1)  # warm caches (stemmers, regexes) for all
    reference_runs = min(runs, REFERENCE_RUNS)
    with stepwise():
        old_seconds, old_report = _timed(s, reference_runs, 1)
    _, same_runs_report = _timed(s, reference_runs, 1)
    one_seconds, _ = _timed(s, runs, 1)
    workers = default_workers(runs)
    many_seconds, _ = _timed(s, runs, None)
    same = same_runs_report == old_report
    per_old = old_seconds / reference_runs
    load = os.getloadavg()
    print_table(
        f"simulate {ident} --random {runs} (load average {load[0]:.1f} {load[1]:.1f}"
        f" {load[2]:.1f}, {os.cpu_count()} CPUs)",
        ["engine", "runs", "seconds", "ms per playthrough", "vs stepwise"],
        [
            (
                "stepwise (reference), 1 process",
                reference_runs,
                f"{old_seconds:.2f}",
                f"{1000 * per_old:.1f}",
                "1.00×",
            ),
            (
                "event-driven, 1 process",
                runs,
                f"{one_seconds:.2f}",
                f"{1000 * one_seconds / runs:.2f}",
                f"{per_old * runs / one_seconds:.1f}× faster",
            ),
            (
                f"event-driven, default ({workers} worker{'s' if workers > 1 else ''})",
                runs,
                f"{many_seconds:.2f}",
                f"{1000 * many_seconds / runs:.2f}",
                f"{per_old * runs / many_seconds:.1f}× faster",
            ),
            ("target", 1000, "2.00", "2.00", ""),
        ],
    )
    rubric = _rubric_seconds(s, runs)
    print_table(
        "Where an event-driven playthrough goes (1 process)",
        ["part", "seconds", "share"],
        [
            ("reply rubric (judge)", f"{rubric:.2f}", f"{rubric / one_seconds:.0%}"),
            (
                "engine and the rest",
                f"{one_seconds - rubric:.2f}",
                f"{1 - rubric / one_seconds:.0%}",
            ),
        ],
    )
    print(f"\nsame report from both engines ({reference_runs} runs): {'yes' if same else 'NO'}")
    if not same:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
