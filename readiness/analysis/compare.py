"""Before/after: progress between two runs of the same assessment."""

from __future__ import annotations

from typing import TYPE_CHECKING

from readiness.analysis.model import Comparison, Delta, GapReport
from readiness.assessing.scores import score
from readiness.errors import UsageError
from readiness.i18n.catalog_text import CatalogText
from readiness.models.assessment import Assessment
from readiness.models.results import AssessmentResult
from readiness.numbers import shown, shown_change, shown_or_none

if TYPE_CHECKING:
    from readiness.analysis.build import Loaded


def _same_assessment(a: AssessmentResult, b: AssessmentResult) -> bool:
    if a.content_id == b.content_id:
        return True
    return bool(a.translation_id) and a.translation_id == b.translation_id


def comparison(before: Loaded, after: Loaded, profile: str | None, report: GapReport) -> Comparison:
    """Deltas per dimension and the actions whose questions no longer lose points."""
    old, new = before.result, after.result
    if not isinstance(old, AssessmentResult) or not isinstance(new, AssessmentResult):
        raise UsageError(CatalogText("report.compare.not_assessments"))
    if not _same_assessment(old, new):
        raise UsageError(
            CatalogText("report.compare.different", old=old.content_id, new=new.content_id)
        )
    # The words of the report's language (`Loaded.words`), so a German report of an English
    # run and its German re-run names dimensions and completed actions in German.
    old_words, new_words = before.words, after.words
    if old_words is None or new_words is None:
        gone = old.content_id if old_words is None else new.content_id
        raise UsageError(CatalogText("report.compare.content_gone", content=gone))
    old_model, new_model = old_words.model, new_words.model
    assert isinstance(old_model, Assessment) and isinstance(new_model, Assessment)
    old_score = score(old_model, old, profile)
    new_score = score(new_model, new, profile)
    old_dims = {d.id: d.score for d in old_score.dimensions}
    deltas = []
    for d in new_score.dimensions:
        b = old_dims.get(d.id)
        deltas.append(
            Delta(
                dimension=d.id,
                title=d.title,
                before=b,
                after=d.score,
                before_shown=shown_or_none(b),
                after_shown=shown_or_none(d.score),
                change=shown_change(b, d.score),
            )
        )
    still_open = {a.question_id for a in new_score.actions}
    completed = []
    for a in old_score.actions:
        if a.question_id not in still_open and a.text not in completed:
            completed.append(a.text)
    return Comparison(
        before_run=old.run_id,
        before_date=old.updated_at.strftime("%Y-%m-%d"),
        after_run=new.run_id,
        after_date=new.updated_at.strftime("%Y-%m-%d"),
        overall_before=old_score.overall or 0.0,
        overall_after=new_score.overall or 0.0,
        overall_before_shown=shown(old_score.overall or 0.0),
        overall_after_shown=shown(new_score.overall or 0.0),
        deltas=deltas,
        completed_actions=completed,
    )
