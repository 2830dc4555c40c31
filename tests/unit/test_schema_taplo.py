"""The schema as editors use it: taplo (the engine of Even Better TOML) checks our files."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import Literal

import pytest
from builtin_library import builtin_library

from readiness.authoring.scaffold import write_scaffold
from readiness.content.loader import load_paths
from readiness.schema import schema_path

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
    """`new` writes `#:schema file:///...`: taplo finds the schema without being told."""
    good = write_scaffold("scenario", "editor-test", "en", tmp_path)
    assert taplo([good], None).returncode == 0
    text = good.read_text(encoding="utf-8").replace("\nbriefing = ", "\nbriefng = ", 1)
    bad = tmp_path / "bad.en.toml"
    bad.write_text(text, encoding="utf-8")
    out = taplo([bad], None)
    assert out.returncode != 0
    assert "'briefng' was unexpected" in out.stderr
