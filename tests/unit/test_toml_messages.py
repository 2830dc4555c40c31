"""A broken TOML file is named in the reader's language, and reading it never stalls."""

from __future__ import annotations

import signal
import tempfile
import tomllib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis_budget import examples

from readiness.content.loader import load_paths, parse_file
from readiness.content.positions import (
    last_multiline,
    open_bracket,
    positions,
    unterminated_string,
)
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
    "a = 'open",  # Expected "'" (at end of document)
    "a = 'open\nb = 'x'\n",  # Found invalid character '\n'
    'a = "open',  # Unterminated string (at end of document)
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
    said = problem(tmp_path, 'id = "x"\ntitle = "\x01"\n', "de")
    assert said == "kein gültiges TOML: unzulässiges Zeichen '\\x01' (Spalte 10)"
    said = problem(tmp_path, "a = [\n", "de")
    assert said == "kein gültiges TOML: ungültiger Wert (am Ende der Datei)"


def test_english_keeps_tomllibs_words(tmp_path: Path) -> None:
    said = problem(tmp_path, "a = 1\na = 2\n", "en")
    assert said == "not valid TOML: Cannot overwrite a value (column 6)"


def located(tmp_path: Path, text: str, lang: str) -> tuple[int | None, int | None, str]:
    """Line, column and message of the one problem of a file with `text`."""
    path = tmp_path / "broken.toml"
    path.write_bytes(text.encode("utf-8"))
    [found] = load_paths([path], with_builtin=False).problems
    return found.line, found.column, found.message.text(lang)  # type: ignore[arg-type]


QUOTE_EN = (
    "the text that starts with {q} in column 9 is not closed on its line: add the closing {q}"
    " at its end (a text over several lines starts and ends with {q}{q}{q})"
)
QUOTE_DE = (
    "der Text, der in Spalte 9 mit {q} beginnt, wird in seiner Zeile nicht geschlossen: "
    "ergänzen Sie an seinem Ende das schließende Anführungszeichen {q} (ein Text über mehrere"
    " Zeilen beginnt und endet mit {q}{q}{q})"
)


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ('id = "x"\ntitle = "Leak\nsummary = "s"\n', '"'),  # Illegal character '\n'
        ('id = "x"\r\ntitle = "Leak\r\nsummary = "s"\r\n', '"'),  # '\r': Windows line breaks
        ('id = "x"\ntitle = "Leak', '"'),  # Unterminated string (at end of document)
        ("id = 'x'\ntitle = 'Leak\nsummary = 's'\n", "'"),  # Found invalid character '\n'
        ('id = "x"\ntitle = \'Leak\nsummary = "s"\n', "'"),  # Expected "'" (at end of document)
    ],
)
def test_an_unclosed_quote_says_so_and_to_add_the_closing_quote(
    tmp_path: Path, text: str, quote: str
) -> None:
    """A trainer read "Illegal character '\\n'" at the end of `title = "Leak` and did not know
    what to change. At the line's end, where the quote is missing, both languages say it."""
    assert located(tmp_path, text, "en") == (2, 14, QUOTE_EN.format(q=quote))
    assert located(tmp_path, text, "de") == (2, 14, QUOTE_DE.format(q=quote))


def test_the_whole_line_names_file_line_and_column_of_an_unclosed_quote(tmp_path: Path) -> None:
    path = tmp_path / "broken.toml"
    path.write_text('id = "x"\ntitle = "Leak\n', encoding="utf-8")
    [found] = load_paths([path], with_builtin=False).problems
    assert found.text("en") == f"{path}:2:14: (file): " + QUOTE_EN.format(q='"')
    assert found.text("de") == f"{path}:2:14: (Datei): " + QUOTE_DE.format(q='"')


LIST_EN = (
    "the list that starts with [ on line {line}, column {column}, is not closed: add the closing"
    " ] after its last entry (or a comma, if another entry follows)"
)
LIST_DE = (
    "die Liste, die in Zeile {line}, Spalte {column} mit [ beginnt, wird nicht geschlossen: "
    "ergänzen Sie nach ihrem letzten Eintrag die schließende Klammer ] (oder ein Komma, wenn "
    "noch ein Eintrag folgt)"
)


@pytest.mark.parametrize(
    ("text", "opens", "after"),
    [
        ('tags = ["a", "b"\nnext = 1\n', (1, 8), (1, 17)),  # the parser stops at the next key
        ('tags = ["a", "b"  # two\n\n[t]\n', (1, 8), (1, 17)),  # ... or the next table
        ('tags = ["a", "b"', (1, 8), (1, 17)),  # at the end of the file
        ('tags = [\n  "a"\n  "b",\n]\n', (1, 8), (2, 6)),  # a comma is missing
        ("a = [[1, 2], [3, 4]\nb = 1\n", (1, 5), (1, 20)),  # the outer list
        ('o = [\n  { id = "a" },\n  { id = "b" }\n\n[t]\n', (1, 5), (3, 15)),
    ],
)
def test_an_unclosed_list_says_where_it_opens_and_what_to_add(
    tmp_path: Path, text: str, opens: tuple[int, int], after: tuple[int, int]
) -> None:
    """ "Unclosed array" came at the next line's key, often a section further down. It is
    reported where the closing bracket belongs, naming where the list opens."""
    line, column = opens
    assert located(tmp_path, text, "en") == (*after, LIST_EN.format(line=line, column=column))
    assert located(tmp_path, text, "de") == (*after, LIST_DE.format(line=line, column=column))


@pytest.mark.parametrize(
    ("text", "opens", "after"),
    [
        ("targets = { goals = 60, backing = 70\nx = 1\n", (1, 11), (1, 37)),
        ("targets = { goals = 60, backing = 70", (1, 11), (1, 37)),
        ('o = [\n  { id = "a", points = 0\n]\n', (2, 3), (2, 25)),  # inside a list
    ],
)
def test_an_unclosed_inline_table_says_where_it_opens_and_what_to_add(
    tmp_path: Path, text: str, opens: tuple[int, int], after: tuple[int, int]
) -> None:
    line, column = opens
    assert located(tmp_path, text, "en") == (
        *after,
        f"the table that starts with {{ on line {line}, column {column}, is not closed: add the"
        " closing } after its last entry (a table in { } ends on the line where it starts)",
    )
    assert located(tmp_path, text, "de") == (
        *after,
        f"die Tabelle, die in Zeile {line}, Spalte {column} mit {{ beginnt, wird nicht "
        "geschlossen: ergänzen Sie nach ihrem letzten Eintrag die schließende Klammer } (eine "
        "Tabelle in { } endet in der Zeile, in der sie beginnt)",
    )


@pytest.mark.parametrize(
    ("text", "comma"),
    [
        ('org = { default = "Shop", }\n', (1, 25)),
        ("targets = { goals = 60,\t}\nx = 1\n", (1, 23)),
        ('o = [\n  { id = "a", points = 0, },\n]\n', (2, 25)),  # inside a list
    ],
)
def test_a_comma_closing_an_inline_table_is_named_where_it_is(
    tmp_path: Path, text: str, comma: tuple[int, int]
) -> None:
    """The parser said that `}` cannot start a key, pointing at the brace; the mistake is the
    comma before it, which a list would allow."""
    assert located(tmp_path, text, "en") == (
        *comma,
        "a table in { } cannot end with a comma: remove the comma after its last entry (a list"
        " in [ ] may end with one)",
    )
    assert located(tmp_path, text, "de") == (
        *comma,
        "eine Tabelle in { } darf nicht mit einem Komma enden: entfernen Sie das Komma nach"
        " ihrem letzten Eintrag (eine Liste in [ ] darf so enden)",
    )


def test_a_brace_where_a_key_belongs_without_a_comma_keeps_the_parsers_words(
    tmp_path: Path,
) -> None:
    assert (
        located(tmp_path, "a = { }}\n", "en")[2] != located(tmp_path, "a = { b = 1, }\n", "en")[2]
    )


@pytest.mark.parametrize(
    "help_text",
    [
        'help = """\\\n  Name the people \\\n  you want to reach."""\n',  # stops at the backslash
        'help = """\n"Everybody" is no audience."""\n',  # stops on the next line
        "help = '''\n\nEverybody is no audience.'''\n",  # after a blank line
    ],
)
def test_a_multiline_string_closed_by_the_next_texts_quotes_is_named_where_it_opens(
    tmp_path: Path, help_text: str
) -> None:
    """`summary = \"\"\"...` without its closing quotes in the middle of a file: the next
    text's opening quotes close it, and the parser stumbles over that text ("Expected newline
    or end of document"), far below the mistake."""
    triple = help_text[7:10]
    text = f'id = "x"\nsummary = {triple}Five questions.\nweight = 1.0\n\n{help_text}b = 2\n'
    assert located(tmp_path, text, "en") == (
        2,
        11,
        "a multi-line string opens here and is not closed where its text ends: it runs on to"
        f" the {triple} on line 5 that was meant to open the next text; add the closing"
        f" {triple} at the end of this text",
    )
    assert located(tmp_path, text, "de") == (
        2,
        11,
        "hier beginnt ein mehrzeiliger Text, der an seinem Ende nicht geschlossen wird: er läuft"
        f" bis zum {triple} in Zeile 5 weiter, das den nächsten Text öffnen sollte; ergänzen"
        f" Sie am Ende dieses Textes das schließende {triple}",
    )


def test_a_closed_multiline_string_is_not_blamed_for_a_later_mistake(tmp_path: Path) -> None:
    text = 'a = """\nfine\n"""\nb = 1 c = 2\n'
    assert located(tmp_path, text, "en") == (
        4,
        7,
        "not valid TOML: Expected newline or end of document after a statement (column 7)",
    )


def test_a_file_ending_after_its_equals_sign_is_no_open_string(tmp_path: Path) -> None:
    """The scanner took the end of the text for a quote: `title =` as the last line was
    "a multi-line string opens here and is never closed"."""
    _, _, said = located(tmp_path, 'kind = "assessment"\ntitle =', "en")
    assert said == "not valid TOML: Invalid value (at the end of the file)"


def test_tomllibs_words_for_an_open_quote_or_bracket_say_what_to_add() -> None:
    """The words shown where the file's own text cannot tell more (a result file)."""
    for message in ("Illegal character '\\n'", "Found invalid character '\\n'"):
        assert toml_message(message) == CatalogText("content.toml.msg.unclosed_quote")
    assert CatalogText("content.toml.msg.unclosed_quote").text("de") == (
        "ein Text in Anführungszeichen wird in seiner Zeile nicht geschlossen: ergänzen Sie das "
        "schließende Anführungszeichen"
    )
    for message in ("Unclosed array", "Unclosed inline table", "Unterminated string"):
        worded = toml_message(message)
        assert isinstance(worded, CatalogText)
        assert "add the closing" in worded.text("en"), message
        assert "ergänzen Sie" in worded.text("de"), message


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
        said = problem(tmp_path, text, "en")
    assert said.startswith(("not valid TOML", "the list ", "the table ")), said


@settings(max_examples=examples(2000))
@given(st.text(alphabet=st.sampled_from(list("ab=1 \"'[]{},\n#.\\")), max_size=40))
def test_finding_positions_in_any_text_ends(text: str) -> None:
    with at_most(5):
        positions(text)
        unterminated_string(text)
        for end in range(len(text) + 1):
            open_bracket(text, end)
            last_multiline(text, end)


@settings(max_examples=examples(1000), deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab=1 \"'[]{},\r\n#.\\")), max_size=40))
def test_any_broken_text_gets_one_sentence_inside_the_file(text: str) -> None:
    """Whatever is left open, the problem is one line in both languages, at a line and
    column the file has (one past its last character at most)."""
    try:
        tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        pass
    else:
        return
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "broken.toml"
        path.write_bytes(text.encode("utf-8"))
        with at_most(5):
            _, [found] = parse_file(path)
    rows = text.split("\n")
    for lang in ("en", "de"):
        assert "\n" not in found.text(lang)
    assert found.line is not None and 1 <= found.line <= len(rows)
    assert found.column is None or 1 <= found.column <= len(rows[found.line - 1]) + 1


def test_the_whole_file_is_named_in_the_readers_language(tmp_path: Path) -> None:
    path = tmp_path / "broken.toml"
    path.write_text("a = 1\na = 2\n", encoding="utf-8")
    [found] = load_paths([path], with_builtin=False).problems
    assert found.text("de").startswith(f"{path}:2:6: (Datei): kein gültiges TOML: ")
    assert found.text("en").startswith(f"{path}:2:6: (file): not valid TOML: ")
