"""`readiness` with no subcommand: the home screen."""

from __future__ import annotations

from readiness.settings import Settings


def run_home(settings: Settings) -> int:
    from readiness.tui.app import make_app

    app = make_app(settings)
    return app.run() or 0
