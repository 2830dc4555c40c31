"""What screens may ask of the app, and what the app may ask of screens, typed.

Screens reach the app's settings, library and routing through `readiness_app(self)`, so a
rename is caught by mypy rather than by a user. The app and the facilitator follower talk to
screens only through the protocols below: a screen opts in by defining the method."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, runtime_checkable

from textual.message_pump import MessagePump

if TYPE_CHECKING:
    from readiness.content.loader import Library
    from readiness.tui.app import ReadinessApp
    from readiness.workshop.control import Command


@runtime_checkable
class ContentAware(Protocol):
    """A screen that fills itself once the content library has loaded in the background."""

    def content_loaded(self, library: Library) -> None: ...


@runtime_checkable
class TakesInjects(Protocol):
    """A screen that can take a facilitator's extra inject (the scenario player)."""

    def facilitator_inject(self, command: Command) -> bool: ...


def readiness_app(node: MessagePump) -> ReadinessApp:
    """The running app, typed. Every readiness screen runs inside a `ReadinessApp`."""
    from readiness.tui.app import ReadinessApp

    app = node.app
    if not isinstance(app, ReadinessApp):  # a screen reused in a foreign app: say so at once
        raise TypeError(f"{type(node).__name__} needs a ReadinessApp, not {type(app).__name__}")
    return app


def is_preview(node: MessagePump) -> bool:
    """True under `readiness play FILE` (`WatchApp.preview`): answers go to a scratch folder
    that is deleted, so no screen may say they are saved."""
    return bool(getattr(node.app, "preview", False))


def leave_applies(node: MessagePump, action: str) -> bool:
    """For a screen that binds q/Esc twice, to `leave` and to `leave_preview` (the same way
    out, labelled as saving nothing under `readiness play`): whether `action` is the one
    shown and run here. Any other action applies."""
    if action in ("leave", "leave_preview"):
        return (action == "leave_preview") == is_preview(node)
    return True
