"""A crisis exercise whose saves fail (full disk, read-only folder): the participant is told
once, in one sentence, and nothing they did is lost (issue 13).

The player retries the save at every tick of its clock (five a second); each retry used to
raise another error notification, so a full disk buried the exercise under a stack of
identical messages."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from train_helpers import FakeClock, begin, key_for, saved, train_app

from readiness import storage
from readiness.errors import StorageError
from readiness.tui.screens.scenario_player import PlayerScreen

PROBLEM = "cannot write /media/[/]kim [USB]/storm.toml: No space left on device"


class Disk:
    """`storage.save_result` that fails while `full`."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.full = False
        real = storage.save_result

        def save(folder: Path, result: object) -> Path:
            if self.full:
                raise StorageError(PROBLEM)
            return real(folder, result)  # type: ignore[arg-type]

        monkeypatch.setattr(storage, "save_result", save)


async def choose_with_a_full_disk(pilot: Pilot[int], disk: Disk) -> PlayerScreen:
    """Start the exercise and take the first choice while the disk is full."""
    screen = await begin(pilot)
    disk.full = True
    await pilot.press(key_for(screen, "ask-boss"))
    await pilot.pause()
    return screen


@pytest.fixture
def disk(monkeypatch: pytest.MonkeyPatch) -> Disk:
    return Disk(monkeypatch)


def failures(screen: PlayerScreen) -> list[str]:
    return [str(n.message) for n in screen.app._notifications if "No space left" in str(n.message)]


async def test_a_failing_save_is_said_once_and_the_choice_is_kept(
    results: Path, clock: FakeClock, disk: Disk
) -> None:
    app = train_app(results)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await choose_with_a_full_disk(pilot, disk)
        for _ in range(10):  # two seconds of the player's clock: every tick retries the save
            clock.now += 0.2
            screen.tick()
        await pilot.pause()
        assert failures(screen) == [f"Could not save your progress: {PROBLEM}"]
        assert [step.node for step in screen.session.run.result.steps] == ["first"]
        assert [run.steps for run in saved(results)] in ([], [[]]), "nothing saved of it yet"

        disk.full = False
        clock.now += 0.2
        screen.tick()
        (run,) = saved(results)
        assert [step.node for step in run.steps] == ["first"], "kept, and saved once possible"

        disk.full = True  # a new failure after saving worked again is said again
        await pilot.press("1")
        await pilot.pause()
        assert len(failures(screen)) == 2


async def test_leaving_while_saves_fail_says_so_again_and_stays(
    results: Path, clock: FakeClock, disk: Disk
) -> None:
    app = train_app(results)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await choose_with_a_full_disk(pilot, disk)
        screen.action_leave()
        await pilot.pause()
        assert len(failures(screen)) == 2, "leaving was asked for: told, not silently ignored"
        assert app.screen is screen, "leaving now would lose the choice: the exercise stays"
        assert [step.node for step in screen.session.run.result.steps] == ["first"]
