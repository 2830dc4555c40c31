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


TEXT_FUNCTIONS = {
    "t": 1,
    "t_addressed": 2,
    "plural_category": 1,
    "has_key": 1,
    "plural": 2,
    "number": 2,
    "number_range": 3,
    "day": 1,
    "day_time": 1,
}
"""Functions of `readiness.i18n` (and `.formats`) that fall back to the process's current
language when called without one, with the position of their `lang` argument."""

PROCESS_STATE = {"current_language", "current_address", "set_language", "set_address"}
"""The process's language and form of address: the edge (CLI, TUI) sets and reads them."""

EDGE = ("tui", "cli", "i18n")
"""Packages of `readiness` that may use the process's language: the two front ends, and the
catalogs that keep it."""


def _core_modules(package: Path) -> list[Path]:
    return [p for p in sorted(package.rglob("*.py")) if p.relative_to(package).parts[0] not in EDGE]


def _addressed_keys() -> set[str]:
    """Catalog keys with a du variant: `t()` picks the variant by the process's address."""
    import tomllib

    keys: set[str] = set()
    for path in (ROOT / "readiness" / "i18n").glob("*/*.toml"):
        with path.open("rb") as handle:
            keys.update(k.removesuffix(".du") for k in tomllib.load(handle) if k.endswith(".du"))
    return keys


def language_leaks(package: Path, addressed: set[str]) -> list[str]:
    """Places in the core whose words would depend on the process's language or address:
    a call of an i18n text function without a language (or with `None`), a key with du/Sie
    variants looked up with `t()` (which takes the process's address), a `lang=None`
    parameter handed on to such a function as it is, and any use of the process state."""
    import ast

    found: list[str] = []
    for path in _core_modules(package):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        where = path.relative_to(package.parent)
        names: dict[str, str] = {}
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(
                "readiness.i18n"
            ):
                for alias in node.names:
                    names[alias.asname or alias.name] = alias.name
                    if alias.name in PROCESS_STATE:
                        found.append(f"{where}:{node.lineno}: uses {alias.name}")
        for node in ast.walk(tree):
            if isinstance(node, ast.Name) and names.get(node.id) in PROCESS_STATE:
                found.append(f"{where}:{node.lineno}: uses {names[node.id]}")
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                found += [f"{where}:{node.lineno}: {leak}" for leak in _passes_none(node, names)]
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            name = names.get(node.func.id)
            if name not in TEXT_FUNCTIONS:
                continue
            lang = _argument(node, TEXT_FUNCTIONS[name], "lang")
            if lang is None or (isinstance(lang, ast.Constant) and lang.value is None):
                found.append(f"{where}:{node.lineno}: {name}() without a language")
            key = node.args[0] if name == "t" and node.args else None
            prefix = (
                key.value
                if isinstance(key, ast.Constant) and isinstance(key.value, str)
                else key.values[0].value
                if isinstance(key, ast.JoinedStr)
                and key.values
                and isinstance(key.values[0], ast.Constant)
                and isinstance(key.values[0].value, str)
                else None
            )
            exact = isinstance(key, ast.Constant)
            if prefix is not None and any(
                k == prefix if exact else k.startswith(prefix) for k in addressed
            ):
                found.append(f"{where}:{node.lineno}: t({prefix!r}) has du/Sie variants")
    return sorted(found, key=lambda line: (line.split(":")[0], int(line.split(":")[1]), line))


def _argument(call: object, position: int, keyword: str) -> object | None:
    import ast

    assert isinstance(call, ast.Call)
    if any(isinstance(a, ast.Starred) for a in call.args) or any(
        k.arg is None for k in call.keywords
    ):
        return ast.Constant(value="unknown")  # *args/**values: cannot tell, trust it
    if len(call.args) > position:
        return call.args[position]
    return next((k.value for k in call.keywords if k.arg == keyword), None)


def _passes_none(function: object, names: dict[str, str]) -> list[str]:
    """`def f(lang=None)` handing `lang` to a text function without choosing one first:
    None there means "the process's language"."""
    import ast

    assert isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef)
    args = function.args
    positional = [*args.posonlyargs, *args.args]
    defaults = [None] * (len(positional) - len(args.defaults)) + list(args.defaults)
    pairs = [
        *zip(positional, defaults, strict=True),
        *zip(args.kwonlyargs, args.kw_defaults, strict=True),
    ]
    optional = {
        a.arg
        for a, d in pairs
        if "lang" in a.arg and isinstance(d, ast.Constant) and d.value is None
    }
    if not optional:
        return []
    chosen = {
        target.id
        for node in ast.walk(function)
        if isinstance(node, ast.Assign | ast.AnnAssign | ast.AugAssign)
        for target in (node.targets if isinstance(node, ast.Assign) else [node.target])
        if isinstance(target, ast.Name)
    }
    leaks = []
    for node in ast.walk(function):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            name = names.get(node.func.id)
            if name in TEXT_FUNCTIONS:
                lang = _argument(node, TEXT_FUNCTIONS[name], "lang")
                if isinstance(lang, ast.Name) and lang.id in optional - chosen:
                    leaks.append(f"{name}() gets `{lang.id}` that may be None")
    return leaks


def test_the_core_takes_the_language_it_speaks_as_an_argument() -> None:
    """Core output depends only on its arguments: no text in the process's language."""
    assert language_leaks(ROOT / "readiness", _addressed_keys()) == []


def test_the_language_check_finds_each_kind_of_leak(tmp_path: Path) -> None:
    package = tmp_path / "readiness"
    (package / "content").mkdir(parents=True)
    (package / "tui").mkdir()
    (package / "content" / "leaky.py").write_text(
        "from readiness.i18n import current_language, t as say\n"
        "from readiness.i18n.formats import number\n"
        "def a(lang):\n"
        "    return say('x.title', lang) + say('x.plain')\n"
        "def b():\n"
        "    return say('x.hint', current_language()) + number(3, 0, None)\n"
        "def c(lang=None):\n"
        "    return number(3, 0, lang)\n"
        "def d(lang=None):\n"
        "    lang = lang or 'en'\n"
        "    return number(3, 0, lang) + say(f'x.{lang}', lang=lang)\n",
        encoding="utf-8",
    )
    (package / "tui" / "screen.py").write_text(
        "from readiness.i18n import t\nTITLE = t('x.plain')\n", encoding="utf-8"
    )
    assert language_leaks(package, {"x.hint"}) == [
        "readiness/content/leaky.py:1: uses current_language",
        "readiness/content/leaky.py:4: t() without a language",
        "readiness/content/leaky.py:6: number() without a language",
        "readiness/content/leaky.py:6: t('x.hint') has du/Sie variants",
        "readiness/content/leaky.py:6: uses current_language",
        "readiness/content/leaky.py:7: number() gets `lang` that may be None",
        "readiness/content/leaky.py:11: t('x.') has du/Sie variants",
    ]


def test_the_textual_version_is_read_without_importlib_metadata() -> None:
    """The start-up path reads Textual's version from its dist-info folder: importlib.metadata
    would import the email package before the first screen, and the version must agree."""
    from importlib.metadata import version

    from readiness.tui.textual_internals import installed_version

    assert installed_version("textual", "textual") == version("textual")
    assert installed_version("textual-serve", "textual_serve") == version("textual-serve")
    code = "import sys, readiness.tui.app; print('email' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
