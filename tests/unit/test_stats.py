"""`readiness stats`: paths, steps, score ranges and duration, checked against hand counts."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path
from typing import Any

import pytest
import tomli_w

from readiness.authoring.stats import assessment_stats, scenario_stats
from readiness.cli.main import main
from readiness.content.paths import Paths
from readiness.content.reading import step_seconds
from readiness.models.assessment import Assessment
from readiness.models.scenario import Scenario

DATA = Path(__file__).parent.parent / "data" / "authoring"


def raw(name: str) -> dict[str, Any]:
    return tomllib.loads((DATA / name).read_text(encoding="utf-8"))


def test_scenario_paths_steps_and_scores() -> None:
    # d1 -answer-> r1 -> d2 -thank-> good | -argue-> bad
    # d1 -ignore-> d2 ...                   d1 -timeout-> bad
    stats = scenario_stats(Scenario.model_validate(raw("mini.en.toml")))
    assert stats.paths == 5
    endings = {e.id: (e.outcome, e.paths, e.shortest, e.longest) for e in stats.endings}
    assert endings == {"good": ("good", 2, 2, 3), "bad": ("bad", 3, 1, 3)}
    assert stats.scores == {"speed": (-2, 2), "tone": (-4, 4)}
    assert stats.expert_path == ["d1", "r1", "d2", "good"]
    assert (stats.decisions, stats.replies, stats.injects) == (2, 1, 1)


def test_path_count_counts_choices_not_just_nodes() -> None:
    data = raw("mini.en.toml")
    d2 = next(n for n in data["nodes"] if n["id"] == "d2")
    d2["choices"].append({"id": "also", "text": "Also fine.", "next": "good", "feedback": "ok"})
    stats = scenario_stats(Scenario.model_validate(data))
    assert {e.id: e.paths for e in stats.endings} == {"good": 4, "bad": 3}


def test_choices_offered_under_a_condition_make_the_counts_upper_bounds(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Paths are counted as if every choice were always offered. A choice with `when` may not
    be, so the counts are upper bounds, and the output says so instead of passing them off
    as exact."""
    data = raw("mini.en.toml")
    d2 = next(n for n in data["nodes"] if n["id"] == "d2")
    d2["choices"][1]["when"] = {"flag": "answered"}
    assert scenario_stats(Scenario.model_validate(data)).conditional_choices == 1
    assert scenario_stats(Scenario.model_validate(raw("mini.en.toml"))).conditional_choices == 0
    path = tmp_path / "mini.en.toml"
    path.write_text(tomli_w.dumps(data), encoding="utf-8")
    assert main(["stats", str(path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[3] == (
        "  1 choice is offered only under a condition and counted here as always offered: the"
        " path counts are upper bounds, and real runs stay within the ranges below"
    )
    assert main(["stats", str(DATA / "mini.en.toml")]) == 0
    assert "upper bounds" not in capsys.readouterr().out


def test_duration_grows_with_reading_and_is_capped_by_countdowns() -> None:
    data = raw("mini.en.toml")
    lo, hi = Paths(Scenario.model_validate(data)).duration_range()
    assert 0 < lo < hi
    d2 = next(n for n in data["nodes"] if n["id"] == "d2")
    d2["situation"] += " " + " ".join(["word"] * 200)  # 200 words: one more minute
    lo2, hi2 = Paths(Scenario.model_validate(data)).duration_range()
    assert lo2 == pytest.approx(lo)  # the shortest path (timeout at d1) never sees d2
    assert hi2 == pytest.approx(hi + 60)
    d1 = next(n for n in data["nodes"] if n["id"] == "d1")
    d1["situation"] = " ".join(["word"] * 1000)
    s = Scenario.model_validate(data)
    # d1 has a 60 s countdown: 1,000 words (300 s of reading) still cost only 60 s there.
    assert step_seconds(s, s.nodes[0]) == 60
    lo3, _ = Paths(s).duration_range()
    assert lo < lo3 <= lo + 60


def test_assessment_counts() -> None:
    stats = assessment_stats(Assessment.model_validate(raw("quiz.en.toml")))
    assert stats.questions == 3
    assert stats.per_dimension == {"goals": 2, "backing": 1}
    assert stats.per_type == {"yes_no": 1, "single": 1, "likert": 1}
    assert stats.critical == ["q3"]
    assert stats.conditional == 0
    assert stats.minutes[0] == stats.minutes[1] > 0


def test_conditional_questions_widen_the_duration() -> None:
    data = raw("quiz.en.toml")
    data["questions"][1]["when"] = {"question": "q1", "any_of": ["yes"]}
    stats = assessment_stats(Assessment.model_validate(data))
    assert stats.conditional == 1
    assert stats.minutes[0] < stats.minutes[1]


def test_stats_command_text_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stats", str(DATA / "mini.en.toml"), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "Paths from start to an ending: 5" in out
    assert "  good (good): 2 paths, 2–3 steps" in out
    assert "Expert path: d1 -> r1 -> d2 -> good" in out
    assert main(["stats", str(DATA / "quiz.en.toml"), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["kind"] == "assessment" and data["critical"] == ["q3"]


def test_german_stats_write_german_numbers_and_outcomes(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A built-in scenario has millions of paths: grouped as German writes them, and each
    ending's outcome in German, as every other word of the output."""
    assert main(["--lang", "de", "stats", "leaked-photos-de"]) == 0
    out = capsys.readouterr().out
    assert re.search(r"^Wege vom Start zu einem Ende: \d{1,3}(\.\d{3})+$", out, re.MULTILINE)
    assert re.search(r"^  ending-good \(gut\): \d{1,3}(\.\d{3})+ Wege, ", out, re.MULTILINE)
    assert "(good)" not in out and "(mixed)" not in out and "(bad)" not in out


def test_stats_on_a_broken_file_lists_its_first_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('kind = "scenario"\nid = "x"\n')
    assert main(["stats", str(bad), "--lang", "en"]) == 1
    err = capsys.readouterr().err
    lines = err.splitlines()
    assert lines[:2] == [
        f"readiness: {bad} cannot be used; its errors, most useful first:",
        f"  {bad}: language: required key is missing",
    ]
    assert len(lines) == 7
    assert lines[-1].startswith("  … and ")
