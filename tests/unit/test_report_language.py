"""Reports never mix languages (issue 14, point 16): a German report of a run taken on the
English version of a file shows the German file's titles, dimension names, levels and
actions; a file without a German translation keeps its words, marked "(Englisch)" once."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from builtin_library import builtin_library
from report_samples import _person

from readiness.analysis.build import attach, build_report
from readiness.assessing import new_assessment_result
from readiness.cli.main import main
from readiness.content.loader import ContentFile, Library, load_paths
from readiness.content.translations import in_language, report_language
from readiness.engine import Run, new_scenario_result
from readiness.i18n import requested_language, set_language
from readiness.models.assessment import Assessment
from readiness.models.results import Answer, AnyResult
from readiness.models.scenario import Scenario
from readiness.reports.render import render
from readiness.reports.service import report_for
from readiness.storage import save_result
from readiness.workshop.group import analyse

DATA = Path(__file__).parent.parent / "data"
ROOM_EN = DATA / "workshop" / "content"
ROOM_DE = DATA / "workshop" / "content_de"
REPORT = DATA / "report"


def file(library: Library, ident: str) -> ContentFile:
    found = library.get(ident)
    assert found is not None, ident
    return found


def words_of(library: Library, ident: str) -> tuple[list[str], list[str]]:
    """(titles, dimension names) of a content file: what a report must show or avoid."""
    model = file(library, ident).model
    dims = [d.title for d in model.dimensions]
    return [model.title], dims


def only_in(mine: list[str], other: list[str]) -> list[str]:
    """Words of one language's file that its translation does not also use."""
    return [w for w in mine if w not in other]


# -- the gap report ------------------------------------------------------------------------


def test_a_german_report_of_english_runs_speaks_german_throughout() -> None:
    """A participant took the English self-assessment and two English exercises."""
    library = builtin_library()
    runs = _person("en", 3)
    report, _ = report_for(library, runs, "de")
    md, html = render(report, "md"), render(report, "html")
    shown = 0
    for ident in ("institutional-readiness", "leaked-photos", "campaign-shitstorm"):
        de_titles, de_dims = words_of(library, f"{ident}-de")
        en_titles, en_dims = words_of(library, f"{ident}-en")
        for word in de_titles:
            assert word in md and word in html, word
        for word in only_in(en_titles + en_dims, de_titles + de_dims):
            assert word not in md and word not in html, word
        shown += sum(w in md for w in de_dims)
    assert shown >= 10  # the assessment's dimensions and the exercises' scoring dimensions
    # Verdict and actions come from the German file too; nothing is marked as foreign.
    german = file(library, "institutional-readiness-de").model
    assert isinstance(german, Assessment)
    assert report.verdict in [lvl.title for lvl in german.levels]
    texts = {q.recommendation.text for q in german.questions if q.recommendation}
    assert report.actions and all(a.text in texts for a in report.actions)
    assert "(Englisch)" not in md and "(Englisch)" not in html
    # The report still names the runs it was built from.
    assert report.assessment_id == "institutional-readiness-en"
    assert {s.content_id for s in report.scenarios} <= {r.content_id for r in runs}


def test_translated_words_leave_every_number_as_the_run_scored_it() -> None:
    library = builtin_library()
    runs = _person("en", 3)
    english, _ = report_for(library, runs, "en")
    german, _ = report_for(library, runs, "de")
    assert german.overall == english.overall and german.level == english.level
    assert [(d.id, d.score, d.demonstrated) for d in german.dimensions] == [
        (d.id, d.score, d.demonstrated) for d in english.dimensions
    ]
    assert [(a.questions, a.effort, a.impact) for a in german.actions] == [
        (a.questions, a.effort, a.impact) for a in english.actions
    ]
    assert [m.kind for m in german.mismatches] == [m.kind for m in english.mismatches]
    assert not german.outdated


def test_content_without_a_translation_keeps_its_words_marked_once() -> None:
    """tiny-drill exists only in English: its title stays, marked "(Englisch)" once."""
    library = load_paths([REPORT], with_builtin=False)
    drill = file(library, "tiny-drill-en")
    assert isinstance(drill.model, Scenario)
    result = new_scenario_result(drill.model, content_hash=drill.sha256, participant="Fox")
    result.finished, result.ending, result.outcome = True, "end", "mixed"
    result.scores = {d.id: 50.0 for d in drill.model.dimensions}
    report = build_report(attach(library, [result], "de"), "de")
    md = render(report, "md")
    assert md.count("(Englisch)") == 1
    assert f"{drill.model.title} (Englisch)" in md
    assert "## Leistung in den Übungen" in md and "| Übung | Ende |" in md  # labels German
    assert report.scenarios[0].language == "en"
    # Asked in English, nothing is marked.
    assert "(English)" not in render(build_report(attach(library, [result], "en"), "en"), "md")


def test_a_translation_that_scores_differently_is_not_used() -> None:
    """Words may only come from a file that scores the run alike; otherwise the original's."""
    library = load_paths([ROOM_EN, ROOM_DE], with_builtin=False)
    english, german = file(library, "room-check-en"), file(library, "room-check-de")
    assert in_language(library, english, "de") is german
    model = german.model
    assert isinstance(model, Assessment)
    heavier = [d.model_copy(update={"weight": d.weight + 1}) for d in model.dimensions]
    changed = ContentFile(
        german.path, model.model_copy(update={"dimensions": heavier}), "x", builtin=False
    )
    drifted = Library(files=[english, changed])
    assert in_language(drifted, english, "de") is english
    result = new_assessment_result(english, participant="ada")
    result.answers = {"backing": Answer(value="yes"), "imprint": Answer(value="no")}
    report = build_report(attach(drifted, [result], "de"), "de")
    assert report.assessment_title == "Room check (Englisch)"
    assert [d.title for d in report.dimensions] == ["Leadership backing", "Guidelines & legal"]


def test_progress_between_an_english_and_a_german_run_is_worded_in_german() -> None:
    library = load_paths([ROOM_EN, ROOM_DE], with_builtin=False)
    before = new_assessment_result(file(library, "room-check-en"), participant="ada")
    before.answers = {"backing": Answer(value="no"), "imprint": Answer(value="no")}
    after = new_assessment_result(file(library, "room-check-de"), participant="ada")
    after.answers = {"backing": Answer(value="yes"), "imprint": Answer(value="yes")}
    report, _ = report_for(library, [after], "de", compare=before)
    assert report.comparison is not None
    assert [d.title for d in report.comparison.deltas] == [
        "Rückhalt der Leitung",
        "Guidelines & Recht",
    ]
    assert report.comparison.completed_actions == [
        "Vereinbaren Sie mit Ihrer Chefin eine Eskalationsregel.",
        "Setzen Sie den Impressumslink in jedes Profil.",
    ]


# -- which language, when nobody says ----------------------------------------------------------


def room_runs(library: Library, lang: str) -> list[AnyResult]:
    check = file(library, f"room-check-{lang}")
    drill = file(library, f"room-drill-{lang}")
    assert isinstance(drill.model, Scenario)
    assessment = new_assessment_result(check, participant="ada")
    assessment.answers = {"backing": Answer(value="yes"), "imprint": Answer(value="no")}
    exercise = new_scenario_result(drill.model, content_hash=drill.sha256, participant="ada")
    run = Run(drill.model, exercise)
    run.choose("answer")
    run.reply("Entschuldigung!" if lang == "de" else "Sorry!")
    run.choose("explain")
    assert exercise.finished
    return [assessment, exercise]


def test_without_a_chosen_language_a_report_takes_its_contents() -> None:
    library = load_paths([ROOM_EN, ROOM_DE], with_builtin=False)
    german, english = room_runs(library, "de"), room_runs(library, "en")
    assert report_language(german, "en") == "de"
    assert report_language(english, "de") == "en"
    # The self-assessment decides a mixed set; without one, most runs do.
    assert report_language([english[0], german[1]], "de") == "en"
    assert report_language([german[1], english[1], german[1]], "en") == "de"
    assert report_language([], "de") == "de"


def test_a_locale_without_a_catalog_chooses_no_language() -> None:
    assert requested_language({"LANG": "de_DE.UTF-8"}) == "de"
    assert requested_language({"LANG": "C.UTF-8"}) is None
    assert requested_language({"LC_ALL": "fr_FR.UTF-8", "LANG": "de_DE"}) is None
    assert requested_language({}) is None


@pytest.fixture
def no_language_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("READINESS_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")


def test_the_report_command_follows_lang_else_the_content(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], no_language_asked: None
) -> None:
    library = load_paths([ROOM_EN, ROOM_DE], with_builtin=False)
    paths = [str(save_result(tmp_path / "r", r)) for r in room_runs(library, "en")]
    content = ["--content", str(ROOM_EN), "--content", str(ROOM_DE)]
    try:
        # Nobody chose a language: the English runs give an English report.
        assert main([*content, "report", *paths]) == 0
        md = capsys.readouterr().out
        assert "## Verdict: Ready" in md and "Leadership backing" in md
        # --lang de: the German file's words under German labels, nothing English left.
        assert main([*content, "--lang", "de", "report", *paths, "--format", "json"]) == 0
        data = json.loads(capsys.readouterr().out)
        assert data["language"] == "de"
        assert data["assessment_title"] == "Raumcheck" and data["verdict"] == "Bereit"
        assert [d["title"] for d in data["dimensions"]] == [
            "Rückhalt der Leitung",
            "Guidelines & Recht",
        ]
        run = data["scenarios"][0]
        assert (run["title"], run["ending_title"], run["language"]) == ("Raumübung", "Ruhe", "de")
        assert run["dimension_titles"] == {"speed": "Tempo", "tone": "Tonalität"}
        assert main([*content, "--lang", "de", "report", *paths]) == 0
        md = capsys.readouterr().out
        english = ("Room check", "Room drill", "Leadership backing", "Guidelines & legal", "Calm")
        assert not [word for word in english if word in md]
        assert "## Ergebnis: Bereit" in md
    finally:
        set_language("en")


# -- the group report and the dashboard --------------------------------------------------------


def test_a_german_group_report_shows_a_mixed_room_as_one_group_in_german() -> None:
    library = load_paths([ROOM_EN, ROOM_DE], with_builtin=False)
    runs = room_runs(library, "en")
    for r, name in zip(room_runs(library, "de"), ("bob", "bob"), strict=True):
        r.participant = name
        runs.append(r)
    report = analyse(runs, library, lang="de")
    assert [a.title for a in report.assessments] == ["Raumcheck"]
    assert [s.title for s in report.scenarios] == ["Raumübung"]
    group, drill = report.assessments[0], report.scenarios[0]
    assert (group.runs, group.outdated, drill.runs, drill.outdated) == (2, 0, 2, 0)
    assert [d.title for d in group.dimensions] == ["Rückhalt der Leitung", "Guidelines & Recht"]
    assert {lv.title for lv in group.levels} == {"Noch nicht bereit", "Bereit"}
    assert [d.title for d in drill.scores] == ["Tempo", "Tonalität"]
    assert drill.decisions[0].choices[0].title == "Innerhalb einer Stunde antworten"
    text = render_group_md(report)
    assert not re.search(r"Room (check|drill)|Leadership backing|The complaint", text)


def test_a_group_report_marks_content_it_cannot_translate() -> None:
    library = load_paths([ROOM_EN], with_builtin=False)
    report = analyse(room_runs(library, "en"), library, lang="de")
    assert [a.title for a in report.assessments] == ["Room check (Englisch)"]
    assert [s.title for s in report.scenarios] == ["Room drill (Englisch)"]


def test_without_a_chosen_language_the_group_report_takes_the_rooms() -> None:
    library = load_paths([ROOM_EN, ROOM_DE], with_builtin=False)
    report = analyse(room_runs(library, "de"), library, lang=None)
    assert report.language == "de" and report.assessments[0].title == "Raumcheck"


def render_group_md(report: object) -> str:
    from readiness.reports.group_render import render_group
    from readiness.workshop.group_model import GroupReport

    assert isinstance(report, GroupReport)
    return render_group(report, "md")
