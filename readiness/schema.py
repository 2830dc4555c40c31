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
    schema["$schema"] = "http://json-schema.org/draft-07/schema#"
    schema["$id"] = f"https://readiness.invalid/schema/{kind}.schema.json"
    return schema


def schema_text(kind: Literal["assessment", "scenario"]) -> str:
    return json.dumps(json_schema(kind), indent=2, ensure_ascii=False) + "\n"


def schema_path(kind: Literal["assessment", "scenario"]) -> Path:
    """Shipped copy inside the package, referenced by `#:schema` lines."""
    return SCHEMA_DIR / f"{kind}.schema.json"
