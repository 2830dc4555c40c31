"""Find, parse and validate content files; a broken file is reported and skipped, never fatal."""

from __future__ import annotations

import gc
import hashlib
import re
import tomllib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ValidationError

from readiness.content.assessment_checks import check_assessment
from readiness.content.parse_cache import ResultCache
from readiness.content.positions import (
    Position,
    last_multiline,
    offset,
    open_bracket,
    positions,
    unterminated_string,
)
from readiness.content.problems import (
    ContentProblem,
    Severity,
    add_lines,
    from_validation_error,
)
from readiness.content.scenario_checks import check_scenario
from readiness.content.warnings import file_warnings, translation_warnings
from readiness.i18n import Lang, catalog_root, t
from readiness.i18n.catalog_text import CatalogText
from readiness.i18n.os_reason import os_reason
from readiness.models.assessment import Assessment
from readiness.models.scenario import Scenario
from readiness.text_safety import acts_on_terminal, nesting_depth, visible_data
from readiness.toml_messages import toml_error_parts
from readiness.toml_parse import not_utf8_at, parse_toml
from readiness.validation_messages import did_you_mean

MAX_FILE_BYTES = 1_000_000
"""Content files above this size are refused: real files are below 200 kB, and parsing a
runaway file would freeze the app."""

MAX_NESTING = 64
"""Deepest nesting of lists and tables a content file may use. Real files nest a few levels
(conditions inside conditions perhaps ten); the limit keeps every check on the parsed data
within Python's recursion limit."""
_CONTROL_ESCAPE = re.compile(
    r"\\(?:[bf]|u00(?:[01][0-9A-Fa-f]|7[Ff]|[89][0-9A-Fa-f])|U0000(?:00[01]|007|00[89])[0-9A-Fa-f]"
    r"|(?:u|U0000)(?:061[Cc]|200[EeFf]|202[A-Ea-e]|206[6-9]))"
)
"""A TOML escape that can stand for a control character (\\b, \\f, \\u001b, \\u009b, ...) or
a direction control (\\u202e, ...; see `readiness.text_safety.BIDI_CONTROLS`)."""

PARSED: ResultCache[tuple[ContentFile | None, list[ContentProblem]]] = ResultCache()
"""Files already parsed and validated, by path, bytes and catalogs (which languages exist)."""
CHECKED: ResultCache[tuple[list[ContentProblem], list[ContentProblem] | None]] = ResultCache()
"""Files already checked: their problems, and their warnings (None until asked for)."""

Kind = Literal["assessment", "scenario"]
MODELS: dict[str, type[Assessment] | type[Scenario]] = {
    "assessment": Assessment,
    "scenario": Scenario,
}


@dataclass(frozen=True)
class ContentFile:
    """A content file that loaded and validated."""

    path: Path
    model: Assessment | Scenario
    sha256: str
    builtin: bool

    @property
    def kind(self) -> Kind:
        return self.model.kind

    @property
    def id(self) -> str:
        return self.model.id


@dataclass
class Library:
    """Everything loaded, plus every problem found on the way."""

    files: list[ContentFile] = field(default_factory=list)
    problems: list[ContentProblem] = field(default_factory=list)
    broken: list[Path] = field(default_factory=list)

    @property
    def assessments(self) -> list[ContentFile]:
        return [f for f in self.files if f.kind == "assessment"]

    @property
    def scenarios(self) -> list[ContentFile]:
        return [f for f in self.files if f.kind == "scenario"]

    @property
    def errors(self) -> list[ContentProblem]:
        return [p for p in self.problems if p.severity == "error"]

    def get(self, ident: str, kind: Kind | None = None) -> ContentFile | None:
        """The file with this id (or translation id, preferring `kind`)."""
        for f in self.files:
            if f.id == ident and (kind is None or f.kind == kind):
                return f
        return None

    def translations(self, f: ContentFile) -> list[ContentFile]:
        """Other-language versions of `f`."""
        tid = f.model.translation_id
        if tid is None:
            return []
        return [o for o in self.files if o.model.translation_id == tid and o.path != f.path]

    def ids(self) -> list[str]:
        return [f.id for f in self.files]


def builtin_dirs() -> list[Path]:
    """Built-in content: inside the wheel, or at the repository root in a checkout."""
    package = Path(__file__).resolve().parent.parent
    shipped = package / "_builtin"
    root = shipped if shipped.is_dir() else package.parent
    return [root / "assessments", root / "scenarios"]


def content_dirs(extra: Sequence[Path] = ()) -> list[Path]:
    """Folders to read, in order: built-in, then the user's (`Settings.content_dirs`: the
    environment's folders, then `--content`). The loader never reads the environment itself,
    so what it loads depends only on what it is given."""
    return [*builtin_dirs(), *extra]


@cache
def _all_field_names() -> frozenset[str]:
    names: set[str] = set()

    def walk(model: type[BaseModel]) -> None:
        for name, info in model.model_fields.items():
            names.add(info.alias or name)
        for sub in _submodels(model):
            if sub.__name__ not in seen:
                seen.add(sub.__name__)
                walk(sub)

    seen: set[str] = set()
    walk(Assessment)
    walk(Scenario)
    return frozenset(names)


def _submodels(model: type[BaseModel]) -> Iterable[type[BaseModel]]:
    from typing import get_args

    def flatten(tp: object) -> Iterable[object]:
        yield tp
        for arg in get_args(tp):
            yield from flatten(arg)

    for info in model.model_fields.values():
        for tp in flatten(info.annotation):
            if isinstance(tp, type) and issubclass(tp, BaseModel):
                yield tp


def _decode(path: Path, raw: bytes) -> tuple[str | None, ContentProblem | None]:
    """The file's text. A UTF-8 byte order mark (Windows editors write one) is accepted; a file
    saved as UTF-16 is named as such, since "not UTF-8" alone does not say what to change.
    Another encoding (Latin-1, Windows-1252) is named at the first character that is not
    UTF-8, by line and column as every other problem."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, ContentProblem(path, "", CatalogText("content.utf16"))
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        line, column = not_utf8_at(exc)
        return None, ContentProblem(path, "", CatalogText("content.not_utf8"), line, column=column)


Said = tuple[CatalogText, Position]
"""What to tell the author about a TOML syntax error, and where."""


def _toml_problem(path: Path, text: str, exc: tomllib.TOMLDecodeError) -> ContentProblem:
    """A TOML syntax error at its line and column. A quote, multi-line string, list or inline
    table left open says so and what to add, where the author has to look (`_left_open`);
    anything else in the parser's words, worded from the catalog."""
    line, column, worded, at_end = toml_error_parts(exc)
    found = _left_open(text, line, column, worded, at_end)
    if found is not None:
        said, at = found
        return ContentProblem(path, "", said, at.line, column=at.column)
    if at_end:
        said = CatalogText("content.toml.invalid_at_end", message=worded)
        line = line or text.count("\n") + 1
    elif column:
        said = CatalogText("content.toml.invalid_at", message=worded, column=column)
    else:
        said = CatalogText("content.toml.invalid", message=worded)
    return ContentProblem(path, "", said, line, column=column)


def _left_open(
    text: str, line: int | None, column: int | None, worded: CatalogText | str, at_end: bool
) -> Said | None:
    """Something opened and never closed, which the parser notices only later (at the end of
    the line, of the file, or at the next thing it reads): what it is and what to add."""
    open_string = unterminated_string(text)
    if open_string is not None and open_string.multiline:
        # Reported where it opens: the parser only notices at the end of the file, often a
        # hundred lines later.
        return CatalogText("content.toml.unclosed_multiline"), open_string.position
    if open_string is not None and (at_end or line == open_string.position.line):
        # The parser stops at the line break ("Illegal character '\n'") or, on the last
        # line, at the end of the file: the closing quote belongs at the end of the text.
        said = CatalogText(
            "content.toml.unclosed_quote",
            quote=open_string.quote,
            column=open_string.position.column,
            triple=open_string.quote * 3,
        )
        return said, open_string.end
    if at_end:
        end = len(text)
    elif line and column:
        end = offset(text, Position(line, column))
        run_on = _run_on_string(text, end, line)
        if run_on is not None:
            return run_on
        comma = _comma_before_brace(text, end, line, column, worded)
        if comma is not None:
            return comma
    else:
        return None
    return _unclosed_bracket(text, end, worded)


_TOML_KEY = r"""(?:[A-Za-z0-9_-]+|"[^"\n]*"|'[^'\n]*')"""
_KEY_AND_EQUALS = re.compile(rf"[ \t]*{_TOML_KEY}(?:[ \t]*\.[ \t]*{_TOML_KEY})*[ \t]*=[ \t]*")
"""A line that starts a key/value pair and stops after its `=`: `help = `."""


def _run_on_string(text: str, end: int, line: int) -> Said | None:
    """A multi-line string whose closing quotes are missing in the middle of a file: the next
    text's opening quotes close it (so its text ends in that text's `help = `), and the parser
    stumbles just after them (`end`, on `line`), often many lines below the mistake. Named
    where the string opens, as one never closed at all."""
    found = last_multiline(text, end)
    if found is None or found.closed.line == found.position.line:
        return None
    if not _KEY_AND_EQUALS.fullmatch(found.body.rsplit("\n", 1)[-1]):
        return None
    if any(row.strip() for row in text.split("\n")[found.closed.line : line - 1]):
        return None  # the parser read on after those quotes: the trouble is elsewhere
    said = CatalogText("content.toml.multiline_runs_on", line=found.closed.line, triple=found.quote)
    return said, found.position


def _comma_before_brace(
    text: str, end: int, line: int, column: int, worded: CatalogText | str
) -> Said | None:
    """`{ default = "Shop", }`: a comma after an inline table's last entry, which TOML allows
    in a list but not in a table. The parser says only that `}` cannot start a key; the
    author needs to hear about the comma, where it is."""
    if worded != CatalogText("content.toml.msg.key_start") or text[end : end + 1] != "}":
        return None
    before = len(text[:end].rstrip(" \t"))
    if not text[:before].endswith(","):
        return None
    comma = Position(line, column - (end - before) - 1)
    return CatalogText("content.toml.comma_before_brace"), comma


_UNCLOSED = {
    CatalogText("content.toml.msg.unclosed_array"): ("[", "content.toml.unclosed_list"),
    CatalogText("content.toml.msg.unclosed_inline_table"): ("{", "content.toml.unclosed_table"),
}
"""The parser's words for a list or inline table left open: the bracket to look for, and
what to tell the author."""


def _unclosed_bracket(text: str, end: int, worded: CatalogText | str) -> Said | None:
    """A list or inline table the parser found still open at `end`, reported where its
    closing bracket (or a missing comma) belongs: the parser notices only at the next thing
    it reads, often the next line's key."""
    unclosed = _UNCLOSED.get(worded) if isinstance(worded, CatalogText) else None
    if unclosed is None:
        return None
    bracket, key = unclosed
    found = open_bracket(text, end)
    if found is None or found.bracket != bracket:
        return None
    return CatalogText(key, line=found.position.line, column=found.position.column), found.after


def _too_deep(path: Path) -> ContentProblem:
    return ContentProblem(path, "", CatalogText("content.too_deep", limit=MAX_NESTING))


def parse_file(
    path: Path, builtin: bool = False
) -> tuple[ContentFile | None, list[ContentProblem]]:
    """Read and validate one file. Never raises for anything the file contains."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return None, [
                ContentProblem(
                    path,
                    "",
                    CatalogText("content.too_big", size=f"{size:,}", limit=f"{MAX_FILE_BYTES:,}"),
                )
            ]
        raw = path.read_bytes()
    except OSError as exc:
        return None, [
            ContentProblem(path, "", CatalogText("content.unreadable", error=os_reason(exc)))
        ]
    digest = hashlib.sha256(raw).hexdigest()
    key = (str(path), builtin, digest, str(catalog_root()))
    known = PARSED.get(key)
    if known is None:
        known = _parse_bytes(path, raw, digest, builtin)
        PARSED.put(key, known)
    return known[0], list(known[1])


def _parse_bytes(
    path: Path, raw: bytes, digest: str, builtin: bool
) -> tuple[ContentFile | None, list[ContentProblem]]:
    text, problem = _decode(path, raw)
    if text is None:
        return None, [problem] if problem else []
    try:
        data = parse_toml(text)
    except tomllib.TOMLDecodeError as exc:
        return None, [_toml_problem(path, text, exc)]
    except RecursionError:
        # tomllib recurses once per nesting level: thousands of `[[[` exhaust the stack.
        return None, [_too_deep(path)]
    if nesting_depth(data) > MAX_NESTING:
        return None, [_too_deep(path)]
    # Control characters (ESC, OSC, C1) in any text become visible stand-ins here, so no
    # screen, report or command output ever passes them to a terminal. They can only come
    # from the text itself or from an escape (\b, \f, \u001b, ...): without either, every
    # string is already harmless and the walk over all of them is skipped.
    if acts_on_terminal(text) or _CONTROL_ESCAPE.search(text):
        data = visible_data(data)
    if not data:
        return None, [ContentProblem(path, "", CatalogText("content.empty"))]
    kind = data.get("kind")
    if not isinstance(kind, str) or kind not in MODELS:
        hint = did_you_mean(str(kind), MODELS) if isinstance(kind, str) else CatalogText.nothing()
        return None, [
            ContentProblem(path, "kind", CatalogText("content.kind") + hint, _line_of_kind(text))
        ]
    model_cls = MODELS[kind]
    try:
        model = model_cls.model_validate(data)
    except ValidationError as exc:
        return None, from_validation_error(path, exc, data, text, set(_all_field_names()))
    return ContentFile(path=path, model=model, sha256=digest, builtin=builtin), []


def _line_of_kind(text: str) -> int | None:
    at = positions(text).keys.get(("kind",))
    return at.line if at else None


def safe_resolve(path: Path) -> Path:
    """`path.resolve()`, or the absolute path when links loop (resolve raises there)."""
    try:
        return path.resolve()
    except (RuntimeError, OSError):
        return path.absolute()


def missing_path_problem(path: Path, lang: Lang) -> str | None:
    """Why a path named on the command line cannot be read at all (in `lang`), or None."""
    if path.exists():
        return None
    if path.is_symlink():
        return f"{path}: {t('content.dangling_link', lang)}"
    return f"{path}: {t('content.no_such_path', lang)}"


def iter_content_files(folder: Path) -> list[Path]:
    """Every `.toml` below a folder, sorted for a stable order."""
    if folder.is_file():
        return [folder]
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.rglob("*.toml") if p.is_file())


class _NoGC:
    """Parsing creates millions of short-lived, acyclic objects; the cyclic collector only
    slows that down (about 30% on 1,000 files), so it pauses while a library loads."""

    def __enter__(self) -> None:
        self.was_enabled = gc.isenabled()
        gc.disable()

    def __exit__(self, *exc: object) -> None:
        if self.was_enabled:
            gc.enable()


def load_library(extra_dirs: Sequence[Path] = (), *, warnings: bool = False) -> Library:
    """Load built-in content plus the user's folders, collecting every error and notice.

    Authoring warnings (advice on a file that loads: an expert choice that gives itself
    away, a clock time that clashes) only with `warnings`, and then for the user's files
    only. `validate` is the one place that shows them; looking for them is about 40 % of
    loading, in every process that loads the library (the app, `serve`, each command).
    The built-in files have none: `tests/unit/test_builtin_library.py` checks them with
    `load_paths`, which warns about everything it loads."""
    with _NoGC():
        return _load_library(extra_dirs, warnings)


def _load_library(extra_dirs: Sequence[Path], warnings: bool) -> Library:
    lib = Library()
    builtin = set(builtin_dirs())
    for folder in content_dirs(extra_dirs):
        if not folder.exists():
            lib.problems.append(
                ContentProblem(folder, "", CatalogText("content.no_folder"), whole="folder")
            )
            continue
        for path in iter_content_files(folder):
            add_file(lib, path, builtin=folder in builtin)
    cross_check(lib, (lambda f: not f.builtin) if warnings else (lambda f: False))
    return lib


def load_paths(
    paths: Sequence[Path], with_builtin: bool = True, extra_dirs: Sequence[Path] = ()
) -> Library:
    """Load specific files or folders (for `validate PATH`). With `with_builtin`, the built-ins,
    the user's content folders (`extra_dirs`: `Settings.content_dirs`) and the
    files beside each named file are loaded as references: ids, cross references and the
    translation counterpart are checked wherever that lives. Problems are reported only for
    what was named."""
    with _NoGC():
        return _load_paths(paths, with_builtin, extra_dirs)


def _load_paths(paths: Sequence[Path], with_builtin: bool, extra_dirs: Sequence[Path]) -> Library:
    lib = Library()
    builtin = builtin_dirs()
    if with_builtin:
        for folder in builtin:
            for path in iter_content_files(folder):
                add_file(lib, path, builtin=True)
    wanted = {safe_resolve(p) for p in paths}
    known = {safe_resolve(f.path) for f in lib.files} | {safe_resolve(b) for b in lib.broken}
    for p in paths:
        found = iter_content_files(p)
        for path in found:
            resolved = safe_resolve(path)
            if resolved not in known:
                known.add(resolved)
                add_file(lib, path, builtin=False)
        if not p.exists():
            lib.problems.append(ContentProblem(p, "", CatalogText("content.no_such_path")))
        elif p.is_dir() and not found:
            lib.problems.append(
                ContentProblem(p, "", CatalogText("content.empty_folder"), whole="folder")
            )
    if with_builtin:
        for path in _reference_files(
            paths, [d for d in content_dirs(extra_dirs) if d not in builtin]
        ):
            resolved = safe_resolve(path)
            if resolved not in known:
                known.add(resolved)
                add_file(lib, path, builtin=False)
    cross_check(lib, lambda f: True)
    # Report only on what was asked for; the rest was loaded as references.
    lib.problems = [
        pr
        for pr in lib.problems
        if any(safe_resolve(pr.path) == w or w in safe_resolve(pr.path).parents for w in wanted)
    ]
    return lib


def _reference_files(paths: Sequence[Path], folders: Sequence[Path]) -> list[Path]:
    """Content a named file is checked against: the user's content folders and the `.toml`
    files beside it (not below: a file in a home folder must not scan the whole tree)."""
    found: list[Path] = []
    for folder in folders:
        found.extend(iter_content_files(folder))
    for p in paths:
        if p.is_file():
            found.extend(sorted(q for q in p.parent.glob("*.toml") if q.is_file()))
    return found


def add_file(lib: Library, path: Path, builtin: bool) -> None:
    content, problems = parse_file(path, builtin)
    lib.problems.extend(problems)
    if content is None:
        lib.broken.append(path)
    else:
        lib.files.append(content)


def _id_position(path: Path) -> Position | None:
    """Where `id = ...` stands in a file that loaded (read again: only needed for a clash)."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None
    return positions(text).values.get(("id",))


def _id_problem(f: ContentFile, key: str, severity: Severity, other: object) -> ContentProblem:
    at = _id_position(f.path)
    return ContentProblem(
        f.path,
        "id",
        CatalogText(key, id=f.id, other=other),
        at.line if at else None,
        severity=severity,
        column=at.column if at else None,
    )


def _where(f: ContentFile) -> str:
    at = _id_position(f.path)
    return f"{f.path}:{at.line}" if at else str(f.path)


def _file_checks(
    f: ContentFile, dims: set[str], warn: bool
) -> tuple[list[ContentProblem], list[ContentProblem]]:
    """One file's own checks and, with `warn`, its warnings (a scenario's depend on the known
    dimensions too), remembered for files whose bytes did not change (`parse_cache`). The
    warnings are looked for the first time they are asked for and then remembered with the
    checks, so a load for use followed by `validate` checks the file once."""
    key = (str(f.path), f.sha256, frozenset(dims) if isinstance(f.model, Scenario) else None)
    known = CHECKED.get(key)
    if known is None:
        if isinstance(f.model, Assessment):
            problems = check_assessment(f.path, f.model)
        else:
            problems = check_scenario(f.path, f.model, dims or None)
        known = (add_lines(f.path, problems), None)
    problems, warnings = known
    if warn and warnings is None:
        errors = any(p.severity == "error" for p in problems)
        warnings = [] if errors else file_warnings(f.path, f.model)
        known = (problems, warnings)
    CHECKED.put(key, known)
    return list(problems), list(warnings) if warn and warnings is not None else []


def cross_check(lib: Library, warn_about: Callable[[ContentFile], bool]) -> None:
    """Checks that need all files: ids unique across files, references between them, and
    authoring warnings for the files `warn_about` names.

    A user's file may take the id of a built-in one: it replaces the built-in (a notice names
    both files), so a trainer can adapt a built-in scenario without renaming it. Two user
    files with one id are an error at the second."""
    dims = {
        d.id for f in lib.assessments if isinstance(f.model, Assessment) for d in f.model.dimensions
    }
    good: list[ContentFile] = []
    by_id: dict[str, ContentFile] = {}
    for f in lib.files:
        earlier = by_id.get(f.id)
        if earlier is not None and not (earlier.builtin and not f.builtin):
            lib.problems.append(
                _id_problem(f, "content.duplicate_file_id", "error", other=_where(earlier))
            )
            lib.broken.append(f.path)
            continue
        problems, warnings = _file_checks(f, dims, warn_about(f))
        lib.problems.extend(problems)
        if any(p.severity == "error" for p in problems):
            lib.broken.append(f.path)
            continue
        lib.problems.extend(warnings)
        if earlier is not None:
            lib.problems.append(
                _id_problem(f, "content.overrides_builtin", "notice", other=earlier.path)
            )
            good.remove(earlier)
        by_id[f.id] = f
        good.append(f)
    lib.files = good
    warned = {f.path for f in good if warn_about(f)}
    if warned:
        translations = translation_warnings([(f.path, f.model) for f in good])
        lib.problems.extend(w for w in translations if w.path in warned)
