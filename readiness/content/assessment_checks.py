"""Cross-reference checks for an assessment that the models alone cannot make."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from pathlib import Path

from readiness.content.problems import ContentProblem, Err, report_duplicates
from readiness.i18n.catalog_text import CatalogText
from readiness.models.assessment import AnswerCondition, Assessment
from readiness.validation_messages import did_you_mean, either


def check_assessment(path: Path, a: Assessment) -> list[ContentProblem]:
    """Every id an assessment refers to must exist, and conditions must look backwards."""
    problems: list[ContentProblem] = []

    def err(key: str, message: CatalogText) -> None:
        problems.append(ContentProblem(path, key, message))

    dims = [d.id for d in a.dimensions]
    levels = [lvl.id for lvl in a.levels]
    report_duplicates(dims, "dimensions", err)
    report_duplicates(levels, "levels", err)
    report_duplicates([q.id for q in a.questions], "questions", err)
    report_duplicates([p.id for p in a.profiles], "profiles", err)
    _check_questions(a, dims, levels, err)
    _check_profiles(a, dims, err)
    if a.weakest_link and a.weakest_link.max_level not in levels:
        _unknown(
            err,
            "weakest_link.max_level",
            "content.check.unknown_level",
            a.weakest_link.max_level,
            levels,
        )
    return problems


def _unknown(err: Err, key: str, message: str, ident: str, known: Collection[str]) -> None:
    """`ident` is not among `known`: say so, with the nearest known id as a suggestion."""
    err(key, CatalogText(message, ident=ident) + did_you_mean(ident, known))


def _unknown_profile(err: Err, key: str, ident: str, known: Sequence[str]) -> None:
    """`ident` names no profile of the file: say which ones it has, in the reader's language,
    with the nearest as a suggestion."""
    if not known:
        err(key, CatalogText("content.check.unknown_profile_none", ident=ident))
        return
    said = CatalogText("content.check.unknown_profile", ident=ident, known=either(known))
    err(key, said + did_you_mean(ident, known))


def _check_questions(a: Assessment, dims: list[str], levels: list[str], err: Err) -> None:
    """Each question's dimension, options, critical level and condition; then the dimensions
    no question asks about."""
    seen: dict[str, list[str]] = {}
    for q in a.questions:
        base = f"questions.{q.id}"
        if q.dimension not in dims:
            _unknown(err, f"{base}.dimension", "content.check.unknown_dimension", q.dimension, dims)
        report_duplicates([o.id for o in q.options], f"{base}.options", err)
        if q.critical and q.critical.max_level not in levels:
            _unknown(
                err,
                f"{base}.critical.max_level",
                "content.check.unknown_level",
                q.critical.max_level,
                levels,
            )
        if q.when is not None:
            _check_condition(q.when, f"{base}.when", seen, err)
        seen[q.id] = q.option_ids()
    used_dims = {q.dimension for q in a.questions}
    for d in dims:
        if d not in used_dims:
            err(f"dimensions.{d}", CatalogText("content.check.empty_dimension"))


def _check_profiles(a: Assessment, dims: list[str], err: Err) -> None:
    """Profiles target known dimensions; questions and the default name known profiles."""
    for p in a.profiles:
        for dim_id in p.targets:
            if dim_id not in dims:
                _unknown(
                    err,
                    f"profiles.{p.id}.targets.{dim_id}",
                    "content.check.unknown_dimension",
                    dim_id,
                    dims,
                )
    profile_ids = [p.id for p in a.profiles]
    for q in a.questions:
        for field in ("critical_for", "not_applicable_for"):
            for i, pid in enumerate(getattr(q, field)):
                if pid not in profile_ids:
                    _unknown_profile(err, f"questions.{q.id}.{field}.{i}", pid, profile_ids)
    if a.default_profile and a.default_profile not in profile_ids:
        _unknown_profile(err, "default_profile", a.default_profile, profile_ids)


def _check_condition(
    cond: AnswerCondition,
    key: str,
    earlier: dict[str, list[str]],
    err: Err,
) -> None:
    if cond.question is not None:
        if cond.question not in earlier:
            err(
                f"{key}.question",
                CatalogText("content.check.not_earlier", ident=cond.question)
                + did_you_mean(cond.question, earlier),
            )
        else:
            valid = earlier[cond.question]
            for option in cond.any_of or []:
                if option not in valid:
                    err(
                        f"{key}.any_of",
                        CatalogText(
                            "content.check.not_an_answer", option=option, ident=cond.question
                        )
                        + did_you_mean(option, valid),
                    )
    for i, sub in enumerate(cond.all or []):
        _check_condition(sub, f"{key}.all[{i + 1}]", earlier, err)
    for i, sub in enumerate(cond.any or []):
        _check_condition(sub, f"{key}.any[{i + 1}]", earlier, err)
    if cond.not_ is not None:
        _check_condition(cond.not_, f"{key}.not", earlier, err)
