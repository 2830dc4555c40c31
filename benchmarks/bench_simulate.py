"""`simulate leaked-photos --random N` on the event-driven engine against the stepwise
reference engine (tests/reference_engine.py), in the same process, same seeds.

Issue 18 target: 1,000 playthroughs in at most 2 s. Both engines must report the same
(the script says so and fails otherwise). A second table splits one playthrough into the
engine and the reply rubric (`simulate` plays, replays and debriefs every run; the engine
remembers the last verdicts, so each reply is judged once).

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
from readiness.authoring.simulate import simulate  # noqa: E402
from readiness.content.loader import load_library  # noqa: E402
from readiness.models.scenario import Scenario  # noqa: E402


def _scenario(ident: str) -> Scenario:
    for f in load_library().scenarios:
        if f.id == ident and isinstance(f.model, Scenario):
            return f.model
    raise SystemExit(f'no built-in scenario "{ident}"')


def _timed(s: Scenario, runs: int) -> tuple[float, object]:
    engine_run._VERDICTS.clear()  # each engine starts without remembered rubric verdicts
    start = time.perf_counter()
    report = simulate(s, runs, seed=1)
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
        simulate(s, runs, seed=1)
    finally:
        engine_run.judge = original
    return spent


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    ident = sys.argv[2] if len(sys.argv) > 2 else "leaked-photos-en"
    s = _scenario(ident)
    simulate(s, 5, seed=1)  # warm caches (stemmers, regexes) for both
    new_seconds, new_report = _timed(s, runs)
    with stepwise():
        old_seconds, old_report = _timed(s, runs)
    same = new_report == old_report
    load = os.getloadavg()
    print_table(
        f"simulate {ident} --random {runs} (load average {load[0]:.1f} {load[1]:.1f}"
        f" {load[2]:.1f}, {os.cpu_count()} CPUs)",
        ["engine", "seconds", "ms per playthrough", "vs stepwise"],
        [
            (
                "stepwise (reference)",
                f"{old_seconds:.2f}",
                f"{1000 * old_seconds / runs:.1f}",
                "1.00×",
            ),
            (
                "event-driven",
                f"{new_seconds:.2f}",
                f"{1000 * new_seconds / runs:.1f}",
                f"{old_seconds / new_seconds:.2f}× faster",
            ),
        ],
    )
    rubric = _rubric_seconds(s, runs)
    print_table(
        "Where an event-driven playthrough goes",
        ["part", "seconds", "share"],
        [
            ("reply rubric (judge)", f"{rubric:.2f}", f"{rubric / new_seconds:.0%}"),
            (
                "engine and the rest",
                f"{new_seconds - rubric:.2f}",
                f"{1 - rubric / new_seconds:.0%}",
            ),
            ("target for everything", "2.00", f"1,000 playthroughs ({runs} run)"),
        ],
    )
    print(f"\nsame report from both engines: {'yes' if same else 'NO'}")
    if not same:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
