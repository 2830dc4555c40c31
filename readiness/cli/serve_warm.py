"""The quick start's fork server of `readiness serve` (started by `serve`, never by hand):

    python -m readiness.cli.serve_warm [--lang LANG] SOCKET -- PYTHON -m readiness ARGS...

Does once what every browser session would do at its start, then forks one session per
launcher that connects to SOCKET; each runs `readiness ARGS...` as `python -m readiness`
would. Done once: import readiness and Textual's browser driver (`preload`), read the
content (`preload_content`; a session uses it only while the files are unchanged), parse
every stylesheet (`share_parsed_styles` and `rehearse`, which runs one participant app
headless to its join form). The loop, the checks and the set-up of a forked session are in
`readiness.workshop.forkserver`; the launcher is `readiness/workshop/warm_launcher.py`."""

from __future__ import annotations

import dataclasses
import gc
import importlib
import os
import pkgutil
import shutil
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import readiness
from readiness.workshop.forkserver import READY, ForkServer

if TYPE_CHECKING:
    from readiness.content.loader import Library
    from readiness.settings import Settings

SKIPPED = (
    "readiness.__main__",
    "readiness.cli.serve_warm",
    "readiness.tui.serve_server",
    "readiness.workshop.warm_launcher",
)
"""Not for sessions: the entry point, this module, the web server (textual-serve) and the
launcher (a script of its own)."""
RUNTIME_MODULES = (
    "textual.drivers.web_driver",
    "textual.drivers._input_reader",
    "textual._xterm_parser",
    "textual._binary_encode",
    "textual.layouts.factory",
    "textual.scrollbar",
)
"""Modules Textual imports only when an app runs in a browser (found by listing
`sys.modules` of a session after its join form was painted)."""


def preload() -> None:
    """Everything a session may import: all of readiness (a session goes from the join
    form to assessments, exercises, reports), the web driver, the language catalogs."""
    for name in RUNTIME_MODULES:
        importlib.import_module(name)
    for module in pkgutil.walk_packages(readiness.__path__, "readiness."):
        if module.name not in SKIPPED:
            importlib.import_module(module.name)
    from readiness.i18n import languages, t

    for lang in languages():
        t("workshop.serve.banner", lang)


ContentStamp = tuple[tuple[str, tuple[tuple[str, int, int, int], ...]], ...]


def content_stamp(folders: Sequence[Path]) -> ContentStamp:
    """Every content file a library of `folders` is read from, with its size, time and
    inode: equal stamps, equal libraries."""
    from readiness.content.loader import content_dirs, iter_content_files

    stamp = []
    for folder in content_dirs(folders):
        files = []
        for path in iter_content_files(folder):
            try:
                info = path.stat()
            except OSError:
                continue
            files.append((str(path), info.st_mtime_ns, info.st_size, info.st_ino))
        stamp.append((str(folder), tuple(files)))
    return tuple(stamp)


def session_settings(args: list[str]) -> Settings:
    """The settings `readiness ARGS...` runs with, worked out as `cli.main` does."""
    from readiness.cli.argparse_text import install, language_in
    from readiness.cli.main import build_parser, settings_from
    from readiness.i18n import detect_language, set_language

    set_language(language_in(args) or detect_language())
    install()
    settings = settings_from(build_parser().parse_args(args))
    set_language(settings.lang)
    return settings


def preload_content(settings: Settings) -> None:
    """Read the content the sessions will show, once, as a session would (same settings,
    same language), and offer it to them (`cmd_serve.preloaded`) for as long as the
    folders hold the same files; a file added, changed or removed since, and sessions read
    the content themselves again."""
    from readiness.cli import cmd_serve
    from readiness.content.loader import load_library

    folders = list(settings.content_dirs)
    stamp = content_stamp(folders)
    library = load_library(folders)

    def shared(wanted: Sequence[Path]) -> Library | None:
        if list(wanted) == folders and content_stamp(wanted) == stamp:
            return library
        return None

    cmd_serve.preloaded = shared


def rehearse(settings: Settings, scratch: Path) -> None:
    """Run one participant app, headless, to its painted join form and end it, with its
    results in `scratch` (removed afterwards): what Textual and Rich work out and keep on
    the first run (parsed styles and selectors, text measures, modules imported late) is
    then done once here instead of in every session. Its threads and its event loop have
    ended when this returns; a failure only costs that head start."""
    from readiness.cli import cmd_serve
    from readiness.i18n import set_address
    from readiness.tui.warm_start import rehearse_join_form

    thresholds = gc.get_threshold()
    library = cmd_serve.preloaded(settings.content_dirs) if cmd_serve.preloaded else None
    trial = dataclasses.replace(settings, results_dir=scratch)

    try:
        rehearse_join_form(trial, library)
    except Exception as error:  # a head start only: sessions work without it
        print(f"readiness: quick start rehearsal failed: {error!r}", file=sys.stderr)
    finally:
        set_address(None)
        gc.set_threshold(*thresholds)
        shutil.rmtree(scratch, ignore_errors=True)


def run_session(argv: list[str]) -> int:
    """In a forked process: `python -m readiness ARGS...` (argv is that whole command)."""
    from readiness.cli.main import main

    args = argv[3:]
    sys.argv = [str(Path(readiness.__file__).with_name("__main__.py")), *args]
    return main(args)


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    lang = "en"
    if args[:1] == ["--lang"] and len(args) > 1:
        lang, args = args[1], args[2:]
    if len(args) < 5 or args[1] != "--" or args[3:5] != ["-m", "readiness"]:
        print("usage: serve_warm [--lang LANG] SOCKET -- PYTHON -m readiness ARGS...")
        return 2
    path, command = Path(args[0]), args[2:]
    preload()
    settings = session_settings(command[3:])
    preload_content(settings)
    from readiness.tui.warm_start import share_parsed_styles

    share_parsed_styles()
    rehearse(settings, path.parent / "rehearsal")
    from readiness.i18n import as_language, t

    def notice(reason: str) -> None:
        message = t("workshop.serve.warm_refused", as_language(lang), reason=reason)
        print(message, file=sys.stderr, flush=True)

    def ready() -> None:
        os.write(1, READY)
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.close(devnull)

    ForkServer(path, command, run_session, notice).serve(ready)
    return 0


if __name__ == "__main__":
    sys.exit(main())
