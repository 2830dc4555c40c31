"""Read a reply the way a trainer does before judging it: the writer's own words only
(quotations of the critic left out), each sentence once, as stemmed words in clauses.

Stemming is Snowball (`snowballstemmer`, German and English): "Entschuldigung" and
"entschuldigen" share a stem, "fire" and "firefighters" do not. Umlauts and ß are folded
before stemming so "prüfen" and "pruefen" meet, and everything is compared in lower case."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Literal, Protocol, cast

import snowballstemmer  # type: ignore[import-untyped]

from readiness.engine.reply_words import CLAUSE_WORDS, FUNCTION_WORDS, LANGUAGE_MARKERS

Lang = Literal["de", "en"]
"""The languages the reply rubric has stemmers and word lists for."""


def text_language(lang: str) -> Lang:
    """The rubric's word lists for a content language: its own where they exist, English
    otherwise (a new UI language works before anyone writes its rubric word lists)."""
    return "de" if lang == "de" else "en"


_WORD = re.compile(r"\w+(?:['’]\w+)*|[^\w\s.,;:!?\"'„“”»«‚‘’()\[\]{}\-–—/…*]")
"""A word (with inner apostrophes: "don't", "we've"), or one symbol that is not punctuation
(an emoji, €, #), so "🙈" can be a keyword."""
_CLAUSE_BREAK = re.compile(r"[.,;:!?()\[\]{}–—…\n]|(?<!\w)-(?!\w)")
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|\n+")
_QUOTES = re.compile(
    r"„[^„“”\"\n]{1,600}[“”\"]"  # German „…“
    r"|“[^“”\n]{1,600}”"  # English “…”
    r"|\"[^\"\n]{1,600}\""  # straight "…"
    r"|»[^»«\n]{1,600}«"  # German »…«
    r"|«[^»«\n]{1,600}»"  # French-style «…»
)
_QUOTED_LINE = re.compile(r"^[ \t]*>.*$", re.MULTILINE)
_FOLD = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss", "’": "'"})


class _Stemmer(Protocol):
    def stemWord(self, word: str) -> str: ...


@cache
def _stemmer(lang: Lang) -> _Stemmer:
    return cast(_Stemmer, snowballstemmer.stemmer("german" if lang == "de" else "english"))


def folded(word: str) -> str:
    """A word lower-cased with umlauts and ß folded, as stems are compared."""
    return word.lower().translate(_FOLD)


@lru_cache(maxsize=65536)
def stem(word: str, lang: Lang) -> str:
    """The Snowball stem of one word, lower-cased and with umlauts folded."""
    plain = folded(word)
    if not plain[:1].isalnum():
        return plain
    return _stemmer(lang).stemWord(plain)


@dataclass(frozen=True)
class Token:
    """One word of the writer's own text."""

    text: str
    """As written."""
    lower: str
    """Lower case, apostrophes straightened (for negations and function words)."""
    stem: str
    clause: int
    """Index of the clause the word is in; a negation reaches only within its clause."""
    start: int
    end: int
    """Character offsets in `Reading.own`."""


@dataclass(frozen=True)
class Reading:
    """A reply as the rubric reads it."""

    own: str
    """The writer's own words: quotations removed, repeated sentences dropped."""
    tokens: tuple[Token, ...]
    quoted: str
    """What was left out as quotation (for explaining a phrase that only occurs there)."""
    repeated: int
    """How many sentences were dropped as repeats."""
    lang: Lang

    @property
    def content_words(self) -> frozenset[str]:
        """Distinct stems that are not function words or single characters."""
        function = FUNCTION_WORDS["de"] | FUNCTION_WORDS["en"]
        return frozenset(
            t.stem for t in self.tokens if len(t.lower) > 1 and t.lower not in function
        )

    @property
    def words(self) -> tuple[Token, ...]:
        """Tokens that are words (not emoji or symbols)."""
        return tuple(t for t in self.tokens if t.lower[:1].isalnum())

    def function_share(self) -> float:
        """Share of words that are function words (prose has many, a keyword list few)."""
        words = self.words
        if not words:
            return 0.0
        function = FUNCTION_WORDS["de"] | FUNCTION_WORDS["en"]
        return sum(1 for t in words if t.lower in function) / len(words)

    def language_markers(self) -> dict[Lang, int]:
        """How many German-only and English-only function words the text uses."""
        counts: dict[Lang, int] = {"de": 0, "en": 0}
        for t in self.words:
            for lang in ("de", "en"):
                if t.lower in LANGUAGE_MARKERS[lang]:
                    counts[lang] += 1
        return counts


def strip_quotations(text: str) -> tuple[str, str]:
    """(text without quotations, the quoted parts). A quotation is replaced by a clause break,
    so a negation before it does not reach past it. A text that is nothing but a quotation
    (a reply pasted in quotes) is kept whole."""
    quoted: list[str] = []

    def cut(m: re.Match[str]) -> str:
        quoted.append(m.group(0))
        return " ; "

    own = _QUOTED_LINE.sub(cut, text)
    own = _QUOTES.sub(cut, own)
    if not re.search(r"\w", own):
        return text, ""
    return own, "\n".join(quoted)


def _sentence_key(sentence: str, lang: Lang) -> tuple[str, ...]:
    return tuple(stem(w, lang) for w in _WORD.findall(sentence))


def dedupe_sentences(text: str, lang: Lang) -> tuple[str, int]:
    """The text with every sentence that repeats an earlier one (same words, any case or
    punctuation) left out; and how many were left out."""
    seen: set[tuple[str, ...]] = set()
    kept: list[str] = []
    dropped = 0
    for sentence in _SENTENCE_END.split(text):
        key = _sentence_key(sentence, lang)
        if not key:
            continue
        if key in seen:
            dropped += 1
            continue
        seen.add(key)
        kept.append(sentence.strip())
    return "\n".join(kept), dropped


def tokenize(text: str, lang: Lang) -> tuple[Token, ...]:
    """Words with their stems and clause numbers."""
    tokens: list[Token] = []
    clause = 0
    pos = 0
    for m in _WORD.finditer(text):
        if _CLAUSE_BREAK.search(text, pos, m.start()):
            clause += 1
        lower = m.group(0).lower().replace("’", "'")
        if lower in CLAUSE_WORDS:
            clause += 1
        tokens.append(Token(m.group(0), lower, stem(lower, lang), clause, m.start(), m.end()))
        pos = m.end()
    return tuple(tokens)


def phrase_words(phrase: str) -> list[str]:
    """A keyword's words as written, in the order `phrase_stems` gives their stems."""
    return _WORD.findall(phrase)


def phrase_stems(phrase: str, lang: Lang) -> tuple[str, ...]:
    """A keyword as the sequence of stems it must match."""
    return tuple(stem(w, lang) for w in phrase_words(phrase))


def read(text: str, lang: Lang) -> Reading:
    """The writer's own words of `text`, ready to be judged."""
    own, quoted = strip_quotations(text)
    own, repeated = dedupe_sentences(own, lang)
    return Reading(own, tokenize(own, lang), quoted, repeated, lang)


__all__ = [
    "Reading",
    "Token",
    "dedupe_sentences",
    "folded",
    "phrase_stems",
    "phrase_words",
    "read",
    "stem",
    "strip_quotations",
    "tokenize",
]
