"""A run that saves itself after every step, so a killed terminal loses nothing."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Literal

from readiness import storage
from readiness.engine.order import new_seed
from readiness.engine.run import Run
from readiness.engine.values import placeholder_values
from readiness.models.results import ScenarioResult, Step
from readiness.models.scenario import Scenario

Mode = Literal["exercise", "practice"]


def new_scenario_result(
    scenario: Scenario,
    *,
    mode: Mode = "exercise",
    values: Mapping[str, str] | None = None,
    content_hash: str = "",
    participant: str = "",
    team: str = "",
    seed: int | None = None,
) -> ScenarioResult:
    """An empty result for a new run: header filled, placeholders resolved (unknown names
    raise `UsageError`). `seed` fixes the order of the choices (see `engine.order`); None
    draws a new one, so every run shows its own order."""
    return ScenarioResult(
        **storage.new_header(scenario, content_hash, participant, team),
        mode=mode,
        placeholders=placeholder_values(scenario, values or {}),
        seed=new_seed() if seed is None else seed,
    )


class Session:
    """Wraps a `Run`: every action that adds a step saves the result at once."""

    def __init__(self, run: Run, folder: Path) -> None:
        self.run = run
        self.folder = folder
        self.path: Path | None = None
        self._saved_steps = -1
        self._saved_draft = ""

    def save(self) -> Path:
        """Write the result now (atomic); raises `StorageError` with one sentence."""
        self.path = storage.save_result(self.folder, self.run.result)
        self._saved_steps = len(self.run.result.steps)
        self._saved_draft = self.run.draft
        return self.path

    def save_draft(self) -> bool:
        """Save when the reply being written changed since the last save; True if saved."""
        if self.run.draft == self._saved_draft:
            return False
        self.save()
        return True

    @property
    def has_progress(self) -> bool:
        """Whether anything worth keeping exists: a step taken or a reply begun."""
        return bool(self.run.result.steps or self.run.draft)

    @property
    def unsaved(self) -> bool:
        """Whether a step or a change to the reply begun is not saved yet."""
        return (
            len(self.run.result.steps) != self._saved_steps or self.run.draft != self._saved_draft
        )

    def save_pending(self) -> None:
        """Save if a step was taken since the last save (raises `StorageError`)."""
        if len(self.run.result.steps) != self._saved_steps:
            self.save()

    def advance(self, real_seconds: float) -> bool:
        """Let time pass; True when a countdown expired and a step was taken (and saved)."""
        before = len(self.run.result.steps)
        self.run.advance(real_seconds)
        self.save_pending()
        return len(self.run.result.steps) != before

    def choose(self, choice_id: str, *, save: bool = True) -> Step:
        step = self.run.choose(choice_id)
        if save:
            self.save_pending()
        return step

    def reply(self, text: str, *, save: bool = True) -> Step:
        step = self.run.reply(text)
        if save:
            self.save_pending()
        return step

    def wait(self, *, save: bool = True) -> Step:
        """`save=False` leaves the save to `save_pending()` (the player saves right after
        painting the next step, so the disk write does not delay it)."""
        step = self.run.wait()
        if save:
            self.save_pending()
        return step
