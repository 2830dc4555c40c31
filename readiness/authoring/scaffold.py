"""Commented starter files for `readiness new`: a working example that teaches the format."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal

from readiness.content_schema import schema_path
from readiness.errors import UsageError
from readiness.i18n import Lang, t
from readiness.i18n.os_reason import os_reason

Kind = Literal["assessment", "scenario"]
TEMPLATE_DIR = Path(__file__).resolve().parent / "scaffolds"
_ID = re.compile(r"^[a-z0-9][a-z0-9_\-]*$")


def slug(name: str, lang: Lang) -> str:
    """The id stem for a NAME a trainer typed: lowercase, spaces and odd characters become '-'.
    A name that leaves no usable stem is an error worded in `lang`."""
    stem = re.sub(r"[^a-z0-9_\-]+", "-", name.strip().lower()).strip("-_")
    if not stem or not _ID.match(stem) or len(stem) > 60:
        raise UsageError(t("author.new.bad_name", lang, name=name))
    return stem


def template_path(kind: Kind, lang: Lang) -> Path:
    """The packaged template for a kind and language."""
    return TEMPLATE_DIR / f"new_{kind}.{lang}.toml"


def schema_name(kind: Kind) -> str:
    """The schema's file name, written beside a new file and named in its `#:schema` line."""
    return f"{kind}.schema.json"


def schema_line(kind: Kind) -> str:
    """A relative `#:schema` target: editors (taplo, Even Better TOML) resolve it next to the
    file, so it keeps working when the folder is shared, unlike a path on one person's disk."""
    return f"./{schema_name(kind)}"


def write_schema(kind: Kind, folder: Path, lang: Lang) -> Path | None:
    """Put the current schema beside a new file; None when an identical copy is there. An
    older copy (from an earlier version) is replaced: it is generated, nobody edits it.
    `lang`: the language of the error when it cannot be written."""
    target = folder / schema_name(kind)
    text = schema_path(kind).read_text(encoding="utf-8")
    try:
        if target.is_file() and target.read_text(encoding="utf-8") == text:
            return None
        target.write_text(text, encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(
            t(
                "author.new.cannot_write",
                lang,
                path=target,
                error=os_reason(exc).text(lang) if isinstance(exc, OSError) else exc,
            )
        ) from None
    return target


def scaffold_text(kind: Kind, name: str, lang: Lang) -> str:
    """The template filled in for `name`: ids, translation id, schema line, file name."""
    stem = slug(name, lang)
    text = template_path(kind, lang).read_text(encoding="utf-8")
    replacements = {
        "__SCHEMA__": schema_line(kind),
        "__TRANSLATION_ID__": stem,
        "__ID__": f"{stem}-{lang}",
        "__FILE__": f"{stem}.{lang}.toml",
    }
    for marker, value in replacements.items():
        text = text.replace(marker, value)
    return text


def scaffold_file(folder: Path, name: str, lang: Lang) -> Path:
    """Where `new` writes: `<folder>/<name>.<lang>.toml`."""
    return folder / f"{slug(name, lang)}.{lang}.toml"


def write_scaffold(kind: Kind, name: str, lang: Lang, folder: Path) -> Path:
    """Write the filled template; refuse to overwrite anything a trainer already has. `lang` is
    the file's language and that of the errors (`new` writes in the language it speaks)."""
    target = scaffold_file(folder, name, lang)
    text = scaffold_text(kind, name, lang)
    if not folder.is_dir():
        raise UsageError(t("author.new.no_folder", lang, folder=folder))
    try:
        # "x" mode fails if the file exists, so a race with another writer cannot clobber it.
        with target.open("x", encoding="utf-8") as handle:
            handle.write(text)
    except FileExistsError:
        raise UsageError(t("cli.new.exists", lang, path=target)) from None
    except OSError as exc:
        raise UsageError(
            t("author.new.cannot_write", lang, path=target, error=os_reason(exc).text(lang))
        ) from None
    return target
