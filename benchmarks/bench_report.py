"""Rendering one participant's report in each format, and analysing 1,000 result files.

Baselines measured in the same run: reading the same result files with raw tomllib, and
json.dumps of the same report data.
Run: .venv/bin/python benchmarks/bench_report.py [N]
"""

from __future__ import annotations

import json
import random
import statistics
import sys
import tempfile
import time
import tomllib
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _table import print_table

from readiness.analysis.build import attach, build_report
from readiness.content.loader import load_library
from readiness.models.assessment import Assessment
from readiness.models.results import Answer, AssessmentResult
from readiness.reports.render import render
from readiness.storage import load_result, new_run_id, now, save_result


def timed(fn: Callable[[], object], repeat: int = 5) -> float:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def make_results(folder: Path, n: int) -> list[Path]:
    lib = load_library()
    content = lib.get("institutional-readiness-en")
    assert content is not None and isinstance(content.model, Assessment)
    a = content.model
    rng = random.Random(7)
    paths = []
    for i in range(n):
        r = AssessmentResult(
            run_id=new_run_id(),
            content_id=a.id,
            content_version=a.version,
            content_hash=content.sha256,
            translation_id=a.translation_id or "",
            participant=f"p{i:04d}",
            started_at=now(),
            updated_at=now(),
            finished=True,
        )
        for q in a.questions:
            ids = q.option_ids()
            value: str | list[str] = rng.sample(ids, 2) if q.type == "multi" else rng.choice(ids)
            r.answers[q.id] = Answer(
                value=value, note="checked with the team" if i % 5 == 0 else ""
            )
        paths.append(save_result(folder, r))
    return paths


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    lib = load_library()
    with tempfile.TemporaryDirectory() as tmp:
        paths = make_results(Path(tmp), n)

        def raw() -> None:
            for p in paths:
                with p.open("rb") as handle:
                    tomllib.load(handle)

        def analyse() -> None:
            for p in paths:
                build_report(attach(lib, [load_result(p)]), "en")

        t_raw, t_all = timed(raw, 3), timed(analyse, 3)
        one = build_report(attach(lib, [load_result(paths[0])]), "en")
        data = one.model_dump(mode="json")
        rows = [
            ["read results: raw tomllib (baseline)", f"{t_raw * 1000:.0f}", "1.00x"],
            [f"read + score + analyse {n} results", f"{t_all * 1000:.0f}", f"{t_all / t_raw:.2f}x"],
        ]
        base = timed(lambda: json.dumps(data), 20)
        fmt_rows = [["json.dumps of the report data (baseline)", f"{base * 1000:.2f}", "1.00x"]]
        for fmt in ("json", "md", "html"):
            took = timed(lambda fmt=fmt: render(one, fmt), 20)  # type: ignore[misc]
            fmt_rows.append([f"render {fmt}", f"{took * 1000:.2f}", f"{took / base:.1f}x"])
    print_table(f"Analysis of {n} result files (median of 3)", ["what", "ms", "ratio"], rows)
    print_table(
        "Rendering one participant's report (median of 20)", ["what", "ms", "ratio"], fmt_rows
    )


if __name__ == "__main__":
    main()
