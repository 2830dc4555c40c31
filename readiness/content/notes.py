"""What to tell a person about a loaded library before anything else: files that replace a
built-in one, and broken files by name. One wording for the command line and the TUI."""

from __future__ import annotations

from typing import TYPE_CHECKING

from readiness.i18n import Lang
from readiness.i18n.formats import plural

if TYPE_CHECKING:  # the TUI's home screen imports this before content (and pydantic) loads
    from readiness.content.loader import Library


def library_notes(lib: Library, lang: Lang, short: bool = False) -> list[str]:
    """A notice per file that replaces a built-in one (both paths), then the count of broken
    files and each by name with its first error, in `lang`. `short` names files without
    their folder (a notification in the TUI is narrow)."""
    lines = [
        f"{p.path.name}: {p.message.text(lang)}" if short else p.text(lang)
        for p in lib.problems
        if p.severity == "notice"
    ]
    broken = sorted(set(lib.broken))
    if broken:
        lines.append(plural("cli.broken_content", len(broken), lang))
        for path in broken:
            first = next((p for p in lib.errors if p.path == path), None)
            if first is None:
                lines.append(f"  {path.name if short else path}")
            elif short:
                where = f"{path.name}:{first.line}" if first.line else path.name
                lines.append(f"  {where}: {first.key_label(lang)}: {first.message.text(lang)}")
            else:
                lines.append(f"  {first.text(lang)}")
    return lines
