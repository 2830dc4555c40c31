"""`readiness list`: what content is available, for people and (with --json) for scripts."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, Any

from readiness.i18n import t
from readiness.i18n.formats import plural
from readiness.settings import Settings

if TYPE_CHECKING:
    from readiness.content.loader import ContentFile


def add_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("list", parents=[common], help=t("cli.help.list.help"))
    p.add_argument("--json", action="store_true", help=t("cli.help.list.arg.json"))
    p.set_defaults(func=run)


def describe(f: ContentFile) -> dict[str, Any]:
    """The documented shape of one `list --json` entry."""
    from readiness.models.assessment import Assessment
    from readiness.models.scenario import Ending, Scenario

    m = f.model
    entry: dict[str, Any] = {
        "kind": f.kind,
        "id": m.id,
        "title": m.title,
        "language": m.language,
        "path": str(f.path),
        "version": m.version,
        "translation_id": m.translation_id,
        "duration_minutes": m.duration_minutes,
        "builtin": f.builtin,
    }
    if isinstance(m, Assessment):
        entry["questions"] = len(m.questions)
        entry["dimensions"] = len(m.dimensions)
    elif isinstance(m, Scenario):
        entry["decisions"] = m.decision_count
        entry["endings"] = sum(isinstance(n, Ending) for n in m.nodes)
    return entry


def run(args: argparse.Namespace, settings: Settings) -> int:
    from readiness.cli.common import library_for

    lib = library_for(settings, quiet=args.json)
    entries = [describe(f) for f in lib.files]
    if args.json:
        print(json.dumps(entries, ensure_ascii=False, indent=2))
        return 0
    counts = [count_text(e) for e in entries]
    # As wide as the longest count of this language ("10 Entscheidungen"), so no title is
    # pushed against it, whatever the language and however many decisions a file has.
    width = max(map(len, counts), default=0)
    for kind in ("assessment", "scenario"):
        rows = [(e, c) for e, c in zip(entries, counts, strict=True) if e["kind"] == kind]
        print(t(f"cli.list.heading.{kind}", count=len(rows)))
        for e, count in rows:
            print(
                f"  {e['id']:<34} {e['language']}  {e['duration_minutes']:>3} min  "
                f"{count:<{width}}  {e['title']}"
            )
    return 0


def count_text(entry: dict[str, Any]) -> str:
    """The size column of one `list` row: "15 Fragen", "1 decision"."""
    if entry["kind"] == "assessment":
        return plural("cli.list.questions", entry["questions"])
    return plural("cli.list.decisions", entry["decisions"])
