"""`{org}`-style placeholders in scenario texts, substituted by our code (never str.format)."""

from __future__ import annotations

import re
from collections.abc import Mapping

_PLACEHOLDER = re.compile(r"\{\{|\}\}|\{([A-Za-z_][A-Za-z0-9_\-]*)\}")


def names_in(text: str) -> set[str]:
    """Placeholder names a text uses."""
    return {m.group(1) for m in _PLACEHOLDER.finditer(text) if m.group(1)}


def fill(text: str, values: Mapping[str, str]) -> str:
    """Replace `{name}` by its value; `{{`/`}}` become literal braces; unknown names stay."""
    if "{" not in text and "}" not in text:
        return text  # most texts have no placeholder; this is called for every text shown

    def sub(m: re.Match[str]) -> str:
        token = m.group(0)
        if token == "{{":
            return "{"
        if token == "}}":
            return "}"
        return values.get(m.group(1), token)

    return _PLACEHOLDER.sub(sub, text)
