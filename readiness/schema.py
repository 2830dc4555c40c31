"""JSON Schema of the content formats, for editors (taplo / Even Better TOML) and CI."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Literal

from readiness.models.assessment import Assessment
from readiness.models.scenario import Scenario

SCHEMA_DIR = Path(__file__).parent / "schema"


def json_schema(kind: Literal["assessment", "scenario"]) -> dict[str, Any]:
    """The schema, with field docstrings as descriptions an editor shows on hover."""
    model = Assessment if kind == "assessment" else Scenario
    schema = model.model_json_schema(by_alias=True)
    _resolve_discriminators(schema)
    schema["$schema"] = "http://json-schema.org/draft-07/schema#"
    schema["$id"] = f"https://readiness.invalid/schema/{kind}.schema.json"
    return schema


def _resolve_discriminators(node: Any) -> None:
    """Add draft-7 `if`/`then` per tag beside pydantic's `oneOf` + OpenAPI `discriminator`.

    Plain JSON Schema validators (taplo, jsonschema) ignore `discriminator`, so a typo inside
    one node would only say "not valid under any of the given schemas". With `if type ==
    "decision" then Decision` they also point at the misspelt key itself; `oneOf` stays for
    editors whose completion reads only `oneOf`/`anyOf`."""
    if isinstance(node, list):
        for item in node:
            _resolve_discriminators(item)
        return
    if not isinstance(node, dict):
        return
    disc = node.get("discriminator")
    if isinstance(disc, dict) and "oneOf" in node:
        name = disc["propertyName"]
        node.pop("discriminator")
        node["allOf"] = [
            {
                "if": {"properties": {name: {"const": tag}}, "required": [name]},
                "then": {"$ref": ref},
            }
            for tag, ref in sorted(disc["mapping"].items())
        ]
    for value in node.values():
        _resolve_discriminators(value)


def schema_text(kind: Literal["assessment", "scenario"]) -> str:
    return json.dumps(json_schema(kind), indent=2, ensure_ascii=False) + "\n"


def schema_path(kind: Literal["assessment", "scenario"]) -> Path:
    """Shipped copy inside the package, referenced by `#:schema` lines."""
    return SCHEMA_DIR / f"{kind}.schema.json"
