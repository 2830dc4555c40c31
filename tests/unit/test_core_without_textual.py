"""The core must work without a terminal: importing it never pulls in Textual."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

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


def test_startup_path_defers_pydantic_and_content() -> None:
    """The home screen paints before content is read: start-up must not import the models."""
    code = (
        "import sys\n"
        "from readiness.cli.main import build_parser, settings_from\n"
        "settings_from(build_parser().parse_args([]))\n"
        "from readiness.tui.app import make_app\n"
        "from readiness.tui.screens.home import HomeScreen\n"
        "print(','.join(sorted(m for m in sys.modules if m.startswith(('pydantic', 'jinja2')))))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"imported at start-up: {out.stdout.strip()[:200]}"


def test_only_the_ui_package_names_textual() -> None:
    """Every import of Textual, at the top or inside a function, stands in readiness/tui/."""
    import ast

    root = Path(readiness.__file__).parent
    found: list[str] = []
    for path in root.rglob("*.py"):
        if path.is_relative_to(root / "tui"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            found += [f"{path.relative_to(root)}: {n}" for n in names if n.startswith("textual")]
    assert found == []
