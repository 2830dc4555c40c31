"""Building blocks shared by assessment and scenario files."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    GetJsonSchemaHandler,
    StringConstraints,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema, PydanticCustomError

from readiness.i18n import languages


def _known_language(value: str) -> str:
    if value not in languages():
        expected = " or ".join(repr(lang) for lang in sorted(languages()))
        raise PydanticCustomError(
            "literal_error", "Input should be {expected}", {"expected": expected}
        )
    return value


class _LanguageSchema:
    """The JSON schema lists the languages that have catalogs when the schema is made."""

    @staticmethod
    def __get_pydantic_json_schema__(
        core_schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        schema: dict[str, Any] = {"enum": sorted(languages()), "type": "string"}
        return schema


Language = Annotated[str, AfterValidator(_known_language), _LanguageSchema()]
"""A language content and UI are written in: one with a catalog folder in readiness/i18n/
(see `readiness.i18n.languages`), so adding a language changes no model."""

Address = Literal["du", "Sie"]
"""How German text addresses the reader: informal `du` or formal `Sie`."""

Identifier = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9][a-z0-9_\-]*$", min_length=1, max_length=80),
]
"""Ids are lowercase so that a trainer's typo in case cannot create a second id."""

Text = Annotated[str, StringConstraints(min_length=1, strip_whitespace=True)]
"""Any text a participant reads: never empty."""

Effort = Literal["low", "medium", "high"]

LARGEST_AMOUNT = 1_000_000_000

Amount = Annotated[float, Field(ge=-LARGEST_AMOUNT, le=LARGEST_AMOUNT)]
"""A value a scenario tracks or a change to it: a billion either way is beyond any meter
anyone reads (reach meters go to a million), and keeps the clock's arithmetic finite (a
drift of 1e308 per minute overflowed the player)."""

Count = Annotated[int, Field(ge=0, le=LARGEST_AMOUNT)]
"""Likes, shares and comments a feed item starts with."""


class StrictModel(BaseModel):
    """Unknown keys are errors so that a typo never silently drops a setting, and values are
    never converted (strict): `time_limit = "60"` is an error naming the expected type, not a
    60 nobody wrote. Whole numbers are still accepted where a decimal number is expected."""

    model_config = ConfigDict(
        extra="forbid",
        populate_by_name=True,
        use_attribute_docstrings=True,
        strict=True,
        allow_inf_nan=False,  # TOML's inf and nan: no meter, clock or score can use them
    )


class ContentHeader(StrictModel):
    """Fields every content file starts with."""

    id: Identifier
    """Unique id of this file across all loaded content, e.g. `leaked-photos-en`."""
    language: Language
    """Language of every text in this file: `de` or `en`."""
    address: Address = "Sie"
    """German only: how this file addresses the reader, `du` or `Sie` (default `Sie`). Every
    UI text shown around the content (hints, buttons, debrief labels) follows it, and
    `readiness validate` warns when the file's own text mixes the two. Ignored for English."""
    version: Annotated[str, StringConstraints(pattern=r"^\d+(\.\d+){0,2}$")] = "1.0"
    """Version of this file. Raise it when you change questions or steps, so old results say
    which version they were taken on."""
    translation_id: Identifier | None = None
    """Shared by a file and its translation in the other language (same value in both)."""
    title: Text
    """Title shown in lists and reports."""
    summary: Text
    """One or two sentences shown under the title on the home screen."""
    duration_minutes: Annotated[int, Field(ge=1, le=240)] = 15
    """How long a participant needs, in minutes."""
    authors: list[str] = []
    """Who wrote this file."""
    references: list[str] = []
    """Sources a trainer can follow up: laws, studies, cases."""
    tags: list[str] = []
    """Free keywords for filtering."""
