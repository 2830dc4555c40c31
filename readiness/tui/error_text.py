"""An error's sentence in the language of the screen.

The core raises its errors before it knows who reads them (`ReadinessError` carries catalog
text), and Python words the system's reasons in English ("Permission denied"). A screen
shows either in its own language; anything else keeps Python's words."""

from __future__ import annotations

from readiness.errors import ReadinessError
from readiness.i18n import current_language
from readiness.i18n.os_reason import os_reason


def said(error: Exception) -> str:
    """The sentence a screen shows for `error`."""
    if isinstance(error, ReadinessError):
        return error.text(current_language())
    if isinstance(error, OSError):
        reason = os_reason(error).text(current_language())
        return f"{error.filename}: {reason}" if error.filename else reason
    return str(error)
