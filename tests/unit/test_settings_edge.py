"""Settings are read once, at the edge: the core's output depends only on its arguments."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from readiness.cli.main import build_parser, settings_from
from readiness.content.loader import content_dirs, load_library

DATA = Path(__file__).parent.parent / "data" / "authoring"


def test_the_command_line_reads_readiness_content_before_content_flags(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    monkeypatch.setenv("READINESS_CONTENT", os.pathsep.join([str(first), "", str(second)]))
    settings = settings_from(build_parser().parse_args(["--content", str(DATA), "list"]))
    assert settings.content_dirs == [first, second, DATA]


def test_the_loader_never_reads_the_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("READINESS_CONTENT", str(DATA))
    assert DATA not in content_dirs()
    assert not any(f.path.parent == DATA for f in load_library().files)
    assert any(f.path.parent == DATA for f in load_library([DATA]).files)
