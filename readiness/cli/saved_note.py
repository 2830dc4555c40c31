"""The line `readiness assess X` and `readiness train X` print once their app has closed:
started on one item, they have no home screen to say where the run is and how to go on (a
"saved" notice shown as the app quits is gone before anyone reads it)."""

from __future__ import annotations

import shlex
from datetime import datetime
from typing import TYPE_CHECKING

from readiness.models.assessment import Assessment
from readiness.models.scenario import Scenario
from readiness.settings import Settings

if TYPE_CHECKING:
    from readiness.content.loader import ContentFile, Library


def run_then_note(settings: Settings, library: Library, content: ContentFile) -> int:
    """Run the app started on `content` (`assess X`, `train X`); once it has closed
    normally, print where the run is saved and how to go on (`saved_note`)."""
    from readiness.storage import now
    from readiness.tui.app import make_app

    model = content.model
    assert isinstance(model, Assessment | Scenario)
    started = now()
    code = make_app(settings, library=library, start=content, home=False).run() or 0
    note = saved_note(settings, model, started) if code == 0 else None
    if note is not None:
        print(note)
    return code


def saved_note(settings: Settings, model: Assessment | Scenario, since: datetime) -> str | None:
    """The line printed once the app has closed (there is no home screen to say it): where
    the run is saved and how to go on. The run is this participant's latest of `model`
    saved since `since`; None when nothing was (left before the first answer, or the resume
    question cancelled). A failed save says its own (`unsaved_message`) and gets none."""
    from readiness import storage
    from readiness.i18n import t_addressed
    from readiness.text_safety import visible

    who = settings.participant
    runs, _ = storage.scan_results(settings.results_dir, storage.runs_globs(who, model.id))
    saved = [
        (path, result)
        for path, result in runs
        if result.content_id == model.id and result.participant == who
        if result.updated_at >= since
    ]
    if not saved:
        return None
    path, result = max(saved, key=lambda pr: pr[1].updated_at)
    # Started again, an unfinished run is offered for resuming; a finished one is not.
    if isinstance(model, Assessment):
        key = "assess.cli.saved_finished" if result.finished else "assess.cli.saved"
    else:
        key = "train.cli.saved_finished" if result.finished else "train.cli.saved"
    command = shlex.join(["readiness", "report", str(path)])
    return visible(t_addressed(key, model.address, settings.lang, path=path, command=command))
