"""`readiness assess [ID|FILE] [--profile P]`: go straight into a self-assessment."""

from __future__ import annotations

import argparse
import shlex
from datetime import datetime
from typing import TYPE_CHECKING, Any

from readiness.i18n import t
from readiness.settings import Settings

if TYPE_CHECKING:
    from readiness.models.assessment import Assessment


def add_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "assess",
        parents=[common],
        help=t("cli.help.assess.help"),
        description=t("cli.help.assess.description"),
    )
    p.add_argument("ident", nargs="?", metavar="ID|FILE", help=t("cli.help.assess.arg.ident"))
    p.add_argument(
        "--profile",
        metavar="P",
        help=t("cli.help.assess.arg.profile"),
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    from readiness.assessing.scores import unknown_profile
    from readiness.cli.common import resolve
    from readiness.errors import UsageError
    from readiness.models.assessment import Assessment

    library, content = resolve(settings, args.ident, "assessment")
    model = content.model
    assert isinstance(model, Assessment)
    if args.profile is not None:
        if args.profile not in [p.id for p in model.profiles]:
            raise UsageError(unknown_profile(model, args.profile))
        settings.profile = args.profile

    from readiness.storage import now
    from readiness.tui.app import make_app

    started = now()
    app = make_app(settings, library=library, start=content, home=False)
    code = app.run() or 0
    note = saved_note(settings, model, started) if code == 0 else None
    if note is not None:
        print(note)
    return code


def saved_note(settings: Settings, model: Assessment, since: datetime) -> str | None:
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
    key = "assess.cli.saved_finished" if result.finished else "assess.cli.saved"
    command = shlex.join(["readiness", "report", str(path)])
    return visible(t_addressed(key, model.address, settings.lang, path=path, command=command))
