"""The schema as editors use it: taplo (the engine of Even Better TOML) checks our files."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import Literal

import pytest
from builtin_library import builtin_library

from readiness.authoring.scaffold import write_scaffold, write_schema
from readiness.content.loader import load_paths
from readiness.content_schema import schema_path

DATA = Path(__file__).parent.parent / "data" / "authoring"
TAPLO = shutil.which("taplo", path=str(Path(sys.executable).parent)) or shutil.which("taplo")
pytestmark = pytest.mark.skipif(TAPLO is None, reason="taplo is not installed (pip install taplo)")


def taplo(
    files: list[Path], kind: Literal["assessment", "scenario"] | None
) -> subprocess.CompletedProcess[str]:
    command = [str(TAPLO), "check", "--no-auto-config", "--colors", "never"]
    if kind is not None:
        command += ["--schema", schema_path(kind).resolve().as_uri()]
    return subprocess.run([*command, *map(str, files)], capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("kind", ["assessment", "scenario"])
def test_taplo_accepts_every_builtin_and_fixture_file(
    kind: Literal["assessment", "scenario"],
) -> None:
    lib = builtin_library()
    extra = load_paths([DATA], with_builtin=False)
    files = [f.path for f in [*lib.files, *extra.files] if f.kind == kind]
    assert files
    out = taplo(files, kind)
    assert out.returncode == 0, out.stderr[-3000:]


def test_taplo_rejects_a_broken_file(tmp_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    text = (DATA / "mini.en.toml").read_text(encoding="utf-8")
    broken.write_text(text.replace('feedback = "Fast is good."', 'feedbak = "Fast is good."'))
    out = taplo([broken], "scenario")
    assert out.returncode != 0
    assert "'feedbak' was unexpected" in out.stderr


def test_taplo_follows_the_schema_line_of_new_files(tmp_path: Path) -> None:
    """`new` writes `#:schema ./scenario.schema.json` and the schema beside the file: taplo
    finds it without being told, also after the folder was copied elsewhere."""
    good = write_scaffold("scenario", "editor-test", "en", tmp_path)
    write_schema("scenario", tmp_path, "en")
    shared = tmp_path / "copied"
    shutil.copytree(tmp_path, shared, ignore=shutil.ignore_patterns("copied"))
    good = shared / good.name
    assert taplo([good], None).returncode == 0
    text = good.read_text(encoding="utf-8").replace("\nbriefing = ", "\nbriefng = ", 1)
    bad = shared / "bad.en.toml"
    bad.write_text(text, encoding="utf-8")
    out = taplo([bad], None)
    assert out.returncode != 0
    assert "'briefng' was unexpected" in out.stderr


def test_one_typo_in_a_step_gives_a_handful_of_errors_at_the_step(tmp_path: Path) -> None:
    """Without `oneOf` over the step kinds, a misspelt key is checked against its own kind
    only: a dozen marks inside the one table (taplo marks each of its keys), not a hundred
    "not valid under any of the schemas" across the whole step."""
    from readiness.content.loader import builtin_dirs

    source = builtin_dirs()[1] / "leaked-photos.en.toml"
    lines = source.read_text(encoding="utf-8").splitlines()
    typo = next(n for n, line in enumerate(lines) if line.startswith("feedback = "))
    lines[typo] = lines[typo].replace("feedback = ", "feedbak = ", 1)
    lines = [line for line in lines if not line.startswith("#:schema")]
    bad = tmp_path / "bad.en.toml"
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = taplo([bad], "scenario")
    errors = [line for line in out.stderr.splitlines() if line.startswith("error:")]
    assert 1 <= len(errors) <= 15
    assert set(errors) == {
        "error: Additional properties are not allowed ('feedbak' was unexpected)"
    }
    marked = [int(line.rsplit(":", 2)[1]) for line in out.stderr.splitlines() if "┌─" in line]
    assert all(abs(n - typo) <= 6 for n in marked)  # typo is 0-based: its line is typo + 1
