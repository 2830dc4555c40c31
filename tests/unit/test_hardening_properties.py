"""A standing guard (issue 13, point 15): random result files, random bytes and random text
go through the result reader, every report format and the group report; random text goes
through the TUI. Nothing may raise except the project's one-sentence errors, and no control
character reaches the output.

Quick by default; `HYPOTHESIS_PROFILE=deep` draws five times the budget
(tests/hypothesis_budget.py). The TUI part is in tests/functional/test_hardening_tui.py.
"""

from __future__ import annotations

import json
import tempfile
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import tomli_w
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from hypothesis_budget import examples

from readiness import storage
from readiness.content.loader import Library, load_paths
from readiness.errors import ReadinessError
from readiness.models.results import Answer, AssessmentResult, ScenarioResult, Step
from readiness.reports.group_render import render_group
from readiness.reports.service import build_output
from readiness.text_safety import visible
from readiness.workshop.group import analyse_folder

REPORT = Path(__file__).parent.parent / "data" / "report"
FORMATS = ("md", "html", "json")
SLOW = [HealthCheck.too_slow, HealthCheck.function_scoped_fixture]


def raw_controls(text: str) -> list[str]:
    return [ch for ch in text if (ord(ch) < 32 and ch not in "\n\t") or 0x7F <= ord(ch) <= 0x9F]


def strict_json(text: str) -> Any:
    def refuse(constant: str) -> Any:
        raise ValueError(f"not JSON: {constant}")

    return json.loads(text, parse_constant=refuse)


_library: Library | None = None


def library() -> Library:
    global _library
    if _library is None:
        _library = load_paths([REPORT], with_builtin=False)
    return _library


# Text with everything a hostile participant or author could type: printable, markup-like,
# control characters (C0, DEL, C1), surrogates excluded only where no file could hold them.
hostile = st.lists(
    st.one_of(
        st.text(st.characters(codec="utf-8"), max_size=6),
        st.sampled_from(
            ["\x1b[2J", "\x1b]0;PWN\x07", "\x9b31m", "\x00", "\x7f", "\n", "[link=x:y]", "[/]"]
        ),
        st.sampled_from(["[bold red]x[/bold red]", "<script>", "{{ 7*7 }}", "Reporter [WDR]"]),
    ),
    max_size=6,
).map("".join)
scalars = st.one_of(
    hostile,
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(),
    st.booleans(),
    st.datetimes(),
    st.datetimes(timezones=st.just(UTC)),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(hostile, inner, max_size=3)
    ),
    max_leaves=12,
)
RESULT_KEYS = [
    "schema_version",
    "kind",
    "run_id",
    "content_id",
    "content_version",
    "content_hash",
    "participant",
    "team",
    "started_at",
    "updated_at",
    "finished",
    "answers",
    "steps",
    "scores",
    "minute",
    "final_vars",
    "language",
    "mode",
]


@st.composite
def result_documents(draw: st.DrawFn) -> dict[str, Any]:
    """A valid result with random fields replaced or added: gets past the first checks."""
    content = {f.id: f for f in library().files}
    kind = draw(st.sampled_from(["assessment", "scenario"]))
    when = datetime(2026, 11, 1, 9, tzinfo=UTC)
    base: dict[str, Any] = {
        "run_id": "r1",
        "participant": draw(hostile),
        "team": draw(hostile),
        "started_at": when,
        "updated_at": when,
        "finished": True,
        "content_version": "1.0",
    }
    if kind == "assessment":
        f = content["tiny-check-en"]
        model: Any = AssessmentResult(
            **base,
            content_id=f.id,
            content_hash=f.sha256,
            answers={
                "goals": Answer(value="yes", note=draw(hostile)),
                "escalation": Answer(value="no", note=draw(hostile), flagged=True),
            },
        )
    else:
        f = content["tiny-drill-en"]
        model = ScenarioResult(
            **base,
            content_id=f.id,
            content_hash=f.sha256,
            steps=[Step(node="first", kind="decision", timed_out=True)],
            scores={"speed": 40.0},
        )
    data = model.model_dump(mode="python", exclude_none=True)
    for _ in range(draw(st.integers(0, 3))):
        data[draw(st.sampled_from(RESULT_KEYS))] = draw(values)
    return data


def dump(data: dict[str, Any]) -> str:
    try:
        return tomli_w.dumps(data)
    except (TypeError, ValueError):
        assume(False)
        raise


class _Elements(HTMLParser):
    """Start tags and attribute names an HTML report really contains."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.attributes: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.attributes.update(name for name, _ in attrs)


def inert(html: str) -> bool:
    """No script, no event handler: participant and author text stayed text."""
    found = _Elements()
    found.feed(html)
    return "script" not in found.tags and not any(a.startswith("on") for a in found.attributes)


def every_report(folder: Path, paths: list[Path]) -> list[tuple[str, str]]:
    """Every report format of the readable files, and the group report: only the project's
    own errors may come out."""
    outputs: list[tuple[str, str]] = []
    readable = []
    for path in paths:
        try:
            storage.load_result(path)
            readable.append(path)
        except ReadinessError:
            continue
    for fmt in FORMATS:
        if readable:
            try:
                text = build_output(library(), readable, "en", fmt=fmt).text  # type: ignore[arg-type]
                outputs.append((fmt, text))
                if fmt == "json":
                    strict_json(text)
            except ReadinessError:
                pass
        group = analyse_folder(folder, library(), lang="en", anonymous=False)
        text = render_group(group, fmt)  # type: ignore[arg-type]
        outputs.append((fmt, text))
        if fmt == "json":
            strict_json(text)
    return outputs


@settings(max_examples=examples(60), deadline=None, suppress_health_check=SLOW)
@given(st.lists(result_documents(), min_size=1, max_size=3))
def test_random_result_files_through_reader_and_every_report(docs: list[dict[str, Any]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        paths = []
        for i, data in enumerate(docs):
            path = folder / f"p{i}--x--{i}.toml"
            path.write_text(dump(data), encoding="utf-8")
            paths.append(path)
        for fmt, text in every_report(folder, paths):
            assert raw_controls(text) == []
            assert fmt != "html" or inert(text)


@settings(max_examples=examples(60), deadline=None, suppress_health_check=SLOW)
@given(st.binary(max_size=400))
def test_random_bytes_as_a_result_file(blob: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "p--x--1.toml"
        path.write_bytes(blob)
        try:
            storage.load_result(path)
        except ReadinessError as exc:
            assert "\n" not in str(exc).strip() or "TOML" in str(exc)
        every_report(Path(tmp), [path])


@settings(max_examples=examples(100), deadline=None)
@given(hostile)
def test_visible_leaves_nothing_a_terminal_obeys(text: str) -> None:
    shown = visible(text)
    assert raw_controls(shown) == []
    assert visible(shown) == shown  # idempotent
    assert shown.count("\n") == text.count("\n")
