"""Errors a user can act on; the CLI prints their message as one sentence and exits."""

from __future__ import annotations


class ReadinessError(Exception):
    """Base for every error whose message is meant for the user."""

    exit_code = 2


class UsageError(ReadinessError):
    """The command line asked for something impossible (unknown id, missing file)."""

    exit_code = 2


class ContentError(ReadinessError):
    """Content could not be used (broken file, unknown variable)."""

    exit_code = 1


class StorageError(ReadinessError):
    """A result could not be written or read."""

    exit_code = 1
