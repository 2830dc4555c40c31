"""Shared fixtures: content folders, a results folder, English UI unless a test says otherwise."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

# English unless a test says otherwise, whatever the developer's locale says.
os.environ["READINESS_LANG"] = "en"
os.environ.pop("NO_COLOR", None)
# No parsed catalogs left in the developer's cache folder (test_catalog_cache.py turns it on).
os.environ["READINESS_CACHE_DIR"] = "off"

import hypothesis_budget  # noqa: F401  (registers and loads the Hypothesis profile)
import textual._wait

from readiness.i18n import set_language

# The pilot decides that the app has finished with a key by sleeping in slices and looking
# at the process's CPU time: at least two slices per key press and one per pause, 20 ms each
# by default (the suite spent most of its time asleep in them). Slices of 10 ms, idle when
# less than half a millisecond of CPU time went by in one: the same test of idleness.
textual._wait.SLEEP_GRANULARITY = 1 / 100
textual._wait.SLEEP_IDLE = textual._wait.SLEEP_GRANULARITY / 20

DATA = Path(__file__).parent / "data"


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """`-n auto`: two workers per core. Much of the suite waits rather than computes (browser
    sessions of `serve` starting, pseudo-terminals, a pilot waiting for the app to go idle),
    and on two cores two workers left the machine half idle (9 min 42 s of wall time for
    8 min of CPU)."""
    return 2 * (os.cpu_count() or 1)


def pytest_configure(config: pytest.Config) -> None:
    """Each test process parses every stylesheet once, as `serve`'s fork server does for the
    sessions it starts (`share_parsed_styles`): a process here runs hundreds of apps, and
    each parsed all of Textual's and readiness' styles again (about a tenth of opening an
    exercise)."""
    del config
    from readiness.tui.textual_internals import share_parsed_styles

    share_parsed_styles()


@pytest.fixture(autouse=True)
def english_ui() -> Iterator[None]:
    """A test that switches to German must not leak German into the next one."""
    set_language("en")
    yield
    set_language("en")


@pytest.fixture(autouse=True)
def steady_cursor(monkeypatch: pytest.MonkeyPatch) -> None:
    """The text cursor stays lit instead of blinking every half second: otherwise a snapshot
    taken more than 0.5 s after the last key (a loaded CI machine) shows the reply box
    without its cursor and fails against a screen that is right."""
    from textual.widgets import Input, TextArea

    monkeypatch.setattr(TextArea, "_toggle_cursor_blink_visible", lambda self: None)
    monkeypatch.setattr(Input, "_toggle_cursor", lambda self: None)


@pytest.fixture
def data_dir() -> Path:
    return DATA


@pytest.fixture
def results(tmp_path: Path) -> Path:
    folder = tmp_path / "results"
    folder.mkdir()
    return folder
