"""Build one GapReport from a participant's result files and a target profile.

Every renderer reads the GapReport; nothing here knows about Markdown, HTML or the terminal."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from readiness.analysis.evidence import mismatches, run_evidence
from readiness.analysis.model import (
    CapRow,
    DimensionRow,
    Evidence,
    ExcludedRun,
    GapReport,
    NoteRow,
    NotLoadedRun,
    PlanStep,
    ScenarioRun,
    ShownRow,
)
from readiness.analysis.plan import plan_actions
from readiness.assessing.outcome import AssessmentScore
from readiness.assessing.scores import score
from readiness.content.loader import ContentFile, Library
from readiness.content.translations import in_language, marked_title
from readiness.i18n import Lang, t
from readiness.models.assessment import Assessment
from readiness.models.results import AnyResult, AssessmentResult, ScenarioResult
from readiness.models.scenario import Ending, Scenario
from readiness.numbers import shown, shown_or_none
from readiness.storage import now


@dataclass(frozen=True)
class Loaded:
    """A result with the content file it was taken on (None when the content is gone)."""

    result: AnyResult
    content: ContentFile | None
    worded: ContentFile | None = None
    """The same content in the report's language (`readiness.content.translations`): the
    file whose words the report shows. None: the words of `content`."""

    @property
    def words(self) -> ContentFile | None:
        """The file to take titles, names and texts from."""
        return self.worded or self.content


def attach(
    library: Library, results: Sequence[AnyResult], lang: Lang | None = None
) -> list[Loaded]:
    """Find each result's content by id, falling back to its translation family; with
    `lang`, also the version in that language whose words a report in it shows."""
    loaded = []
    for r in results:
        content = library.get(r.content_id)
        if content is None and r.translation_id:
            family = [f for f in library.files if f.model.translation_id == r.translation_id]
            content = next((f for f in family if f.model.language == r.language), None) or (
                family[0] if family else None
            )
        worded = None
        if content is not None and lang is not None:
            found = in_language(library, content, lang)
            worded = found if found is not content else None
        loaded.append(Loaded(r, content, worded))
    return loaded


def build_report(
    items: Sequence[Loaded],
    lang: Lang,
    profile: str | None = None,
    compare: Loaded | None = None,
    include_practice: bool = False,
) -> GapReport:
    """The gap report of the newest assessment run plus every scenario run given.

    Unfinished exercise runs never count as evidence; practice runs only with
    `include_practice`. Both are listed in `excluded` so the reader knows they were seen;
    a result whose content is not loaded is listed in `not_loaded`.
    Its own sentences address the reader as its content does (`GapReport.address`)."""
    assessments = [
        i for i in items if isinstance(i.result, AssessmentResult) and i.content is not None
    ]
    assessments.sort(key=lambda i: i.result.updated_at)
    scenarios = [i for i in items if isinstance(i.result, ScenarioResult) and i.content is not None]
    address = _address(assessments, scenarios)
    counted, excluded = _split_runs(scenarios, include_practice, lang)
    participant = next((i.result.participant for i in items if i.result.participant), "")
    runs = [_scenario_run(i, lang) for i in counted]
    report = GapReport(
        language=lang,
        address=address,
        participant=participant,
        generated_at=now().strftime("%Y-%m-%d %H:%M"),
        verdict=t("report.no_assessment", lang),
        overall=None,
        scenarios=runs,
        excluded=excluded,
        include_practice=include_practice,
        not_loaded=[
            NotLoadedRun(
                kind=i.result.kind,
                content_id=i.result.content_id,
                title=i.result.content_title,
                run_id=i.result.run_id,
            )
            for i in items
            if i.content is None
        ],
    )
    if not assessments:
        return report
    latest = assessments[-1]
    assert isinstance(latest.result, AssessmentResult) and latest.words is not None
    # The words' file scores exactly like the run's own (`translation.interchangeable`),
    # so the verdict, dimensions and actions come out in the report's language.
    model = latest.words.model
    assert isinstance(model, Assessment)
    scored = score(model, latest.result, profile)
    _fill_assessment(report, model, latest, scored, lang)
    _fill_evidence(report, counted, runs, lang)
    if compare is not None:
        from readiness.analysis.compare import comparison

        report.comparison = comparison(compare, latest, profile, report)
        done = set(report.comparison.completed_actions)
        for action in report.actions:
            action.done = action.text in done
    return report


def _address(assessments: Sequence[Loaded], scenarios: Sequence[Loaded]) -> str | None:
    """The form of address of the content a report is about: the newest assessment's
    (`assessments` oldest first), else the exercises' when they all say the same; None when
    they differ (the product's own)."""
    forms = {i.words.model.address for i in assessments[-1:] or scenarios if i.words}
    return forms.pop() if len(forms) == 1 else None


def _split_runs(
    scenarios: Sequence[Loaded], include_practice: bool, lang: Lang
) -> tuple[list[Loaded], list[ExcludedRun]]:
    """The runs that count as evidence, and the others with the reason they do not."""
    counted: list[Loaded] = []
    excluded: list[ExcludedRun] = []
    for item in scenarios:
        result = item.result
        assert isinstance(result, ScenarioResult) and item.words is not None
        reason: Literal["practice", "unfinished"] | None = None
        if not result.finished or not result.ending:
            reason = "unfinished"
        elif result.mode == "practice" and not include_practice:
            reason = "practice"
        if reason is None:
            counted.append(item)
            continue
        excluded.append(
            ExcludedRun(
                content_id=result.content_id,
                title=marked_title(item.words.model.title, item.words.model.language, lang),
                run_id=result.run_id,
                reason=reason,
            )
        )
    return counted, excluded


def _fill_assessment(
    report: GapReport, model: Assessment, item: Loaded, scored: AssessmentScore, lang: Lang
) -> None:
    result = item.result
    assert item.content is not None
    report.assessment_id = item.content.model.id
    report.assessment_title = marked_title(model.title, model.language, lang)
    report.assessment_version = result.content_version
    report.outdated = result.content_hash != item.content.sha256
    report.profile = scored.profile.id if scored.profile else None
    report.profile_title = scored.profile.title if scored.profile else None
    report.verdict = scored.level.title
    report.level = scored.level.id
    report.level_description = scored.level.description
    report.overall = scored.overall
    report.overall_shown = shown_or_none(scored.overall)
    report.answered = scored.answered
    report.missing = scored.missing
    report.caps = [
        CapRow(reason=c.why, source=c.question_id or c.dimension_id or "", level=c.level.title)
        for c in scored.caps
        if c.effective
    ]
    report.dimensions = [
        DimensionRow(
            id=d.id,
            title=d.title,
            score=d.score,
            target=d.target,
            gap=d.gap,
            weight=d.weight,
            priority=d.priority,
            answered=d.answered,
            missing=d.missing,
            shown=ShownRow(score=shown_or_none(d.score), target=shown(d.target)),
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


def _scenario_run(item: Loaded, lang: Lang) -> ScenarioRun:
    result = item.result
    assert isinstance(result, ScenarioResult) and item.content and item.words
    model = item.words.model
    assert isinstance(model, Scenario)
    endings = {n.id: n for n in model.nodes if isinstance(n, Ending)}
    ending = endings.get(result.ending or "")
    return ScenarioRun(
        content_id=item.content.model.id,
        title=marked_title(model.title, model.language, lang),
        language=model.language,
        ending=result.ending or "",
        ending_title=ending.title if ending else "–",
        outcome=result.outcome or (ending.outcome if ending else "mixed"),
        mode=result.mode,
        steps=len(result.steps),
        timeouts=sum(s.timed_out for s in result.steps),
        scores=dict(result.scores),
        scores_shown={k: shown(v) for k, v in result.scores.items()},
        dimension_titles={d.id: d.title for d in model.dimensions},
        evidence_for={d.id: list(d.evidence_for) for d in model.dimensions},
        version=result.content_version,
        outdated=result.content_hash != item.content.sha256,
    )


def _fill_evidence(
    report: GapReport, counted: Sequence[Loaded], runs: Sequence[ScenarioRun], lang: Lang
) -> None:
    """Set demonstrated scores beside self-scores and name the disagreements that the
    decisions of the counted runs can prove (rules in `readiness.analysis.evidence`)."""
    for row in report.dimensions:
        values = [
            run.scores[k]
            for run in runs
            for k, dims in run.evidence_for.items()
            if row.id in dims and k in run.scores
        ]
        if values:
            row.demonstrated = sum(values) / len(values)
            row.shown.demonstrated = shown(row.demonstrated)
    evidence: list[Evidence] = []
    mapping: dict[str, list[str]] = {}
    for item in counted:
        model, result = item.words.model if item.words else None, item.result
        assert isinstance(model, Scenario) and isinstance(result, ScenarioResult)
        evidence += run_evidence(model, result, lang, report.address)
        for d in model.dimensions:
            mapping[f"{result.content_id or model.id}/{d.id}"] = list(d.evidence_for)
    report.mismatches = mismatches(report.dimensions, mapping, evidence, lang, report.address)


__all__ = ["Loaded", "PlanStep", "attach", "build_report"]
