"""Build one GapReport from a participant's result files and a target profile.

Every renderer reads the GapReport; nothing here knows about Markdown, HTML or the terminal."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from readiness.analysis.model import (
    Action,
    Cap,
    DimensionRow,
    GapReport,
    Mismatch,
    NoteRow,
    ScenarioRun,
)
from readiness.analysis.plan import plan_actions
from readiness.content.loader import ContentFile, Library
from readiness.i18n import Lang, t
from readiness.models.assessment import Assessment
from readiness.models.results import AnyResult, AssessmentResult, ScenarioResult
from readiness.models.scenario import Ending, Scenario
from readiness.scoring.outcome import AssessmentScore
from readiness.scoring.scoring import score
from readiness.storage import now

MISMATCH_POINTS = 25.0
"""Self-image and behaviour disagree when they lie this many points apart (0..100 scale):
smaller differences are within what one exercise can show."""


@dataclass(frozen=True)
class Loaded:
    """A result with the content file it was taken on (None when the content is gone)."""

    result: AnyResult
    content: ContentFile | None


def attach(library: Library, results: Sequence[AnyResult]) -> list[Loaded]:
    """Find each result's content by id, falling back to its translation family."""
    loaded = []
    for r in results:
        content = library.get(r.content_id)
        if content is None and r.translation_id:
            family = [f for f in library.files if f.model.translation_id == r.translation_id]
            content = next((f for f in family if f.model.language == r.language), None) or (
                family[0] if family else None
            )
        loaded.append(Loaded(r, content))
    return loaded


def build_report(
    items: Sequence[Loaded],
    lang: Lang,
    profile: str | None = None,
    compare: Loaded | None = None,
) -> GapReport:
    """The gap report of the newest assessment run plus every scenario run given."""
    assessments = [
        i for i in items if isinstance(i.result, AssessmentResult) and i.content is not None
    ]
    assessments.sort(key=lambda i: i.result.updated_at)
    scenarios = [i for i in items if isinstance(i.result, ScenarioResult) and i.content is not None]
    participant = next((i.result.participant for i in items if i.result.participant), "")
    runs = [_scenario_run(i) for i in scenarios]
    report = GapReport(
        language=lang,
        participant=participant,
        generated_at=now().strftime("%Y-%m-%d %H:%M"),
        verdict=t("report.no_assessment", lang),
        overall=None,
        scenarios=runs,
    )
    if not assessments:
        return report
    latest = assessments[-1]
    assert isinstance(latest.result, AssessmentResult) and latest.content is not None
    model = latest.content.model
    assert isinstance(model, Assessment)
    scored = score(model, latest.result, profile)
    _fill_assessment(report, model, latest, scored)
    _fill_evidence(report, runs, lang)
    if compare is not None:
        from readiness.analysis.compare import comparison

        report.comparison = comparison(compare, latest, profile, report)
        done = set(report.comparison.completed_actions)
        for action in report.actions:
            action.done = action.text in done
    return report


def _fill_assessment(
    report: GapReport, model: Assessment, item: Loaded, scored: AssessmentScore
) -> None:
    result = item.result
    assert item.content is not None
    report.assessment_id = model.id
    report.assessment_title = model.title
    report.assessment_version = result.content_version
    report.outdated = result.content_hash != item.content.sha256
    report.profile = scored.profile.id if scored.profile else None
    report.profile_title = scored.profile.title if scored.profile else None
    report.verdict = scored.level.title
    report.level = scored.level.id
    report.level_description = scored.level.description
    report.overall = None if scored.overall is None else round(scored.overall, 1)
    report.answered = scored.answered
    report.missing = scored.missing
    report.caps = [
        Cap(reason=c.why, source=c.question_id or c.dimension_id or "", level=c.level.title)
        for c in scored.caps
        if c.effective
    ]
    report.dimensions = [
        DimensionRow(
            id=d.id,
            title=d.title,
            score=None if d.score is None else round(d.score, 1),
            target=d.target,
            gap=round(d.gap, 1),
            weight=d.weight,
            priority=round(d.priority, 1),
            answered=d.answered,
            missing=d.missing,
        )
        for d in scored.dimensions
    ]
    report.strengths = [d.id for d in scored.strengths]
    report.gaps = [d.id for d in scored.top_gaps(5)]
    report.actions = plan_actions(scored)
    report.notes = [
        NoteRow(
            question=r.question_id,
            question_text=r.question_text,
            note=r.note,
            flagged=r.flagged,
            na_reason=r.na_reason,
        )
        for r in scored.remarks
    ]


def _scenario_run(item: Loaded) -> ScenarioRun:
    result = item.result
    assert isinstance(result, ScenarioResult) and item.content is not None
    model = item.content.model
    assert isinstance(model, Scenario)
    endings = {n.id: n for n in model.nodes if isinstance(n, Ending)}
    ending = endings.get(result.ending or "")
    return ScenarioRun(
        content_id=model.id,
        title=model.title,
        language=model.language,
        ending=result.ending or "",
        ending_title=ending.title if ending else "–",
        outcome=result.outcome or (ending.outcome if ending else "mixed"),
        mode=result.mode,
        steps=len(result.steps),
        timeouts=sum(s.timed_out for s in result.steps),
        scores={k: round(v, 1) for k, v in result.scores.items()},
        dimension_titles={d.id: d.title for d in model.dimensions},
        evidence_for={d.id: list(d.evidence_for) for d in model.dimensions},
        outdated=result.content_hash != item.content.sha256,
    )


def _fill_evidence(report: GapReport, runs: list[ScenarioRun], lang: Lang) -> None:
    """Set demonstrated scores beside self-scores and name the disagreements."""
    for row in report.dimensions:
        values: list[float] = []
        details: list[str] = []
        for run in runs:
            relevant = [k for k, dims in run.evidence_for.items() if row.id in dims]
            scores = [run.scores[k] for k in relevant if k in run.scores]
            if not scores:
                continue
            values.extend(scores)
            if run.timeouts:
                details.append(
                    t("report.mismatch.timeouts", lang, count=run.timeouts, title=run.title)
                )
            if run.outcome != "good":
                details.append(
                    t("report.mismatch.ending", lang, title=run.title, ending=run.ending_title)
                )
        if not values:
            continue
        row.demonstrated = round(sum(values) / len(values), 1)
        if row.score is None:
            continue
        diff = row.score - row.demonstrated
        if abs(diff) < MISMATCH_POINTS:
            continue
        key = "report.mismatch.overrated" if diff > 0 else "report.mismatch.underrated"
        report.mismatches.append(
            Mismatch(
                dimension=row.id,
                dimension_title=row.title,
                self_score=row.score,
                demonstrated=row.demonstrated,
                message=t(
                    key,
                    lang,
                    self_score=f"{row.score:.0f}",
                    demonstrated=f"{row.demonstrated:.0f}",
                    details="; ".join(details) or "–",
                ),
            )
        )


__all__ = ["Action", "Loaded", "attach", "build_report"]
