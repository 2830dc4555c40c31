"""`readiness new`: a starter file that validates as written and teaches every field."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal, get_args

import pytest
from pydantic import BaseModel

from readiness.authoring.scaffold import scaffold_text, template_path
from readiness.authoring.simulate import simulate
from readiness.cli.main import main
from readiness.content.loader import load_paths
from readiness.models.assessment import Assessment
from readiness.models.scenario import Decision, Ending, Reply, Scenario

CASES = [(k, lang) for k in ("assessment", "scenario") for lang in ("en", "de")]
Kind = Literal["assessment", "scenario"]


def new(tmp_path: Path, kind: str, name: str, lang: str, *extra: str) -> int:
    return main(["new", kind, name, "--lang", lang, "-o", str(tmp_path), *extra])


@pytest.mark.parametrize(("kind", "lang"), CASES)
def test_new_file_validates_without_errors_or_warnings(
    tmp_path: Path, kind: str, lang: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert new(tmp_path, kind, "My Test", lang) == 0
    path = tmp_path / f"my-test.{lang}.toml"
    assert str(path) in capsys.readouterr().out
    lib = load_paths([path])  # with the built-ins, so an id clash would show
    assert lib.problems == []
    [content] = [f for f in lib.files if f.path == path]
    assert (content.kind, content.id, content.model.language) == (kind, f"my-test-{lang}", lang)
    assert content.model.translation_id == "my-test"


@pytest.mark.parametrize(("kind", "lang"), CASES)
def test_new_file_points_editors_at_a_schema_that_travels_with_it(
    tmp_path: Path, kind: str, lang: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """No absolute local path (it breaks for whoever receives the file): a relative line and
    the schema written beside the file, so a shared folder keeps its editor check."""
    from readiness.content_schema import schema_text

    new(tmp_path, kind, "schema-line", lang)
    first = (tmp_path / f"schema-line.{lang}.toml").read_text(encoding="utf-8").splitlines()[0]
    assert first == f"#:schema ./{kind}.schema.json"
    beside = tmp_path / f"{kind}.schema.json"
    assert beside.read_text(encoding="utf-8") == schema_text(kind)  # type: ignore[arg-type]
    assert str(beside) in capsys.readouterr().out
    new(tmp_path, kind, "second", lang)  # an identical copy is left alone, and not announced
    assert str(beside) not in capsys.readouterr().out


def test_new_refuses_to_overwrite(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "mine.en.toml"
    target.write_text("my own work")
    assert new(tmp_path, "scenario", "mine", "en") == 2
    err = capsys.readouterr().err
    assert err == f"readiness: {target} already exists; choose another name or delete it first.\n"
    assert target.read_text() == "my own work"


def test_new_rejects_names_that_cannot_become_ids(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert new(tmp_path, "scenario", "!!!", "en") == 2
    assert capsys.readouterr().err.startswith('readiness: "!!!" cannot become an id')
    assert list(tmp_path.iterdir()) == []


def test_new_needs_an_existing_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "scenario", "x", "--lang", "en", "-o", str(tmp_path / "nope")]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_new_refuses_an_id_that_loaded_content_already_uses(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    existing = tmp_path / "content"
    existing.mkdir()
    new(existing, "scenario", "taken", "en")
    out = tmp_path / "out"
    out.mkdir()
    assert (
        main(
            ["new", "scenario", "taken", "--lang", "en", "-o", str(out), "--content", str(existing)]
        )
        == 2
    )
    assert 'The id "taken-en" is already used by' in capsys.readouterr().err


def test_comments_follow_the_chosen_language(tmp_path: Path) -> None:
    new(tmp_path, "scenario", "lang", "de")
    text = (tmp_path / "lang.de.toml").read_text(encoding="utf-8")
    assert "Zeilen mit # am Anfang sind Kommentare" in text
    assert "Lines starting with #" not in text


def test_english_and_german_starters_are_translations_of_each_other(tmp_path: Path) -> None:
    for lang in ("en", "de"):
        new(tmp_path, "scenario", "pair", lang)
        new(tmp_path, "assessment", "pair-check", lang)
    lib = load_paths([tmp_path], with_builtin=False)
    assert len(lib.files) == 4 and lib.problems == []


def field_names(model: type[BaseModel], seen: set[str] | None = None) -> Iterator[str]:
    seen = set() if seen is None else seen
    if model.__name__ in seen:
        return
    seen.add(model.__name__)
    for name, info in model.model_fields.items():
        yield info.alias or name
        stack: list[Any] = [info.annotation]
        while stack:
            tp = stack.pop()
            if isinstance(tp, type) and issubclass(tp, BaseModel):
                yield from field_names(tp, seen)
            stack.extend(get_args(tp))


@pytest.mark.parametrize(("kind", "lang"), CASES)
def test_the_template_shows_every_field(kind: Kind, lang: str) -> None:
    """Every key of the format appears in the starter, set or commented out with its meaning."""
    text = template_path(kind, lang).read_text(encoding="utf-8")  # type: ignore[arg-type]
    model = Assessment if kind == "assessment" else Scenario
    missing = [
        name
        for name in field_names(model)
        if not re.search(
            rf"(^|[\s{{,#]){re.escape(name)}\s*=|[\[.]{re.escape(name)}[\].]", text, re.M
        )
    ]
    assert missing == []


def test_the_scenario_starter_is_a_complete_small_example() -> None:
    data = tomllib.loads(scaffold_text("scenario", "shape", "en"))
    s = Scenario.model_validate(data)
    assert sum(isinstance(n, Decision) for n in s.nodes) == 3
    assert sum(isinstance(n, Reply) for n in s.nodes) == 1
    assert sum(isinstance(n, Ending) for n in s.nodes) == 2
    assert len(s.injects) >= 2 and len(s.drift) >= 1
    report = simulate(s, 60, seed=1)
    assert report.failures == []
    assert set(report.endings) == {n.id for n in s.nodes if isinstance(n, Ending)}
    assert report.unvisited_nodes == [] and report.unvisited_choices == []


@pytest.mark.parametrize(("kind", "lang"), CASES)
def test_the_starter_declares_the_time_stats_estimates(kind: Kind, lang: str) -> None:
    """The scenario starter said `duration_minutes = 10` while `stats` estimated 1.1–3.9 min:
    the declared time is the longest estimate, rounded up."""
    import math

    from readiness.authoring.stats import assessment_stats, scenario_stats

    data = tomllib.loads(scaffold_text(kind, "timing", lang))
    if kind == "scenario":
        stats: Any = scenario_stats(Scenario.model_validate(data))
    else:
        stats = assessment_stats(Assessment.model_validate(data))
    assert stats.declared_minutes == math.ceil(stats.minutes[1])


@pytest.mark.parametrize("lang", ["en", "de"])
def test_the_first_step_of_the_starter_fits_its_clock(lang: str) -> None:
    """The post arrives at 09:00 and the first step comes at 09:00: it is not "ten minutes
    old" there."""
    s = Scenario.model_validate(tomllib.loads(scaffold_text("scenario", "clock", lang)))
    [complaint] = [i for i in s.injects if i.id == "complaint"]
    first = next(n for n in s.nodes if n.id == s.start)
    assert complaint.at == 0 and isinstance(first, Decision)
    assert not re.search(r"ten minutes|zehn Minuten", first.situation)
