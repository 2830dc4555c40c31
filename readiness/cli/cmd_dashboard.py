"""`readiness dashboard DIR`: the live workshop dashboard for the projector."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from readiness.errors import UsageError
from readiness.i18n import t
from readiness.settings import Settings


def add_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "dashboard",
        parents=[common],
        help=t("cli.help.dashboard.help"),
        description=t("cli.help.dashboard.description"),
    )
    p.add_argument("folder", type=Path, metavar="DIR", help=t("cli.help.dashboard.arg.folder"))
    p.add_argument(
        "--demo",
        type=int,
        metavar="N",
        default=0,
        help=t("cli.help.dashboard.arg.demo"),
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    folder: Path = args.folder
    if folder.exists() and not folder.is_dir():
        raise UsageError(t("workshop.cli.no_folder", folder=folder))
    folder.mkdir(parents=True, exist_ok=True)
    settings.results_dir = folder
    if args.demo:
        _demo(settings, folder, args.demo)
    from readiness.tui.workshop_apps import make_dashboard_app

    return make_dashboard_app(settings, folder).run() or 0


def _demo(settings: Settings, folder: Path, participants: int) -> None:
    """A simulated room, so a trainer can try the dashboard before the workshop."""
    from readiness.cli.common import library_for
    from readiness.storage import save_result
    from readiness.workshop.sample import sample_room

    if any(folder.glob("*.toml")):
        raise UsageError(t("workshop.cli.demo_not_empty", folder=folder))
    library = library_for(settings, quiet=True)
    mine = [f for f in library.files if f.model.language == settings.lang]
    contents = [f for f in mine if f.kind == "assessment"][:2] + [
        f for f in mine if f.kind == "scenario"
    ][:2]
    for result in sample_room(contents, participants):
        save_result(folder, result)
