"""The command line as users type it: options anywhere, JSON for scripts, one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from readiness import storage
from readiness.cli.main import main
from readiness.content.loader import parse_file
from readiness.models.results import Answer, AssessmentResult

FOUNDATION = Path(__file__).parent.parent / "data" / "foundation"
REPORT = Path(__file__).parent.parent / "data" / "report"


def run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "readiness", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )


def test_list_json_has_the_documented_shape(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list", "--json", "--content", str(FOUNDATION)]) == 0
    entries = json.loads(capsys.readouterr().out)
    mine = {e["id"]: e for e in entries}
    check = mine["mini-check-en"]
    assert check["kind"] == "assessment"
    assert (check["questions"], check["dimensions"], check["language"]) == (2, 1, "en")
    assert check["path"].endswith("mini-check.en.toml")
    drill = mine["mini-drill-en"]
    assert (drill["kind"], drill["decisions"], drill["endings"]) == ("scenario", 1, 2)


def test_common_options_work_before_and_after_the_subcommand(
    capsys: pytest.CaptureFixture[str],
) -> None:
    main(["--content", str(FOUNDATION), "list", "--json"])
    before = {e["id"] for e in json.loads(capsys.readouterr().out)}
    main(["list", "--json", "--content", str(FOUNDATION)])
    after = {e["id"] for e in json.loads(capsys.readouterr().out)}
    assert "mini-check-en" in before
    assert before == after


def test_language_option_after_subcommand_switches_messages(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["validate", str(FOUNDATION), "--lang", "de"]) == 0
    assert "keine Probleme" in capsys.readouterr().out


def test_version_and_help_exit_cleanly() -> None:
    out = run_cli("--version")
    assert out.returncode == 0 and out.stdout.startswith("readiness ")
    for command in ("list", "validate", "schema"):
        helped = run_cli(command, "--help")
        assert helped.returncode == 0, command
        assert "usage: readiness" in helped.stdout


def test_usage_error_exits_2_without_traceback() -> None:
    out = run_cli("schema", "poem")
    assert out.returncode == 2
    assert "Traceback" not in out.stderr


def test_schema_command_prints_json_schema() -> None:
    out = run_cli("schema", "scenario")
    schema = json.loads(out.stdout)
    assert schema["title"] == "Scenario"
    assert "nodes" in schema["properties"]


def test_output_into_a_closed_pipe_is_not_an_error() -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "readiness", "list"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    proc.stdout.readline()
    proc.stdout.close()  # like `readiness list | head -1`
    _, err = proc.communicate(timeout=60)
    assert "Internal error" not in err and "Traceback" not in err


def test_validate_help_gives_its_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    """A trainer scripting `validate` (a pre-commit hook, CI) looks there first; only the
    top-level help had them, and "problems" left open whether warnings fail it."""
    with pytest.raises(SystemExit) as done:
        main(["validate", "--help"])
    assert done.value.code == 0
    shown = " ".join(capsys.readouterr().out.split())
    assert "Exit codes: 0 no errors (warnings allowed, unless --strict)" in shown
    assert "1 errors found (or warnings with --strict), 2 usage error" in shown


def test_validate_lists_problems_line_by_line_and_says_why_strict_failed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Problems came in the order the checks found them (line 237 before line 100), and
    `--strict` exited 1 under "0 errors, 3 warnings" without saying why."""
    assert main(["new", "scenario", "typo", "--lang", "en", "-o", str(tmp_path)]) == 0
    capsys.readouterr()
    path = tmp_path / "typo.en.toml"
    path.write_text(
        path.read_text(encoding="utf-8").replace('platform = "instagram"', 'platform = "facebok"'),
        encoding="utf-8",
    )
    assert main(["validate", "--strict", str(path)]) == 1
    lines = capsys.readouterr().out.splitlines()
    found = [int(line.split(":")[1]) for line in lines if line.startswith(str(path))]
    assert len(found) >= 2 and found == sorted(found)
    assert lines[-1] == "Failed: --strict counts warnings as errors."


def tiny_check_result(folder: Path) -> Path:
    """A finished run of the report fixture's tiny-check (profile "shop"), saved in `folder`."""
    content, problems = parse_file(REPORT / "tiny-check.en.toml")
    assert content is not None, problems
    when = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)
    result = AssessmentResult(
        run_id="r1",
        content_id=content.id,
        content_version="1.0",
        content_hash=content.sha256,
        participant="Fox",
        started_at=when,
        updated_at=when,
        finished=True,
        answers={"goals": Answer(value="yes")},
    )
    return storage.save_result(folder, result)


@pytest.mark.parametrize("lang", ["en", "de"])
def test_an_unknown_profile_is_a_usage_error_for_report_as_for_assess(
    lang: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`assess --profile nope` exited 2 and `report --profile nope` 1: both are typos on the
    command line, with the same sentence."""
    path = tiny_check_result(tmp_path / "res")
    common = ["--lang", lang, "--content", str(REPORT), "--results", str(tmp_path)]
    assert main([*common, "assess", "tiny-check-en", "--profile", "nope"]) == 2
    said_by_assess = capsys.readouterr().err
    assert main([*common, "report", str(path), "--profile", "nope"]) == 2
    assert capsys.readouterr().err == said_by_assess
    assert said_by_assess.startswith("readiness: tiny-check-en ")
    assert main([*common, "report", str(path), "--profile", "shop"]) == 0


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "--group {folder} reports on every result in that folder and cannot take"),
        ("de", "--group {folder} wertet alle Ergebnisse in diesem Ordner aus und nimmt nicht"),
    ],
)
def test_result_files_beside_group_are_a_usage_error(
    lang: str, said: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`report RESULT --group DIR` wrote the group report and silently left RESULT out."""
    folder = tmp_path / "room"
    other = tiny_check_result(tmp_path / "elsewhere")
    tiny_check_result(folder)
    common = ["--lang", lang, "--content", str(REPORT)]
    assert main([*common, "report", str(other), "--group", str(folder)]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.startswith("readiness: " + said.format(folder=folder))
    assert err.count("\n") == 1
    assert main([*common, "report", "--group", str(folder)]) == 0


@pytest.mark.parametrize(
    ("extra", "said"),
    [
        (["--journal"], "--journal shapes a report on one person's results"),
        (["--profile", "ngo", "--include-practice"], "--profile, --include-practice shapes"),
    ],
)
def test_options_of_a_single_report_are_refused_with_group(
    extra: list[str], said: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The group report left them out without a word."""
    folder = tmp_path / "room"
    tiny_check_result(folder)
    common = ["--lang", "en", "--content", str(REPORT)]
    assert main([*common, "report", "--group", str(folder), *extra]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.startswith("readiness: " + said) and err.count("\n") == 1


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "--anonymous is for the group report: add --group DIR, or leave out --anonymous"),
        ("de", "--anonymous gilt für den Gruppenbericht: ergänzen Sie --group ORDNER"),
    ],
)
def test_anonymous_without_group_is_refused(
    lang: str, said: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A single report with --anonymous still named its participant."""
    result = tiny_check_result(tmp_path / "mine")
    common = ["--lang", lang, "--content", str(REPORT)]
    assert main([*common, "report", str(result), "--anonymous"]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.startswith("readiness: " + said)
