"""The core must work without a terminal: importing it never pulls in Textual."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import readiness


def core_modules() -> list[str]:
    names = []
    for info in pkgutil.walk_packages(readiness.__path__, "readiness."):
        if info.name.startswith("readiness.tui") or info.name == "readiness.__main__":
            continue
        names.append(info.name)
    return names


def test_there_is_a_core_to_check() -> None:
    names = core_modules()
    assert "readiness.content.loader" in names
    assert "readiness.models.scenario" in names


def test_core_modules_import_without_textual() -> None:
    code = (
        "import importlib, sys\n"
        f"for name in {core_modules()!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"core imported Textual: {out.stdout.strip()[:200]}"
