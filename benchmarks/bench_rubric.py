"""Agreement of the reply rubric with a trainer's verdicts on the labelled corpus
(tests/data/replies/): per criterion, overall, and how many gaming attempts get through.

Targets (docs/scoring.md): at least 90 % overall, no criterion below 80 %, at most 5 % of
gaming attempts passing a criterion. Run: .venv/bin/python benchmarks/bench_rubric.py [-v]"""

from __future__ import annotations

import sys
from pathlib import Path

from _table import print_table

from readiness.authoring.rubric_corpus import load_corpus, measure

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    corpus = load_corpus(ROOT / "tests" / "data" / "replies")
    result = measure(corpus, ROOT / "scenarios")
    rows = [
        (key, n, f"{result.rate(key):.0%}") for key, (_, n) in sorted(result.per_criterion.items())
    ]
    print_table("Agreement per criterion", ["step/criterion", "verdicts", "agreement"], rows)
    steps = sorted({r.step for r in corpus})
    kinds = sorted({r.kind for r in corpus})
    print_table(
        "Corpus and overall",
        ["measure", "value"],
        [
            ("replies", len(corpus)),
            ("steps", len(steps)),
            *[(f"replies: {k}", sum(1 for r in corpus if r.kind == k)) for k in kinds],
            ("agreement overall", f"{result.overall:.1%}"),
            ("lowest criterion", f"{min(result.rate(k) for k in result.per_criterion):.0%}"),
            (
                "gaming attempts passing a criterion",
                f"{result.gaming_through}/{result.gaming_replies} ({result.gaming_share:.1%})",
            ),
            (
                "gaming verdicts wrongly met",
                f"{result.gaming_pairs_through}/{result.gaming_pairs}",
            ),
        ],
    )
    if "-v" in sys.argv:
        print("\nDisagreements")
        for line in result.misses:
            print(" ", line)


if __name__ == "__main__":
    main()
