"""Realistic HTML reports from the built-in content, for the browser layout tests.

Made by the real engines (the simulated room of `readiness.workshop.sample`), so labels,
situations and choices are the long ones a real room sees. Run as a script to write them to a
folder and look at them: `python tests/report_samples.py /tmp/reports`."""

from __future__ import annotations

import sys
from datetime import timedelta
from pathlib import Path

from builtin_library import builtin_library

from readiness.content.loader import ContentFile
from readiness.i18n import Lang
from readiness.models.results import AnyResult, AssessmentResult, ScenarioResult
from readiness.reports.group_render import render_group
from readiness.reports.render import render
from readiness.reports.service import report_for
from readiness.workshop.group import analyse
from readiness.workshop.sample import sample_room

ASSESSMENT = "institutional-readiness"
EXERCISES = ("leaked-photos", "campaign-shitstorm")


def _contents(lang: Lang, ids: tuple[str, ...]) -> list[ContentFile]:
    library = builtin_library()
    out: list[ContentFile] = []
    for ident in ids:
        found = library.get(f"{ident}-{lang}")
        assert found is not None, ident
        out.append(found)
    return out


def _person(lang: Lang, seed: int) -> list[AnyResult]:
    runs = sample_room(_contents(lang, (ASSESSMENT, *EXERCISES)), 1, seed=seed)
    for r in runs:
        r.finished = True
    return runs


def single(lang: Lang) -> str:
    """One participant: the self-assessment and two exercises."""
    report, _ = report_for(builtin_library(), _person(lang, 3), lang)
    return render(report, "html")


def compare(lang: Lang) -> str:
    """The same participant against an earlier, weaker run."""
    now = _person(lang, 3)
    before = _person(lang, 11)[0]
    assert isinstance(before, AssessmentResult)
    before.updated_at = now[0].updated_at - timedelta(days=90)
    report, _ = report_for(builtin_library(), now, lang, compare=before)
    return render(report, "html")


def exercise_only(lang: Lang) -> str:
    """A participant's download from one unfinished exercise (no self-assessment)."""
    runs = sample_room(_contents(lang, EXERCISES[:1]), 1, seed=5)
    run = runs[0]
    assert isinstance(run, ScenarioResult)
    run.finished = False
    run.ending = None
    report, _ = report_for(builtin_library(), runs, lang)
    return render(report, "html")


def group(lang: Lang) -> str:
    """A room of twelve in three teams, counted as `report --group` counts (finished runs)."""
    runs = sample_room(_contents(lang, (ASSESSMENT, *EXERCISES)), 12, seed=1)
    report = analyse(runs, builtin_library(), lang=lang, folder="room", finished_only=True)
    return render_group(report, "html")


def all_reports() -> dict[str, str]:
    """Every report kind in both languages, by file stem."""
    out: dict[str, str] = {}
    for lang in ("en", "de"):
        out[f"single-{lang}"] = single(lang)
        out[f"compare-{lang}"] = compare(lang)
        out[f"exercise-{lang}"] = exercise_only(lang)
        out[f"group-{lang}"] = group(lang)
    return out


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "reports")
    target.mkdir(parents=True, exist_ok=True)
    for stem, html in all_reports().items():
        (target / f"{stem}.html").write_text(html, encoding="utf-8")
        print(target / f"{stem}.html")
