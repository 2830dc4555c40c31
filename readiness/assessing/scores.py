"""Score a self-assessment: per dimension, overall, the verdict, and the gaps to a target.

`score()` is pure and deterministic: the same assessment, answers and profile always give the
same `AssessmentScore`. It is the one object the result screen and the reports read.

How it counts (all scores are 0..100 except question scores, which are 0..1):
- A dimension's score is the weight-averaged score of its answered questions. N/A questions
  leave both the sum and the maximum; skipped ones are reported as missing, not scored as 0.
  A dimension with no answered question has no score (None) and leaves the overall mean.
- The overall score is the dimension-weight-averaged score of the scored dimensions.
- Hidden conditional questions are not asked: they are neither scored nor missing.
- The level is the highest one the overall score reaches, capped by failed or unanswered
  critical questions and by the weakest-link rule.
- Targets come from the chosen profile (else the assessment's default, else the first); with
  no profile at all, every dimension's target is the top level's `min_score`.
"""

from __future__ import annotations

from readiness.assessing.answers import Status, answer_label, answer_score, status
from readiness.assessing.levels import (
    LevelCap,
    apply_caps,
    critical_cap,
    level_for_score,
    weakest_link_caps,
)
from readiness.assessing.outcome import (
    EFFORT_ORDER,
    AssessmentScore,
    DimensionScore,
    Recommendation,
    Remark,
)
from readiness.assessing.visibility import visible_questions
from readiness.errors import ContentError
from readiness.i18n import Lang
from readiness.i18n.catalog_text import CatalogText
from readiness.models.assessment import Assessment, Profile, Question
from readiness.models.results import Answer, AssessmentResult
from readiness.numbers import shown_gap


def unknown_profile(assessment: Assessment, profile_id: str) -> CatalogText:
    """A profile the assessment does not have, with the ones it has (joined in the reader's
    language) and the nearest one: for `assess --profile` and for a result naming a profile
    its assessment no longer has."""
    from readiness.validation_messages import did_you_mean, either

    ids = [p.id for p in assessment.profiles]
    if not ids:
        return CatalogText("assess.cli.unknown_profile_none", id=assessment.id)
    return CatalogText(
        "assess.cli.unknown_profile",
        id=assessment.id,
        profile=profile_id,
        hint=did_you_mean(profile_id, ids),
        known=either(ids),
    )


def pick_profile(assessment: Assessment, profile_id: str | None) -> Profile | None:
    """The profile asked for, else the default, else the first; ContentError for unknown ids."""
    if profile_id is not None:
        for p in assessment.profiles:
            if p.id == profile_id:
                return p
        raise ContentError(unknown_profile(assessment, profile_id))
    wanted = assessment.default_profile
    return next((p for p in assessment.profiles if p.id == wanted), None) or next(
        iter(assessment.profiles), None
    )


def _target(assessment: Assessment, profile: Profile | None, dim_id: str) -> float:
    if profile is None:
        return assessment.levels[-1].min_score
    return profile.targets.get(dim_id, 0.0)


def score(
    assessment: Assessment, result: AssessmentResult, profile_id: str | None = None
) -> AssessmentScore:
    """Score a run against a profile (`profile_id`, else the run's, else the default)."""
    profile = pick_profile(assessment, profile_id if profile_id is not None else result.profile)
    answers = result.answers
    pid = profile.id if profile else None
    shown = visible_questions(assessment, answers)
    per_question = {q.id: answer_score(q, answers.get(q.id), pid) for q in shown}
    stats = {q.id: status(q, answers.get(q.id), pid) for q in shown}
    raw = _dimension_raw(assessment, shown, per_question)

    scored_dims = [d for d in assessment.dimensions if raw[d.id][0] is not None]
    weight_sum = sum(d.weight for d in scored_dims)
    overall = None
    if weight_sum:
        overall = sum(d.weight * (raw[d.id][0] or 0.0) for d in scored_dims) / weight_sum

    caps = _critical_caps(assessment, shown, answers, per_question, stats, pid)
    dim_scores = [(d.id, d.title, raw[d.id][0]) for d in assessment.dimensions]
    caps += weakest_link_caps(assessment, dim_scores)
    by_score = level_for_score(assessment, overall)
    level, caps = apply_caps(assessment, by_score, caps)
    capping = {c.question_id for c in caps if c.question_id is not None}
    actions = _actions(assessment, shown, answers, per_question, raw, weight_sum, capping)
    missing = ("skipped", "unanswered")
    return AssessmentScore(
        assessment_id=assessment.id,
        title=assessment.title,
        language=assessment.language,
        profile=profile,
        overall=overall,
        level=level,
        level_by_score=by_score,
        caps=tuple(caps),
        dimensions=tuple(_dimensions(assessment, profile, shown, stats, raw, actions)),
        questions=len(shown),
        answered=sum(v == "answered" for v in stats.values()),
        missing=sum(v in missing for v in stats.values()),
        not_applicable=sum(v == "not_applicable" for v in stats.values()),
        hidden=len(assessment.questions) - len(shown),
        missing_questions=tuple(q.id for q in shown if stats[q.id] in missing),
        actions=tuple(actions),
        remarks=tuple(_remarks(shown, answers, stats, assessment.language, pid)),
    )


_Raw = dict[str, tuple[float | None, float]]
"""Per dimension: (score 0..100 or None, sum of the weights of its answered questions)."""


def _dimension_raw(
    assessment: Assessment, shown: list[Question], per_question: dict[str, float | None]
) -> _Raw:
    raw: _Raw = {}
    for dim in assessment.dimensions:
        scored = [
            (q.weight, s)
            for q in shown
            if q.dimension == dim.id and (s := per_question[q.id]) is not None
        ]
        total = sum(w for w, _ in scored)
        value = 100 * sum(w * s for w, s in scored) / total if total else None
        raw[dim.id] = (value, total)
    return raw


def _critical_caps(
    assessment: Assessment,
    shown: list[Question],
    answers: dict[str, Answer],
    per_question: dict[str, float | None],
    stats: dict[str, Status],
    profile: str | None,
) -> list[LevelCap]:
    """Caps of the critical questions that are critical for this profile and apply to it."""
    titles = {d.id: d.title for d in assessment.dimensions}
    caps = []
    for q in shown:
        if not q.critical_in(profile) or stats[q.id] == "not_applicable":
            continue
        label = answer_label(q, answers.get(q.id), assessment.language, profile)
        cap = critical_cap(assessment, q, per_question[q.id], label, titles.get(q.dimension, ""))
        if cap is not None:
            caps.append(cap)
    return caps


def _actions(
    assessment: Assessment,
    shown: list[Question],
    answers: dict[str, Answer],
    per_question: dict[str, float | None],
    raw: _Raw,
    weight_sum: float,
    capping: set[str],
) -> list[Recommendation]:
    dim_weight = {d.id: d.weight for d in assessment.dimensions}
    actions: list[Recommendation] = []
    for q in shown:
        s = per_question[q.id]
        if s is None or s >= 1.0 or q.recommendation is None:
            continue
        lost = q.weight * (1.0 - s)
        # Raising this question to 1 adds lost/answered_weight to its dimension (0..1), which
        # counts dim_weight/weight_sum towards the overall score.
        impact = 100 * lost / raw[q.dimension][1] * dim_weight[q.dimension] / weight_sum
        actions.append(
            Recommendation(
                question_id=q.id,
                dimension_id=q.dimension,
                question_text=q.text,
                answer=answer_label(q, answers.get(q.id), assessment.language),
                text=q.recommendation.text,
                effort=q.recommendation.effort,
                lost=lost,
                impact=impact,
                critical=q.id in capping,
            )
        )
    order = {q.id: i for i, q in enumerate(assessment.questions)}
    actions.sort(key=lambda a: (-a.impact, EFFORT_ORDER[a.effort], order[a.question_id]))
    return actions


def _dimensions(
    assessment: Assessment,
    profile: Profile | None,
    shown: list[Question],
    stats: dict[str, Status],
    raw: _Raw,
    actions: list[Recommendation],
) -> list[DimensionScore]:
    shown_ids = {q.id for q in shown}
    order = {q.id: i for i, q in enumerate(assessment.questions)}
    out = []
    for dim in assessment.dimensions:
        in_dim = [q for q in assessment.questions if q.dimension == dim.id]
        asked = [stats[q.id] for q in in_dim if q.id in shown_ids]
        value = raw[dim.id][0]
        target = _target(assessment, profile, dim.id)
        gap = shown_gap(target, value)
        mine = sorted(
            (a for a in actions if a.dimension_id == dim.id),
            key=lambda a: (-a.lost, EFFORT_ORDER[a.effort], order[a.question_id]),
        )
        out.append(
            DimensionScore(
                id=dim.id,
                title=dim.title,
                weight=dim.weight,
                score=value,
                target=target,
                gap=gap,
                priority=gap * dim.weight,
                questions=len(asked),
                answered=asked.count("answered"),
                missing=asked.count("skipped") + asked.count("unanswered"),
                not_applicable=asked.count("not_applicable"),
                hidden=len(in_dim) - len(asked),
                actions=tuple(mine),
            )
        )
    return out


def _remarks(
    shown: list[Question],
    answers: dict[str, Answer],
    stats: dict[str, Status],
    lang: Lang,
    profile: str | None,
) -> list[Remark]:
    out = []
    for q in shown:
        a = answers.get(q.id)
        if a is None:
            continue
        na = a.na_reason.strip() if stats[q.id] == "not_applicable" else ""
        if a.note.strip() or a.flagged or na:
            out.append(
                Remark(
                    question_id=q.id,
                    dimension_id=q.dimension,
                    question_text=q.text,
                    status=stats[q.id],
                    answer=answer_label(q, a, lang, profile),
                    note=a.note.strip(),
                    flagged=a.flagged,
                    na_reason=na,
                )
            )
    return out
