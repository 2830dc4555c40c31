"""Entry point: parse the command line, run one subcommand, turn errors into one sentence."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO, cast

from readiness import __version__
from readiness.cli.argparse_text import install, language_in
from readiness.errors import ReadinessError, UsageError
from readiness.i18n import detect_language, languages, requested_language, set_language, t
from readiness.settings import NAME_ENV, Settings
from readiness.text_safety import VisibleStream, has_control

COMMANDS = (
    "list",
    "validate",
    "schema",
    "new",
    "assess",
    "train",
    "report",
    "serve",
    "dashboard",
    "graph",
    "play",
    "stats",
    "simulate",
)
"""Each name has a module `readiness.cli.cmd_<name>` with `add_parser(sub, common)` and
`run(args, settings) -> int`. Modules missing on disk are skipped."""


def _common(suffix: str, suppress: bool) -> argparse.ArgumentParser:
    """Options accepted before and after the subcommand, as users type them either way."""
    p = argparse.ArgumentParser(add_help=False)
    default: Any = argparse.SUPPRESS if suppress else None
    p.add_argument(
        "--lang",
        dest=f"lang{suffix}",
        choices=list(languages()),
        default=default,
        metavar="LANG",
        help=t("cli.help.arg.lang", choices=", ".join(languages())),
    )
    p.add_argument(
        "--content",
        dest=f"content{suffix}",
        action="append",
        type=Path,
        metavar="DIR",
        default=default,
        help=t("cli.help.arg.content"),
    )
    p.add_argument(
        "--results",
        dest=f"results{suffix}",
        type=Path,
        metavar="DIR",
        default=default,
        help=t("cli.help.arg.results"),
    )
    p.add_argument(
        "--name",
        dest=f"name{suffix}",
        metavar="PSEUDONYM",
        default=default,
        help=t("cli.help.arg.name"),
    )
    p.add_argument(
        "--team",
        dest=f"team{suffix}",
        metavar="TEAM",
        default=default,
        help=t("cli.help.arg.team"),
    )
    return p


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="readiness",
        description=t("cli.description"),
        parents=[_common("", suppress=False)],
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"readiness {__version__}",
        help=t("cli.help.version"),
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", title=t("cli.help.commands"))
    common_sub = _common("_sub", suppress=True)
    for name in COMMANDS:
        module = importlib.import_module(f"readiness.cli.cmd_{name}")
        module.add_parser(sub, common_sub)
    return parser


def settings_from(args: argparse.Namespace) -> Settings:
    from readiness.settings import content_dirs_from_env, default_results_dir

    asked = getattr(args, "lang_sub", None) or args.lang or requested_language()
    lang = asked or detect_language()
    content = [
        *content_dirs_from_env(),
        *(args.content or []),
        *(getattr(args, "content_sub", None) or []),
    ]
    results = getattr(args, "results_sub", None) or args.results or default_results_dir()
    name = getattr(args, "name_sub", None) or args.name or os.environ.get(NAME_ENV, "")
    team = getattr(args, "team_sub", None) or args.team or ""
    return Settings(
        lang=lang,
        lang_chosen=asked is not None,
        content_dirs=content,
        results_dir=results,
        participant=name,
        team=team,
    )


def check_names(settings: Settings, name_from: str = "--name") -> None:
    """A pseudonym or team name is one line of text a terminal can show: refused with one
    sentence when it holds control characters or is not valid UTF-8 (typed on a Latin-1
    terminal), before anything runs, so no answer is ever given under a name no file can
    store. `name_from` names where the pseudonym came from (`--name`, or the environment
    variable: `name_source`)."""
    for option, value in ((name_from, settings.participant), ("--team", settings.team)):
        if any(0xD800 <= ord(ch) <= 0xDFFF for ch in value):
            raise UsageError(t("cli.name_not_utf8", option=option))
        if has_control(value):
            raise UsageError(t("cli.name_control", option=option))


def name_source(args: argparse.Namespace) -> str:
    """Where the pseudonym came from, as an error names it: `--name`, or the environment
    variable (`settings_from` takes it from there when no `--name` is given)."""
    if getattr(args, "name_sub", None) or args.name:
        return "--name"
    return t("cli.env_variable", name=NAME_ENV)


def check_content_dirs(args: argparse.Namespace) -> None:
    """Every content folder named (`READINESS_CONTENT`, `--content`) exists: a typo is one
    sentence naming the option or variable, before anything runs, instead of the built-in
    content alone and a "No scenario with id ..." about a file that is in that folder."""
    from readiness.settings import CONTENT_ENV, content_dirs_from_env

    named = [(t("cli.env_variable", name=CONTENT_ENV), p) for p in content_dirs_from_env()]
    named += [
        ("--content", p)
        for p in [*(args.content or []), *(getattr(args, "content_sub", None) or [])]
    ]
    for source, folder in named:
        if not folder.exists():
            raise UsageError(t("cli.no_content_folder", source=source, folder=folder))


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command. Everything it prints goes through `VisibleStream`: a control
    character from a content file, a result or the command line is shown, never obeyed."""
    stdout, stderr = sys.stdout, sys.stderr
    sys.stdout = cast(TextIO, VisibleStream(stdout))
    sys.stderr = cast(TextIO, VisibleStream(stderr))
    try:
        return _main(argv)
    finally:
        sys.stdout, sys.stderr = stdout, stderr


def _main(argv: Sequence[str] | None) -> int:
    # The parser's help texts, argparse's own words and its errors are built in the language
    # asked for, so `--lang` is read before argparse runs.
    set_language(language_in(sys.argv[1:] if argv is None else argv) or detect_language())
    install()
    parser = build_parser()
    args = parser.parse_args(argv)
    settings = settings_from(args)
    set_language(settings.lang)
    try:
        check_names(settings, name_source(args))
        check_content_dirs(args)
        from readiness.storage import remove_stale_temp_files

        # A save killed half-way leaves a hidden temp file; a minute later it is garbage.
        remove_stale_temp_files(settings.results_dir)
        if args.command is None:
            from readiness.cli.cmd_home import run_home

            return run_home(settings)
        return int(args.func(args, settings))
    except ReadinessError as exc:
        print(f"readiness: {exc.text(settings.lang)}", file=sys.stderr)
        return exc.exit_code
    except BrokenPipeError:
        # `readiness list | head`: the reader left; that is not an error.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        print(t("cli.interrupted"), file=sys.stderr)
        return 130
    except Exception as exc:
        if os.environ.get("READINESS_DEBUG"):
            raise
        print(t("cli.internal_error", error=f"{type(exc).__name__}: {exc}"), file=sys.stderr)
        return 70
