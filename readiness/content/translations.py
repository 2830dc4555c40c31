"""Reports in one language: which version of a content file to take the words from.

A participant may have run the English version of a scenario while the report is German.
Built-in content comes in pairs linked by `translation_id`; when the pair scores alike (same
ids, same points, same rules; only the words differ), the report reads titles, dimension
names, levels and actions from the version in the report's language. Without such a
translation the original words stay, and the report marks their language once, at the title
(`marked_title`), so the reader knows why a line is in another language.

Numbers never come from the translation's words: scores are taken from the result or
computed with rules that `interchangeable` has checked to be the same."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from readiness.content.loader import ContentFile, Library
from readiness.i18n import Lang, has_key, is_language, t
from readiness.models.assessment import Assessment
from readiness.models.results import AnyResult, AssessmentResult
from readiness.models.scenario import Decision, Ending, Reply, Scenario


def _assessment_shape(a: Assessment) -> Any:
    """Everything scoring reads from an assessment, without the words."""
    return (
        [(d.id, d.weight) for d in a.dimensions],
        [
            (
                q.id,
                q.dimension,
                q.type,
                q.weight,
                q.scale,
                q.invert,
                q.not_applicable,
                q.not_applicable_for,
                [(o.id, o.points, o.exclusive) for o in q.options],
                (q.critical.below, q.critical.max_level) if q.critical else None,
                q.critical_for,
                q.when.model_dump() if q.when else None,
                q.recommendation.effort if q.recommendation else None,
            )
            for q in a.questions
        ],
        [(lvl.id, lvl.min_score) for lvl in a.levels],
        [(p.id, p.targets) for p in a.profiles],
        a.weakest_link.model_dump() if a.weakest_link else None,
        a.default_profile,
    )


def _scenario_shape(s: Scenario) -> Any:
    """The ids a result refers to and the points its steps earned, without the words."""
    nodes: list[Any] = []
    for n in s.nodes:
        if isinstance(n, Decision):
            timeout = n.timeout.scores if n.timeout else None
            choices = [(c.id, c.scores) for c in n.choices]
            nodes.append((n.id, "decision", n.expert, choices, timeout))
        elif isinstance(n, Reply):
            rubric = [(c.id, c.dimension, c.points, c.expect) for c in n.rubric]
            nodes.append((n.id, "reply", rubric, n.timeout.scores if n.timeout else None))
        elif isinstance(n, Ending):
            nodes.append((n.id, "ending", n.outcome))
    return ([(d.id, d.evidence_for) for d in s.dimensions], nodes)


def interchangeable(a: Assessment | Scenario, b: Assessment | Scenario) -> bool:
    """True when `b` is a translation of `a` that a result of `a` can be read against: the
    same ids and the same points, so only the words differ."""
    if a.translation_id is None or a.translation_id != b.translation_id:
        return False
    if isinstance(a, Assessment) and isinstance(b, Assessment):
        return bool(_assessment_shape(a) == _assessment_shape(b))
    if isinstance(a, Scenario) and isinstance(b, Scenario):
        return bool(_scenario_shape(a) == _scenario_shape(b))
    return False


def in_language(library: Library | None, content: ContentFile, lang: Lang) -> ContentFile:
    """`content` in `lang`: itself when written in it, else its interchangeable translation
    from `library`, else itself (its words stay in their language)."""
    if content.model.language == lang or library is None:
        return content
    for other in library.translations(content):
        if other.model.language == lang and interchangeable(content.model, other.model):
            return other
    return content


def language_name(code: str, lang: Lang) -> str:
    """The name of language `code` in `lang` ("Englisch"); the code where none is known."""
    key = f"report.language.{code}"
    return t(key, lang) if has_key(key, lang) else code


def marked_title(title: str, content_language: str, lang: Lang) -> str:
    """A title as a report in `lang` shows it: marked with its language when it is in
    another one ("Leaked photos (Englisch)"), once, where the reader meets that content."""
    if content_language == lang:
        return title
    return t(
        "report.in_language", lang, title=title, language=language_name(content_language, lang)
    )


def report_language(results: Sequence[AnyResult], fallback: Lang) -> Lang:
    """The language of a report nobody chose one for: the content's. A gap report follows
    its self-assessment (the newest given), else the language most runs were taken in
    (ties: the first run's); `fallback` when no result names a language with a catalog."""
    known = [r for r in results if is_language(r.language)]
    assessments = sorted(
        (r for r in known if isinstance(r, AssessmentResult)), key=lambda r: r.updated_at
    )
    if assessments:
        return assessments[-1].language
    return common_language(known, fallback)


def common_language(results: Sequence[AnyResult], fallback: Lang) -> Lang:
    """The language most of `results` were taken in (ties: the first one's), for a report
    of a whole room nobody chose a language for; `fallback` when none has a catalog."""
    known = [r.language for r in results if is_language(r.language)]
    if not known:
        return fallback
    counts = Counter(known)
    top = max(counts.values())
    return next(code for code in known if counts[code] == top)


__all__ = [
    "common_language",
    "in_language",
    "interchangeable",
    "language_name",
    "marked_title",
    "report_language",
]
