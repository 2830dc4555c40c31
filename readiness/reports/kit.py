"""The starter kit: editable Markdown documents that close the largest gaps of a report.

`readiness report RESULT… --kit DIR` writes six documents, each pre-filled with what the
participant answered in the self-assessment and did in the exercises, with the open fields
clearly marked. Templates live in `templates/kit/<lang>/` (German also in `kit/de-du/`, for
a self-check that says du); all text from content files and from participants passes the
`md`/`cell` filters, so it stays inert when a wiki turns the Markdown into HTML.

Existing files are never overwritten silently: without `force`, one existing kit file stops
the whole kit before anything is written."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from jinja2 import Environment, TemplateNotFound

from readiness.analysis.build import Loaded
from readiness.analysis.model import GapReport
from readiness.errors import StorageError, UsageError
from readiness.i18n import Lang, addressing, t
from readiness.i18n.os_reason import os_reason
from readiness.reports.kit_answers import (
    escalation_items,
    escalation_quotes,
    frame_sections,
    guide_sections,
    monitoring_items,
    monitoring_quotes,
    plan_items,
    quotes_for,
    topic_quotes,
)
from readiness.reports.kit_practice import Practised, practised
from readiness.reports.kit_topics import CRISIS_ORDER, NOT_GUIDELINES
from readiness.reports.render import environment
from readiness.storage import atomic_write_text

KIT_FILES: tuple[str, ...] = (
    "01-strategy-frame.md",
    "02-guidelines-skeleton.md",
    "03-holding-statements.md",
    "04-crisis-contacts.md",
    "05-monitoring-keywords.md",
    "06-action-plan.md",
)
"""The documents in reading order; each has a template `kit/<lang>/<name>.j2`."""

ROLES: tuple[str, ...] = (
    "social_media_manager",
    "deputy",
    "management",
    "legal",
    "dpo",
    "it",
    "works_council",
    "press_office",
)
"""Rows of the crisis contact list, in the order people are usually called."""

_UMLAUTS = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"}
)

_BLANK_RUNS = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)+")

_LEGAL_FORM = re.compile(
    r"[\s,]+(gmbh\s*&\s*co\.?\s*kg|ggmbh|gmbh|e\.\s?v\.|ev|ag|kg|ohg|ug|ltd\.?|inc\.?|llc|plc)$",
    re.IGNORECASE,
)


def name_variants(name: str) -> list[str]:
    """Spellings of an organisation name people actually type: as is, without the legal
    form, as a handle and as a hashtag."""
    name = " ".join(name.split())
    if not name:
        return []
    short = _LEGAL_FORM.sub("", name).strip() or name
    squashed = re.sub(r"[^\w]", "", short)
    plain = squashed.translate(_UMLAUTS)  # handles rarely allow umlauts: Köln -> koeln
    variants = [name, short, short.lower(), f"@{squashed.lower()}", f"@{plain.lower()}"]
    variants.append(f"#{squashed}")
    return list(dict.fromkeys(v for v in variants if v.strip("@#")))


def kit_context(report: GapReport, items: Sequence[Loaded], lang: Lang) -> dict[str, Any]:
    """Everything the six templates read, computed once."""
    quotes = quotes_for(report, items, lang)
    plan = plan_items(report, quotes)
    guides, other_guides = guide_sections(plan, lang)
    runs: list[Practised] = practised(items, lang)
    kinds = list(dict.fromkeys(r.crisis for r in runs if r.crisis != "other"))
    orgs = list(dict.fromkeys(r.org for r in runs if r.org))
    generic = kinds or list(CRISIS_ORDER)
    return {
        "r": report,
        "quotes": quotes,
        "plan": plan,
        "frame": frame_sections(report, quotes, plan, lang),
        "guides": guides,
        "other_guides": other_guides,
        "guide_quotes": {
            g.key: [q for q in topic_quotes(quotes, g.key) if q.dimension not in NOT_GUIDELINES]
            for g in guides
        },
        "runs": runs,
        "crisis_kinds": generic,
        "crisis_titles": {k: t(f"kit.crisis.{k}", lang) for k in CRISIS_ORDER},
        "crisis_words": {
            k: [w.strip() for w in t(f"kit.words.{k}", lang).split("|") if w.strip()]
            for k in generic
        },
        "org": orgs[0] if orgs else "",
        "org_variants": [v for o in orgs for v in name_variants(o)],
        "roles": [(key, t(f"kit.role.{key}", lang)) for key in ROLES],
        "escalation_quotes": escalation_quotes(quotes),
        "escalation_items": escalation_items(plan),
        "monitoring_quotes": monitoring_quotes(quotes),
        "monitoring_items": monitoring_items(plan),
        "hashtags": list(dict.fromkeys(h for run in runs for h in run.hashtags)),
    }


def render_kit(report: GapReport, items: Sequence[Loaded], lang: Lang) -> dict[str, str]:
    """File name -> Markdown text of every kit document (nothing is written)."""
    env = environment(lang)
    context = kit_context(report, items, lang)
    folder = kit_folder(env, lang, report.address)
    texts = {}
    with addressing(report.address):  # the kit's own words in the voice of its content
        for name in KIT_FILES:
            text = env.get_template(f"{folder}/{name}.j2").render(**context)
            # Optional template blocks leave runs of blank lines; one is all Markdown needs.
            texts[name] = _BLANK_RUNS.sub("\n\n", text).strip() + "\n"
    return texts


def kit_folder(env: Environment, lang: Lang, address: str | None) -> str:
    """The templates of a kit in `lang`: `kit/<lang>-du/` for a report that says du, where the
    language has such a set (German; its documents share the macros of `kit/<lang>/`, whose
    labels follow the form of address through the catalog); `kit/<lang>/` otherwise."""
    if address == "du":
        try:
            env.get_template(f"kit/{lang}-du/{KIT_FILES[0]}.j2")
        except TemplateNotFound:
            pass
        else:
            return f"kit/{lang}-du"
    return f"kit/{lang}"


def write_kit(
    kit_dir: Path,
    report: GapReport,
    items: Sequence[Loaded],
    lang: Lang,
    *,
    force: bool = False,
) -> list[Path]:
    """Write the kit into `kit_dir` (created if needed) and return the files written.

    Raises `UsageError` before anything is written when `kit_dir` is a file or a kit file
    already exists (unless `force`), and `StorageError` when a file cannot be written (each
    file is replaced atomically, so none is ever left half-written)."""
    if kit_dir.exists() and not kit_dir.is_dir():
        raise UsageError(t("kit.not_a_folder", lang, path=kit_dir))
    targets = [kit_dir / name for name in KIT_FILES]
    existing = [p for p in targets if p.exists()]
    if existing and not force:
        raise UsageError(t("kit.exists", lang, path=existing[0]))
    texts = render_kit(report, items, lang)
    written = []
    for path in targets:
        try:
            atomic_write_text(path, texts[path.name])
        except OSError as exc:
            raise StorageError(
                t("kit.cannot_write", lang, path=path, error=os_reason(exc).text(lang))
            ) from exc
        written.append(path)
    return written


__all__ = ["KIT_FILES", "ROLES", "kit_context", "name_variants", "render_kit", "write_kit"]
