"""Helpers shared by subcommands: loading content and resolving an id or file argument."""

from __future__ import annotations

import sys
from pathlib import Path

from readiness.authoring.load import errors_message
from readiness.content.loader import ContentFile, Kind, Library, load_library, load_paths
from readiness.errors import ContentError, UsageError
from readiness.i18n import t
from readiness.settings import Settings
from readiness.validation_messages import did_you_mean


def library_for(settings: Settings, quiet: bool = False) -> Library:
    """All content; broken files are announced in one line, never fatal."""
    lib = load_library(settings.content_dirs)
    if not quiet:
        from readiness.content.notes import library_notes

        for line in library_notes(lib, settings.lang):
            print(line, file=sys.stderr)
    return lib


def resolve(settings: Settings, ident: str | None, kind: Kind) -> tuple[Library, ContentFile]:
    """Find content by id, translation id or file path; one-sentence errors otherwise."""
    if ident and (ident.endswith(".toml") or Path(ident).exists()):
        lib = load_paths([Path(ident)], extra_dirs=settings.content_dirs)
        wanted = Path(ident).resolve()
        for f in lib.files:
            if f.path.resolve() == wanted:
                if f.kind != kind:
                    raise UsageError(t(f"cli.wrong_kind.{kind}", ident=ident))
                return lib, f
        raise ContentError(errors_message(Path(ident), lib.errors, settings.lang))
    lib = library_for(settings)
    candidates = [f for f in lib.files if f.kind == kind]
    if ident is None:
        raise UsageError(t(f"cli.name_one.{kind}", ids=", ".join(f.id for f in candidates)))
    for f in candidates:
        if f.id == ident:
            return lib, f
    # A translation id picks the version in the UI language.
    family = [f for f in candidates if f.model.translation_id == ident]
    if family:
        chosen = next((f for f in family if f.model.language == settings.lang), family[0])
        return lib, chosen
    # The id of the other kind (`train solo-creator-en`): say which command starts it, as
    # for a file, rather than suggest a look-alike id of the kind asked for.
    if any(ident in (f.id, f.model.translation_id) for f in lib.files if f.kind != kind):
        raise UsageError(t(f"cli.wrong_kind.{kind}", ident=ident))
    ids = [f.id for f in candidates] + [str(f.model.translation_id) for f in candidates]
    hint = did_you_mean(ident, ids).text(settings.lang)
    raise UsageError(t(f"cli.unknown_content.{kind}", ident=ident, hint=hint))


def resolve_any(settings: Settings, ident: str) -> ContentFile:
    """A scenario or an assessment, by id, translation id or file (for `stats`)."""
    if ident.endswith(".toml") or Path(ident).exists():
        lib = load_paths([Path(ident)], extra_dirs=settings.content_dirs)
        wanted = Path(ident).resolve()
        found = next((f for f in lib.files if f.path.resolve() == wanted), None)
        if found is None:
            raise ContentError(errors_message(Path(ident), lib.errors, settings.lang))
        return found
    lib = library_for(settings)
    for kind in ("scenario", "assessment"):
        if any(ident in (f.id, f.model.translation_id) for f in lib.files if f.kind == kind):
            return resolve(settings, ident, kind)[1]
    ids = [f.id for f in lib.files] + [str(f.model.translation_id) for f in lib.files]
    hint = did_you_mean(ident, ids).text(settings.lang)
    raise UsageError(t("content.unknown_any", ident=ident, hint=hint))
