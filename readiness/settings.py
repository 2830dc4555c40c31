"""Settings shared by every command and the app: language, content folders, results, pseudonym."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from readiness.i18n import Lang


@dataclass
class Settings:
    """What the user chose on the command line or in the environment."""

    lang: Lang = "en"
    content_dirs: list[Path] = field(default_factory=list)
    results_dir: Path = Path("results")
    participant: str = ""
    team: str = ""
    variables: dict[str, str] = field(default_factory=dict)
    practice: bool = False
    restricted: bool = False
    """Browser participants: no paths, no other people's results, no facilitator screens."""
