"""A gap report speaks in the voice of what it reports on: its own sentences say du around a
self-check that says du ("dein Wert", "siehst du") and Sie around one that says Sie, and a
report built on a worker thread never changes the voice of the screen being drawn."""

from __future__ import annotations

import threading

from builtin_library import builtin_library

from readiness.i18n import addressing, current_address, set_address
from readiness.models.results import AnyResult
from readiness.reports.render import render
from readiness.reports.service import report_for
from readiness.workshop.sample import sample_room


def run_of(ident: str) -> AnyResult:
    """A realistic run of a built-in file, as the workshop sample plays one."""
    found = builtin_library().get(ident)
    assert found is not None, ident
    (run,) = sample_room([found], 1, seed=5)
    return run


def report(*results: AnyResult) -> tuple[str | None, str, str]:
    built, _ = report_for(builtin_library(), list(results), "de")
    return built.address, render(built, "md"), render(built, "html")


def test_a_report_on_a_self_check_that_says_du_says_du() -> None:
    address, _, html = report(run_of("solo-creator-de"))
    assert address == "du"
    assert "Fläche: dein Wert" in html
    assert "Ihr Wert" not in html


def test_a_report_on_a_self_check_that_says_sie_says_sie() -> None:
    address, _, html = report(run_of("roles-and-staffing-de"))
    assert address == "Sie"
    assert "Fläche: Ihr Wert" in html


def german(address: str) -> list[str]:
    return [
        f.id
        for f in builtin_library().scenarios
        if f.model.language == "de" and f.model.address == address
    ]


def test_exercises_alone_set_the_voice_when_they_agree() -> None:
    du = german("du")
    address, md, _ = report(run_of(du[0]), run_of(du[1]))
    assert address == "du"
    assert "Mit einem Selbstcheck siehst du zusätzlich" in md


def test_exercises_that_disagree_leave_the_products_own_voice() -> None:
    address, md, _ = report(run_of(german("du")[0]), run_of(german("Sie")[0]))
    assert address is None
    assert "Mit einem Selbstcheck sehen Sie zusätzlich" in md


def test_the_self_check_decides_over_the_exercises() -> None:
    address, _, html = report(run_of("roles-and-staffing-de"), run_of(german("du")[0]))
    assert address == "Sie"
    assert "Fläche: Ihr Wert" in html


def test_a_report_built_on_another_thread_leaves_the_screens_voice_alone() -> None:
    set_address("Sie")
    seen: list[str | None] = []
    inside = threading.Event()
    release = threading.Event()

    def build() -> None:
        with addressing("du"):
            seen.append(current_address())
            inside.set()
            release.wait(5)

    worker = threading.Thread(target=build)
    worker.start()
    try:
        assert inside.wait(5)
        assert current_address() == "Sie"  # while the worker says du
    finally:
        release.set()
        worker.join(5)
        set_address(None)
    assert seen == ["du"]
