"""The starter kit: six editable documents filled with what the participant answered and did."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_budget import examples

from readiness.analysis.build import attach, build_report
from readiness.cli.main import main
from readiness.content.loader import ContentFile, Library, load_paths
from readiness.engine import Run, new_scenario_result
from readiness.errors import UsageError
from readiness.i18n import Lang, t
from readiness.models.results import Answer, AssessmentResult, ScenarioResult
from readiness.models.scenario import Scenario
from readiness.reports.kit import KIT_FILES, ROLES, name_variants, render_kit, write_kit
from readiness.reports.kit_topics import (
    CRISIS_ORDER,
    GUIDE_ORDER,
    GUIDELINE_SECTIONS,
    crisis_type,
)
from readiness.storage import save_result

KIT = Path(__file__).parent.parent / "data" / "kit"
TEMPLATES = Path(__file__).parent.parent.parent / "readiness" / "reports" / "templates" / "kit"
T0 = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)
HOSTILE_ORG = "Nordlicht <script>alert(1)</script> [bold red]Mode[/] GmbH"
HOSTILE_REPLY = (
    "Sorry, [bold red]we[/] are <b>on it</b>.\n# Not a heading\n"
    "The photos of our new collection went out too early; more news soon."
)


@pytest.fixture(scope="module")
def library() -> Library:
    lib = load_paths([KIT], with_builtin=False)
    assert not lib.errors, [str(p) for p in lib.errors]
    return lib


def content(library: Library, ident: str) -> ContentFile:
    found = library.get(ident)
    assert found is not None
    return found


def answers(lang: Lang) -> dict[str, Answer]:
    common = {
        "strategy-goals": Answer(value="2"),
        "audience-defined": Answer(value="vague", note="Marketing says <b>everyone</b> [red]![/]"),
        "legal-impressum": Answer(value="no"),
        "crisis-contact": Answer(value="no"),
    }
    if lang == "de":
        return common
    return common | {
        "content-core-messages": Answer(value="no"),
        "resources-deputy": Answer(value="yes"),
        "channels-2fa": Answer(value="no"),
        "legal-copyright": Answer(value="no"),
        "crisis-monitoring": Answer(value="chance"),
    }


def assessment(library: Library, lang: Lang = "en") -> AssessmentResult:
    f = content(library, f"kit-check-{lang}")
    return AssessmentResult(
        run_id=f"check-{lang}",
        content_id=f.id,
        content_version="1.0",
        content_hash=f.sha256,
        language=lang,
        participant="Fox <script>x</script>",
        started_at=T0,
        updated_at=T0,
        answers=answers(lang),
    )


def exercise(
    library: Library, lang: Lang = "en", reply: str | None = HOSTILE_REPLY, org: str = HOSTILE_ORG
) -> ScenarioResult:
    """A real run through the engine: answer openly, then write `reply` (None: let the
    countdown run out)."""
    f = content(library, f"kit-drill-{lang}")
    model = f.model
    assert isinstance(model, Scenario)
    run = Run(model, new_scenario_result(model, values={"org": org}, content_hash=f.sha256))
    run.choose("answer")
    if reply is None:
        run.wait()
    else:
        run.reply(reply)
    assert run.finished
    return run.result


def kit(
    library: Library, results: list[AssessmentResult | ScenarioResult], lang: Lang = "en"
) -> dict[str, str]:
    items = attach(library, results)
    return render_kit(build_report(items, lang), items, lang)


def sections(text: str) -> dict[str, str]:
    """Level-2 heading -> the text under it."""
    parts = re.split(r"^## ", text, flags=re.MULTILINE)[1:]
    return {p.split("\n", 1)[0]: p.split("\n", 1)[1] for p in parts}


@pytest.fixture(scope="module")
def english(library: Library) -> dict[str, str]:
    return kit(library, [assessment(library), exercise(library)])


@pytest.fixture(scope="module")
def german(library: Library) -> dict[str, str]:
    return kit(library, [assessment(library, "de"), exercise(library, "de")], "de")


def test_write_kit_writes_the_six_documents(library: Library, tmp_path: Path) -> None:
    items = attach(library, [assessment(library), exercise(library)])
    written = write_kit(tmp_path / "kit", build_report(items, "en"), items, "en")
    assert [p.name for p in written] == list(KIT_FILES)
    for path in written:
        text = path.read_text(encoding="utf-8")
        assert text.startswith("# "), path.name
        assert "[TO COMPLETE]" in text, f"{path.name} has no open field to fill"
    assert sorted(p.name for p in (tmp_path / "kit").iterdir()) == sorted(KIT_FILES)


def test_strategy_frame_quotes_the_answers_with_scores_and_gaps(english: dict[str, str]) -> None:
    frame = sections(english["01-strategy-frame.md"])
    goals = frame["2. Measurable goals"]
    assert "**Strategy: your score 25 · target 80 · gap 55**" in goals
    assert (
        "*Our goals have a number and a deadline.* — you answered: **Disagree** (25/100)" in goals
    )
    assert "- [ ] Give every goal a number, a baseline and a deadline." in goals
    audience = frame["1. Audience: whom we want to reach"]
    assert "you answered: **Everyone \\[bold\\]really\\[/bold\\]** (0/100)" in audience
    assert "note: Marketing says &lt;b&gt;everyone&lt;/b&gt;" in audience
    assert (
        "*Is there a deputy with their own access?* — you answered: **Yes** (100/100)"
        in (frame["5. Resources and roles"])
    )
    for title in ("Audience", "Measurable goals", "Core messages", "Channels", "Resources"):
        body = next(v for k, v in frame.items() if title in k)
        assert "[TO COMPLETE]" in body, f"{title}: no open field"


def test_guidelines_place_each_action_under_its_heading(english: dict[str, str]) -> None:
    guide = sections(english["02-guidelines-skeleton.md"])
    headings = list(guide)
    expected = [t(f"kit.guide.{k}", "en") for k in GUIDE_ORDER]
    assert [h.split(". ", 1)[1] for h in headings] == expected
    by_title = {h.split(". ", 1)[1]: body for h, body in guide.items()}
    assert "- [ ] Link the Impressum from every profile bio." in by_title["Impressum (imprint)"]
    assert "- [ ] Start a media register" in by_title["Copyright and image rights"]
    assert "- [ ] Write an escalation list" in by_title["Escalation: when and whom to call"]
    # Strategy-frame actions are not guideline topics.
    assert "Give every goal a number" not in english["02-guidelines-skeleton.md"]
    # Each action is traced to the answer behind it.
    assert (
        "because of *Does every profile link to the Impressum?* — you answered: **No**"
        in (by_title["Impressum (imprint)"])
    )


def test_holding_statement_is_built_from_the_own_reply_and_the_model_answer(
    english: dict[str, str],
) -> None:
    doc = english["03-holding-statements.md"]
    assert "## 1. Leak of confidential material: Photos out too early" in doc
    # The participant's own words, line by line, inert.
    assert "> Sorry, \\[bold red\\]we\\[/\\] are &lt;b&gt;on it&lt;/b&gt;." in doc
    assert "> \\# Not a heading" in doc
    # What the rubric missed is marked in the draft and open on the checklist.
    assert "> [TO COMPLETE] → Promises an update" in doc
    assert "- [ ] Promises an update — Say when you will say more." in doc
    assert "- [x] Apologises" in doc
    # The scenario's model answer, with the run's placeholder values.
    assert "> We are sorry: photos of Polarstern were shared before the show." in doc


def test_a_reply_never_written_starts_from_the_model_answer(library: Library) -> None:
    doc = kit(library, [exercise(library, reply=None)])["03-holding-statements.md"]
    assert "you did not post a reply in time" in doc
    assert "> Please do not share them further. Update at 5 pm." in doc
    assert "- [ ] Apologises" in doc and "- [ ] Promises an update" in doc


def test_without_exercises_there_are_statements_for_the_common_crisis_types(
    library: Library,
) -> None:
    doc = kit(library, [assessment(library)])["03-holding-statements.md"]
    titles = [h.split(". ", 1)[1] for h in sections(doc)]
    assert titles == [t(f"kit.crisis.{k}", "en") for k in CRISIS_ORDER]
    assert "Our [TO COMPLETE] account has been taken over" in doc


def test_crisis_contacts_list_roles_severity_and_who_came_up(english: dict[str, str]) -> None:
    doc = english["04-crisis-contacts.md"]
    assert "| Role | Name | Phone (mobile) | Deputy | Deputy's phone |" in doc
    for key in ROLES:
        assert f"| {t(f'kit.role.{key}', 'en')} | [TO COMPLETE] |" in doc
    levels = sections(doc)["Severity levels"]
    assert [line.split(" | ")[0] for line in levels.splitlines() if line[:3] in {"| 1", "| 2"}] == [
        "| 1 Routine",
        "| 2 Issue",
    ]
    assert "| 4 Severe |" in levels and "acknowledge within 1 hour" in levels
    assert "- *Photos out too early*: legal" in doc  # the lawyer wrote in during the exercise
    assert "*Is there an escalation list with phone numbers?* — you answered: **No**" in doc


def test_monitoring_keywords_come_from_the_exercise(library: Library) -> None:
    org = "Nordlicht Mode GmbH"
    doc = kit(library, [exercise(library, org=org)])["05-monitoring-keywords.md"]
    for variant in ("Nordlicht Mode GmbH", "Nordlicht Mode", "@nordlichtmode", "\\#NordlichtMode"):
        assert f"- [ ] {variant}\n" in doc
    assert "- [ ] Polarstern (Name of the new collection, from *Photos out too early*)" in doc
    assert "- [ ] \\#PolarsternLeak (came up in your exercises)" in doc
    words = sections(doc)["Crisis words"]
    assert "### Leak of confidential material" in words and "- [ ] embargo" in words
    assert "### Shitstorm" not in words  # only the types practised


def test_name_variants_drop_the_legal_form() -> None:
    assert name_variants("Sozialwerk Lindenau e.V.") == [
        "Sozialwerk Lindenau e.V.",
        "Sozialwerk Lindenau",
        "sozialwerk lindenau",
        "@sozialwerklindenau",
        "#SozialwerkLindenau",
    ]
    assert name_variants("   ") == []


def test_action_plan_is_a_table_with_owner_and_due_quick_wins_first(
    library: Library, english: dict[str, str]
) -> None:
    doc = english["06-action-plan.md"]
    header = "| # | Action | Area | Effort | Impact | Because you answered | Owner | Due | Done |"
    assert header in doc
    rows = [line for line in doc.splitlines() if re.match(r"^\| \d+ \|", line)]
    report = build_report(attach(library, [assessment(library), exercise(library)]), "en")
    assert len(rows) == len(report.actions)
    quick = [row.split(" | ")[1].startswith("⚡") for row in rows]
    assert quick == sorted(quick, reverse=True), "a quick win comes after a slower action"
    for row, action in zip(rows, report.actions, strict=True):
        cells = [c.strip() for c in row.strip("|").split("|")]
        assert all(f"({q})" in cells[5] for q in action.questions), "not traceable"
        assert cells[6:9] == ["", "", ""], "Owner, Due and Done are for the team to fill"
    assert "escalation list &lt;img src=x onerror=steal(1)&gt; with deputies" in rows[0]


def test_a_kit_from_an_exercise_alone_still_has_every_document(library: Library) -> None:
    docs = kit(library, [exercise(library)])
    assert list(docs) == list(KIT_FILES)
    assert "The self-assessment did not cover this" in docs["01-strategy-frame.md"]
    assert "Add your own steps" in docs["06-action-plan.md"]


def test_hostile_text_stays_inert_in_every_document(english: dict[str, str]) -> None:
    for name, text in english.items():
        assert "<" not in text, f"{name}: raw angle bracket"
        assert not re.search(r"(?<!\\)\[(bold|red|/)", text), f"{name}: live Rich markup"
        assert "Fox &lt;script&gt;x&lt;/script&gt;" in text, f"{name}: participant not shown"


@settings(max_examples=examples(40), suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.text(
        st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\r"),
        min_size=1,
        max_size=200,
    ).filter(lambda s: s.strip())
)
def test_any_reply_stays_inside_its_quote(library: Library, reply: str) -> None:
    doc = kit(library, [exercise(library, reply=reply)])["03-holding-statements.md"]
    draft = doc.split("**Draft, from your own reply", 1)[1].split("**Model answer", 1)[0]
    lines = [line for line in draft.splitlines()[1:] if line.strip()]
    assert lines and all(line.startswith(">") for line in lines)
    assert "<" not in doc


def test_german_kit_is_german(german: dict[str, str]) -> None:
    docs = german
    joined = "\n".join(docs.values())
    assert docs["01-strategy-frame.md"].startswith("# Strategierahmen")
    assert "[AUSFÜLLEN]" in joined and "[TO COMPLETE]" not in joined
    for english_phrase in (
        "you answered",
        "Where you stand",
        "Next steps",
        "before it goes out",
        "Owner",
    ):
        assert english_phrase not in joined
    assert (
        "*Unsere Ziele haben eine Zahl und eine Frist.* — Ihre Antwort: **Trifft eher nicht zu**"
        in (docs["01-strategy-frame.md"])
    )
    assert "| Rolle | Name | Telefon (mobil) | Vertretung |" in docs["04-crisis-contacts.md"]
    assert (
        "> Es tut uns leid: Fotos von Polarstern wurden vor der Schau geteilt."
        in (docs["03-holding-statements.md"])
    )
    assert "| Verantwortlich | Bis | Erledigt |" in docs["06-action-plan.md"]
    assert "- [ ] Sperrfrist" in docs["05-monitoring-keywords.md"]


def test_existing_files_are_never_overwritten_without_force(
    library: Library, tmp_path: Path
) -> None:
    items = attach(library, [assessment(library)])
    report = build_report(items, "en")
    write_kit(tmp_path, report, items, "en")
    edited = tmp_path / "04-crisis-contacts.md"
    edited.write_text("our filled-in contacts", encoding="utf-8")
    (tmp_path / "06-action-plan.md").unlink()
    with pytest.raises(UsageError) as refused:
        write_kit(tmp_path, report, items, "en")
    assert str(refused.value) == (
        f"{tmp_path / '01-strategy-frame.md'} already exists; "
        "add --force to overwrite the starter kit in that folder."
    )
    assert edited.read_text(encoding="utf-8") == "our filled-in contacts"
    assert not (tmp_path / "06-action-plan.md").exists(), "a refused kit wrote a file"
    write_kit(tmp_path, report, items, "en", force=True)
    assert edited.read_text(encoding="utf-8").startswith("# Crisis contacts")
    assert not list(tmp_path.glob(".*.tmp")), "a temporary file was left behind"


def test_a_file_in_place_of_the_folder_is_refused(library: Library, tmp_path: Path) -> None:
    items = attach(library, [assessment(library)])
    blocker = tmp_path / "kit"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(UsageError, match="is a file; name a folder"):
        write_kit(blocker, build_report(items, "en"), items, "en")


def test_command_line_kit_refuses_to_overwrite_until_forced(
    library: Library, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    results = tmp_path / "results"
    files = [save_result(results, assessment(library)), save_result(results, exercise(library))]
    out = tmp_path / "kit"
    args = ["report", *map(str, files), "--content", str(KIT), "--lang", "en", "--kit", str(out)]
    assert main([*args, "-o", str(tmp_path / "report.md")]) == 0
    assert sorted(p.name for p in out.iterdir()) == sorted(KIT_FILES)
    capsys.readouterr()
    assert main([*args, "-o", str(tmp_path / "report.md")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "already exists; add --force" in err
    assert main([*args, "--force", "-o", str(tmp_path / "report.md")]) == 0


def test_a_run_that_no_longer_replays_still_gives_its_reply(library: Library) -> None:
    result = exercise(library)
    result.steps[0].entered_minute = 99  # the scenario "changed": replay refuses
    doc = kit(library, [result])["03-holding-statements.md"]
    assert "> Sorry, \\[bold red\\]we\\[/\\] are &lt;b&gt;on it&lt;/b&gt;." in doc
    assert "- [ ] Promises an update" in doc


def test_crisis_type_comes_from_id_then_tags(library: Library) -> None:
    drill = content(library, "kit-drill-en").model
    assert isinstance(drill, Scenario)
    assert crisis_type(drill) == "leak"  # by its tags
    neutral = drill.model_copy(update={"translation_id": None, "tags": [], "title": "A day"})
    assert crisis_type(neutral) == "other"
    hacked = neutral.model_copy(update={"id": "account-takeover-en"})
    assert crisis_type(hacked) == "account_takeover"
    german = neutral.model_copy(update={"tags": ["Datenschutz", "Ehrenamt"]})
    assert crisis_type(german) == "data_breach"


def test_every_document_has_a_template_in_both_languages_and_its_labels() -> None:
    for lang in ("en", "de", "de-du"):
        assert sorted(p.name for p in (TEMPLATES / lang).glob("0*.md.j2")) == [
            f"{name}.j2" for name in KIT_FILES
        ]
    assert sorted(GUIDE_ORDER) == sorted(k for k, _ in GUIDELINE_SECTIONS)
    keys = [f"kit.guide.{k}" for k in GUIDE_ORDER] + [f"kit.role.{k}" for k in ROLES]
    keys += [f"kit.crisis.{k}" for k in CRISIS_ORDER] + [f"kit.words.{k}" for k in CRISIS_ORDER]
    for key in keys:
        assert t(key, "en") != key, f"{key} missing from readiness/i18n/kit.toml"


def test_a_kit_for_a_self_check_that_says_du_says_du(tmp_path: Path) -> None:
    """The kit's own words follow the self-check's form of address: du around a self-check
    that says du (from `kit/de-du/` and the du variants of its labels), Sie otherwise."""
    for name in ("kit-check.de.toml", "kit-drill.de.toml"):
        text = (KIT / name).read_text(encoding="utf-8")
        if name.startswith("kit-check"):
            text = text.replace('language = "de"\n', 'language = "de"\naddress = "du"\n', 1)
        (tmp_path / name).write_text(text, encoding="utf-8")
    du_library = load_paths([tmp_path], with_builtin=False)
    assert not du_library.errors, [str(p) for p in du_library.errors]
    docs = kit(du_library, [assessment(du_library, "de"), exercise(du_library, "de")], "de")
    joined = "\n".join(docs.values())
    assert "Zitierte Antworten zeigen, wo du stehst" in joined
    assert "— Deine Antwort: **Trifft eher nicht zu**" in docs["01-strategy-frame.md"]
    assert "Füll die offenen Felder" in docs["01-strategy-frame.md"]
    assert "Du betreust deine Kanäle allein?" in docs["04-crisis-contacts.md"]
    assert "aus deinen Ergebnissen erstellt" in joined
    own_words = re.sub(r"^>.*$", "", joined, flags=re.MULTILINE)  # quoted statements aside
    for formal in ("Ihre Antwort", "Füllen Sie", "wo Sie stehen", "aus Ihren Ergebnissen"):
        assert formal not in own_words


def test_the_crisis_contacts_tell_someone_working_alone_whom_to_bring_in(
    english: dict[str, str], german: dict[str, str]
) -> None:
    """The severity table names an organisation's roles ("top management" owns level 4); a
    solo creator reads that as themselves. The page says what the levels mean for them: when
    to stop handling it alone and whom to bring in at each level."""
    for doc, heading, alone, level_four in (
        (
            english["04-crisis-contacts.md"],
            "Severity levels",
            "Running your channels on your own?",
            "who takes over your accounts if you cannot go\non (level 4)",
        ),
        (
            german["04-crisis-contacts.md"],
            "Schweregrade",
            "Sie betreuen Ihre Kanäle allein?",
            "wer Ihre Konten übernimmt, wenn Sie nicht weitermachen können (Stufe 4)",
        ),
    ):
        levels = sections(doc)[heading]
        assert alone in levels and level_four in levels


def test_the_strategy_frame_is_signed_off_by_whoever_decides(
    english: dict[str, str], german: dict[str, str]
) -> None:
    """A solo creator takes the same self-check as an organisation: the page asks who signed
    it off instead of requiring management, and says what to do when working alone."""
    for frame, heading, alone, line in (
        (
            english["01-strategy-frame.md"],
            "Sign-off",
            "if you run them on your own",
            "- Signed off (by whom, on which date):",
        ),
        (
            german["01-strategy-frame.md"],
            "Verabschiedung",
            "wer allein arbeitet",
            "- Verabschiedet (von wem, an welchem Tag):",
        ),
    ):
        assert alone in frame
        assert sections(frame)[heading].lstrip().startswith(line)
        assert "management on" not in frame and "Mit der Leitung vereinbart" not in frame


def test_the_header_dates_the_kit_the_way_its_language_writes_dates(
    english: dict[str, str], german: dict[str, str]
) -> None:
    """The German kit said "vom 2026-12-05 07:04" where every other German output writes
    "05.12.2026, 07:04" (`readiness.i18n.formats.day_time`)."""
    for text in german.values():
        assert re.search(
            r"^> Entwurf aus der Lückenanalyse von readiness vom "
            r"\d\d\.\d\d\.\d{4}, \d\d:\d\d\. ",
            text,
            re.MULTILINE,
        ), text[:300]
    for text in english.values():
        assert re.search(
            r"^> Draft from the readiness gap report of "
            r"\d{4}-\d\d-\d\d \d\d:\d\d\. ",
            text,
            re.MULTILINE,
        ), text[:300]
