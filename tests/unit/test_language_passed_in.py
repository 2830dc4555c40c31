"""The core words its text in the language it is given, whatever language the process has set.

A library is loaded once (by the CLI, by the app, by a `serve` worker before anyone chose a
language) and shown in the language of whoever looks at it: the problems it found are worded
when shown, not when found."""

from __future__ import annotations

from pathlib import Path

import pytest

from readiness.authoring.load import errors_message
from readiness.authoring.simulate import render as render_simulation
from readiness.authoring.simulate import simulate
from readiness.authoring.stats import render as render_stats
from readiness.authoring.stats import scenario_stats
from readiness.content.loader import load_paths
from readiness.content.notes import library_notes
from readiness.i18n import current_language, set_language
from readiness.models.scenario import Scenario

DATA = Path(__file__).parent.parent / "data" / "authoring"

UNKNOWN_STEP = {
    "en": 'unknown node "bda" (did you mean "bad"?)',
    "de": 'unbekannter Schritt "bda" (meinten Sie "bad"?)',
}
NO_FEEDBACK_START = {"en": ": warning: no feedback", "de": ": Warnung: "}


def broken_copy(tmp_path: Path) -> Path:
    """The mini scenario with a mistyped step id: one error, with a suggestion."""
    text = (DATA / "mini.en.toml").read_text(encoding="utf-8")
    assert 'next = "bad"' in text
    path = tmp_path / "mini.en.toml"
    path.write_text(text.replace('next = "bad"', 'next = "bda"', 1), encoding="utf-8")
    return path


@pytest.mark.parametrize(("process", "asked"), [("en", "de"), ("de", "en")])
def test_a_broken_file_reads_in_the_language_asked_for_not_the_process_one(
    tmp_path: Path, process: str, asked: str
) -> None:
    set_language(process)
    path = broken_copy(tmp_path)
    lib = load_paths([path], with_builtin=False)
    [problem] = lib.errors
    assert current_language() == process
    assert problem.message.text(asked) == UNKNOWN_STEP[asked]
    assert problem.text(asked).endswith(f": {problem.key}: {UNKNOWN_STEP[asked]}")
    assert problem.as_dict(asked)["message"] == UNKNOWN_STEP[asked]
    # What a command prints about the file, and the line the TUI's home screen shows.
    message = errors_message(path, lib.errors, asked)
    assert message.splitlines()[1] == f"  {problem.text(asked)}"
    assert UNKNOWN_STEP[process] not in message
    assert library_notes(lib, asked)[-1] == f"  {problem.text(asked)}"


@pytest.mark.parametrize(("process", "asked"), [("en", "de"), ("de", "en")])
def test_a_library_loaded_in_one_language_shows_its_warnings_in_another(
    tmp_path: Path, process: str, asked: str
) -> None:
    text = (DATA / "mini.en.toml").read_text(encoding="utf-8")
    path = tmp_path / "mini.en.toml"
    assert 'feedback = "Fast is good."' in text
    path.write_text(text.replace('feedback = "Fast is good."', 'feedback = ""'), encoding="utf-8")
    set_language(process)
    lib = load_paths([path], with_builtin=False)
    set_language("en" if process == "de" else "de")  # the process changes its mind later
    [warning] = [p for p in lib.problems if p.severity == "warning"]
    assert NO_FEEDBACK_START[asked] in warning.text(asked)
    assert NO_FEEDBACK_START[process] not in warning.text(asked)


@pytest.mark.parametrize(("process", "asked"), [("en", "de"), ("de", "en")])
def test_stats_and_simulate_speak_the_language_they_are_given(process: str, asked: str) -> None:
    lib = load_paths([DATA / "mini.en.toml"], with_builtin=False)
    [content] = lib.files
    assert isinstance(content.model, Scenario)
    set_language(process)
    stats = render_stats(scenario_stats(content.model), asked)
    assert stats.splitlines()[0] == {
        "en": "Statistics for mini-en",
        "de": "Statistik für mini-en",
    }[asked]
    simulated = render_simulation(simulate(content.model, 2, 1), asked).splitlines()[0]
    assert simulated.startswith({"en": "Simulated 2", "de": "2 "}[asked])
    assert ("Simulated" in simulated) == (asked == "en")
