"""`readiness dashboard DIR`: the live workshop dashboard for the projector."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from readiness.errors import UsageError
from readiness.i18n import t
from readiness.settings import Settings

MOST_DEMO = 1000
"""Largest simulated room `--demo` fills (a workshop has 5-40 people; `serve` takes 60)."""


def _room_size(text: str) -> int:
    """A whole number of simulated participants from 1 to `MOST_DEMO`, refused in the user's
    language (0 or less made an empty "demo" of a real folder)."""
    from readiness.i18n.formats import number

    try:
        value = int(text)
    except ValueError:
        value = 0
    if not 1 <= value <= MOST_DEMO:
        raise argparse.ArgumentTypeError(t("cli.whole_number_range", low=1, high=number(MOST_DEMO)))
    return value


def add_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    from readiness.i18n.formats import number

    p = sub.add_parser(
        "dashboard",
        parents=[common],
        help=t("cli.help.dashboard.help"),
        description=t("cli.help.dashboard.description"),
    )
    p.add_argument("folder", type=Path, metavar="DIR", help=t("cli.help.dashboard.arg.folder"))
    p.add_argument("--new", action="store_true", help=t("cli.help.dashboard.arg.new"))
    p.add_argument(
        "--demo",
        type=_room_size,
        metavar="N",
        default=None,
        help=t("cli.help.dashboard.arg.demo", most=number(MOST_DEMO)),
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    folder: Path = args.folder
    open_folder(folder, create=bool(args.new or args.demo), settings=settings)
    settings.results_dir = folder
    if args.demo:
        _demo(settings, folder, args.demo)
    from readiness.tui.workshop_apps import make_dashboard_app

    return make_dashboard_app(settings, folder).run() or 0


def open_folder(folder: Path, create: bool, settings: Settings) -> None:
    """The workshop folder, checked before the dashboard takes the screen: a file is refused;
    a folder that does not exist is created only with `create` (`--new`, `--demo`), so a
    typo never opens an empty room that waits for results forever (the nearest existing
    folder's name is suggested)."""
    from readiness.i18n.os_reason import os_reason
    from readiness.validation_messages import did_you_mean

    if folder.is_dir():
        return
    if folder.exists():
        raise UsageError(t("workshop.cli.no_folder", folder=folder))
    if not create:
        try:
            siblings = [p.name for p in folder.parent.iterdir() if p.is_dir()]
        except OSError:
            siblings = []
        hint = did_you_mean(folder.name, siblings).text(settings.lang)
        raise UsageError(t("workshop.cli.dashboard_missing", folder=folder, hint=hint))
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        error = os_reason(exc).text(settings.lang)
        raise UsageError(t("workshop.cli.cannot_create", folder=folder, error=error)) from None


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
