"""Textual's private API is used in one module, which refuses an untested Textual loudly."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from readiness.tui.textual_internals import (
    TESTED_TEXTUAL,
    TESTED_TEXTUAL_SERVE,
    UntestedTextual,
    check_textual,
    check_textual_serve,
)

TUI = Path(__file__).resolve().parents[2] / "readiness" / "tui"


def test_the_installed_textual_is_the_tested_one() -> None:
    check_textual()


@pytest.mark.parametrize("other", ["8.3.0", "9.0.1", "7.5.0", "8.1.2"])
def test_another_textual_is_refused_with_what_to_install(other: str) -> None:
    with pytest.raises(UntestedTextual) as error:
        check_textual(other)
    wanted = ".".join(map(str, TESTED_TEXTUAL))
    assert f"tested with Textual {wanted}.x, but Textual {other} is installed" in str(error.value)
    assert "pip install 'textual>=" in str(error.value)


def test_a_patch_release_of_the_tested_minor_is_accepted() -> None:
    check_textual(".".join(map(str, TESTED_TEXTUAL)) + ".99")


def test_textual_serve_is_checked_too() -> None:
    check_textual_serve()
    with pytest.raises(UntestedTextual, match="tested with textual-serve"):
        check_textual_serve("1.2.0")
    major, minor = TESTED_TEXTUAL_SERVE
    pyproject = (TUI.parents[1] / "pyproject.toml").read_text(encoding="utf-8")
    assert f',<{major}.{minor + 1}"' in pyproject


def test_the_pin_in_pyproject_matches_the_tested_version() -> None:
    pyproject = (TUI.parents[1] / "pyproject.toml").read_text(encoding="utf-8")
    major, minor = TESTED_TEXTUAL
    assert f'"textual>={major}.{minor},<{major}.{minor + 1}"' in pyproject


PRIVATE = re.compile(r"(?<![\w.])(?!self\._|cls\._)\w+\._[a-z]\w*|super\(\)\._[a-z]\w*")
"""`something._private` or `super()._private`, except a class's own `self._x` / `cls._x`."""

ALLOWED = {"textual_internals.py", "settled_layout.py", "prompt_paint.py", "serve_server.py"}
"""settled_layout and prompt_paint override private Screen methods and serve_server one private
method of textual-serve's AppService; textual_internals checks that each exists on the pinned
version."""


def test_no_other_module_touches_textual_internals() -> None:
    offenders = []
    for path in sorted(TUI.rglob("*.py")):
        if path.name in ALLOWED:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            code = line.split("#", 1)[0]
            if PRIVATE.search(code):
                offenders.append(f"{path.relative_to(TUI)}:{number}: {line.strip()}")
    assert offenders == []
