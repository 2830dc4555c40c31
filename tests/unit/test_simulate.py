"""`readiness simulate`: random runs through the real engine, with reproducible seeds."""

from __future__ import annotations

import json
import os
import tomllib
from pathlib import Path
from typing import Any

import pytest
from builtin_library import builtin_library

import readiness.authoring.simulate as simulate_module
from readiness.authoring.simulate import default_workers, simulate
from readiness.cli.main import main
from readiness.engine import Run
from readiness.models.scenario import Scenario

DATA = Path(__file__).parent.parent / "data" / "authoring"


def mini(**changes: Any) -> dict[str, Any]:
    data = tomllib.loads((DATA / "mini.en.toml").read_text(encoding="utf-8"))
    data.update(changes)
    return data


def test_random_runs_reach_every_ending_and_visit_everything() -> None:
    report = simulate(Scenario.model_validate(mini()), 200, seed=1)
    assert report.failures == []
    assert set(report.endings) == {"good", "bad"}
    assert sum(report.endings.values()) == 200
    assert report.unvisited_nodes == [] and report.unvisited_choices == []
    assert report.timeouts > 0  # countdowns do run out in random play
    for lo, hi in report.scores.values():
        assert 0 <= lo <= hi <= 100


def test_same_seed_same_report() -> None:
    s = Scenario.model_validate(mini())
    assert simulate(s, 50, seed=7) == simulate(s, 50, seed=7)


def test_choices_and_steps_no_run_can_reach_are_reported() -> None:
    data = mini()
    d1 = data["nodes"][0]
    # "r1" is never visited before d1 (d1 is the start), so this choice is never open.
    d1["choices"].append(
        {
            "id": "never",
            "text": "Secret door.",
            "next": "secret",
            "feedback": "-",
            "when": {"visited": "r1"},
        }
    )
    data["nodes"].append(
        {
            "type": "decision",
            "id": "secret",
            "situation": "Hidden.",
            "time_limit": 0,
            "choices": [
                {"id": "a", "text": "A", "next": "good", "feedback": "-"},
                {"id": "b", "text": "B", "next": "bad", "feedback": "-"},
            ],
        }
    )
    report = simulate(Scenario.model_validate(data), 100, seed=3)
    assert report.failures == []
    assert report.unvisited_nodes == ["secret"]
    assert report.unvisited_choices == ["d1.never", "secret.a", "secret.b"]


def test_an_engine_error_is_reported_with_a_seed_that_repeats_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    original = Run.choose

    def broken(self: Run, choice_id: str) -> Any:
        if choice_id == "argue":
            raise ZeroDivisionError("boom")
        return original(self, choice_id)

    monkeypatch.setattr(Run, "choose", broken)
    s = Scenario.model_validate(mini())
    report = simulate(s, 100, seed=11)
    assert report.failures, "some random run argues at d2"
    first = report.failures[0]
    assert (first.node, first.error) == ("d2", "ZeroDivisionError: boom")
    assert first.where.startswith("test_simulate.py:")
    again = simulate(s, 1, seed=first.seed)
    assert [(f.seed, f.node, f.error) for f in again.failures] == [(first.seed, "d2", first.error)]
    # Runs that failed count towards no ending.
    assert sum(report.endings.values()) == 100 - len(report.failures)


def test_the_report_is_the_same_in_any_number_of_worker_processes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Runs are shared out to worker processes in chunks and merged in seed order: the report,
    failures included, is the one a single process gives. The first run of each path is
    checked (debrief and replay); when that check fails, the run counts as a failure and
    later runs on the same path count normally."""
    real_check = simulate_module._check_run

    def picky_check(s: Scenario, run: Run, expert: Any) -> None:
        if run.result.ending == "bad" and run.result.seed is not None and run.result.seed % 2:
            raise ValueError("replay differs")
        real_check(s, run, expert)

    monkeypatch.setattr(simulate_module, "_check_run", picky_check)  # forked workers inherit it
    s = Scenario.model_validate(mini())
    one = simulate(s, 260, seed=5, workers=1)
    assert one.failures, "some first run of a path ends badly with an odd order seed"
    assert {f.error for f in one.failures} == {"ValueError: replay differs"}
    assert sum(one.endings.values()) == 260 - len(one.failures)
    assert simulate(s, 260, seed=5, workers=2) == one
    assert simulate(s, 260, seed=5, workers=3) == one
    progress: list[int] = []
    simulate(s, 260, seed=5, progress=progress.append, workers=2)
    assert progress[-1] == 260 and progress == sorted(progress)


def test_worker_processes_start_only_for_hundreds_of_runs() -> None:
    assert default_workers(99) == 1
    assert 1 <= default_workers(1000) <= max(1, len(os.sched_getaffinity(0)))


def test_simulate_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(
            [
                "simulate",
                str(DATA / "mini.en.toml"),
                "--random",
                "30",
                "--seed",
                "2",
                "--lang",
                "en",
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert out.startswith("Simulated 30 random runs of mini-en (seed 2): 30 finished")
    assert "Engine errors: none." in out
    assert (
        main(["simulate", str(DATA / "mini.en.toml"), "--random", "5", "--seed", "2", "--json"])
        == 0
    )
    data = json.loads(capsys.readouterr().out)
    assert data["runs"] == 5 and sum(data["endings"].values()) == 5
    reports = []
    for jobs in ("1", "2"):
        args = ["simulate", str(DATA / "mini.en.toml"), "--random", "200", "--seed", "9"]
        assert main([*args, "--jobs", jobs, "--lang", "en"]) == 0
        reports.append(capsys.readouterr().out)
    assert reports[0] == reports[1] and "Simulated 200 random runs" in reports[0]


def test_simulate_refuses_assessments_and_bad_counts(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["simulate", str(DATA / "quiz.en.toml"), "--lang", "en"]) == 2
    assert "simulate plays scenarios" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_info:
        main(["simulate", str(DATA / "mini.en.toml"), "--random", "0"])
    assert exit_info.value.code == 2
    capsys.readouterr()
    for option, value in (("--jobs", "0"), ("--random", "viele")):
        with pytest.raises(SystemExit):
            main(["simulate", str(DATA / "mini.en.toml"), option, value, "--lang", "de"])
        assert f"{option}: muss eine ganze Zahl von 1 bis 1.000.000 sein" in capsys.readouterr().err


BUILTIN = [f for f in builtin_library().scenarios if f.builtin]


@pytest.mark.parametrize("content", BUILTIN, ids=[f.id for f in BUILTIN])
def test_builtin_scenarios_survive_random_play(content: Any) -> None:
    report = simulate(content.model, 12, seed=2024)
    assert report.failures == []
    assert sum(report.endings.values()) == 12
