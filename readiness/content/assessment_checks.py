"""Cross-reference checks for an assessment that the models alone cannot make."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from readiness.content.problems import ContentProblem, did_you_mean
from readiness.i18n.catalog_text import CatalogText
from readiness.models.assessment import AnswerCondition, Assessment


def check_assessment(path: Path, a: Assessment) -> list[ContentProblem]:
    """Every id an assessment refers to must exist, and conditions must look backwards."""
    problems: list[ContentProblem] = []

    def err(key: str, message: CatalogText) -> None:
        problems.append(ContentProblem(path, key, message))

    dims = [d.id for d in a.dimensions]
    levels = [lvl.id for lvl in a.levels]
    _duplicates(dims, "dimensions", err)
    _duplicates(levels, "levels", err)
    _duplicates([q.id for q in a.questions], "questions", err)
    _duplicates([p.id for p in a.profiles], "profiles", err)

    seen: dict[str, list[str]] = {}
    used_dims: set[str] = set()
    for q in a.questions:
        base = f"questions.{q.id}"
        if q.dimension not in dims:
            err(
                f"{base}.dimension",
                CatalogText("content.check.unknown_dimension", ident=q.dimension)
                + did_you_mean(q.dimension, dims),
            )
        used_dims.add(q.dimension)
        _duplicates([o.id for o in q.options], f"{base}.options", err)
        if q.critical and q.critical.max_level not in levels:
            err(
                f"{base}.critical.max_level",
                CatalogText("content.check.unknown_level", ident=q.critical.max_level)
                + did_you_mean(q.critical.max_level, levels),
            )
        if q.when is not None:
            _check_condition(q.when, f"{base}.when", seen, err)
        seen[q.id] = q.option_ids()
    for d in dims:
        if d not in used_dims:
            err(f"dimensions.{d}", CatalogText("content.check.empty_dimension"))
    for p in a.profiles:
        for dim_id in p.targets:
            if dim_id not in dims:
                err(
                    f"profiles.{p.id}.targets.{dim_id}",
                    CatalogText("content.check.unknown_dimension", ident=dim_id)
                    + did_you_mean(dim_id, dims),
                )
    profile_ids = [p.id for p in a.profiles]
    for q in a.questions:
        for field in ("critical_for", "not_applicable_for"):
            for i, pid in enumerate(getattr(q, field)):
                if pid not in profile_ids:
                    err(
                        f"questions.{q.id}.{field}.{i}",
                        CatalogText("content.check.unknown_profile", ident=pid)
                        + did_you_mean(pid, profile_ids),
                    )
    if a.default_profile and a.default_profile not in profile_ids:
        err(
            "default_profile",
            CatalogText("content.check.unknown_profile", ident=a.default_profile)
            + did_you_mean(a.default_profile, profile_ids),
        )
    if a.weakest_link and a.weakest_link.max_level not in levels:
        err(
            "weakest_link.max_level",
            CatalogText("content.check.unknown_level", ident=a.weakest_link.max_level)
            + did_you_mean(a.weakest_link.max_level, levels),
        )
    return problems


def _duplicates(ids: list[str], key: str, err: Callable[[str, CatalogText], None]) -> None:
    seen: set[str] = set()
    for ident in ids:
        if ident in seen:
            err(f"{key}.{ident}", CatalogText("content.check.duplicate_id", ident=ident))
        seen.add(ident)


def _check_condition(
    cond: AnswerCondition,
    key: str,
    earlier: dict[str, list[str]],
    err: Callable[[str, CatalogText], None],
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
