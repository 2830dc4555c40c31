"""Judge a free-text reply against the author's rubric: keywords and patterns, present or absent."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from readiness.models.scenario import Criterion
from readiness.placeholders import fill


@dataclass(frozen=True)
class CriterionResult:
    """How one criterion judged a reply, with the feedback to show."""

    criterion: Criterion
    found: bool
    """Whether a keyword or pattern occurred in the text."""
    met: bool
    """`found` for `expect = "present"`, `not found` for `expect = "absent"`."""
    points: float
    """Points earned: the criterion's points when met, else 0."""
    feedback: str


@lru_cache(maxsize=1024)
def keyword_regex(keyword: str) -> re.Pattern[str]:
    """A keyword matches where a word starts with it, case-insensitively.

    Word-ish on purpose: "sorry" does not fire inside "unsorry-ish" compounds, "dm" does not
    fire inside "admin", but "entschuldig" still finds "Entschuldigung" and "apolog" finds
    "apologise". Spaces in a phrase match any run of whitespace."""
    words = [re.escape(w) for w in keyword.split()]
    body = r"\s+".join(words)
    return re.compile(rf"(?<!\w){body}", re.IGNORECASE)


@lru_cache(maxsize=1024)
def _pattern(pattern: str) -> re.Pattern[str] | None:
    try:
        return re.compile(pattern, re.IGNORECASE)
    except re.error:
        # The validator reports broken patterns; a player never crashes on one.
        return None


def found_in(criterion: Criterion, text: str, values: Mapping[str, str]) -> bool:
    """Whether any keyword (placeholders filled) or pattern occurs in the text."""
    for keyword in criterion.keywords:
        filled = fill(keyword, values).strip()
        if filled and keyword_regex(filled).search(text):
            return True
    for pattern in criterion.patterns:
        compiled = _pattern(pattern)
        if compiled is not None and compiled.search(text):
            return True
    return False


def judge(criteria: list[Criterion], text: str, values: Mapping[str, str]) -> list[CriterionResult]:
    """Every criterion's verdict on `text`, in rubric order."""
    results = []
    for c in criteria:
        found = found_in(c, text, values)
        met = found if c.expect == "present" else not found
        results.append(
            CriterionResult(
                criterion=c,
                found=found,
                met=met,
                points=c.points if met else 0.0,
                feedback=fill(c.met if met else c.missed, values),
            )
        )
    return results
