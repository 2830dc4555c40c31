"""One short note per rubric verdict saying which words decided it, in the reader's language.

Shared by the debrief (TUI), the Markdown journal and the group report, so a trainer sees
the same explanation everywhere."""

from __future__ import annotations

from readiness.i18n import Lang, t


def rubric_note(reason: str, words: str, lang: Lang) -> str:
    """E.g. `found: “sorry”`, `negated: “keine Namen”`, `too short: 4/10 distinct content
    words`; '' for verdicts saved before reasons were kept."""
    if not reason:
        return ""
    if reason in ("found", "negated", "taken_back", "quoted", "listed") and not words:
        return ""
    return t(f"rubric.why.{reason}", lang, words=" ".join(words.split()))


__all__ = ["rubric_note"]
