"""Errors a user can act on; the CLI prints their message as one sentence and exits."""

from __future__ import annotations

from pathlib import Path

from readiness.i18n import DEFAULT_LANGUAGE, Lang
from readiness.i18n.catalog_text import CatalogText


class ReadinessError(Exception):
    """Base for every error whose message is meant for the user.

    The core raises many of them long before it knows who reads the sentence, so the
    message may be a `CatalogText`: the edge that shows it (the command, the screen) asks
    for `text(lang)`; `str(error)` is English, for logs and tracebacks."""

    exit_code = 2

    def __init__(self, message: str | CatalogText) -> None:
        super().__init__(message)
        self.message = message

    def text(self, lang: Lang) -> str:
        """The sentence in `lang`."""
        if isinstance(self.message, CatalogText):
            return self.message.text(lang)
        return self.message

    def __str__(self) -> str:
        return self.text(DEFAULT_LANGUAGE)


class UsageError(ReadinessError):
    """The command line asked for something impossible (unknown id, missing file)."""

    exit_code = 2


class ContentError(ReadinessError):
    """Content could not be used (broken file, unknown variable)."""

    exit_code = 1


class StorageError(ReadinessError):
    """A result could not be written or read."""

    exit_code = 1


class ResultFileError(StorageError):
    """A result file that cannot be read. The file and the reason are kept apart, so a group
    report can name the file, or (anonymous) give only the reason: a result file's name
    starts with its participant's pseudonym."""

    def __init__(self, path: Path, reason: CatalogText) -> None:
        super().__init__(CatalogText("storage.in_file", path=path, reason=reason))
        self.path = path
        self.reason = reason

    def named(self, lang: Lang) -> str:
        """The sentence with the file's name instead of its whole path (a list of the
        unreadable files of one folder)."""
        return CatalogText("storage.in_file", path=self.path.name, reason=self.reason).text(lang)
