"""What a gap report says about results it cannot show as they were: a run whose content is
not loaded is named, never silently dropped; an exercise whose file changed since the run
is flagged, and so is a journal that replays it on the file as it is now."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from readiness.analysis.build import attach, build_report
from readiness.assessing import new_assessment_result
from readiness.cli.main import main
from readiness.content.loader import ContentFile, Library, load_paths
from readiness.engine import Run, new_scenario_result
from readiness.errors import UsageError
from readiness.i18n import Lang
from readiness.models.results import Answer, AnyResult, AssessmentResult, ScenarioResult
from readiness.models.scenario import Scenario
from readiness.reports.journal import render_journal
from readiness.reports.render import render
from readiness.reports.service import report_for
from readiness.storage import save_result

DATA = Path(__file__).parent.parent / "data" / "report"


@pytest.fixture(scope="module")
def library() -> Library:
    lib = load_paths([DATA], with_builtin=False)
    assert not lib.errors, [str(p) for p in lib.errors]
    return lib


def _file(library: Library, ident: str) -> ContentFile:
    found = library.get(ident)
    assert found is not None
    return found


def check_run(library: Library) -> AssessmentResult:
    result = new_assessment_result(_file(library, "tiny-check-en"), participant="Fox")
    result.answers = {q: Answer(value="yes") for q in ("goals", "escalation")}
    result.answers["drill"] = Answer(value="years")
    result.finished = True
    return result


def drill_run(library: Library) -> ScenarioResult:
    """A finished run of the tiny drill, played by the engine: ignored, then a blaming reply."""
    f = _file(library, "tiny-drill-en")
    assert isinstance(f.model, Scenario)
    result = new_scenario_result(f.model, participant="Fox")
    result.content_hash = f.sha256
    run = Run(f.model, result)
    run.choose("ignore")
    run.reply("This is not our problem.")
    assert result.finished and result.ending == "end"
    return result


def only_the_check(library: Library) -> Library:
    """The content path without the drill: its runs' content is not loaded."""
    return Library(files=[_file(library, "tiny-check-en")])


# --- a run whose content is not loaded --------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "note", "item"),
    [
        (
            "en",
            "1 result is left out of this report because the content it was taken on is not "
            "loaded (add its folder with --content):",
            "tiny-drill-en: exercise “Tiny drill”, run ",
        ),
        (
            "de",
            "1 Ergebnis fehlt in diesem Bericht, weil der Inhalt, mit dem es entstanden ist, "
            "nicht geladen ist (den Ordner mit --content angeben):",
            "tiny-drill-en: Übung „Tiny drill“, Durchlauf ",
        ),
    ],
    ids=["en", "de"],
)
def test_a_combined_report_names_the_run_whose_content_is_not_loaded(
    library: Library, lang: Lang, note: str, item: str
) -> None:
    drill = drill_run(library)
    report, _ = report_for(only_the_check(library), [check_run(library), drill], lang)
    assert report.assessment_id == "tiny-check-en" and report.scenarios == []
    md = render(report, "md")
    assert f"> {note}\n> - {item}{drill.run_id}\n" in md
    html = render(report, "html")
    assert f'<div class="warning"><p>{note}</p><ul><li>{item}{drill.run_id}</li></ul></div>' in html
    data = json.loads(render(report, "json"))
    assert data["not_loaded"] == [
        {
            "kind": "scenario",
            "content_id": "tiny-drill-en",
            "title": "Tiny drill",
            "run_id": drill.run_id,
        }
    ]


def test_a_left_out_self_assessment_is_named_too(library: Library) -> None:
    """Without its content the self-assessment would vanish and the report read "these
    results hold no self-assessment" without a word why."""
    check = check_run(library)
    drill_only = Library(files=[_file(library, "tiny-drill-en")])
    report, _ = report_for(drill_only, [check, drill_run(library)], "en")
    assert report.assessment_id is None and len(report.scenarios) == 1
    assert [(x.kind, x.content_id, x.run_id) for x in report.not_loaded] == [
        ("assessment", "tiny-check-en", check.run_id)
    ]
    md = render(report, "md")
    assert "> - tiny-check-en: self-assessment “Tiny \\<script\\>" not in md
    assert "> - tiny-check-en: self-assessment “Tiny &lt;script&gt;" in md, "escaped"


def test_every_loaded_result_is_reported_without_a_note(library: Library) -> None:
    report, _ = report_for(library, [check_run(library), drill_run(library)], "en")
    assert report.not_loaded == []
    assert "left out of this report" not in render(report, "md")
    assert 'class="warning"' not in render(report, "html")


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("en", "the content these results were taken on is not loaded: tiny-drill-en"),
        (
            "de",
            "der Inhalt, mit dem diese Ergebnisse entstanden sind, ist nicht geladen: "
            "tiny-drill-en",
        ),
    ],
    ids=["en", "de"],
)
def test_alone_such_a_run_is_one_sentence_in_the_reports_language(
    library: Library, lang: Lang, sentence: str
) -> None:
    with pytest.raises(UsageError) as raised:
        report_for(only_the_check(library), [drill_run(library)], lang)
    assert raised.value.message == sentence


def test_hostile_text_in_a_left_out_result_stays_text(library: Library) -> None:
    drill = drill_run(library)
    drill.content_title = "<img src=x onerror=alert(1)> *x*"
    drill.run_id = "<script>alert(1)</script>"
    report, _ = report_for(only_the_check(library), [check_run(library), drill], "en")
    html = render(report, "html")
    assert "<img src=x" not in html and "<script>alert" not in html
    assert "&lt;img src=x onerror=alert(1)&gt; *x*" in html
    md = render(report, "md")
    assert "<img" not in md and "<script" not in md and "\\*x\\*" in md


def _folders(tmp_path: Path, library: Library) -> tuple[Path, Path, Path]:
    """A content folder with the check only, and a result file of each kind."""
    content = tmp_path / "content"
    content.mkdir()
    shutil.copy(DATA / "tiny-check.en.toml", content)
    check = save_result(tmp_path / "results", check_run(library))
    drill = save_result(tmp_path / "results", drill_run(library))
    return content, check, drill


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "en",
            "1 result was left out because the content it was taken on is not loaded (add its "
            "folder with --content): tiny-drill-en: exercise “Tiny drill”, run ",
        ),
        (
            "de",
            "1 Ergebnis wurde weggelassen, weil der Inhalt, mit dem es entstanden ist, nicht "
            "geladen ist (den Ordner mit --content angeben): tiny-drill-en: Übung „Tiny drill“, "
            "Durchlauf ",
        ),
    ],
    ids=["en", "de"],
)
def test_the_report_command_says_so_on_stderr_and_in_the_report(
    tmp_path: Path, library: Library, capsys: pytest.CaptureFixture[str], lang: str, said: str
) -> None:
    content, check, drill = _folders(tmp_path, library)
    argv = ["--content", str(content), "--lang", lang, "report", str(check), str(drill)]
    assert main(argv) == 0
    out, err = capsys.readouterr()
    run_id = drill.stem.rsplit("--", 1)[1]
    assert err.strip() == said + run_id
    assert f"tiny-drill-en: {said.split('tiny-drill-en: ')[1]}{run_id}" in out
    assert main([*argv, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [x["run_id"] for x in data["not_loaded"]] == [run_id]


def test_the_report_command_says_nothing_when_everything_is_loaded(
    tmp_path: Path, library: Library, capsys: pytest.CaptureFixture[str]
) -> None:
    _, check, drill = _folders(tmp_path, library)
    assert main(["--content", str(DATA), "--lang", "en", "report", str(check), str(drill)]) == 0
    assert capsys.readouterr().err == ""


# --- an exercise whose file changed since the run ---------------------------------------


def changed(result: AnyResult) -> AnyResult:
    result.content_hash = "0" * 64
    result.content_version = "0.9"
    return result


@pytest.mark.parametrize(
    ("lang", "flag"),
    [
        (
            "en",
            "“Tiny drill” has changed since this run was played (on version 0.9). Its scores are "
            "the ones the run saved; the decisions, choices, points and ending this report "
            "names for it come from the current version of the file.",
        ),
        (
            "de",
            "„Tiny drill (Englisch)“ wurde geändert, seit dieser Durchlauf gespielt wurde (in "
            "Version 0.9). Seine Werte sind die, die der Durchlauf gespeichert hat; die "
            "Entscheidungen, Optionen, Punkte und das Ende, die dieser Bericht dazu nennt, "
            "stammen aus der aktuellen Fassung der Datei.",
        ),
    ],
    ids=["en", "de"],
)
def test_a_changed_exercise_is_flagged_in_markdown_and_html(
    library: Library, lang: Lang, flag: str
) -> None:
    items = attach(library, [check_run(library), changed(drill_run(library))], lang)
    report = build_report(items, lang)
    assert report.scenarios[0].outdated and report.scenarios[0].version == "0.9"
    assert report.mismatches, "the report cites decisions of the run: their words are today's"
    md = render(report, "md")
    assert f"\n> {flag}\n" in md
    assert md.index(flag) < md.index("## "), "at the top, before anything it qualifies"
    html = render(report, "html")
    assert f'<p class="warning">{flag}</p>' in html
    assert html.index(flag) < html.index("</header>")
    data = json.loads(render(report, "json"))
    assert (data["scenarios"][0]["outdated"], data["scenarios"][0]["version"]) == (True, "0.9")


def test_an_unchanged_exercise_is_not_flagged(library: Library) -> None:
    report = build_report(attach(library, [check_run(library), drill_run(library)], "en"), "en")
    assert not report.scenarios[0].outdated and report.scenarios[0].version == "1.0"
    assert "has changed since" not in render(report, "md")
    assert "has changed since" not in render(report, "html")


@pytest.mark.parametrize(
    ("lang", "flag"),
    [
        (
            "en",
            "> This exercise has changed since this run was played (on version 0.9). The "
            "journal replays the run's steps on the current version of the file: the "
            "situations, options, feedback, ending, model answers and scores below are that "
            "version's and may differ from what was on screen during the run.",
        ),
        (
            "de",
            "> Diese Übung wurde geändert, seit dieser Durchlauf gespielt wurde (in Version "
            "0.9). Das Protokoll spielt die Schritte des Durchlaufs mit der aktuellen Fassung "
            "der Datei nach: Situationen, Optionen, Rückmeldungen, Ausgang, Musterantworten und "
            "Bewertung unten stammen aus dieser Fassung und können von dem abweichen, was "
            "während des Durchlaufs zu sehen war.",
        ),
    ],
    ids=["en", "de"],
)
def test_the_journal_of_a_changed_exercise_says_it_retells_the_current_version(
    tmp_path: Path, library: Library, capsys: pytest.CaptureFixture[str], lang: str, flag: str
) -> None:
    path = save_result(tmp_path, changed(drill_run(library)))
    argv = ["--content", str(DATA), "--lang", lang, "report", str(path), "--journal"]
    assert main(argv) == 0
    journal = capsys.readouterr().out
    assert f"\n\n{flag}\n\n## " in journal
    assert journal.index(flag) < journal.index("## "), "before the first retold words"


def test_the_journal_of_an_unchanged_exercise_has_no_such_note(library: Library) -> None:
    f = _file(library, "tiny-drill-en")
    assert isinstance(f.model, Scenario)
    journal = render_journal(f.model, drill_run(library), "en")
    assert "has changed since" not in journal


def test_a_journal_of_runs_whose_content_is_not_loaded_says_why(
    tmp_path: Path, library: Library, capsys: pytest.CaptureFixture[str]
) -> None:
    """Not "--journal needs at least one exercise result": one was given."""
    content, check, drill = _folders(tmp_path, library)
    argv = ["--content", str(content), "--lang", "en", "report", str(check), str(drill)]
    assert main([*argv, "--journal"]) == 2
    err = capsys.readouterr().err
    assert "the content these results were taken on is not loaded: tiny-drill-en" in err


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        (
            "en",
            "--journal needs at least one exercise result (a run of a scenario); the files "
            "given are self-assessments",
        ),
        (
            "de",
            "--journal braucht mindestens ein Übungsergebnis (einen Durchlauf eines "
            "Szenarios); die angegebenen Dateien sind Selbstchecks",
        ),
    ],
    ids=["en", "de"],
)
def test_a_journal_of_self_assessments_only_says_so_in_the_readers_language(
    tmp_path: Path,
    library: Library,
    capsys: pytest.CaptureFixture[str],
    lang: str,
    sentence: str,
) -> None:
    path = save_result(tmp_path, check_run(library))
    argv = ["--content", str(DATA), "--lang", lang, "report", str(path), "--journal"]
    assert main(argv) == 2
    assert capsys.readouterr().err == f"readiness: {sentence}\n"
