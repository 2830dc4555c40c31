"""Which part of the starter kit a piece of content belongs to, decided by plain keywords.

Content files declare no "guideline topic" or "crisis type", so the kit sorts actions,
questions and scenarios by words in their ids first (stable, language-free for the built-in
content) and in their text second (so a trainer's own German or English content lands in a
sensible place too). Anything that matches nothing is kept apart, never dropped."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from readiness.models.scenario import Scenario


def _words(spec: str) -> tuple[str, ...]:
    """`"a|b c|d"` -> ("a", "b c", "d"): keyword tables stay one readable line per topic."""
    return tuple(w.strip() for w in spec.split("|") if w.strip())


GUIDELINE_SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("impressum", _words("impressum|imprint|anbieterkennzeichnung")),
    (
        "copyright",
        _words(
            "copyright|urheber|licen|lizenz|media register|medienverzeichnis|media log"
            "|bildrecht|image rights"
        ),
    ),
    (
        "privacy",
        _words(
            "privacy|data protection|datenschutz|gdpr|dsgvo|consent|einwillig|breach"
            "|datenpanne|personal data|personenbezog"
        ),
    ),
    (
        "internal",
        _words(
            "secrecy|schweigepflicht|confidential|vertraulich|internal|intern|leak|embargo"
            "|sperrfrist|venting"
        ),
    ),
    ("private", _words("private|privat|disclosure|advertis|werbung|kennzeichn|personal account")),
    (
        "visible",
        _words(
            "visible|sichtbar|employer|arbeitgeber|employee|beschäftigte|mitarbeit|staff"
            "|colleague|kolleg"
        ),
    ),
    (
        "tone",
        _words(
            "tone|tonalität|netiquette|criticism|kritik|triage|response|reply|antwort|hours"
            "|servicezeit|dialog|experts|fachleute"
        ),
    ),
    (
        "escalation",
        _words(
            "escalat|eskal|crisis|krise|approval|freigabe|contact|kontakt|signals|monitoring"
            "|emergency|notfall"
        ),
    ),
    (
        "process",
        _words(
            "guideline|leitlinie|richtlinie|training|schulung|workshop|onboarding|einarbeit"
            "|review|developed|works council|betriebsrat|know|awareness"
        ),
    ),
)
"""Guideline sections in document order, with the words that put something there. The
order also decides ties: the first section whose word occurs wins."""

GUIDE_ORDER: tuple[str, ...] = (
    "internal",
    "visible",
    "private",
    "copyright",
    "impressum",
    "privacy",
    "tone",
    "escalation",
    "process",
)
"""Guideline sections in the order the skeleton shows them."""

NOT_GUIDELINES = frozenset(
    {"strategy", "audience", "content", "kpis", "resources", "channels", "leadership"}
)
"""Dimensions whose actions belong in the strategy frame or the plan, not in the guidelines."""

FRAME_SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("audience", ("audience",)),
    ("goals", ("strategy", "kpis")),
    ("messages", ("content",)),
    ("channels", ("channels",)),
    ("resources", ("resources", "roles", "cover", "time", "ownership")),
)
"""Strategy-frame sections and the assessment dimension ids (built-in content) they quote."""

CRISIS_TYPES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("account_takeover", _words("takeover|hack|phishing|übernahme|gehackt|2fa")),
    ("leak", _words("leak|embargo|sperrfrist|unreleased|vorab")),
    ("data_breach", _words("breach|data protection|datenschutz|gdpr|dsgvo|client")),
    ("shitstorm", _words("shitstorm|campaign|kampagne|hijack|boycott|boykott")),
    ("employee_post", _words("tweet|employee|mitarbeit|volunteer|ehrenamt|staff")),
)
"""The common crisis types, with the words in a scenario's id, tags or title that name them."""

CRISIS_ORDER: tuple[str, ...] = _words("leak|employee_post|shitstorm|data_breach|account_takeover")
"""The common crisis types in the order the kit presents them."""

MONITOR_WORDS = _words("monitor|alert|signal|beobacht|saved search|gespeicherte such|früherkennung")
"""Questions and actions with these words feed the monitoring checklist."""


@cache
def _word(keyword: str) -> re.Pattern[str]:
    """A keyword matches where a word starts with it (as the reply rubric does)."""
    body = r"[\s\-_]+".join(re.escape(w) for w in keyword.split())
    return re.compile(rf"(?<![^\W_]){body}", re.IGNORECASE)


def mentions(text: str, keywords: Iterable[str]) -> bool:
    """Whether any keyword starts a word in `text`."""
    return any(_word(k).search(text) for k in keywords)


def _first(table: tuple[tuple[str, tuple[str, ...]], ...], *texts: str) -> str | None:
    """The first entry whose words occur in the first text that has any match."""
    for text in texts:
        for key, words in table:
            if mentions(text, words):
                return key
    return None


def guideline_section(question_ids: Iterable[str], text: str) -> str | None:
    """The guideline section for an action or question: ids decide before wording."""
    ids = " ".join(q.replace("-", " ").replace("_", " ") for q in question_ids)
    return _first(GUIDELINE_SECTIONS, ids, text)


def crisis_type(scenario: Scenario) -> str:
    """The crisis type a scenario practises, from its id, then its tags, then its title."""
    ident = scenario.translation_id or scenario.id
    found = _first(CRISIS_TYPES, ident.replace("-", " "), " | ".join(scenario.tags), scenario.title)
    return found or "other"


__all__ = [
    "CRISIS_ORDER",
    "CRISIS_TYPES",
    "FRAME_SECTIONS",
    "GUIDELINE_SECTIONS",
    "GUIDE_ORDER",
    "MONITOR_WORDS",
    "NOT_GUIDELINES",
    "crisis_type",
    "guideline_section",
    "mentions",
]
