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
    _drop_null(schema)
    schema["$schema"] = "http://json-schema.org/draft-07/schema#"
    schema["$id"] = f"https://readiness.invalid/schema/{kind}.schema.json"
    return schema


def _resolve_discriminators(node: Any) -> None:
    """Replace pydantic's `oneOf` + OpenAPI `discriminator` by draft-7 `if`/`then` per tag.

    Plain JSON Schema validators (taplo, jsonschema) ignore `discriminator`. Under `oneOf`, one
    misspelt key inside a step fails every branch, and taplo repeats "not valid under any of
    the schemas" at every key of the step: 65 errors over 400 lines for one typo. With only
    `if type == "decision" then Decision`, the step is checked against its own kind and the
    typo is reported at the typo (plus `type` itself must be one of the tags)."""
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
        node.pop("oneOf")
        tags = sorted(disc["mapping"])
        node["type"] = "object"
        node["required"] = [name]
        node["properties"] = {name: {"enum": tags}}
        node["allOf"] = [
            {
                "if": {"properties": {name: {"const": tag}}, "required": [name]},
                "then": {"$ref": ref},
            }
            for tag, ref in sorted(disc["mapping"].items())
        ]
    for value in node.values():
        _resolve_discriminators(value)


def _drop_null(node: Any) -> None:
    """TOML has no null: an optional key is simply left out. pydantic writes optional fields
    as `anyOf: [X, null]`, and a typo inside X then fails both branches and floods taplo with
    "not valid under any of the schemas". Keeping only X reports the typo itself."""
    if isinstance(node, list):
        for item in node:
            _drop_null(item)
        return
    if not isinstance(node, dict):
        return
    branches = node.get("anyOf")
    if isinstance(branches, list) and {"type": "null"} in branches:
        rest = [b for b in branches if b != {"type": "null"}]
        node.pop("anyOf")
        if node.get("default", 0) is None:
            node.pop("default")
        if len(rest) == 1:
            node.update({k: v for k, v in rest[0].items() if k not in node})
        else:
            node["anyOf"] = rest
    for value in node.values():
        _drop_null(value)


def schema_text(kind: Literal["assessment", "scenario"]) -> str:
    return json.dumps(json_schema(kind), indent=2, ensure_ascii=False) + "\n"


def schema_path(kind: Literal["assessment", "scenario"]) -> Path:
    """Shipped copy inside the package, referenced by `#:schema` lines."""
    return SCHEMA_DIR / f"{kind}.schema.json"
