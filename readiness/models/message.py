"""A validator's complaint as a catalog key, so content errors read in the UI language."""

from __future__ import annotations

from readiness.i18n import t


class ContentMessage(ValueError):
    """Raised by model validators instead of a plain English `ValueError`: pydantic keeps the
    exception in the error's context, and the content loader keeps `key` and `values` for
    whoever shows the problem to word in their language (`str()` is the English text, for
    logs and pydantic's own message)."""

    def __init__(self, key: str, at: str | None = None, **values: object) -> None:
        self.key = key
        self.at = at
        """The key inside the validated table the complaint is about (`time_limit`), so the
        loader points at its line rather than at the table's first line."""
        self.values = values
        super().__init__(self.text("en"))

    def text(self, lang: str) -> str:
        template = t(self.key, lang)
        try:
            return template.format(**self.values)
        except (KeyError, IndexError, ValueError):
            return template
