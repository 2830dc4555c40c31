"""Shared fixtures: content folders, a results folder, English UI unless a test says otherwise."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

# English unless a test says otherwise, whatever the developer's locale says.
os.environ["READINESS_LANG"] = "en"
os.environ.pop("NO_COLOR", None)

import hypothesis_budget  # noqa: F401  (registers and loads the Hypothesis profile)

from readiness.i18n import set_language

DATA = Path(__file__).parent / "data"


@pytest.fixture(autouse=True)
def english_ui() -> Iterator[None]:
    """A test that switches to German must not leak German into the next one."""
    set_language("en")
    yield
    set_language("en")


@pytest.fixture
def data_dir() -> Path:
    return DATA


@pytest.fixture
def results(tmp_path: Path) -> Path:
    folder = tmp_path / "results"
    folder.mkdir()
    return folder
