"""Group report for 1,000 result files against raw tomllib parsing of the same files.

Generates a room with the real engines (built-in content: two assessments and two exercises,
250 participants each = 1,000 files), then measures, median of 3 runs:
- raw tomllib parse of every file (baseline),
- reading + validating them (storage.scan_results),
- a dashboard poll when nothing changed (FolderScanner: one stat per file),
- the group analysis (scoring every assessment run, counting every decision),
- rendering Markdown, HTML (with inline SVG) and JSON,
- end to end: a fresh read of the folder, the analysis and the HTML page.

Run: .venv/bin/python benchmarks/bench_group.py [FILES]
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
import tomllib
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _table import print_table

from readiness.content.loader import load_library
from readiness.reports.group_render import render_group
from readiness.storage import save_result, scan_results
from readiness.workshop.group import analyse, analyse_folder
from readiness.workshop.sample import sample_room
from readiness.workshop.scan import FolderScanner


def timed(fn: Callable[[], object], runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    files = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    library = load_library([])
    contents = [f for f in library.assessments if f.model.language == "en"][:2]
    contents += [f for f in library.scenarios if f.model.language == "en"][:2]
    per_person = len(contents)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        start = time.perf_counter()
        for result in sample_room(contents, files // per_person, seed=7):
            save_result(folder, result)
        made = time.perf_counter() - start
        paths = sorted(folder.glob("*.toml"))
        size = sum(p.stat().st_size for p in paths)

        def raw() -> None:
            for p in paths:
                with p.open("rb") as handle:
                    tomllib.load(handle)

        runs, bad = scan_results(folder)
        assert not bad and len(runs) == len(paths)
        results = [r for _, r in runs]
        scanner = FolderScanner(folder)
        scanner.scan()
        report = analyse(results, library, lang="en")

        t_raw = timed(raw)
        rows = [
            ["raw tomllib parse (baseline)", t_raw],
            ["read + validate (scan_results)", timed(lambda: scan_results(folder))],
            ["dashboard poll, nothing changed", timed(scanner.scan)],
            ["group analysis", timed(lambda: analyse(results, library, lang="en"))],
            ["render Markdown", timed(lambda: render_group(report, "md"))],
            ["render HTML (inline SVG)", timed(lambda: render_group(report, "html"))],
            ["render JSON", timed(lambda: render_group(report, "json"))],
        ]
        rows.append(
            [
                "end to end: folder -> HTML report",
                timed(lambda: render_group(analyse_folder(folder, library, lang="en"), "html")),
            ]
        )
    print_table(
        f"Group report for {len(paths)} result files ({size / 1e6:.1f} MB, "
        f"{report.participants} participants; generated in {made:.1f} s), median of 3 runs",
        ["what", "seconds", "per file (ms)", "vs. raw parse"],
        [[w, f"{s:.3f}", f"{s / len(paths) * 1000:.2f}", f"{s / t_raw:.2f}x"] for w, s in rows],
    )


if __name__ == "__main__":
    main()
