"""The compiled TOML reader gives tomllib's answer: the same data, or tomllib's own error."""

from __future__ import annotations

import math
import tomllib
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis_budget import examples

from readiness.content.loader import builtin_dirs, iter_content_files
from readiness.toml_parse import parse_toml

DATA = Path(__file__).parent.parent / "data"


def outcome(parse: Any, text: str) -> tuple[str, object]:
    try:
        return "data", parse(text)
    except tomllib.TOMLDecodeError:
        return "error", None
    except RecursionError:
        return "too deep", None


def same(a: object, b: object) -> bool:
    """Equal, with NaN equal to NaN (a TOML `nan` is a valid value)."""
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return True
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    return type(a) is type(b) and a == b


def test_every_content_file_reads_the_same() -> None:
    files = [p for folder in builtin_dirs() for p in iter_content_files(folder)]
    files += sorted(DATA.rglob("*.toml"))
    assert len(files) > 100
    for path in files:
        text = path.read_bytes().decode("utf-8-sig", "replace")
        expected, found = outcome(tomllib.loads, text), outcome(parse_toml, text)
        assert expected[0] == found[0] and same(expected[1], found[1]), path


scalars = (
    st.text(max_size=30)
    | st.integers(min_value=-(2**63), max_value=2**63 - 1)
    | st.floats(allow_nan=True)
    | st.booleans()
)
keys = st.text(min_size=1, max_size=12)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(keys, inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=examples(600))
@given(st.dictionaries(keys, values, max_size=6))
def test_written_documents_read_back_the_same(data: dict[str, Any]) -> None:
    text = tomli_w.dumps(data)
    assert same(parse_toml(text), tomllib.loads(text))


TOMLISH = st.text(
    alphabet=st.sampled_from(list('ab=1.0"\'[]{},\n\r\t #\\ux-+:eE_\x00\x1b\x7f\u00e4\ufeff')),
    max_size=60,
)


@settings(max_examples=examples(3000))
@given(TOMLISH)
def test_any_text_gets_tomllibs_answer(text: str) -> None:
    expected, found = outcome(tomllib.loads, text), outcome(parse_toml, text)
    assert expected[0] == found[0], (text, expected, found)
    assert same(expected[1], found[1])


@pytest.mark.parametrize(
    "text",
    [
        "a = " + "[" * 100_000,  # tomllib: RecursionError, as before
        "a = " + "{b = " * 300 + "1" + "}" * 300,
        'a = "x\x1by"',  # a raw control character is an error
        'a = "\\e[31m"',  # TOML 1.1 escapes are errors in the TOML 1.0 both read
        'a = "\\x1b"',
        "a = 07:32",
        "a = 1\na = 2",
    ],
)
def test_unusual_documents_get_tomllibs_answer(text: str) -> None:
    expected, found = outcome(tomllib.loads, text), outcome(parse_toml, text)
    assert expected[0] == found[0] and same(expected[1], found[1])


@pytest.mark.parametrize("escape", ["\\e", "\\x1b"])
def test_an_escape_the_loader_does_not_look_for_is_refused(escape: str) -> None:
    """The loader finds control characters by their TOML 1.0 escapes (\\u001b, \\b, ...);
    a parser that reads TOML 1.1's shorter ones would let ESC through unseen."""
    with pytest.raises(tomllib.TOMLDecodeError):
        parse_toml(f'a = "{escape}[31m"')
