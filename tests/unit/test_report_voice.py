"""A gap report speaks in the voice of what it reports on: its own sentences say du around a
self-check that says du ("dein Wert", "siehst du") and Sie around one that says Sie, and a
report built on a worker thread never changes the voice of the screen being drawn."""

from __future__ import annotations

import threading
from datetime import UTC, datetime

from builtin_library import builtin_library

from readiness.engine import Run, new_scenario_result
from readiness.i18n import addressing, current_address, set_address
from readiness.models.assessment import Assessment
from readiness.models.results import AnyResult, AssessmentResult, ScenarioResult
from readiness.models.scenario import Scenario
from readiness.reports.render import render
from readiness.reports.service import report_for

T0 = datetime(2026, 12, 4, 9, 0, tzinfo=UTC)


def checked(ident: str) -> AssessmentResult:
    f = builtin_library().get(ident)
    assert f is not None and isinstance(f.model, Assessment)
    return AssessmentResult(
        run_id=f"20261204T090000-{ident[:4]}",
        content_id=f.id,
        content_version=f.model.version,
        content_hash=f.sha256,
        content_title=f.model.title,
        participant="fox",
        started_at=T0,
        updated_at=T0,
        finished=True,
        answers={},
    )


def played(ident: str) -> ScenarioResult:
    f = builtin_library().get(ident)
    assert f is not None and isinstance(f.model, Scenario)
    run = Run(f.model, new_scenario_result(f.model, mode="exercise", seed=5, participant="fox"))
    while not run.finished:
        if run.available_choices() if hasattr(run.node, "choices") else False:
            run.choose(run.available_choices()[0].id)
        else:
            run.reply("Wir prüfen das und melden uns heute noch mit allen Details bei euch.")
    return run.result


def report(*results: AnyResult) -> tuple[str | None, str, str]:
    built, _ = report_for(builtin_library(), list(results), "de")
    return built.address, render(built, "md"), render(built, "html")


def test_a_report_on_a_self_check_that_says_du_says_du() -> None:
    address, _, html = report(checked("solo-creator-de"))
    assert address == "du"
    assert "Fläche: dein Wert" in html
    assert "Ihr Wert" not in html


def test_a_report_on_a_self_check_that_says_sie_says_sie() -> None:
    address, _, html = report(checked("roles-and-staffing-de"))
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
    address, md, _ = report(played(du[0]), played(du[1]))
    assert address == "du"
    assert "Mit einer Selbsteinschätzung siehst du zusätzlich" in md


def test_exercises_that_disagree_leave_the_products_own_voice() -> None:
    address, md, _ = report(played(german("du")[0]), played(german("Sie")[0]))
    assert address is None
    assert "Mit einer Selbsteinschätzung sehen Sie zusätzlich" in md


def test_the_self_check_decides_over_the_exercises() -> None:
    address, _, html = report(checked("roles-and-staffing-de"), played(german("du")[0]))
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
