"""Load the one file an authoring command is about, with the built-ins as references."""

from __future__ import annotations

from pathlib import Path

from readiness.content.loader import ContentFile, load_paths
from readiness.content.problems import ContentProblem
from readiness.errors import ContentError, UsageError
from readiness.i18n import Lang, t


def load_file(path: Path) -> tuple[ContentFile | None, list[ContentProblem]]:
    """The file if it loads, and every problem (errors and warnings) found in it."""
    lib = load_paths([path])
    wanted = path.resolve()
    found = next((f for f in lib.files if f.path.resolve() == wanted), None)
    return found, [p for p in lib.problems if p.path.resolve() == wanted]


SHOWN_ERRORS = 5
"""How many of a broken file's errors `train FILE`, `assess FILE`, `stats` and `simulate`
print before pointing at `validate` for the rest (a key typo gives two, rarely more than five)."""


def errors_message(path: Path, errors: list[ContentProblem], lang: Lang) -> str:
    """Every error of a file that cannot be used, up to `SHOWN_ERRORS`, most useful first (the
    loader already orders them: a misspelt key before the "missing" key it explains), and how
    to see the rest; in `lang`."""
    if not errors:
        return t("author.load.broken", lang, path=path)
    lines = [t("content.load.heading", lang, path=path)]
    lines += [f"  {problem.text(lang)}" for problem in errors[:SHOWN_ERRORS]]
    if len(errors) > SHOWN_ERRORS:
        lines.append(t("content.load.more", lang, more=len(errors) - SHOWN_ERRORS, path=path))
    return "\n".join(lines)


def load_one(path: Path, lang: Lang) -> ContentFile:
    """The file, or one sentence (in `lang`) saying why it cannot be used."""
    if not path.is_file():
        raise UsageError(t("author.load.missing", lang, path=path))
    found, problems = load_file(path)
    if found is not None:
        return found
    errors = [p for p in problems if p.severity == "error"]
    raise ContentError(errors_message(path, errors, lang))
