"""One number everywhere: every screen and format shows the same whole number for a score.

The fixture rounding-check has scores that used to come out differently depending on the
path: 39.46 (39 when rounded once, 40 when first rounded to 39.5), 49.5 (half up: 50; the
format spec said 50 but Python's round() says 50 only by luck of evenness), a gap of 15.5
(shown 65 − 50 = 15), two gaps that tie, and a level boundary at the shown overall (59)."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from readiness.analysis.build import Loaded, build_report
from readiness.assessing import score
from readiness.content.loader import ContentFile, Library, load_paths
from readiness.models.assessment import Assessment
from readiness.models.results import Answer, AssessmentResult, ScenarioResult, Step
from readiness.numbers import shown, shown_change, shown_gap, shown_text
from readiness.reports.group_render import render_group
from readiness.reports.render import render
from readiness.tui.screens.assessment_result import ResultScreen
from readiness.tui.screens.report import ReportScreen
from readiness.tui.widgets.dimension_bars import DimensionBars
from readiness.workshop.group import analyse

DATA = Path(__file__).parent.parent / "data" / "report"
T0 = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)
ANSWERS = {"qa": "some", "qb": "some", "qc": "some", "qd": "some"}
# exact: audience 39.46, content 49.5, crisis 84.5, channels 60 (weight 3); overall 58.91
SHOWN = {"audience": 39, "content": 50, "crisis": 85, "channels": 60}
TARGET = {"audience": 65, "content": 65, "crisis": 70, "channels": 75}


@pytest.fixture(scope="module")
def library() -> Library:
    lib = load_paths([DATA], with_builtin=False)
    assert not lib.errors, [str(p) for p in lib.errors]
    return lib


@pytest.fixture(scope="module")
def check(library: Library) -> ContentFile:
    return next(f for f in library.files if f.id == "rounding-check-en")


def run(f: ContentFile, answers: dict[str, str], when: datetime = T0) -> AssessmentResult:
    return AssessmentResult(
        run_id=f"r{when:%d}",
        content_id=f.id,
        content_version="1.0",
        content_hash=f.sha256,
        translation_id="rounding-check",
        participant="ada",
        started_at=when,
        updated_at=when,
        finished=True,
        answers={k: Answer(value=v) for k, v in answers.items()},
    )


def drill(library: Library) -> ScenarioResult:
    f = next(f for f in library.files if f.id == "tiny-drill-en")
    return ScenarioResult(
        run_id="d1",
        content_id=f.id,
        content_version="1.0",
        content_hash=f.sha256,
        participant="ada",
        started_at=T0,
        updated_at=T0,
        finished=True,
        steps=[Step(node="first", kind="decision", choice="answer")],
        ending="end",
        outcome="mixed",
        scores={"speed": 62.5, "tone": 12.5},
    )


def test_the_helper_rounds_half_up_and_derives_from_shown_numbers() -> None:
    assert [shown(v) for v in (39.46, 39.5, 48.5, 49.5, 0.5, 15.499999999999, 15.49)] == [
        39,
        40,
        49,
        50,
        1,
        16,  # float noise of a sum that is 15.5 by hand
        15,
    ]
    assert shown_gap(65, 49.5) == 15 and shown_gap(65, 70.2) == 0 and shown_gap(65, None) == 0
    assert shown_change(39.46, 49.5) == 11 and shown_change(None, 3) is None
    assert shown_text(None) == "–"


def test_scoring_gaps_levels_and_order_use_the_shown_numbers(check: ContentFile) -> None:
    model = check.model
    assert isinstance(model, Assessment)
    result = score(model, run(check, ANSWERS))
    dims = {d.id: d for d in result.dimensions}
    assert {k: shown(d.score or 0) for k, d in dims.items()} == SHOWN
    assert {k: d.gap for k, d in dims.items()} == {k: max(0, TARGET[k] - SHOWN[k]) for k in SHOWN}
    # 58.91 shows as 59; "Middle" starts at 59: the verdict agrees with the number shown.
    assert shown(result.overall or 0) == 59 and result.level.id == "mid"
    # Largest gaps by gap: 26, then the two 15s (the heavier dimension first).
    assert [(d.id, d.gap) for d in result.top_gaps(5)] == [
        ("audience", 26),
        ("channels", 15),
        ("content", 15),
    ]


def numbers_in_row(text: str, title: str) -> list[int]:
    """The whole numbers on the line (table row) that starts with a dimension's title."""
    line = next(ln for ln in text.splitlines() if re.match(rf"^\|?\s*{title}\b", ln.strip()))
    return [int(n) for n in re.findall(r"(?<![\d.])\d+(?![\d.])", line)]


def test_every_format_shows_the_same_numbers(library: Library, check: ContentFile) -> None:
    f = next(f for f in library.files if f.id == "tiny-drill-en")
    items = [Loaded(run(check, ANSWERS), check), Loaded(drill(library), f)]
    report = build_report(items, "en")
    md = render(report, "md")
    html = render(report, "html")
    data = json.loads(render(report, "json"))
    model = check.model
    assert isinstance(model, Assessment)
    scored = score(model, run(check, ANSWERS))
    for d in data["dimensions"]:
        k = d["id"]
        assert d["shown"]["score"] == SHOWN[k] and d["shown"]["target"] == TARGET[k]
        assert d["gap"] == d["shown"]["target"] - d["shown"]["score"] or d["gap"] == 0
        assert numbers_in_row(md, d["title"])[:3] == [SHOWN[k], TARGET[k], d["gap"]]
        cells = re.search(rf"<td>{d['title']}</td>(.*?)</tr>", html)
        assert cells is not None
        assert [int(n) for n in re.findall(r">(\d+)<", cells.group(1))][:3] == [
            SHOWN[k],
            TARGET[k],
            d["gap"],
        ]
        # the result screen's bars and the report screen read the same
        bars = DimensionBars._numbers(DimensionBars.__new__(DimensionBars), scored.dimension(k))
        assert bars.startswith(f"{SHOWN[k]}/{TARGET[k]}")
    assert data["overall_shown"] == 59
    assert "**Overall: 59 / 100**" in md and "<strong>59</strong> / 100" in html
    result_screen = ResultScreen._verdict(ResultScreen.__new__(ResultScreen), scored).plain
    assert "59" in result_screen and "Middle" in result_screen
    # "largest gaps": the order and the numbers printed beside them
    assert data["gaps"] == ["audience", "channels", "content"]
    gaps_md = md.split("## Largest gaps")[1].split("##")[0]
    assert re.findall(r"Gap (\d+)", gaps_md) == ["26", "15", "15"]
    findings = ReportScreen._findings(ReportScreen.__new__(ReportScreen), report).plain
    assert "Audience −26, Channels −15, Content −15" in findings
    group = ResultScreen._gaps(ResultScreen.__new__(ResultScreen), scored)
    screen_gaps = group.plain
    assert "39" in screen_gaps and "40" not in screen_gaps
    # exercise scores: 62.5 shows as 63 and 12.5 as 13 in every format
    assert data["scenarios"][0]["scores_shown"] == {"speed": 63, "tone": 13}
    assert "Speed 63, Tone 13" in md and "Speed 63, Tone 13" in html
    scenarios = ReportScreen._scenarios(ReportScreen.__new__(ReportScreen), report).plain
    assert "Speed 63, Tone 13" in scenarios


def test_compare_deltas_match_the_numbers_beside_them(check: ContentFile) -> None:
    before = Loaded(run(check, {**ANSWERS, "qa": "none", "qb": "all"}), check)
    after = Loaded(run(check, ANSWERS, T0 + timedelta(days=30)), check)
    report = build_report([after], "en", compare=before)
    assert report.comparison is not None
    for d in report.comparison.deltas:
        assert d.before_shown is not None and d.after_shown is not None
        assert d.change == d.after_shown - d.before_shown
    deltas = {d.dimension: d.change for d in report.comparison.deltas}
    assert deltas == {"audience": 39, "content": -50, "crisis": 0, "channels": 0}
    md = render(report, "md")
    assert "| Audience | 0 | 39 | +39 |" in md and "| Content | 100 | 50 | −50 |" in md


def test_group_report_shows_the_same_numbers(library: Library, check: ContentFile) -> None:
    group = analyse([run(check, ANSWERS), drill(library)], library, lang="en")
    md = render_group(group, "md")
    report = build_report([Loaded(run(check, ANSWERS), check)], "en")
    (row,) = [p for a in group.assessments for p in a.participants]
    assert shown_text(row.overall) == str(report.overall_shown) == "59"
    assert re.search(r"\| ada \|[^\n]*\| 59 \|", md)
    for title, value in (("Audience", 39), ("Content", 50), ("Crisis", 85)):
        # one participant: min, quartiles and max are their own score
        assert numbers_in_row(md, title)[1:6] == [value] * 5
    assert numbers_in_row(md, "Speed")[1:6] == [63] * 5
