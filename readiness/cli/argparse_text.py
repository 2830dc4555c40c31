"""argparse's own words ("usage:", "options:", its error messages) in the UI language.

argparse looks its strings up through gettext at the moment it prints them (`argparse._`,
`argparse.ngettext`). Installing a lookup that maps those English message ids to catalog keys
makes `--help` and every usage error speak the language set with `--lang`, without a
compiled .mo file or a copy of argparse's formatter."""

from __future__ import annotations

import argparse
import re
from collections.abc import Sequence

from readiness.i18n import languages, t

_KEYS = {
    "usage: ": "cli.argparse.usage",
    "positional arguments": "cli.argparse.positional",
    "options": "cli.argparse.options",
    "show this help message and exit": "cli.argparse.help",
    "%(prog)s: error: %(message)s\n": "cli.argparse.error",
    "argument %(argument_name)s: %(message)s": "cli.argparse.argument",
    "the following arguments are required: %s": "cli.argparse.required",
    "one of the arguments %s is required": "cli.argparse.one_required",
    "unrecognized arguments: %s": "cli.argparse.unrecognized",
    "invalid choice: %(value)r (choose from %(choices)s)": "cli.argparse.invalid_choice",
    "invalid %(type)s value: %(value)r": "cli.argparse.invalid_value",
    "expected one argument": "cli.argparse.expected_one",
    "expected at most one argument": "cli.argparse.expected_at_most_one",
    "expected at least one argument": "cli.argparse.expected_at_least_one",
    "ambiguous option: %(option)s could match %(matches)s": "cli.argparse.ambiguous",
    "not allowed with argument %s": "cli.argparse.not_allowed_with",
    "ignored explicit argument %r": "cli.argparse.ignored_explicit",
    "can't open '%(filename)s': %(error)s": "cli.argparse.cannot_open",
}


def translate(message: str) -> str:
    """argparse's message in the current language; messages without a catalog entry (errors
    in how a parser is built, never seen by users) stay as argparse wrote them."""
    key = _KEYS.get(message)
    return t(key) if key else message


def translate_plural(singular: str, plural: str, count: int) -> str:
    if singular == "expected %s argument":
        return t("cli.argparse.expected_n." + ("one" if count == 1 else "other"))
    return singular if count == 1 else plural


def install() -> None:
    """Route argparse's gettext lookups through the catalogs (idempotent)."""
    vars(argparse)["_"] = translate
    vars(argparse)["ngettext"] = translate_plural


def language_in(argv: Sequence[str]) -> str | None:
    """The value of `--lang` anywhere on the command line, before argparse has run, so the
    parser (help texts, choices, errors) can be built in that language. An unknown value is
    left for argparse to refuse."""
    found: str | None = None
    for index, arg in enumerate(argv):
        if arg == "--":
            break
        match = re.fullmatch(r"--lang=(.*)", arg)
        if match:
            found = match.group(1)
        elif arg == "--lang" and index + 1 < len(argv):
            found = argv[index + 1]
    return found if found in languages() else None
