"""A broken TOML file is named in the reader's language, and reading it never stalls."""

from __future__ import annotations

import signal
import tomllib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis_budget import examples

from readiness.content.loader import load_paths
from readiness.content.positions import positions, unterminated_string
from readiness.i18n.catalog_text import CatalogText
from readiness.toml_messages import toml_message

BROKEN = [
    'title = "open\n',  # Illegal character '\n'
    "a = {b = 1\n",  # Unclosed inline table
    'a = "x\\q"\n',  # Unescaped '\' in a string
    "a = 1\na = 2\n",  # Cannot overwrite a value
    "a = [1, 2\n",  # Unclosed array
    "a 1\n",  # Expected '=' after a key
    "[t\n",  # Expected ']' at the end of a table declaration
    "[[t]\n",  # Expected ']]'
    "a = 1 b = 2\n",  # Expected newline or end of document
    "a = {x = 1, x = 2}\n",  # Duplicate inline table key
    "= 1\n",  # Invalid initial character for a key part
    'a = "\\uZZZZ"\n',  # Invalid hex value
    'a = "\\uD800"\n',  # not a Unicode scalar value
    "a = 1979-13-45\n",  # Invalid date or datetime
    "a = [\n",  # Invalid value (at end of document)
    "[t]\n[t]\n",  # Cannot declare ('t',) twice
]


def problem(tmp_path: Path, text: str, lang: str) -> str:
    path = tmp_path / "broken.toml"
    path.write_text(text, encoding="utf-8")
    [found] = load_paths([path], with_builtin=False).problems
    return found.message.text(lang)  # type: ignore[arg-type]


@pytest.mark.parametrize("text", BROKEN)
def test_every_tomllib_message_is_worded_from_the_catalog(text: str) -> None:
    with pytest.raises(tomllib.TOMLDecodeError) as error:
        tomllib.loads(text)
    message = str(error.value).rsplit(" (at ", 1)[0]
    assert isinstance(toml_message(message), CatalogText), message


def test_a_german_reader_gets_a_german_sentence(tmp_path: Path) -> None:
    said = problem(tmp_path, 'id = "x"\ntitle = "open\n', "de")
    assert said == "kein gültiges TOML: unzulässiges Zeichen '\\n' (Spalte 14)"
    said = problem(tmp_path, "a = [\n", "de")
    assert said == "kein gültiges TOML: ungültiger Wert (am Ende der Datei)"


def test_english_keeps_tomllibs_words(tmp_path: Path) -> None:
    said = problem(tmp_path, "a = 1\na = 2\n", "en")
    assert said == "not valid TOML: Cannot overwrite a value (column 6)"


def test_an_unknown_message_is_shown_as_it_came() -> None:
    assert toml_message("Something new in Python 3.99") == "Something new in Python 3.99"


@contextmanager
def at_most(seconds: int) -> Iterator[None]:
    """Fail instead of hanging (the scanner once looped for ever on `a = {b = 1`)."""

    def stalled(_signum: int, _frame: object) -> None:
        raise AssertionError("stalled")

    previous = signal.signal(signal.SIGALRM, stalled)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.mark.parametrize("text", ["a = {b = 1\n", "a = [1 }\n", "a = {b = [1, }\n", "a = {\n"])
def test_an_open_bracket_does_not_stall_the_loader(tmp_path: Path, text: str) -> None:
    with at_most(10):
        assert problem(tmp_path, text, "en").startswith("not valid TOML")


@settings(max_examples=examples(2000))
@given(st.text(alphabet=st.sampled_from(list('ab=1 "\'[]{},\n#.\\')), max_size=40))
def test_finding_positions_in_any_text_ends(text: str) -> None:
    with at_most(5):
        positions(text)
        unterminated_string(text)


def test_the_whole_file_is_named_in_the_readers_language(tmp_path: Path) -> None:
    path = tmp_path / "broken.toml"
    path.write_text("a = 1\na = 2\n", encoding="utf-8")
    [found] = load_paths([path], with_builtin=False).problems
    assert found.text("de").startswith(f"{path}:2:6: (Datei): kein gültiges TOML: ")
    assert found.text("en").startswith(f"{path}:2:6: (file): not valid TOML: ")
