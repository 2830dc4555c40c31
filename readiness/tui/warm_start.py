"""The Textual side of `serve`'s quick start (`readiness.cli.serve_warm`): what the fork
server does once so every forked session starts warm. Kept here so that Textual is imported
only in the UI package."""

from __future__ import annotations

import inspect
import secrets
from typing import TYPE_CHECKING

from textual.css.model import RuleSet
from textual.css.stylesheet import Stylesheet
from textual.pilot import Pilot

from readiness.tui.workshop_apps import make_participant_app

if TYPE_CHECKING:
    from readiness.content.loader import Library
    from readiness.settings import Settings

PARSE_RULES_PARAMETERS = ["self", "css", "read_from", "is_default_rules", "tie_breaker", "scope"]


def share_parsed_styles() -> None:
    """Let every session use the styles parsed here (in the rehearsal) instead of parsing
    all stylesheets again: a quarter of a session's start-up.

    Textual keeps parsed rules per `Stylesheet` object; this keeps them per process, keyed
    by everything the parse depends on (the text, where it is from, its kind, tie breaker
    and scope, and the theme's variables). The rules are not changed after parsing (Textual
    shares them between parses of one stylesheet already). Only done in the fork server,
    and only on the `Stylesheet._parse_rules` of the pinned Textual (same parameters);
    otherwise sessions parse as usual."""
    parse_rules = Stylesheet._parse_rules
    if list(inspect.signature(parse_rules).parameters) != PARSE_RULES_PARAMETERS:
        return
    shared: dict[tuple[object, ...], list[RuleSet]] = {}

    def shared_parse_rules(
        self: Stylesheet,
        css: str,
        read_from: tuple[str, str],
        is_default_rules: bool = False,
        tie_breaker: int = 0,
        scope: str = "",
    ) -> list[RuleSet]:
        variables = tuple(sorted(self._variables.items()))
        key = (css, read_from, is_default_rules, tie_breaker, scope, variables)
        rules = shared.get(key)
        if rules is None:
            rules = parse_rules(self, css, read_from, is_default_rules, tie_breaker, scope)
            shared[key] = rules
        return rules

    Stylesheet._parse_rules = shared_parse_rules  # type: ignore[method-assign]


def rehearse_join_form(settings: Settings, library: Library | None) -> None:
    """Run one participant app, headless, to its painted join form and end it."""

    async def join_form_painted(pilot: Pilot[object]) -> None:
        await pilot.pause()
        pilot.app.exit()

    app = make_participant_app(settings, secrets.token_hex(8), library=library)
    app.run(headless=True, size=(80, 24), auto_pilot=join_form_painted)
