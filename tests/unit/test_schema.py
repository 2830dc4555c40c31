"""The exported JSON Schema: in sync with the models, and accepting every file that loads."""

from __future__ import annotations

import json
import os
import tomllib
from pathlib import Path
from typing import Any, Literal

import jsonschema
import pytest
from builtin_library import builtin_library

from readiness.content.loader import load_paths
from readiness.content_schema import json_schema, schema_path, schema_text

DATA = Path(__file__).parent.parent / "data" / "authoring"
KINDS: list[Literal["assessment", "scenario"]] = ["assessment", "scenario"]


@pytest.mark.parametrize("kind", KINDS)
def test_shipped_schema_matches_the_models(kind: Literal["assessment", "scenario"]) -> None:
    shipped = schema_path(kind).read_text(encoding="utf-8")
    assert shipped == schema_text(kind), (
        f"readiness/schema/{kind}.schema.json is out of date; regenerate it with: "
        f"readiness schema {kind} > readiness/schema/{kind}.schema.json"
    )


@pytest.mark.parametrize("kind", KINDS)
def test_schema_is_valid_draft_7_with_descriptions(kind: Literal["assessment", "scenario"]) -> None:
    schema = json_schema(kind)
    jsonschema.Draft7Validator.check_schema(schema)
    assert schema["properties"]["id"]["description"].startswith("Unique id of this file")


def loadable_files() -> list[tuple[str, Path]]:
    """Every file that loads: built-in content and our own test fixtures."""
    lib = builtin_library()
    extra = load_paths([DATA], with_builtin=False)
    return [(f.kind, f.path) for f in [*lib.files, *extra.files]]


FILES = loadable_files()


@pytest.mark.parametrize(("kind", "path"), FILES, ids=[p.name for _, p in FILES])
def test_schema_accepts_every_file_that_loads(
    kind: Literal["assessment", "scenario"], path: Path
) -> None:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    jsonschema.validate(data, json_schema(kind), cls=jsonschema.Draft7Validator)


def test_builtin_content_is_covered() -> None:
    assert any(path.parent.name == "assessments" for _, path in FILES)
    assert any(path.parent.name == "scenarios" for _, path in FILES)


def errors(data: dict[str, Any], kind: Literal["assessment", "scenario"]) -> list[str]:
    validator = jsonschema.Draft7Validator(json_schema(kind))
    return sorted(e.message for e in validator.iter_errors(data))


def test_schema_rejects_what_editors_should_flag() -> None:
    data = tomllib.loads((DATA / "mini.en.toml").read_text(encoding="utf-8"))
    data["languag"] = "en"
    data["nodes"][0]["choices"][0]["feedbak"] = "x"
    data["duration_minutes"] = "ten"
    found = errors(data, "scenario")
    assert "Additional properties are not allowed ('languag' was unexpected)" in found
    assert "'ten' is not of type 'integer'" in found
    assert any("'feedbak' was unexpected" in e for e in found)


def test_shipped_schema_files_are_json() -> None:
    for kind in KINDS:
        assert json.loads(schema_path(kind).read_text(encoding="utf-8"))["title"] in (
            "Assessment",
            "Scenario",
        )


def test_every_builtin_schema_line_resolves_in_the_repository_and_the_package() -> None:
    """One relative line per built-in file (`../readiness/schema/<kind>.schema.json`): right in
    a checkout, and right in the wheel, which ships the schemas at the same relative place
    (`readiness/_builtin/readiness/schema`, see pyproject.toml)."""
    root = Path(__file__).resolve().parent.parent.parent
    pyproject = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    shipped = pyproject["tool"]["hatch"]["build"]["targets"]["wheel"]["force-include"]
    lib = builtin_library()
    assert lib.files
    for f in lib.files:
        first = f.path.read_text(encoding="utf-8").splitlines()[0]
        assert first == f"#:schema ../readiness/schema/{f.kind}.schema.json", f.path
        target = first.removeprefix("#:schema ")
        assert (f.path.parent / target).resolve() == schema_path(f.kind).resolve()
        # In the wheel: readiness/_builtin/<kinds>/file -> readiness/_builtin/readiness/schema.
        folder = shipped[f.path.parent.name]
        in_wheel = os.path.normpath(f"{folder}/{target}")
        assert Path(in_wheel).parent.as_posix() == shipped["readiness/schema"]
