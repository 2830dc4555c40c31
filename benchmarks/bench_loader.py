"""Load + validate 1,000 generated content files against raw tomllib parsing of the same files
(the target's baseline), and against raw parsing with the compiled tomli the loader uses.

Two loads: for use (`load_library`, what the app, `serve` and every command do: parse,
validate, graph checks, every error) and as `validate` shows it (the same plus the
authoring warnings, which only `validate` prints).

Run: .venv/bin/python benchmarks/bench_loader.py [N]
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
import tomllib
from pathlib import Path

import tomli

sys.path.insert(0, str(Path(__file__).parent))
from _table import print_table

from readiness.content.loader import (
    CHECKED,
    PARSED,
    builtin_dirs,
    iter_content_files,
    load_library,
    load_paths,
)

ROOT = Path(__file__).resolve().parent.parent


def generate(folder: Path, n: int) -> list[Path]:
    """Copies of the built-in files with new ids: realistic sizes and shapes."""
    sources = sorted((ROOT / "assessments").glob("*.toml")) + sorted(
        (ROOT / "scenarios").glob("*.toml")
    )
    sources = [s for s in sources if not load_paths([s], with_builtin=True).errors] or sorted(
        (ROOT / "tests" / "data" / "foundation").glob("*.toml")
    )
    paths = []
    for i in range(n):
        src = sources[i % len(sources)]
        text = src.read_text(encoding="utf-8")
        data = tomllib.loads(text)
        text = text.replace(f'id = "{data["id"]}"', f'id = "{data["id"]}-{i}"', 1)
        if data.get("translation_id"):
            text = text.replace(
                f'translation_id = "{data["translation_id"]}"',
                f'translation_id = "{data["translation_id"]}-{i}"',
                1,
            )
        path = folder / f"{i:04d}-{src.name}"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def raw_parse(paths: list[Path]) -> None:
    for p in paths:
        with p.open("rb") as handle:
            tomllib.load(handle)


def raw_tomli(paths: list[Path]) -> None:
    for p in paths:
        with p.open("rb") as handle:
            tomli.load(handle)


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        paths = generate(folder, n)
        size = sum(p.stat().st_size for p in paths)
        raw, compiled, full, warm, used = [], [], [], [], []
        builtin = len(load_library().files)
        for _ in range(5):
            start = time.perf_counter()
            raw_parse(paths)
            raw.append(time.perf_counter() - start)
            start = time.perf_counter()
            raw_tomli(paths)
            compiled.append(time.perf_counter() - start)
            PARSED.clear()  # a first load: nothing remembered from the run before
            CHECKED.clear()
            start = time.perf_counter()
            lib = load_library([folder])
            used.append(time.perf_counter() - start)
            assert len(lib.files) == n + builtin, [str(p) for p in lib.problems[:3]]
            PARSED.clear()
            CHECKED.clear()
            start = time.perf_counter()
            lib = load_paths([folder], with_builtin=False)
            full.append(time.perf_counter() - start)
            start = time.perf_counter()
            load_paths([folder], with_builtin=False)  # again, files unchanged
            warm.append(time.perf_counter() - start)
        assert len(lib.files) == n, [str(p) for p in lib.problems[:3]]
    r, f, w = statistics.median(raw), statistics.median(full), statistics.median(warm)
    c, u = statistics.median(compiled), statistics.median(used)
    # load_library also reads the built-in files: their raw parse, measured alike, is
    # added to the baseline so both sides read the same files.
    builtin_files = [p for d in builtin_dirs() for p in iter_content_files(d)]
    start = time.perf_counter()
    raw_parse(builtin_files)
    rb = r + time.perf_counter() - start
    print_table(
        f"Loading {n} content files ({size / 1e6:.1f} MB), median of 5 runs",
        ["what", "seconds", "per file (ms)", "ratio"],
        [
            ["raw tomllib parse (baseline)", f"{r:.3f}", f"{r / n * 1000:.2f}", "1.00x"],
            [
                "raw compiled tomli parse (the loader's parser)",
                f"{c:.3f}",
                f"{c / n * 1000:.2f}",
                f"{c / r:.2f}x",
            ],
            [
                "load for use: + validate + graph checks (vs raw parse incl. built-ins)",
                f"{u:.3f}",
                f"{u / n * 1000:.2f}",
                f"{u / rb:.2f}x",
            ],
            [
                "as `validate` shows it: + authoring warnings",
                f"{f:.3f}",
                f"{f / n * 1000:.2f}",
                f"{f / r:.2f}x",
            ],
            ["the same again, files unchanged", f"{w:.3f}", f"{w / n * 1000:.2f}", f"{w / r:.2f}x"],
        ],
    )


if __name__ == "__main__":
    main()
