"""Helpers for the crisis-player tests: a fake clock, the fixture library, an app factory."""

from __future__ import annotations

from pathlib import Path

from textual import events
from textual.pilot import Pilot

from readiness.content.loader import Library, load_paths
from readiness.models.results import ScenarioResult
from readiness.settings import Settings
from readiness.storage import scan_results
from readiness.tui.app import ReadinessApp, make_app
from readiness.tui.screens.scenario_player import PlayerScreen
from readiness.tui.widgets.decision_panel import DecisionPanel

TRAIN = Path(__file__).parent.parent / "data" / "train"
SEED = 1
"""Choice order of the player tests: fixed, so screens and snapshots are the same every time.
With it "first" shows ask-boss, delete, answer (no choice in its authored place); tests pick
choices by id with `key_for`, never by their place in the file."""


class FakeClock:
    """Real time as the tests say it is; it only moves when a test moves it."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def library() -> Library:
    lib = load_paths([TRAIN], with_builtin=False)
    assert not lib.errors
    return lib


def train_app(
    results: Path,
    ident: str = "storm-en",
    *,
    practice: bool = False,
    variables: dict[str, str] | None = None,
    lang: str = "en",
    seed: int | None = SEED,
) -> ReadinessApp:
    lib = library()
    content = lib.get(ident, "scenario")
    assert content is not None
    settings = Settings(
        lang=lang,  # type: ignore[arg-type]
        results_dir=results,
        participant="kim",
        practice=practice,
        variables=variables or {},
        seed=seed,
    )
    return make_app(settings, library=lib, start=content, home=False)


async def opened(pilot: Pilot[int]) -> None:
    """Wait until the exercise has opened: the results folder is scanned (and an unfinished
    run replayed) on a thread before the briefing or the resume question appears."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def begin(pilot: Pilot[int]) -> PlayerScreen:
    """Dismiss the briefing; the clock starts."""
    await opened(pilot)
    await pilot.press("enter")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, PlayerScreen)
    return screen


def key_for(screen: PlayerScreen, choice_id: str) -> str:
    """The number key that picks `choice_id` in the order the player shows now."""
    ids = screen.query_one(DecisionPanel).option_ids()
    return str(ids.index(choice_id) + 1)


async def let_time_pass(pilot: Pilot[int], clock: FakeClock, seconds: float) -> None:
    clock.now += seconds
    screen = pilot.app.screen
    if isinstance(screen, PlayerScreen):
        screen.tick(smooth=True)
    await pilot.pause()
    await pilot.pause()


def saved(results: Path) -> list[ScenarioResult]:
    runs, bad = scan_results(results)
    assert not bad
    return [r for _, r in runs if isinstance(r, ScenarioResult)]


async def paste(pilot: Pilot[int], text: str) -> None:
    """`text` arrives in the focused box in one piece, as a paste does: one event and one
    repaint instead of a key press each (at least 40 ms of waiting per key under the pilot).
    For tests about what happens after a reply is written; typing key by key is what the
    typing tests (reply box, type-ahead) exercise."""
    assert pilot.app.focused is not None, "nothing has focus to paste into"
    pilot.app.post_message(events.Paste(text))  # as the terminal driver sends a paste
    await pilot.pause()
