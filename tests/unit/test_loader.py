"""The loader survives anything a file can contain: one clear problem, never an exception."""

from __future__ import annotations

import contextlib
import io
import json
import subprocess
import tempfile
import tomllib
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from hypothesis_budget import examples

from readiness.authoring.graph import dot, mermaid
from readiness.authoring.stats import scenario_stats
from readiness.cli.main import main
from readiness.content import loader
from readiness.content.loader import MAX_FILE_BYTES, load_paths, parse_file
from readiness.models.scenario import Scenario

DATA = Path(__file__).parent.parent / "data" / "authoring"


def raw(name: str) -> dict[str, Any]:
    return tomllib.loads((DATA / name).read_text(encoding="utf-8"))


def only_problem(path: Path) -> tuple[str, str, int | None]:
    content, problems = parse_file(path)
    assert content is None
    [problem] = problems
    assert problem.severity == "error"
    return problem.key, problem.message.text("en"), problem.line


def test_malformed_toml_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text('kind = "scenario"\nid = "x"\ntitle = "unclosed\nsummary = "s"\n')
    assert only_problem(path) == (
        "",
        'the text that starts with " in column 9 is not closed on its line: add the closing " '
        'at its end (a text over several lines starts and ends with """)',
        3,
    )


def test_empty_and_comment_only_files(tmp_path: Path) -> None:
    for text in ("", "   \n\n", "# just a comment\n"):
        path = tmp_path / "empty.toml"
        path.write_text(text)
        assert only_problem(path) == ("", "file is empty", None)


def test_binary_junk(tmp_path: Path) -> None:
    path = tmp_path / "junk.toml"
    path.write_bytes(b"kind = \xff\xfe\x00\x01 binary")
    assert only_problem(path) == ("", NOT_UTF8, 1)
    assert parse_file(path)[1][0].column == 8
    path.write_bytes(bytes(range(32)) * 10)  # valid UTF-8, but control characters
    _, message, _ = only_problem(path)
    assert message.startswith("not valid TOML: ")


def test_a_toml_document_of_another_shape(tmp_path: Path) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text('[project]\nname = "x"\n')
    assert only_problem(path) == ("kind", 'must be "assessment" or "scenario"', None)


def test_file_just_over_the_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.toml"
    path.write_bytes(b"# " + b"x" * MAX_FILE_BYTES)
    assert only_problem(path) == (
        "",
        f"file is {MAX_FILE_BYTES + 2:,} bytes; the limit is {MAX_FILE_BYTES:,} bytes",
        None,
    )


def test_a_50_mb_file_is_refused_without_reading_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "huge.toml"
    with path.open("wb") as handle:  # sparse: 50 MB on paper, nothing on disk
        handle.truncate(50 * 1024 * 1024)

    def no_reading(self: Path) -> bytes:
        raise AssertionError(f"{self} was read")

    monkeypatch.setattr(Path, "read_bytes", no_reading)
    assert only_problem(path) == (
        "",
        f"file is 52,428,800 bytes; the limit is {MAX_FILE_BYTES:,} bytes",
        None,
    )


def test_wrong_types_and_unknown_keys(tmp_path: Path) -> None:
    data = raw("quiz.en.toml")
    data["questions"][0]["weight"] = "heavy"
    data["questions"][0]["wieght"] = 2
    path = tmp_path / "quiz.toml"
    path.write_text(tomli_w.dumps(data))
    _, problems = parse_file(path)
    assert sorted(f"{p.key}: {p.message.text('en')}" for p in problems) == [
        "questions.q1.weight: must be a number without quotes, e.g. 60 or 2.5; found the text "
        '"heavy"',
        'questions.q1.wieght: unknown key "wieght" (did you mean "weight"?)',
    ]


def graph_problems(data: dict[str, Any], folder: Path) -> list[str]:
    path = folder / "graph.toml"
    path.write_text(tomli_w.dumps(data))
    lib = load_paths([path], with_builtin=False)
    assert lib.files == [] and lib.broken == [path]
    return [f"{p.key}: {p.message.text('en')}" for p in lib.problems]


def node(data: dict[str, Any], ident: str) -> dict[str, Any]:
    return next(n for n in data["nodes"] if n["id"] == ident)


def test_broken_graph_unknown_target(tmp_path: Path) -> None:
    data = raw("mini.en.toml")
    node(data, "d2")["choices"][0]["next"] = "goood"
    assert graph_problems(data, tmp_path) == [
        'nodes.d2.choices.thank.next: unknown node "goood" (did you mean "good"?)'
    ]


def test_broken_graph_unreachable_node(tmp_path: Path) -> None:
    data = raw("mini.en.toml")
    data["nodes"].append(
        {
            "type": "ending",
            "id": "lost",
            "title": "Lost",
            "outcome": "bad",
            "debrief": "Nobody gets here.",
        }
    )
    assert graph_problems(data, tmp_path) == [
        'nodes.lost: unreachable: no path from start "d1" leads here'
    ]


def test_broken_graph_dead_end(tmp_path: Path) -> None:
    data = raw("mini.en.toml")
    node(data, "d2")["choices"][1]["next"] = "x"
    loop = [
        {"id": "a", "text": "A", "next": "y", "feedback": "-"},
        {"id": "b", "text": "B", "next": "y", "feedback": "-"},
    ]
    back = [
        {"id": "a", "text": "A", "next": "x", "feedback": "-"},
        {"id": "b", "text": "B", "next": "x", "feedback": "-"},
    ]
    data["nodes"] += [
        {"type": "decision", "id": "x", "situation": "X", "time_limit": 0, "choices": loop},
        {"type": "decision", "id": "y", "situation": "Y", "time_limit": 0, "choices": back},
    ]
    assert graph_problems(data, tmp_path) == [
        "nodes.x: dead end: no path from here reaches an ending",
        "nodes.y: dead end: no path from here reaches an ending",
        "nodes.x: loop: x -> y -> x (decisions must move forward)",
    ]


def test_broken_graph_duplicate_ids(tmp_path: Path) -> None:
    data = raw("mini.en.toml")
    data["nodes"].append(node(data, "good"))
    assert graph_problems(data, tmp_path) == ['nodes.good: duplicate id "good"']


def test_condition_on_a_flag_no_step_sets(tmp_path: Path) -> None:
    data = raw("mini.en.toml")
    data["flags"]["apologised"] = "We said sorry."
    node(data, "d2")["choices"][0]["when"] = {"flag": "apologised"}
    assert graph_problems(data, tmp_path) == [
        "nodes.d2.choices.thank.when.flag: can never hold: no choice or inject ever sets "
        '"apologised"'
    ]


def test_one_broken_file_never_stops_the_rest(tmp_path: Path) -> None:
    (tmp_path / "a.toml").write_text((DATA / "mini.en.toml").read_text())
    (tmp_path / "b.toml").write_text("this is = = not toml")
    (tmp_path / "c.toml").write_text((DATA / "quiz.en.toml").read_text())
    lib = load_paths([tmp_path], with_builtin=False)
    assert sorted(f.id for f in lib.files) == ["mini-en", "quiz-en"]
    assert lib.broken == [tmp_path / "b.toml"]
    assert [p.path.name for p in lib.errors] == ["b.toml"]


def test_builtin_content_still_loads_next_to_a_broken_user_folder(tmp_path: Path) -> None:
    (tmp_path / "b.toml").write_bytes(b"\x00\x01")
    lib = loader.load_library([tmp_path])
    assert tmp_path / "b.toml" in lib.broken
    assert all(f.builtin for f in lib.files)


def test_a_content_folder_that_does_not_exist_is_labelled_a_folder(tmp_path: Path) -> None:
    """It was "(file)": the problem is about the folder named to load."""
    missing = tmp_path / "gone"
    lib = loader.load_library([missing])
    [problem] = [p for p in lib.problems if p.path == missing]
    assert problem.text("en") == f"{missing}: (folder): content folder does not exist"
    assert problem.text("de") == f"{missing}: (Ordner): der Inhaltsordner existiert nicht"


# --- hypothesis: nothing a file contains makes the loader raise -----------------------------

KNOWN = sorted(set(loader._all_field_names()) | {"kind", "type", "not", "while"})
keys = st.one_of(st.sampled_from(KNOWN), st.text(min_size=1, max_size=6))
texts = st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=12)
scalars = st.one_of(
    texts,
    st.sampled_from(
        [
            "scenario",
            "assessment",
            "decision",
            "reply",
            "ending",
            "yes_no",
            "likert",
            "en",
            "de",
            "good",
            "d1",
            "post",
            "speed",
            "{org}",
        ]
    ),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(),
    st.booleans(),
    st.datetimes(),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(keys, inner, max_size=5)),
    max_leaves=25,
)
documents = st.dictionaries(keys, values, max_size=10)


def load_text(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "case.toml"
        path.write_text(text, encoding="utf-8")
        lib = load_paths([path], with_builtin=False)
        assert len(lib.files) + len(set(lib.broken)) == 1
        for f in lib.files:
            if isinstance(f.model, Scenario):
                mermaid(f.model)
                dot(f.model)
                scenario_stats(f.model)


def dump(data: dict[str, Any]) -> str:
    try:
        return tomli_w.dumps(data)
    except (TypeError, ValueError):
        assume(False)
        raise


@settings(max_examples=examples(150), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents, st.sampled_from(["scenario", "assessment", None]))
def test_arbitrary_toml_never_raises(data: dict[str, Any], kind: str | None) -> None:
    if kind is not None:
        data["kind"] = kind
    load_text(dump(data))


@st.composite
def mutated(draw: st.DrawFn) -> dict[str, Any]:
    """A valid file with one random part replaced or removed: gets deep into the checks."""
    name = draw(
        st.sampled_from(
            ["mini.en.toml", "quiz.en.toml", "full.scenario.toml", "full.assessment.toml"]
        )
    )
    data = raw(name)
    for _ in range(draw(st.integers(1, 3))):
        current: Any = data
        parent: Any = None
        key: Any = None
        while True:
            children = list(current.items() if isinstance(current, dict) else enumerate(current))
            if not children:
                break
            key, child = draw(st.sampled_from(children))
            parent = current
            if not isinstance(child, dict | list) or draw(st.booleans()):
                break
            current = child
        if parent is None:
            continue
        if isinstance(parent, dict) and draw(st.booleans()):
            del parent[key]
        else:
            parent[key] = draw(values)
    return data


@settings(max_examples=examples(200), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_mutated_valid_files_never_raise(data: dict[str, Any]) -> None:
    load_text(dump(data))


@settings(max_examples=examples(100), deadline=None)
@given(st.binary(max_size=300))
def test_random_bytes_never_raise(blob: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "case.toml"
        path.write_bytes(blob)
        content, problems = parse_file(path)
        assert content is None or problems == []
        lines = blob.count(b"\n") + 1
        for problem in problems:
            # One line in either language, at a place inside the file.
            for lang in ("en", "de"):
                assert "\n" not in problem.text(lang)
            assert problem.line is None or 1 <= problem.line <= lines + 1
            assert problem.column is None or problem.column >= 1


NOT_UTF8 = (
    "the file is not saved as UTF-8 (the character here is in another encoding, such as "
    "Latin-1 or Windows-1252): save it as UTF-8 (in most editors: Save as, Encoding UTF-8)"
)


@settings(max_examples=examples(300), deadline=None)
@given(
    st.text(max_size=120).filter(lambda s: not s.startswith("\ufeff")),
    st.integers(0x80, 0xFF),
    st.text(max_size=40),
    st.booleans(),
)
def test_a_file_that_is_not_utf8_is_named_at_its_first_foreign_character(
    before: str, byte: int, after: str, bom: bool
) -> None:
    """Text in another encoding (an "ä" saved as Latin-1 is the byte 0xE4) was named by its
    byte offset; editors count lines and characters. A byte 0x80-0xFF that starts no UTF-8
    sequence here (the text after it never begins with a continuation byte) is the first
    that is not UTF-8, at the line and column of the characters before it."""
    raw_bytes = before.encode("utf-8") + bytes([byte]) + after.encode("utf-8")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "case.toml"
        path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + raw_bytes)
        content, [problem] = parse_file(path)
    assert content is None
    line = before.count("\n") + 1
    column = len(before) - (before.rfind("\n") + 1) + 1
    assert (problem.line, problem.column) == (line, column)
    assert problem.message.text("en") == NOT_UTF8


# --- the whole command, as a trainer runs it ------------------------------------------------


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    """`readiness ARGS` in this process, its output captured (a fresh interpreter per call
    cost a second of CPU; that the console script itself runs is tested in test_cli.py)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["--lang", "en", *args])
    return subprocess.CompletedProcess(["readiness", *args], code, out.getvalue(), err.getvalue())


def test_validate_prints_three_mistakes_with_key_paths_and_exits_1(tmp_path: Path) -> None:
    data = raw("mini.en.toml")
    data["duration_minutes"] = "ten"
    data["nodes"][0]["choices"][0]["feedbak"] = "typo"
    data["language"] = "fr"
    path = tmp_path / "three.toml"
    path.write_text(tomli_w.dumps(data))
    out = run_cli("validate", str(path))
    assert out.returncode == 1
    lines = out.stdout.splitlines()
    assert sorted(line.split(": ", 1)[1] for line in lines[:3]) == [
        'duration_minutes: must be a whole number without quotes, e.g. 60; found the text "ten"',
        'language: must be one of "de" or "en"',
        'nodes.d1.choices.answer.feedbak: unknown key "feedbak" (did you mean "feedback"?)',
    ]
    assert all(line.startswith(f"{path}:") for line in lines[:3])
    assert lines[3] == "1 file checked: 3 errors, 0 warnings."
    assert "Traceback" not in out.stderr


def test_validate_warnings_keep_exit_0_unless_strict(tmp_path: Path) -> None:
    data = raw("mini.en.toml")
    data["nodes"][0]["choices"][0]["feedback"] = ""
    path = tmp_path / "warn.toml"
    path.write_text(tomli_w.dumps(data))
    out = run_cli("validate", str(path))
    assert out.returncode == 0
    assert ": nodes.d1.choices.answer.feedback: warning: no feedback" in out.stdout
    assert run_cli("validate", "--strict", str(path)).returncode == 1
    report = json.loads(run_cli("validate", "--format", "json", str(path)).stdout)
    assert (report["errors"], report["warnings"]) == (0, 1)
    [problem] = report["problems"]
    assert problem["severity"] == "warning"
    assert problem["key"] == "nodes.d1.choices.answer.feedback"
    assert isinstance(problem["line"], int)


def test_validate_shows_a_warning_code_in_text_and_json(tmp_path: Path) -> None:
    """The codes the authoring guide documents (`address-mixed`, `expert-longest`, ...) were
    in neither output: a script could not tell one warning from another but by its words."""
    assert main(["new", "scenario", "probe", "--lang", "de", "-o", str(tmp_path)]) == 0
    path = tmp_path / "probe.de.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('address = "Sie"', 'address = "du"', 1), encoding="utf-8")
    report = json.loads(run_cli("validate", "--format", "json", str(path)).stdout)
    coded = [problem for problem in report["problems"] if problem["code"] == "address-mixed"]
    assert coded and all(problem["severity"] == "warning" for problem in coded)
    for lang in ("en", "de"):
        lines = run_cli("--lang", lang, "validate", str(path)).stdout.splitlines()
        shown = [line for line in lines if "[address-mixed]" in line]
        assert len(shown) == len(coded) and all(line.endswith(" [address-mixed]") for line in shown)
    assert all("code" in problem for problem in report["problems"])


def test_authoring_warnings_are_looked_for_only_where_validate_shows_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Loading for use (the app, `serve`, each command) skips the authoring warnings, a good
    part of the loading time; `validate` without a path still shows those of the user's
    content folders."""
    data = raw("mini.en.toml")
    data["nodes"][0]["choices"][0]["feedback"] = ""
    (tmp_path / "warn.toml").write_text(tomli_w.dumps(data))
    used = loader.load_library([tmp_path])
    assert any(f.id == "mini-en" for f in used.files)
    assert [p for p in used.problems if p.severity == "warning"] == []
    checked = loader.load_library([tmp_path], warnings=True)
    [warning] = [p for p in checked.problems if p.severity == "warning"]
    assert warning.key == "nodes.d1.choices.answer.feedback"
    assert main(["--lang", "en", "--content", str(tmp_path), "validate"]) == 0
    out = capsys.readouterr().out
    assert "warn.toml" in out and ": nodes.d1.choices.answer.feedback: warning: no feedback" in out


def test_an_unchanged_file_is_not_parsed_again_and_a_changed_one_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parsed: list[Path] = []
    real = loader._parse_bytes

    def counting(path: Path, raw: bytes, digest: str, builtin: bool) -> Any:
        parsed.append(path)
        return real(path, raw, digest, builtin)

    monkeypatch.setattr(loader, "_parse_bytes", counting)
    path = tmp_path / "mini.en.toml"
    path.write_text((DATA / "mini.en.toml").read_text("utf-8"), "utf-8")
    first = load_paths([path], with_builtin=False)
    again = load_paths([path], with_builtin=False)
    assert parsed == [path] and not first.problems and not again.problems
    assert [f.model.title for f in again.files] == [f.model.title for f in first.files]
    # Same size, same second: only the bytes tell the change, and they do.
    text = path.read_text("utf-8")
    title = first.files[0].model.title
    changed = text.replace(f'title = "{title}"', f'title = "{title[::-1]}"', 1)
    assert changed != text and len(changed) == len(text)
    path.write_text(changed, "utf-8")
    third = load_paths([path], with_builtin=False)
    assert parsed == [path, path] and third.files[0].model.title == title[::-1]
    # A broken edit shows its problem; putting the old text back is the old result again.
    path.write_text(text.replace('title = "', 'title = 7 #"', 1), "utf-8")
    assert load_paths([path], with_builtin=False).problems
    path.write_text(text, "utf-8")
    assert not load_paths([path], with_builtin=False).problems
