"""Settings shared by every command and the app: language, content folders, results, pseudonym."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs

from readiness.i18n import Lang

RESULTS_ENV = "READINESS_RESULTS"
NAME_ENV = "READINESS_NAME"
"""The pseudonym when no `--name` is given."""
CONTENT_ENV = "READINESS_CONTENT"
"""Extra content folders, separated like PATH (`:` on POSIX, `;` on Windows)."""


def content_dirs_from_env(environ: dict[str, str] | None = None) -> list[Path]:
    """The folders `$READINESS_CONTENT` names (read here, at the edge, never by the loader)."""
    value = (os.environ if environ is None else environ).get(CONTENT_ENV, "")
    return [Path(p) for p in value.split(os.pathsep) if p.strip()]


def default_results_dir() -> Path:
    """`$READINESS_RESULTS`, else the user's data folder (e.g. ~/.local/share/readiness/results)."""
    env = os.environ.get(RESULTS_ENV)
    if env:
        return Path(env)
    return Path(platformdirs.user_data_dir("readiness", appauthor=False)) / "results"


@dataclass
class Settings:
    """What the user chose on the command line or in the environment."""

    lang: Lang = "en"
    lang_chosen: bool = True
    """`lang` is what the user asked for (`--lang`, or a locale with a catalog). False: it is
    the fallback, and a report takes the language of its content instead."""
    content_dirs: list[Path] = field(default_factory=list)
    results_dir: Path = Path("results")
    participant: str = ""
    team: str = ""
    variables: dict[str, str] = field(default_factory=dict)
    practice: bool = False
    seed: int | None = None
    """Order of the choices in a new crisis exercise (`train --seed`); None: a new order per run."""
    profile: str | None = None
    """Target profile id chosen with `--profile` (assess, report); None: the content's default."""
    restricted: bool = False
    """Browser participants: no paths, no other people's results, no facilitator screens."""
