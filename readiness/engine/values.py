"""Placeholder values for a run: the author's defaults, overridden by the trainer's `--var`."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from readiness.errors import UsageError
from readiness.i18n.catalog_text import CatalogText
from readiness.models.scenario import Scenario
from readiness.validation_messages import did_you_mean

_NAME_CHARS = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-")


def parse_var_args(items: Iterable[str]) -> dict[str, str]:
    """`["org=Caritas Köln", "fair=ISPO"]` → a dict; a malformed item is a one-sentence error."""
    values: dict[str, str] = {}
    for item in items:
        name, sep, value = item.partition("=")
        name = name.strip()
        if not sep or not name or not set(name) <= _NAME_CHARS:
            raise UsageError(CatalogText("cli.var.malformed", item=item))
        if not value.strip():
            raise UsageError(CatalogText("cli.var.empty", name=name))
        values[name] = value.strip()
    return values


def placeholder_values(scenario: Scenario, overrides: Mapping[str, str]) -> dict[str, str]:
    """Defaults of every declared placeholder with the trainer's values on top.

    A name the scenario does not declare is refused, so a typo such as `--var orga=...`
    cannot silently leave the default in place."""
    declared = scenario.placeholders
    for name in overrides:
        if name not in declared:
            if not declared:
                raise UsageError(CatalogText("cli.var.none", scenario=scenario.id, name=name))
            raise UsageError(
                CatalogText("cli.var.unknown", scenario=scenario.id, name=name)
                + did_you_mean(name, declared)
                + CatalogText("cli.var.known", known=", ".join(sorted(declared)))
            )
    values = {name: p.default for name, p in declared.items()}
    values.update(overrides)
    return values
