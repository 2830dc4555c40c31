"""docs/authoring.md: its examples load cleanly and its facts match the code."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from readiness.cli.main import main
from readiness.content.loader import MAX_FILE_BYTES, load_paths

DOC = Path(__file__).parent.parent.parent / "docs" / "authoring.md"
TEXT = DOC.read_text(encoding="utf-8")
BLOCKS = re.findall(r"```toml\n(.*?)```", TEXT, re.S)
COMPLETE = [b for b in BLOCKS if re.search(r"^kind = ", b, re.M)]


def test_the_guide_has_a_complete_assessment_and_scenario() -> None:
    kinds = sorted(tomllib.loads(b)["kind"] for b in COMPLETE)
    assert kinds == ["assessment", "scenario"]


@pytest.mark.parametrize("block", COMPLETE, ids=lambda b: tomllib.loads(b)["id"])
def test_complete_examples_validate_without_errors_or_warnings(tmp_path: Path, block: str) -> None:
    path = tmp_path / "example.toml"
    path.write_text(block, encoding="utf-8")
    lib = load_paths([path])  # with the built-ins, so an id clash would show
    assert [str(p) for p in lib.problems] == []
    assert any(f.path == path for f in lib.files)


def test_every_toml_snippet_is_valid_toml() -> None:
    for block in BLOCKS:
        tomllib.loads(block)


def test_documented_size_limit_is_the_real_one() -> None:
    assert f"**{MAX_FILE_BYTES:,} bytes**" in TEXT


@pytest.mark.parametrize("command", ["new", "validate", "graph", "stats", "simulate", "play"])
def test_documented_commands_exist(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert f"readiness {command}" in TEXT
    with pytest.raises(SystemExit) as exit_info:
        main([command, "--help"])
    assert exit_info.value.code == 0
    assert f"usage: readiness {command}" in capsys.readouterr().out
