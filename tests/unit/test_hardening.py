"""Hostile text, broken files and odd output paths (issue 13, points 7 and 10-14): each ends in
one sentence or safe behaviour, never a traceback, a frozen app or a wiped terminal."""

from __future__ import annotations

import json
import os
import re
import stat
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis_budget import examples

from readiness import storage
from readiness.cli.main import main
from readiness.content.loader import load_library, load_paths, parse_file
from readiness.errors import StorageError, UsageError
from readiness.models.results import Answer, AssessmentResult
from readiness.text_safety import visible, visible_data
from readiness.workshop import pseudonyms

DATA = Path(__file__).parent.parent / "data"
REPORT = DATA / "report"
GATE = DATA / "train" / "gate.en.toml"
ESC = "\x1b"
HOSTILE = f"T {ESC}]0;PWNED\x07 {ESC}[2J wipe \x9b31m red \x00\x7f"


def raw_controls(text: str) -> list[str]:
    """Characters in `text` a terminal would obey (tab and newline are fine)."""
    return [ch for ch in text if (ord(ch) < 32 and ch not in "\n\t") or 0x7F <= ord(ch) <= 0x9F]


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def result_file(folder: Path, **fields: object) -> Path:
    """A finished tiny-check result in `folder`."""
    content, problems = parse_file(REPORT / "tiny-check.en.toml")
    assert content is not None, problems
    when = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)
    data: dict[str, object] = {
        "run_id": "r1",
        "content_id": content.id,
        "content_version": "1.0",
        "content_hash": content.sha256,
        "participant": "Fox",
        "started_at": when,
        "updated_at": when,
        "finished": True,
        "answers": {"goals": Answer(value="yes")},
    }
    data.update(fields)
    return storage.save_result(folder, AssessmentResult.model_validate(data))


# --- 7: control characters are shown, never sent -------------------------------------------


def test_visible_maps_every_control_character_to_a_stand_in() -> None:
    shown = visible(HOSTILE + "\n\tend")
    assert raw_controls(shown) == []
    assert "␛]0;PWNED␇" in shown and "␛[2J" in shown and "␛[31m" in shown
    assert shown.endswith("\n\tend")
    assert visible_data({"a\x1b": [f"{ESC}x", 1, {"b": f"{ESC}y"}]}) == {
        "a␛": ["␛x", 1, {"b": "␛y"}]
    }


def content_with_controls(folder: Path) -> Path:
    text = GATE.read_text(encoding="utf-8")
    text = text.replace('title = "The gate"', 'title = "The \\u001b]0;PWNED\\u0007gate \\u009b2J"')
    text = text.replace('author = "Ops"', 'author = "Ops \\u001b[2J"')
    text = text.replace('start = "gate"', 'start = "gate"\n"\\u001b[2Jkey" = 1', 1)
    path = folder / "esc.en.toml"
    path.write_text(text, encoding="utf-8")
    return path


CONTROLS = [*range(0x20), *range(0x7F, 0xA0)]


@settings(max_examples=examples(200), deadline=None)
@given(
    code=st.sampled_from([c for c in CONTROLS if c not in (0x09, 0x0A)]),
    form=st.sampled_from(["\\u{:04x}", "\\u{:04X}", "\\U{:08x}", "\\U{:08X}"]),
)
def test_every_escaped_control_character_is_made_visible(code: int, form: str) -> None:
    """The loader skips its walk over all strings when nothing in the file can be a control
    character; every way TOML can write one must still be caught."""
    escape = form.format(code)
    text = GATE.read_text(encoding="utf-8").replace(
        'title = "The gate"', f'title = "The {escape} gate"'
    )
    found, problems = parse_file_text(text)
    assert found is not None, problems
    assert raw_controls(found.model.title) == [] and "The " in found.model.title


@pytest.mark.parametrize("escape", ["\\b", "\\f"])
def test_short_escapes_for_control_characters_are_made_visible(escape: str) -> None:
    text = GATE.read_text(encoding="utf-8").replace(
        'title = "The gate"', f'title = "The {escape}gate"'
    )
    found, problems = parse_file_text(text)
    assert found is not None, problems
    assert raw_controls(found.model.title) == [] and found.model.title.endswith("gate")


def parse_file_text(text: str) -> tuple[Any, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "esc.en.toml"
        path.write_text(text, encoding="utf-8")
        return parse_file(path)


def test_list_graph_and_validate_print_no_control_characters(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = content_with_controls(tmp_path)
    code, out, err = run(capsys, "validate", str(path))
    assert code == 1 and "␛[2Jkey" in out and raw_controls(out + err) == []
    path.write_text(
        "\n".join(line for line in path.read_text().splitlines() if "Jkey" not in line),
        encoding="utf-8",
    )
    code, out, err = run(capsys, "--content", str(tmp_path), "list")
    assert code == 0 and "The ␛]0;PWNED␇gate ␛[2J" in out and raw_controls(out + err) == []
    code, out, err = run(capsys, "graph", str(path))
    assert code == 0 and "␛]0;PWNED" in out and raw_controls(out + err) == []


def test_report_to_stdout_shows_control_characters_from_a_result(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = result_file(tmp_path, participant=f"Fox {ESC}[2J", team=f"T{ESC}]0;x\x07")
    code, out, err = run(capsys, "--content", str(REPORT), "report", str(path))
    assert code == 0, err
    assert "Fox ␛" in out and raw_controls(out + err) == []
    loaded = storage.load_result(path)
    assert loaded.participant == "Fox ␛[2J"


@pytest.mark.parametrize("option", ["--name", "--team"])
def test_control_characters_in_name_or_team_are_refused_in_one_sentence(
    option: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _out, err = run(capsys, option, f"a{ESC}[2J", "--results", str(tmp_path), "list")
    assert code == 2
    assert err.count("\n") == 1 and f"{option} must not contain control characters" in err
    assert raw_controls(err) == []


@pytest.mark.parametrize(
    ("lang", "named"),
    [
        ("en", "the environment variable READINESS_NAME"),
        ("de", "die Umgebungsvariable READINESS_NAME"),
    ],
)
def test_a_bad_pseudonym_from_the_environment_names_the_variable(
    lang: str,
    named: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """It said "--name ..." to someone who never typed --name."""
    monkeypatch.setenv("READINESS_NAME", f"a{ESC}[2J")
    code, _out, err = run(capsys, "--lang", lang, "--results", str(tmp_path), "list")
    assert code == 2 and err.startswith(f"readiness: {named} ") and "--name" not in err
    assert err.count("\n") == 1 and raw_controls(err) == []
    # Typed as --name, the option is named, whatever the environment holds.
    code, _out, err = run(capsys, "--name", f"b{ESC}", "--results", str(tmp_path), "list")
    assert code == 2 and err.startswith("readiness: --name must not contain control characters")


# --- 10: -o never replaces what it should not ----------------------------------------------


def report_args(tmp_path: Path, out: Path, *more: str) -> list[str]:
    path = result_file(tmp_path / "res")
    return ["--content", str(REPORT), "report", str(path), "-o", str(out), *more]


def test_o_refuses_a_symlink_unless_forced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "target.md"
    target.write_text("keep")
    link = tmp_path / "link.md"
    link.symlink_to(target)
    code, _, err = run(capsys, *report_args(tmp_path, link))
    assert code == 2 and "is a symbolic link" in err and "--force" in err
    assert link.is_symlink() and target.read_text() == "keep"
    code, _, err = run(capsys, *report_args(tmp_path, link, "--force"))
    assert code == 0, err
    assert not link.is_symlink() and target.read_text() == "keep"


def test_o_writes_to_a_fifo_and_a_device_as_a_stream(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "fifo.md"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    try:
        code, _, err = run(capsys, *report_args(tmp_path, fifo))
        assert code == 0, err
        assert stat.S_ISFIFO(fifo.lstat().st_mode)
        assert os.read(reader, 100_000).decode("utf-8").startswith("#")
    finally:
        os.close(reader)
    # /dev/null itself: as a stream, so it stays a character device.
    code, _, err = run(capsys, *report_args(tmp_path, Path(os.devnull)))
    assert code == 0, err
    assert stat.S_ISCHR(os.lstat(os.devnull).st_mode)


def test_o_keeps_the_permissions_of_a_report_it_replaces(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "r.md"
    out.write_text("old")
    out.chmod(0o644)
    code, _, err = run(capsys, *report_args(tmp_path, out))
    assert code == 0, err
    assert stat.S_IMODE(out.stat().st_mode) == 0o644 and out.read_text() != "old"


def test_o_force_onto_a_link_writes_a_private_report(tmp_path: Path) -> None:
    """The link's own permissions (0777 on Linux) were given to the report that replaced it:
    a world-writable, executable file."""
    target = tmp_path / "target.md"
    target.write_text("old")
    link = tmp_path / "l.md"
    link.symlink_to(target)
    storage.write_output_file(link, "# report", replace_link=True)
    assert not link.is_symlink() and link.read_text() == "# report"
    assert stat.S_IMODE(link.stat().st_mode) == 0o600
    assert target.read_text() == "old"


def test_o_onto_a_folder_or_an_unwritable_place_is_one_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "dir"
    folder.mkdir()
    code, _, err = run(capsys, *report_args(tmp_path, folder))
    assert code == 2 and "is a folder" in err and err.count("\n") == 1
    with pytest.raises(StorageError, match="cannot write"):
        storage.write_output_file(Path("/proc/version/x.md"), "text")


# --- 11: pseudonyms that are not valid UTF-8 or not Latin ----------------------------------


def test_a_name_that_is_not_utf8_is_refused_before_anything_runs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    name = b"J\xf6rg".decode("utf-8", "surrogateescape")
    code, _, err = run(capsys, "--name", name, "--results", str(tmp_path), "list")
    assert code == 2 and "--name is not valid UTF-8" in err and "Traceback" not in err


def test_saving_a_name_with_surrogates_is_a_storage_error(tmp_path: Path) -> None:
    path = result_file(tmp_path)
    result = storage.load_result(path)
    result.participant = "\udcff"
    with pytest.raises(StorageError, match="not valid Unicode"):
        storage.save_result(tmp_path, result)
    result.participant = b"J\xf6rg".decode("utf-8", "surrogateescape")
    copy = storage.save_recovery_copy(result)
    assert copy is not None
    recovered = storage.load_result(copy)
    assert recovered.answers == result.answers and recovered.participant == "Jörg"
    copy.unlink()


def test_non_latin_pseudonyms_get_distinct_readable_file_names(tmp_path: Path) -> None:
    assert storage._slug("Юрия") == "юрия"
    assert storage._slug("李") == "李"
    assert storage._slug("Anna Lena") == "anna-lena"
    assert storage._slug("") == "anonymous"
    fox, bear = storage._slug("🦊"), storage._slug("🐻")
    assert fox != bear and fox != "anonymous"
    assert pseudonyms.claim(tmp_path, "Юрия") is None
    assert pseudonyms.claim(tmp_path, "李") is None
    assert pseudonyms.claim(tmp_path, "🦊") is None
    assert pseudonyms.claim(tmp_path, "Юрия") == "taken"


# --- 12: hand-edited result files ----------------------------------------------------------


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_time_without_timezone_is_read_as_utc(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    naive = result_file(tmp_path)
    text = re.sub(r"(?m)^updated_at = .*$", "updated_at = 2027-01-01T10:00:00", naive.read_text())
    naive.write_text(text)
    other = result_file(tmp_path, run_id="r2")
    loaded = storage.load_result(naive)
    assert loaded.updated_at == datetime(2027, 1, 1, 10, tzinfo=UTC)
    code, _out, err = run(capsys, "--content", str(REPORT), "report", str(naive), str(other))
    assert code == 0, err


def test_nan_and_inf_are_refused_when_reading(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from readiness.models.results import ScenarioResult

    content, _ = parse_file(REPORT / "tiny-drill.en.toml")
    assert content is not None
    when = datetime(2026, 11, 1, tzinfo=UTC)
    run_ = ScenarioResult(
        run_id="s1",
        content_id=content.id,
        content_version="1.0",
        content_hash=content.sha256,
        participant="Fox",
        started_at=when,
        updated_at=when,
        finished=True,
        scores={"speed": 50.0},
    )
    path = storage.save_result(tmp_path, run_)
    edit(path, "speed = 50.0", "speed = nan")
    with pytest.raises(StorageError, match=r"scores\.speed: must be a finite number"):
        storage.load_result(path)
    text = (
        path.read_text().replace("speed = nan", "speed = 1.0").replace("minute = 0", "minute = inf")
    )
    path.write_text(text.replace("minute = 0.0", "minute = inf"))
    with pytest.raises(StorageError, match="finite number"):
        storage.load_result(path)
    result_file(tmp_path)
    code, out, err = run(
        capsys, "--content", str(REPORT), "report", "--group", str(tmp_path), "--format", "json"
    )
    assert code == 0, err
    json.loads(out)  # strict JSON: NaN would not parse with a strict reader
    assert "NaN" not in out and "Infinity" not in out


def test_a_result_from_a_newer_version_says_so(tmp_path: Path) -> None:
    path = result_file(tmp_path)
    edit(path, "schema_version = 1", "schema_version = 99")
    with pytest.raises(StorageError, match="newer version of readiness"):
        storage.load_result(path)


# --- 13: no recursion on user data ---------------------------------------------------------


def test_a_10000_level_nested_array_is_one_problem_and_the_rest_loads(tmp_path: Path) -> None:
    deep = 10_000
    (tmp_path / "a.en.toml").write_text('kind = "scenario"\nx = ' + "[" * deep + "]" * deep)
    (tmp_path / "t.en.toml").write_text('kind = "scenario"\nx = ' + "{a=" * deep + "1" + "}" * deep)
    (tmp_path / "g.en.toml").write_text(GATE.read_text())
    lib = load_paths([tmp_path], with_builtin=False)
    assert [f.id for f in lib.files] == ["gate-en"]
    messages = sorted(str(p) for p in lib.errors)
    assert len(messages) == 2 and all("nested more than" in m for m in messages)
    with pytest.raises(StorageError, match="nested too deeply"):
        bad = tmp_path / "res.toml"
        bad.write_text('kind = "assessment"\nx = ' + "[" * deep + "]" * deep)
        storage.load_result(bad)


def chain(steps: int) -> str:
    head = (
        'kind = "scenario"\nid = "chain-en"\nlanguage = "en"\ntitle = "Chain"\n'
        'summary = "A long chain."\nbriefing = "Go."\nstart = "n0"\n'
        '[[dimensions]]\nid = "d"\ntitle = "D"\n'
    )
    parts = [head]
    for i in range(steps):
        nxt = f"n{i + 1}" if i + 1 < steps else "end"
        parts.append(
            f'[[nodes]]\ntype="decision"\nid="n{i}"\nsituation="S{i}"\ntime_limit=0\n'
            f'choices=[{{id="c",text="N",next="{nxt}",feedback="O",scores={{d=1}}}},'
            f'{{id="e",text="M",next="{nxt}",feedback="H"}}]\n'
        )
    parts.append('[[nodes]]\ntype="ending"\nid="end"\ntitle="E"\noutcome="good"\ndebrief="D."\n')
    return "".join(parts)


STEPS = 2 * sys.getrecursionlimit()
"""Longer than Python's recursion limit, so any recursive walk of the graph would crash."""


def test_a_chain_longer_than_the_recursion_limit_loads_and_its_graph_is_checked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "chain.en.toml"
    path.write_text(chain(STEPS))
    for command in ("stats", "graph", "validate"):
        code, _out, err = run(capsys, command, str(path))
        assert code == 0, err
    lib = load_library([tmp_path])
    assert not lib.errors and any(f.id == "chain-en" for f in lib.files)
    path.write_text(chain(STEPS).replace('next="end"', 'next="n0"'))  # one loop round all steps
    lib = load_paths([path], with_builtin=False)
    assert any("loop: n0 -> n1" in str(p) for p in lib.errors)


# --- 14: validate's exit codes, leftover temp files ----------------------------------------


def test_validate_a_missing_file_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "validate", str(tmp_path / "nope.toml"))
    assert code == 2 and "no such file or folder" in err


def test_validate_a_symlink_loop_is_one_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    code, _, err = run(capsys, "validate", str(tmp_path / "a"))
    assert code == 2 and "symbolic link" in err and err.count("\n") == 1
    code, _, err = run(capsys, "graph", str(tmp_path / "a.toml"))
    assert code in (1, 2) and "Internal error" not in err


def test_stale_temp_files_of_a_killed_save_are_removed_on_the_next_start(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stale = tmp_path / ".fox--x--1.toml.abc123.tmp"
    fresh = tmp_path / ".fox--x--2.toml.def456.tmp"
    stale.write_text("half")
    fresh.write_text("being written")
    old = time.time() - 3600
    os.utime(stale, (old, old))
    keep = tmp_path / "notes.tmp"
    keep.write_text("not ours")
    os.utime(keep, (old, old))
    run(capsys, "--results", str(tmp_path), "list")
    assert not stale.exists() and fresh.exists() and keep.exists()


def test_recovery_copy_keeps_every_answer(tmp_path: Path) -> None:
    result = storage.load_result(result_file(tmp_path))
    copy = storage.save_recovery_copy(result)
    assert copy is not None and copy.parent.name == storage.RECOVERY_FOLDER
    assert storage.load_result(copy).answers == result.answers
    copy.unlink()


def test_usage_error_is_what_write_output_file_raises_for_a_link(tmp_path: Path) -> None:
    (tmp_path / "l").symlink_to(tmp_path / "missing")
    with pytest.raises(UsageError):
        storage.write_output_file(tmp_path / "l", "x")
    assert tomli_w  # the module is used by the property tests alongside
