"""The gap report: numbers computed by hand, plans, mismatches, comparisons, safe output."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from html.parser import HTMLParser
from pathlib import Path

import pytest

from readiness.analysis.build import Loaded, build_report
from readiness.content.loader import ContentFile, load_paths
from readiness.models.results import Answer, AssessmentResult, ScenarioResult, Step
from readiness.reports.render import render
from readiness.storage import save_result

DATA = Path(__file__).parent.parent / "data" / "report"
T0 = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def content() -> dict[str, ContentFile]:
    lib = load_paths([DATA], with_builtin=False)
    assert not lib.errors, [str(p) for p in lib.errors]
    return {f.id: f for f in lib.files}


def assessment_run(f: ContentFile, answers: dict[str, Answer], when: datetime = T0) -> Loaded:
    result = AssessmentResult(
        run_id=f"run-{when:%d}",
        content_id=f.id,
        content_version="1.0",
        content_hash=f.sha256,
        translation_id="tiny-check",
        participant="Fox <script>x</script>",
        started_at=when,
        updated_at=when,
        answers=answers,
    )
    return Loaded(result, f)


def baseline_answers() -> dict[str, Answer]:
    return {
        "goals": Answer(value="yes"),
        "measured": Answer(value="3"),
        "escalation": Answer(value="no", note="Boss says <b>later</b> | [red]x[/]"),
        "drill": Answer(value="years", flagged=True),
        "imprint": Answer(not_applicable=True, na_reason="no business profile yet"),
        "privacy": Answer(value=["notice", "consent"]),
    }


def scenario_run(f: ContentFile, timeouts: int = 2) -> Loaded:
    steps = [Step(node="first", kind="decision", timed_out=True)] * timeouts
    result = ScenarioResult(
        run_id="drill-1",
        content_id=f.id,
        content_version="1.0",
        content_hash=f.sha256,
        started_at=T0,
        updated_at=T0,
        steps=steps,
        ending="end",
        outcome="mixed",
        finished=True,
        scores={"speed": 90.0, "tone": 40.0},
    )
    return Loaded(result, f)


def test_scores_match_the_hand_computation(content: dict[str, ContentFile]) -> None:
    report = build_report([assessment_run(content["tiny-check-en"], baseline_answers())], "en")
    dims = {d.id: d for d in report.dimensions}
    # strategy: yes (1.0) and likert 3 of 5 (0.5) -> 75; crisis: no (0) and 1 of 2 points -> 25;
    # legal: imprint N/A leaves the maximum, privacy 3 of 4 points -> 75.
    assert (dims["strategy"].score, dims["crisis"].score, dims["legal"].score) == (75, 25, 75)
    # overall weights strategy 1, crisis 1, legal 2: (75 + 25 + 150) / 4
    assert report.overall == 62.5
    # targets 80 / 60 / 70: legal is above its target, a strength
    assert (dims["strategy"].gap, dims["crisis"].gap, dims["legal"].gap) == (5, 35, 0)
    assert report.gaps == ["crisis", "strategy"]  # priority = gap x weight: 35, 5
    assert report.strengths == ["legal"]


def test_a_failed_critical_question_caps_the_verdict_and_says_why(
    content: dict[str, ContentFile],
) -> None:
    report = build_report([assessment_run(content["tiny-check-en"], baseline_answers())], "en")
    assert report.overall is not None and report.overall >= 50  # "Ready" by score alone
    assert report.verdict == "Not ready yet"
    assert [(c.source, c.reason) for c in report.caps] == [
        ("escalation", "Nobody to call when it burns.")
    ]


def test_plan_puts_quick_wins_first_and_traces_each_action(
    content: dict[str, ContentFile],
) -> None:
    report = build_report([assessment_run(content["tiny-check-en"], baseline_answers())], "en")
    plan = report.actions
    assert plan[0].questions == ["escalation"]  # low effort, capping: the first thing to do
    assert plan[0].impact == "high" and plan[0].quick_win
    quick = [a.quick_win for a in plan]
    assert quick == sorted(quick, reverse=True), "a quick win comes after a slow action"
    by_question = {q: a for a in plan for q in a.questions}
    assert "goals" not in by_question  # answered at best: nothing to do
    assert "imprint" not in by_question  # not applicable: nothing to do
    assert by_question["privacy"].effort == "high"


def test_notes_flags_and_na_reasons_are_listed(content: dict[str, ContentFile]) -> None:
    report = build_report([assessment_run(content["tiny-check-en"], baseline_answers())], "en")
    notes = {n.question: n for n in report.notes}
    assert notes["escalation"].note.startswith("Boss says")
    assert notes["drill"].flagged
    assert notes["imprint"].na_reason == "no business profile yet"


def test_demonstrated_scores_stand_beside_self_scores(content: dict[str, ContentFile]) -> None:
    """The rules of the comparison have a test each in test_self_image.py; here: two expired
    countdowns are poor evidence for speed only, so neither "stronger" (crisis, measured 90)
    nor "weaker" (strategy, tone measured 40) can be claimed from them."""
    items = [
        assessment_run(content["tiny-check-en"], baseline_answers()),
        scenario_run(content["tiny-drill-en"], timeouts=2),
    ]
    report = build_report(items, "en")
    dims = {d.id: d for d in report.dimensions}
    assert dims["crisis"].demonstrated == 90 and dims["strategy"].demonstrated == 40
    assert report.mismatches == []
    assert report.scenarios[0].timeouts == 2


def test_compare_shows_deltas_and_completed_actions(content: dict[str, ContentFile]) -> None:
    f = content["tiny-check-en"]
    before = assessment_run(f, baseline_answers(), T0)
    better = baseline_answers()
    better["escalation"] = Answer(value="yes")
    better["measured"] = Answer(value="5")
    after = assessment_run(f, better, T0 + timedelta(days=30))
    report = build_report([after], "en", compare=before)
    assert report.comparison is not None
    deltas = {d.dimension: d.change for d in report.comparison.deltas}
    assert deltas == {"strategy": 25, "crisis": 50, "legal": 0}
    assert "Write three goals." not in report.comparison.completed_actions
    assert any("escalation contact" in a for a in report.comparison.completed_actions)
    assert report.verdict == "Strong"  # (100 + 75 + 2 x 75) / 4 = 81.25, no cap any more


def test_compare_refuses_in_the_readers_language(content: dict[str, ContentFile]) -> None:
    """An exercise, another assessment, or a run whose content is not loaded: one sentence
    saying which, in German too (these were English in a German session)."""
    from readiness.errors import UsageError

    check = assessment_run(content["tiny-check-en"], baseline_answers())
    gone = Loaded(check.result.model_copy(update={"content_id": "old-check"}), None)
    other = assessment_run(content["rounding-check-en"], {})
    other.result.translation_id = "rounding-check"
    cases = [
        (
            scenario_run(content["tiny-drill-en"]),
            "--compare braucht zwei Ergebnisse eines Selbstchecks; eine Übung lässt sich nicht"
            " vergleichen",
        ),
        (
            other,
            "rounding-check-en lässt sich nicht mit tiny-check-en vergleichen: nicht derselbe"
            " Selbstcheck",
        ),
    ]
    for before, german in cases:
        with pytest.raises(UsageError) as caught:
            build_report([check], "de", compare=before)
        assert caught.value.text("de") == german
    with pytest.raises(UsageError) as caught:
        build_report([check], "de", compare=gone)
    assert caught.value.text("de") == (
        "Vergleich nicht möglich: Der Inhalt old-check ist nicht geladen (seinen Ordner mit"
        " --content angeben)"
    )
    assert caught.value.text("en") == (
        "cannot compare: the content old-check is not loaded (give its folder with --content)"
    )


def test_results_on_older_content_still_report_and_say_so(content: dict[str, ContentFile]) -> None:
    item = assessment_run(content["tiny-check-en"], baseline_answers())
    item.result.content_hash = "0" * 64
    item.result.content_version = "0.9"
    report = build_report([item], "en")
    assert report.outdated and report.assessment_version == "0.9"
    assert "content has changed" in render(report, "md")


class _Attrs(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found += [v or "" for k, v in attrs if k in ("src", "href", "data", "srcset")]
        if tag in ("script", "iframe", "object", "embed", "link"):
            self.found.append(f"<{tag}>")


def external_resources(html: str) -> list[str]:
    """Everything a browser would fetch or run when the page loads."""
    parser = _Attrs()
    parser.feed(html)
    return parser.found


HOSTILE = ("<script", "<img", "<b>")


@pytest.fixture
def full_report(content: dict[str, ContentFile]):  # type: ignore[no-untyped-def]
    items = [
        assessment_run(content["tiny-check-en"], baseline_answers()),
        scenario_run(content["tiny-drill-en"]),
    ]
    return build_report(items, "en")


def test_html_is_inert_self_contained_and_has_svg_charts(full_report) -> None:  # type: ignore[no-untyped-def]
    html = render(full_report, "html")
    for bad in HOSTILE:
        assert bad not in html.replace("<svg", ""), bad
    assert "&lt;script&gt;" in html
    assert external_resources(html) == []
    assert "@import" not in html and "url(" not in html
    assert html.count("<svg") == 4 and 'class="radar chart-wide"' in html


def test_markdown_is_inert(full_report) -> None:  # type: ignore[no-untyped-def]
    md = render(full_report, "md")
    for bad in HOSTILE:
        assert bad not in md, bad
    assert "&lt;img src=x onerror=alert(1)&gt;" in md or "&lt;img src=x" in md
    assert "\\[red\\]x\\[/\\]" in md  # Rich markup in a note stays literal text


def test_json_has_the_documented_shape(full_report) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(render(full_report, "json"))
    assert {"verdict", "overall", "dimensions", "actions"} <= set(data)
    assert {"id", "score", "target", "gap"} <= set(data["dimensions"][0])
    assert data["participant"] == "Fox <script>x</script>"  # JSON keeps data as data


def test_german_report_uses_german_labels(content: dict[str, ContentFile]) -> None:
    report = build_report([assessment_run(content["tiny-check-en"], baseline_answers())], "de")
    md = render(report, "md")
    assert "Maßnahmenplan" in md and "Lückenanalyse" in md


def test_report_command_writes_files_and_fails_in_one_sentence(
    content: dict[str, ContentFile], tmp_path: Path
) -> None:
    item = assessment_run(content["tiny-check-en"], baseline_answers())
    path = save_result(tmp_path, item.result)
    out_file = tmp_path / "r.html"
    cmd = [sys.executable, "-m", "readiness", "--content", str(DATA), "report", str(path)]
    done = subprocess.run(
        [*cmd, "--format", "html", "-o", str(out_file)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert out_file.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    broken = tmp_path / "broken.toml"
    broken.write_text("kind = ")
    failed = subprocess.run([*cmd[:-1], str(broken)], capture_output=True, text=True)
    assert failed.returncode != 0
    assert "Traceback" not in failed.stderr and "broken.toml" in failed.stderr
