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
        pytest.skip(f"{name} is not installed (pip install -e '.[test]')")
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


def test_no_eval_or_exec_in_the_package() -> None:
    offenders = [
        str(p.relative_to(ROOT))
        for p in (ROOT / "readiness").rglob("*.py")
        if any(token in p.read_text(encoding="utf-8") for token in ("eval(", "exec("))
    ]
    assert offenders == []
