"""The package stays lint-clean and strictly typed: the same checks a reviewer would run."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
BIN = Path(sys.executable).parent


def tool(name: str) -> str:
    found = BIN / name
    if found.exists():
        return str(found)
    other = shutil.which(name)
    if other is None:
        pytest.fail(f"{name} is not installed (pip install -e '.[test]')")
    return other


def test_ruff_finds_nothing() -> None:
    out = subprocess.run(
        [tool("ruff"), "check", "readiness"], cwd=ROOT, capture_output=True, text=True
    )
    assert out.returncode == 0, out.stdout[-3000:]


def test_mypy_strict_finds_nothing() -> None:
    out = subprocess.run(
        [tool("mypy"), "readiness"], cwd=ROOT, capture_output=True, text=True, timeout=600
    )
    assert out.returncode == 0, out.stdout[-3000:]


def test_import_layers_hold() -> None:
    """The contracts in pyproject.toml: cli > tui > reports > analysis/workshop/authoring >
    assessing/engine > content > models, no Textual in the core, shared helpers at the bottom."""
    out = subprocess.run(
        [tool("lint-imports"), "--no-cache"], cwd=ROOT, capture_output=True, text=True
    )
    assert out.returncode == 0, out.stdout[-3000:]
    assert "3 kept, 0 broken" in out.stdout


def test_import_linter_catches_a_layer_break(tmp_path: Path) -> None:
    """The same kind of contract fails on a package where a lower layer imports a higher one."""
    package = tmp_path / "toy"
    (package / "low").mkdir(parents=True)
    (package / "high").mkdir()
    (package / "__init__.py").write_text("")
    (package / "high" / "__init__.py").write_text("")
    (package / "low" / "__init__.py").write_text("import toy.high\n")
    (tmp_path / ".importlinter").write_text(
        "[importlinter]\nroot_package = toy\n\n"
        "[importlinter:contract:1]\nname = toy layers\ntype = layers\nlayers =\n"
        "    toy.high\n    toy.low\n"
    )
    out = subprocess.run(
        [tool("lint-imports"), "--no-cache"],
        cwd=tmp_path, capture_output=True, text=True, env={"PYTHONPATH": str(tmp_path)},
    )
    assert out.returncode == 1
    assert "toy.low is not allowed to import toy.high" in out.stdout


def test_no_eval_or_exec_in_the_package() -> None:
    offenders = [
        str(p.relative_to(ROOT))
        for p in (ROOT / "readiness").rglob("*.py")
        if any(token in p.read_text(encoding="utf-8") for token in ("eval(", "exec("))
    ]
    assert offenders == []
