"""Issue 16: every trainer mistake is caught, with the exact message at the exact line.

Each test edits a valid fixture the way a trainer would by hand (text replacement, not a
round trip through a TOML writer), so line numbers are those the trainer sees."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from readiness.content.loader import load_paths, parse_file
from readiness.content.problems import ContentProblem
from readiness.i18n import set_language

DATA = Path(__file__).parent.parent / "data" / "authoring"


@pytest.fixture(autouse=True)
def _english() -> object:
    set_language("en")
    yield
    set_language("en")


def edited(tmp_path: Path, name: str, old: str, new: str, count: int = 1) -> Path:
    """A copy of a fixture with one hand edit; fails if the text to replace is not there."""
    text = (DATA / name).read_text(encoding="utf-8")
    assert old in text, old
    path = tmp_path / name
    path.write_text(text.replace(old, new, count), encoding="utf-8")
    return path


def line_no(path: Path, snippet: str, occurrence: int = 1) -> int:
    """1-based number of the line holding `snippet` (its n-th occurrence)."""
    hits = [n for n, line in enumerate(path.read_text("utf-8").splitlines(), 1) if snippet in line]
    return hits[occurrence - 1]


def errors_of(path: Path) -> list[ContentProblem]:
    lib = load_paths([path], with_builtin=False)
    return [p for p in lib.problems if p.severity == "error"]


def where(problem: ContentProblem) -> tuple[str, str, int | None, int | None]:
    return problem.key, problem.message.text("en"), problem.line, problem.column


# -- 1. no type coercion ---------------------------------------------------------------------


def test_a_number_in_quotes_is_an_error_naming_the_type_at_the_value(tmp_path: Path) -> None:
    path = edited(tmp_path, "mini.en.toml", "time_limit = 60", 'time_limit = "60"')
    [problem] = errors_of(path)
    assert where(problem) == (
        "nodes.d1.time_limit",
        'must be a whole number without quotes, e.g. 60; found the text "60"',
        line_no(path, 'time_limit = "60"'),
        14,
    )


def test_whole_numbers_stay_fine_where_decimals_are_expected(tmp_path: Path) -> None:
    # `per_minute` is a decimal field: TOML `1` (an integer) must keep validating.
    path = edited(tmp_path, "mini.en.toml", "per_minute = 1", "per_minute = 2")
    assert errors_of(path) == []


@pytest.mark.parametrize(
    ("old", "new", "message", "column"),
    [
        (
            'expert = "answer"',
            "expert = 3",
            'must be text in quotes, e.g. "..."; found the number 3',
            10,
        ),
        (
            'title = "Speed"',
            "title = true",
            'must be text in quotes, e.g. "..."; found true',
            9,
        ),
        (
            "initial = 10",
            'initial = "10"',
            'must be a number without quotes, e.g. 60 or 2.5; found the text "10"',
            11,
        ),
    ],
)
def test_other_wrong_types(tmp_path: Path, old: str, new: str, message: str, column: int) -> None:
    path = edited(tmp_path, "mini.en.toml", old, new)
    [problem] = errors_of(path)
    assert (problem.message.text("en"), problem.line, problem.column) == (
        message,
        line_no(path, new),
        column,
    )


# -- 7. lines of the offending key or value --------------------------------------------------


def test_a_misspelt_key_points_at_itself_and_comes_before_the_missing_one(
    tmp_path: Path,
) -> None:
    path = edited(tmp_path, "mini.en.toml", 'next = "r1"', 'nxt = "r1"')
    first, second = errors_of(path)
    assert where(first) == (
        "nodes.d1.choices.answer.nxt",
        'unknown key "nxt" (did you mean "next"?)',
        line_no(path, 'nxt = "r1"'),
        1,
    )
    assert (second.key, second.message.text("en")) == (
        "nodes.d1.choices.answer.next",
        "required key is missing",
    )
    assert second.line == line_no(path, "[[nodes.choices]]")


def test_a_duplicate_id_points_at_the_second_item(tmp_path: Path) -> None:
    path = edited(tmp_path, "mini.en.toml", 'id = "ignore"', 'id = "answer"')
    [problem] = errors_of(path)
    assert where(problem) == (
        "nodes.d1.choices.answer",
        'duplicate id "answer"',
        line_no(path, 'id = "answer"', occurrence=2),
        6,
    )


def test_a_wrong_reference_points_at_its_value_not_the_id_line(tmp_path: Path) -> None:
    path = edited(tmp_path, "mini.en.toml", 'next = "bad"', 'next = "bda"')
    [problem] = errors_of(path)
    assert where(problem) == (
        "nodes.d1.timeout.next",
        'unknown node "bda" (did you mean "bad"?)',
        line_no(path, 'next = "bda"'),
        8,
    )


def test_an_unclosed_multiline_string_is_reported_where_it_opens(tmp_path: Path) -> None:
    path = edited(
        tmp_path,
        "mini.en.toml",
        'situation = "A complaint is online."',
        'situation = """A complaint is online.\nIt grows."',
    )
    content, [problem] = parse_file(path)
    assert content is None
    assert (problem.message.text("en"), problem.line, problem.column) == (
        "a multi-line string opens here and is never closed: add the closing \"\"\" (or ''')",
        line_no(path, 'situation = """'),
        13,
    )


# -- 8. encodings ----------------------------------------------------------------------------


def test_a_utf8_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "mini.en.toml"
    path.write_bytes(b"\xef\xbb\xbf" + (DATA / "mini.en.toml").read_bytes())
    content, problems = parse_file(path)
    assert content is not None and problems == []


def test_a_utf16_file_is_named_as_such(tmp_path: Path) -> None:
    path = tmp_path / "mini.en.toml"
    path.write_text((DATA / "mini.en.toml").read_text("utf-8"), encoding="utf-16")
    content, [problem] = parse_file(path)
    assert content is None
    assert problem.message.text("en") == (
        "the file is saved as UTF-16; save it as UTF-8 (in most editors: Save as, Encoding UTF-8)"
    )


def test_a_file_saved_as_latin1_is_named_at_the_character_by_line_and_column(
    tmp_path: Path,
) -> None:
    """A trainer saved a file as Latin-1 with an "ä" in a title; the message gave a byte
    offset, which no editor shows. Now: the line and column of the "ä", and what to do."""
    text = (DATA / "mini.en.toml").read_text("utf-8")
    line, title = next((n, s) for n, s in enumerate(text.splitlines(), 1) if s.startswith("title"))
    path = tmp_path / "mini.en.toml"
    path.write_bytes(text.replace(title, 'title = "Beschwerde über Lärm"').encode("latin-1"))
    content, [problem] = parse_file(path)
    assert content is None
    assert (problem.line, problem.column) == (line, 21)
    assert problem.text("en") == (
        f"{path}:{problem.line}:21: (file): the file is not saved as UTF-8 (the character here is"
        " in another encoding, such as Latin-1 or Windows-1252): save it as UTF-8 (in most"
        " editors: Save as, Encoding UTF-8)"
    )
    assert problem.text("de") == (
        f"{path}:{problem.line}:21: (Datei): die Datei ist nicht als UTF-8 gespeichert (das"
        " Zeichen hier hat eine andere Codierung, etwa Latin-1 oder Windows-1252): speichern Sie"
        " sie als UTF-8 (in den meisten Editoren: Speichern unter, Codierung UTF-8)"
    )


# -- 11. German messages ---------------------------------------------------------------------


def test_messages_follow_the_language(tmp_path: Path) -> None:
    path = edited(tmp_path, "mini.en.toml", "time_limit = 60", 'time_limit = "60"')
    [problem] = errors_of(path)
    assert problem.message.text("de") == (
        'muss eine ganze Zahl ohne Anführungszeichen sein, z. B. 60; gefunden: der Text "60"'
    )


# -- 2. one scale: 0..100 --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "key", "fixed"),
    [
        ("min_score = 50 }", "min_score = 0.5 }", "min_score", "50"),
        ("below = 50,", "below = 0.5,", "questions.yes.critical.below", "50"),
    ],
)
def test_a_fraction_where_0_to_100_is_meant_is_flagged_with_the_fix(
    tmp_path: Path, old: str, new: str, key: str, fixed: str
) -> None:
    path = edited(tmp_path, "full.assessment.toml", old, new)
    [problem] = errors_of(path)
    assert key in problem.key
    assert problem.message.text("en") == (
        f"looks like a fraction: every score in a file is on the 0–100 scale; write {fixed}, "
        "not 0.5"
    )
    assert problem.line == line_no(path, new)


def test_profile_targets_and_weakest_link_on_the_same_scale(tmp_path: Path) -> None:
    text = (DATA / "quiz.en.toml").read_text(encoding="utf-8")
    path = tmp_path / "quiz.en.toml"
    path.write_text(
        text
        + '\n[weakest_link]\nbelow = 0.3\nmax_level = "ready"\n'
        + '\n[[profiles]]\nid = "small"\ntitle = "Small"\ntargets = { backing = 0.9 }\n',
        encoding="utf-8",
    )
    problems = sorted((p.key, p.message.text("en"), p.line) for p in errors_of(path))
    assert problems == [
        (
            "profiles.small.targets.backing",
            "looks like a fraction: every score in a file is on the 0–100 scale; write 90, not 0.9",
            line_no(path, "targets = { backing = 0.9 }"),
        ),
        (
            "weakest_link.below",
            "looks like a fraction: every score in a file is on the 0–100 scale; write 30, not 0.3",
            line_no(path, "below = 0.3"),
        ),
    ]


def test_a_level_written_as_a_fraction_names_the_scale_not_the_order(tmp_path: Path) -> None:
    path = edited(tmp_path, "quiz.en.toml", "min_score = 60", "min_score = 0.6")
    [problem] = errors_of(path)
    assert (problem.message.text("en"), problem.line) == (
        "looks like a fraction: every score in a file is on the 0–100 scale; write 60, not 0.6",
        line_no(path, "min_score = 0.6"),
    )


# -- 3. empty keywords -----------------------------------------------------------------------


@pytest.mark.parametrize("keyword", ['""', '"   "'])
def test_an_empty_keyword_is_an_error(tmp_path: Path, keyword: str) -> None:
    path = edited(
        tmp_path, "mini.en.toml", 'keywords = ["sorry"]', f'keywords = ["sorry", {keyword}]'
    )
    [problem] = errors_of(path)
    assert where(problem) == (
        "nodes.r1.rubric.sorry.keywords[2]",
        "is empty or only spaces: no reply can contain it; remove it or write the word",
        line_no(path, "keywords = ["),
        22,
    )


# -- 4. the translation counterpart is found wherever it lives -------------------------------


def with_extra_choice(text: str) -> str:
    """The German file with one choice more at d2 than the English one."""
    ending = '\n[[nodes]]\ntype = "ending"\nid = "good"'
    assert ending in text
    extra = '\n[[nodes.choices]]\nid = "extra"\ntext = "Mehr."\nnext = "good"\nfeedback = "Mehr."\n'
    return text.replace(ending, extra + ending, 1)


def translation_warnings_of(problems: list[ContentProblem]) -> list[str]:
    return [
        p.message.text("en")
        for p in problems
        if p.key == "nodes.d2.choices" and p.severity == "warning"
    ]


def test_one_file_is_checked_against_its_counterpart_in_the_same_folder(tmp_path: Path) -> None:
    (tmp_path / "mini.en.toml").write_text((DATA / "mini.en.toml").read_text("utf-8"), "utf-8")
    german = tmp_path / "mini.de.toml"
    german.write_text(with_extra_choice((DATA / "mini.de.toml").read_text("utf-8")), "utf-8")
    lib = load_paths([german])
    assert translation_warnings_of(lib.problems) == [
        'differs from its en translation mini.en.toml: missing here: -; not there: "extra"'
    ]
    assert {p.path for p in lib.problems} == {german}


def test_one_file_is_checked_against_its_counterpart_in_a_content_folder(tmp_path: Path) -> None:
    (tmp_path / "shared").mkdir()
    (tmp_path / "mine").mkdir()
    (tmp_path / "shared" / "mini.en.toml").write_text(
        (DATA / "mini.en.toml").read_text("utf-8"), "utf-8"
    )
    german = tmp_path / "mine" / "mini.de.toml"
    german.write_text(with_extra_choice((DATA / "mini.de.toml").read_text("utf-8")), "utf-8")
    assert translation_warnings_of(load_paths([german]).problems) == []
    lib = load_paths([german], extra_dirs=[tmp_path / "shared"])
    assert len(translation_warnings_of(lib.problems)) == 1


# -- 5. a user file with a built-in id replaces it, everywhere the library is used -----------


def builtin_copy(tmp_path: Path) -> tuple[Path, Path]:
    from readiness.content.loader import builtin_dirs

    original = builtin_dirs()[1] / "leaked-photos.en.toml"
    mine = tmp_path / "leaked-photos.en.toml"
    mine.write_text(
        original.read_text("utf-8").replace('title = "', 'title = "My ', 1), encoding="utf-8"
    )
    return original, mine


def test_a_user_file_replaces_the_builtin_with_its_id_and_says_so(tmp_path: Path) -> None:
    from readiness.content.loader import load_library

    original, mine = builtin_copy(tmp_path)
    lib = load_library([tmp_path])
    chosen = lib.get("leaked-photos-en")
    assert chosen is not None and chosen.path == mine and not chosen.builtin
    [notice] = [p for p in lib.problems if p.severity == "notice"]
    assert (notice.path, notice.key, notice.line) == (mine, "id", line_no(mine, "id = "))
    assert notice.message.text("en") == (
        f'replaces the built-in file with the id "leaked-photos-en" ({original}): this file is '
        "used instead"
    )
    assert lib.errors == []


def test_list_and_validate_apply_the_same_rule(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from readiness.cli.main import main

    _, mine = builtin_copy(tmp_path)
    assert main(["list", "--json", "--content", str(tmp_path)]) == 0
    captured = capsys.readouterr()
    entries = [e for e in json.loads(captured.out) if e["id"] == "leaked-photos-en"]
    assert [e["path"] for e in entries] == [str(mine)]
    assert main(["list", "--content", str(tmp_path)]) == 0
    assert "notice: replaces the built-in file" in capsys.readouterr().err
    assert main(["validate", str(mine)]) == 0
    out = capsys.readouterr().out
    assert f"{mine}:{line_no(mine, 'id = ')}:6: id: notice: replaces the built-in file" in out


def test_two_user_files_with_one_id_name_both_files_and_lines(tmp_path: Path) -> None:
    first = tmp_path / "a.en.toml"
    second = tmp_path / "b.en.toml"
    for path in (first, second):
        path.write_text((DATA / "mini.en.toml").read_text("utf-8"), "utf-8")
    lib = load_paths([tmp_path], with_builtin=False)
    [problem] = lib.errors
    assert where(problem) == (
        "id",
        f'duplicate id "mini-en": {first}:{line_no(first, "id = ")} uses it already; give this '
        "file another id",
        line_no(second, "id = "),
        6,
    )
    assert problem.path == second


# -- 6. an empty folder ----------------------------------------------------------------------


def test_a_folder_without_content_files_fails(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from readiness.cli.main import main

    assert main(["validate", str(tmp_path)]) == 1
    assert capsys.readouterr().out.splitlines()[0] == (
        f"{tmp_path}: (folder): this folder holds no content files (.toml); name a file or a "
        "folder with scenarios or assessments"
    )


# -- 9. train FILE / assess FILE show every error, the most useful first ---------------------


def test_a_broken_file_given_to_train_lists_its_errors_typo_first(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from readiness.cli.main import main

    path = edited(tmp_path, "mini.en.toml", 'next = "r1"', 'nxt = "r1"')
    assert main(["train", str(path)]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"readiness: {path} cannot be used; its errors, most useful first:",
        f'  {path}:{line_no(path, "nxt =")}:1: nodes.d1.choices.answer.nxt: unknown key "nxt" '
        '(did you mean "next"?)',
        f"  {path}:{line_no(path, '[[nodes.choices]]')}:1: nodes.d1.choices.answer.next: "
        "required key is missing",
    ]


def test_more_than_five_errors_end_with_how_to_see_the_rest(tmp_path: Path) -> None:
    from readiness.authoring.load import load_one
    from readiness.errors import ContentError

    text = (DATA / "mini.en.toml").read_text("utf-8")
    for key in ("title", "summary", "briefing", "duration_minutes", "start", "language"):
        text = text.replace(f"\n{key} = ", f"\n{key}_x = ", 1)
    path = tmp_path / "many.en.toml"
    path.write_text(text, "utf-8")
    with pytest.raises(ContentError) as caught:
        load_one(path, "en")
    lines = str(caught.value).splitlines()
    assert len(lines) == 7
    assert lines[-1] == f"  … and 6 more; see all with: readiness validate {path}"


# -- 13. ids everywhere, progress on a terminal ----------------------------------------------


def test_stats_and_simulate_accept_an_id(capsys: pytest.CaptureFixture[str]) -> None:
    from readiness.cli.main import main

    assert main(["stats", "leaked-photos-en"]) == 0
    assert capsys.readouterr().out.startswith("Statistics for leaked-photos-en")
    assert main(["simulate", "leaked-photos-en", "--random", "2", "--seed", "1"]) == 0
    out = capsys.readouterr()
    assert out.out.startswith("Simulated 2 random run")  # wording of the count: i18n catalogs
    assert "of leaked-photos-en (seed 1)" in out.out.splitlines()[0]
    assert out.err == ""  # not a terminal: no progress bar


def test_the_progress_bar_draws_on_a_terminal_and_clears_itself() -> None:
    import io

    from readiness.authoring.progress import ProgressBar

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    screen = Terminal()
    bar = ProgressBar(4, screen, "simulate", "en")
    for done in range(5):
        bar(done)
    bar.finish()
    assert screen.getvalue().startswith("\rsimulate [" + "." * 30 + "] 0/4 runs")
    assert "\rsimulate [" + "#" * 30 + "] 4/4 runs" in screen.getvalue()
    assert screen.getvalue().endswith("\r\033[K")
    quiet = io.StringIO()
    ProgressBar(4, quiet, "simulate", "en")(2)
    assert quiet.getvalue() == ""


def test_the_progress_bar_moves_in_place_behind_the_commands_visible_stream() -> None:
    """The command line shows every control character as a symbol (`VisibleStream`); the
    bar's own carriage return must still reach the terminal, or the bar is a long line of
    "␍" symbols instead of one line that fills up."""
    import io

    from readiness.authoring.progress import ProgressBar
    from readiness.text_safety import VisibleStream

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    screen = Terminal()
    bar = ProgressBar(4, VisibleStream(screen), "simulate\x1b[31m", "en")
    for done in range(5):
        bar(done)
    bar.finish()
    drawn = screen.getvalue()
    assert drawn.startswith("\rsimulate␛[31m [") and "␍" not in drawn
    assert "\x1b[31m" not in drawn  # text still goes through the visible stream
    assert drawn.endswith("\r\033[K")


# -- 14. broken files by name ----------------------------------------------------------------


def test_list_names_each_broken_file_with_its_first_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from readiness.cli.main import main

    path = edited(tmp_path, "mini.en.toml", "time_limit = 60", 'time_limit = "60"')
    assert main(["list", "--content", str(tmp_path)]) == 0
    assert capsys.readouterr().err.splitlines() == [
        "1 content file could not be loaded; run: readiness validate",
        f"  {path}:{line_no(path, 'time_limit')}:14: nodes.d1.time_limit: must be a whole "
        'number without quotes, e.g. 60; found the text "60"',
    ]


# -- 12. a step before the feed item it is about ---------------------------------------------

PRESS = (
    '\n[[injects]]\nid = "press-mail"\nat = 30\nchannel = "email"\n'
    'author = "Lena Vogt, Morgenpost"\ntext = "Three questions by noon."\n'
)


def warnings_of(path: Path) -> list[ContentProblem]:
    lib = load_paths([path], with_builtin=False)
    return [p for p in lib.problems if p.severity == "warning"]


def test_a_step_naming_a_person_before_their_message_arrives_is_flagged(
    tmp_path: Path,
) -> None:
    text = (DATA / "mini.en.toml").read_text("utf-8")
    text = text.replace("\n[[nodes]]\n", PRESS + "\n[[nodes]]\n", 1)
    text = text.replace(
        'situation = "A complaint is online."',
        'situation = "A complaint is online. Lena Vogt wants answers."',
    )
    path = tmp_path / "mini.en.toml"
    path.write_text(text, "utf-8")
    [problem] = warnings_of(path)
    assert where(problem) == (
        "nodes.d1.situation",
        'can show before the feed item "press-mail" it is about: on the fastest path the step '
        "comes at minute 0 (practice mode), the item at minute 30. Give the item a smaller `at`, "
        'or tie it to the step with `when = { visited = "d1" }`',
        line_no(path, "Lena Vogt wants answers"),
        13,
    )
    assert problem.code == "early-step"
    # Arriving with the step is fine.
    path.write_text(text.replace("at = 30\nchannel", "at = 0\nchannel"), "utf-8")
    assert warnings_of(path) == []


def test_a_reply_to_an_item_that_may_not_have_come_is_flagged(tmp_path: Path) -> None:
    text = (DATA / "mini.en.toml").read_text("utf-8")
    text = text.replace('id = "post"\nat = 0\n', 'id = "post"\nwhen = { flag = "answered" }\n')
    path = tmp_path / "mini.en.toml"
    path.write_text(text, "utf-8")
    [problem] = warnings_of(path)
    assert (problem.key, problem.line) == ("nodes.r1.reply_to", line_no(path, 'reply_to = "post"'))
    assert problem.message.text("en") == (
        'can show before the feed item "post" it answers: on some path its `when` does not hold '
        'yet when the step comes. Tie the item to the step with `when = { visited = "r1" }`'
    )


def test_check_and_model_messages_in_german(tmp_path: Path) -> None:
    path = edited(tmp_path, "mini.en.toml", 'next = "bad"', 'next = "bda"')
    [problem] = errors_of(path)
    assert problem.message.text("de") == 'unbekannter Schritt "bda" (meinten Sie "bad"?)'
    path = edited(
        tmp_path,
        "mini.en.toml",
        'situation = "Write your answer."',
        'situation = "Write your answer."\ntime_limit = 30',
    )
    [problem] = errors_of(path)
    assert (problem.key, problem.message.text("de")) == (
        "nodes.r1",
        "ein Antwortschritt mit time_limit braucht eine Tabelle [nodes.timeout] mit next "
        "(wohin es nach Ablauf der Zeit geht)",
    )


def test_a_top_level_key_written_below_a_table_says_where_it_belongs(tmp_path: Path) -> None:
    text = (DATA / "quiz.en.toml").read_text(encoding="utf-8")
    path = tmp_path / "quiz.en.toml"
    path.write_text(text + 'default_profile = "small"\n', encoding="utf-8")
    [problem] = errors_of(path)
    assert (problem.key, problem.line, problem.column) == (
        "levels.high.default_profile",
        line_no(path, "default_profile ="),
        1,
    )
    assert problem.message.text("en") == (
        '"default_profile" does not belong here: every key below a [section] header belongs to '
        "that section; move it above the header, or into the table where it belongs"
    )


def test_play_takes_an_id_like_graph_and_stats(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from readiness.cli.main import main
    from readiness.tui import play_watch

    opened: list[Path] = []

    class NoScreen:
        def __init__(self, settings: object, path: Path, *args: object, **kwargs: object) -> None:
            opened.append(path)

        def run(self) -> int:
            return 0

    monkeypatch.setattr(play_watch, "WatchApp", NoScreen)
    assert main(["play", "leaked-photos-en"]) == 0
    assert [p.name for p in opened] == ["leaked-photos.en.toml"]
    assert main(["play", "no-such-thing"]) == 2
    assert capsys.readouterr().err == (
        'readiness: No scenario or assessment with the id or file "no-such-thing"; '
        "see: readiness list\n"
    )


def test_a_rule_about_one_key_points_at_that_key(tmp_path: Path) -> None:
    """'a reply with a time_limit needs a [nodes.timeout] table' at the time_limit line, not
    the step's; the table is named as the author writes it (`[timeout]` alone is a top-level
    table that would not belong to the step)."""
    path = edited(
        tmp_path,
        "mini.en.toml",
        'situation = "Write your answer."',
        'situation = "Write your answer."\ntime_limit = 30',
    )
    [problem] = errors_of(path)
    assert where(problem) == (
        "nodes.r1",
        "a reply with a time_limit needs a [nodes.timeout] table with next "
        "(where the run goes when time runs out)",
        line_no(path, "time_limit = 30"),
        1,
    )


def test_a_toml_syntax_error_carries_its_column(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text('kind = "scenario"\nid = "x"\ntitle = "unclosed\nsummary = "s"\n')
    _, [problem] = parse_file(path)
    assert str(problem) == (
        f'{path}:3:18: (file): the text that starts with " in column 9 is not closed on its line:'
        ' add the closing " at its end (a text over several lines starts and ends with """)'
    )


def test_serve_names_overrides_and_broken_files_before_it_starts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from readiness.cli import cmd_serve
    from readiness.cli.main import main

    _, mine = builtin_copy(tmp_path)
    monkeypatch.setattr(cmd_serve, "run_server", lambda *args: 0)
    results = tmp_path / "results"
    assert main(["serve", "--results", str(results), "--content", str(tmp_path)]) == 0
    err = capsys.readouterr().err
    assert f"{mine}:{line_no(mine, 'id = ')}:6: id: notice: replaces the built-in file" in err


def test_validate_takes_an_id_too(capsys: pytest.CaptureFixture[str]) -> None:
    from readiness.cli.main import main

    assert main(["validate", "leaked-photos-en"]) == 0
    assert capsys.readouterr().out == "1 file checked: no problems.\n"
    assert main(["validate", "nothing-here"]) == 2
    assert capsys.readouterr().err == "readiness: nothing-here: no such file or folder\n"


def test_a_person_introduced_by_an_earlier_step_is_known(tmp_path: Path) -> None:
    text = (DATA / "mini.en.toml").read_text("utf-8")
    text = text.replace("\n[[nodes]]\n", PRESS + "\n[[nodes]]\n", 1)
    text = text.replace(
        'situation = "A complaint is online."',
        'situation = "A complaint is online. Lena Vogt from the Morgenpost rings."',
    )
    path = tmp_path / "mini.en.toml"
    path.write_text(
        text.replace('situation = "Write your answer."', 'situation = "Lena Vogt reads along."'),
        "utf-8",
    )
    # d1 names her before her e-mail (flagged); r1 comes after d1 on every path (not flagged).
    assert [p.key for p in warnings_of(path)] == ["nodes.d1.situation"]
