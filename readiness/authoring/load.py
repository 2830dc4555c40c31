"""Load the one file an authoring command is about, with the built-ins as references."""

from __future__ import annotations

from pathlib import Path

from readiness.content.loader import ContentFile, load_paths
from readiness.content.problems import ContentProblem
from readiness.errors import ContentError, UsageError
from readiness.i18n import t


def load_file(path: Path) -> tuple[ContentFile | None, list[ContentProblem]]:
    """The file if it loads, and every problem (errors and warnings) found in it."""
    lib = load_paths([path])
    wanted = path.resolve()
    found = next((f for f in lib.files if f.path.resolve() == wanted), None)
    return found, [p for p in lib.problems if p.path.resolve() == wanted]


def load_one(path: Path) -> ContentFile:
    """The file, or one sentence saying why it cannot be used."""
    if not path.is_file():
        raise UsageError(t("author.load.missing", path=path))
    found, problems = load_file(path)
    if found is not None:
        return found
    errors = [p for p in problems if p.severity == "error"]
    if not errors:
        raise ContentError(t("author.load.broken", path=path))
    raise ContentError(t("author.load.errors", first=errors[0], more=len(errors) - 1, path=path))
