"""The Textual side of `serve`'s quick start (`readiness.cli.serve_warm`): what the fork
server does once so every forked session starts warm. Kept here so that Textual is imported
only in the UI package; the style sharing reaches into Textual and so lives in
`readiness.tui.textual_internals` (re-exported here for the quick start)."""

from __future__ import annotations

import secrets
from typing import TYPE_CHECKING

from textual.pilot import Pilot

from readiness.tui.textual_internals import share_parsed_styles
from readiness.tui.workshop_apps import make_participant_app

__all__ = ["rehearse_join_form", "share_parsed_styles"]

if TYPE_CHECKING:
    from readiness.content.loader import Library
    from readiness.settings import Settings


def rehearse_join_form(settings: Settings, library: Library | None) -> None:
    """Run one participant app, headless, to its painted join form and end it."""

    async def join_form_painted(pilot: Pilot[object]) -> None:
        await pilot.pause()
        pilot.app.exit()

    app = make_participant_app(settings, secrets.token_hex(8), library=library)
    app.run(headless=True, size=(80, 24), auto_pilot=join_form_painted)
