"""The assessment result screen (issue 14, point 6): no blank hole under the bars, every
limiting item in full, and a ceiling above the verdict never listed as what limits it now."""

from __future__ import annotations

import tomllib
from datetime import UTC, datetime
from pathlib import Path

import pytest
from builtin_library import builtin_library

from readiness.assessing import AssessmentSession
from readiness.i18n import set_language, t
from readiness.models.assessment import Assessment
from readiness.models.results import Answer, AssessmentResult
from readiness.settings import Settings
from readiness.tui.app import make_app
from readiness.tui.screens.assessment_result import ResultScreen
from readiness.tui.widgets.dimension_bars import DimensionBars

PROFILES = Path(__file__).parent.parent / "data" / "profiles"
T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def weak_run(lang: str, *, unanswered: str = "channels-2fa") -> tuple[Assessment, AssessmentResult]:
    """The German or English institutional check answered like a weak NGO, one critical
    question left open (it caps a level the verdict has not reached)."""
    content = builtin_library().get(f"institutional-readiness-{lang}", "assessment")
    assert content is not None and isinstance(content.model, Assessment)
    with (PROFILES / "institutional-readiness.ngo.weak.toml").open("rb") as fh:
        data = tomllib.load(fh)
    answers = {
        qid: Answer(not_applicable=True, na_reason=v["na"])
        if isinstance(v, dict)
        else Answer(value=v)
        for qid, v in data["answers"].items()
        if qid != unanswered
    }
    result = AssessmentResult(
        run_id="layout",
        content_id=content.id,
        content_version="1",
        content_hash=content.sha256,
        started_at=T0,
        updated_at=T0,
        finished=True,
        profile=data["profile"],
        answers=answers,
        participant="Kim",
    )
    return content.model, result


def screen_lines(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [strip.text.rstrip() for strip in app.screen._compositor.render_strips()]


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize("size", [(80, 24), (160, 50)])
async def test_no_hole_nothing_cut_and_only_the_verdicts_level_limits(
    results: Path, lang: str, size: tuple[int, int]
) -> None:
    set_language(lang)  # type: ignore[arg-type]
    model, result = weak_run(lang)
    app = make_app(Settings(lang=lang, results_dir=results), home=False)  # type: ignore[arg-type]
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        app.push_screen(ResultScreen(AssessmentSession(model, result, results)))
        await pilot.pause()
        await pilot.pause()
        screen = app.screen
        scored = screen.session.score()  # type: ignore[attr-defined]
        bars = screen.query_one(DimensionBars)
        assert bars.region.height == len(model.dimensions)  # one line each, never wrapped
        caps = screen.query_one("#result-caps")
        assert caps.region.y == bars.region.bottom + 1  # one blank line between, no hole
        assert caps.region.height == caps.virtual_region.height  # no inner scroll box
        # The left column, scrolled through with the keyboard, in one text.
        left = screen.query_one("#result-left").region  # verdict, bars and caps
        seen: list[str] = []
        for _ in range(12):
            seen += [line[left.x : left.right] for line in screen_lines(app)[1:-1]]
            await pilot.press("pagedown")
            await pilot.pause()
        text = " ".join(" ".join(line.split()) for line in seen)
        assert "…" not in text.replace("...", "")  # nothing cut short with an ellipsis
        two_factor = next(q for q in model.questions if q.id == "channels-2fa")
        assert " ".join(two_factor.text.split()) in text  # in full, wrapped, not cut
        assert scored.level.id == "not_ready"
        assert all(c.level.id == "not_ready" for c in scored.limiting_caps)
        assert "channels-2fa" in {c.question_id for c in scored.later_caps}
        ceiling = next(c for c in scored.later_caps if c.question_id == "channels-2fa")
        header = " ".join(t("assess.result.later_caps", level=ceiling.level.title).split())
        assert text.index(header) < text.index(" ".join(two_factor.text.split()))
