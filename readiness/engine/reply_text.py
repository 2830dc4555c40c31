"""Read a reply the way a trainer does before judging it: the writer's own words only
(quotations of the critic left out), each sentence once, as stemmed words in clauses.

Stemming is Snowball (`snowballstemmer`, German and English): "Entschuldigung" and
"entschuldigen" share a stem, "fire" and "firefighters" do not. Umlauts and ß are folded
before stemming so "prüfen" and "pruefen" meet, and everything is compared in lower case."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from typing import Literal, Protocol, cast

import snowballstemmer  # type: ignore[import-untyped]

from readiness.engine.reply_words import (
    ANY_FUNCTION_WORDS,
    CLAUSE_WORDS,
    DETERMINERS,
    LANGUAGE_MARKERS,
    LIST_DETERMINERS,
    LIST_JOINERS,
    SALUTATIONS,
)

Lang = Literal["de", "en"]
"""The languages the reply rubric has stemmers and word lists for."""


def text_language(lang: str) -> Lang:
    """The rubric's word lists for a content language: its own where they exist, English
    otherwise (a new UI language works before anyone writes its rubric word lists)."""
    return "de" if lang == "de" else "en"


_WORD = re.compile(r"\w+(?:['’]\w+)*|[^\w\s.,;:!?\"'„“”»«‚‘’()\[\]{}\-–—/…*|•·+›‹]")
"""A word (with inner apostrophes: "don't", "we've"), or one symbol that is not punctuation
(an emoji, €, #), so "🙈" can be a keyword."""
_PUNCTUATION = r".,;:!?()\[\]{}–—…\n"
_INNER_PUNCTUATION = re.compile(rf"[{_PUNCTUATION}]|(?<!\w)-(?!\w)")
_CLAUSE_BREAK = re.compile(rf"[{_PUNCTUATION}|•·]|(?<!\w)-(?!\w)")
"""What ends a clause: punctuation, a bracket, a dash, a bar or a bullet ("Video nicht teilen
• Fragen per PN": the "nicht" does not reach the next item)."""
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|\n+")
_ELISION = r"(?:bout|cause|cos|coz|til|till|em|tis|twas|n|ne|nen|nem|ner|s|\d)\b"
"""What follows an apostrophe that stands for left-out letters, not a quotation mark: "'bout",
"'cause", "'nen Fehler", "'24"."""
_CLOSE = r"(?:(?<!s)Q|(?<=s)Q(?=[.,;:!?…)\]]|\s*$|\s+[A-ZÄÖÜ]))(?!\w)"
_QUOTES = re.compile(
    (
        r"„[^„“”\"\n]{1,600}[“”\"]"  # German „…“
        r"|“[^“”\n]{1,600}”"  # English “…”
        r"|\"[^\"\n]{1,600}\""  # straight "…"
        r"|»[^»«\n]{1,600}«"  # German »…«
        r"|«[^»«\n]{1,600}»"  # French-style «…»
        r"|›[^›‹\n]{1,600}‹"  # German ›…‹
        r"|‹[^›‹\n]{1,600}›"  # Swiss ‹…›
        # Single quotation marks, the British style: an apostrophe inside a word ("don't",
        # "geht’s", "the kids' toys") neither opens nor closes one.
        r"|‚(?:[^‚‘\n]|(?<=\w)‘(?=\w)){1,600}?‘"  # German ‚…‘
        # After an "s" it may be a plural's possessive ("the kids' faces"): a closing mark only
        # before punctuation, the end or a capital. What follows an elision opens nothing.
        r"|(?<!\w)‘(?!{elision})(?=\S)(?:[^‘’\n]|(?<=\w)’(?=\w)){1,600}?(?<=\S){close’}"  # ‘…’
        r"|(?<!\w)'(?!{elision})(?=\S)(?:[^'\n]|(?<=\w)'(?=\w)){1,600}?(?<=\S){close'}"  # '…'
    )
    .replace("{elision}", _ELISION)
    .replace("{close’}", _CLOSE.replace("Q", "’"))
    .replace("{close'}", _CLOSE.replace("Q", "'"))
)
_QUOTED_LINE = re.compile(r"^[ \t]*>.*$", re.MULTILINE)
_LIST_SEPARATOR = re.compile(r"[,;/&|•·+]")
_BULLET = re.compile(r"[|•·]")
_LIST_END = re.compile(r"[.!?:()\[\]{}–—…\n]|(?<!\w)-(?!\w)")
"""What ends a list: the end of a sentence, a colon, a dash or a bracket."""
_SENTENCE_STOP = re.compile(r"[.!?…\n]")
_LINK = re.compile(r"\S+@\S+|\w+://\S+|www\.\S+|\S+\.[a-z]{2,4}/\S*", re.IGNORECASE)
"""An address or link: its dots and slashes are no list."""
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
        return self.content_stems()

    def content_stems(self, skip: frozenset[int] = frozenset()) -> frozenset[str]:
        """`content_words` without the tokens at the indices in `skip`."""
        return frozenset(
            t.stem
            for i, t in enumerate(self.tokens)
            if len(t.lower) > 1 and t.lower not in ANY_FUNCTION_WORDS and i not in skip
        )

    @property
    def words(self) -> tuple[Token, ...]:
        """Tokens that are words (not emoji or symbols). The verb a contraction carries
        ("'re" of "you're", read as "are") is not a word of its own here: "Sorry, you're
        right." is four words, as written, for the measures of length and share."""
        return tuple(t for t in self.tokens if t.lower[:1].isalnum() and t.text[:1] not in "'’")

    @property
    def punctuated(self) -> bool:
        """Whether punctuation stands anywhere but at the end ("Sorry, Lena – photo's down"
        is punctuated, "Mistake sorry ad withdrawn message us" is not)."""
        return _INNER_PUNCTUATION.search(self.own.strip().rstrip(".!?…")) is not None

    def function_share(self, borrowed: frozenset[int] = frozenset()) -> float:
        """Share of words that are function words (prose has many, a keyword list few). A
        salutation ("Hi Emre,", "Liebe Eltern,") is left out: it is a formula, and a short
        comment would otherwise fail for the name in it. Function words at `borrowed`
        positions (inside the rubric's own phrases: "tut uns leid", "message us") count as
        words but not as function words: they are the writer's grammar only elsewhere."""
        greeting = self.salutation()
        words = [
            (i, t) for i, t in enumerate(self.tokens) if t.lower[:1].isalnum() and i not in greeting
        ]
        if not words:
            return 0.0
        return sum(
            1 for i, t in words if t.lower in ANY_FUNCTION_WORDS and i not in borrowed
        ) / len(words)

    @cached_property
    def stem_positions(self) -> dict[str, list[int]]:
        """Token indices of each stem, in order: a keyword is looked for only where the stem
        of its first word stands (a rubric has dozens of keywords per reply)."""
        positions: dict[str, list[int]] = {}
        for i, token in enumerate(self.tokens):
            positions.setdefault(token.stem, []).append(i)
        return positions

    def salutation(self) -> frozenset[int]:
        """Token indices of an opening salutation: a first clause of at most four words that
        starts with "Hi", "Hallo", "Liebe", "Dear" … and ends at a comma or the line."""
        if not self.tokens or self.tokens[0].lower not in SALUTATIONS:
            return frozenset()
        first = [i for i, t in enumerate(self.tokens) if t.clause == self.tokens[0].clause]
        if len(first) > 4 or len(first) == len(self.tokens):
            return frozenset()
        return frozenset(first)

    def bare_lists(self) -> tuple[BareList, ...]:
        """Runs of three or more list items that are only nouns (see `BareList`)."""
        return _bare_lists(self)

    def language_markers(self) -> dict[Lang, int]:
        """How many German-only and English-only function words the text uses."""
        counts: dict[Lang, int] = {"de": 0, "en": 0}
        for t in self.words:
            for lang in ("de", "en"):
                if t.lower in LANGUAGE_MARKERS[lang]:
                    counts[lang] += 1
        return counts


@dataclass(frozen=True)
class BareList:
    """Three or more items in a row, separated by commas, semicolons, slashes or "und/and/
    oder/or", each one to three words that name something without saying anything: no
    verb, pronoun or preposition, a determiner only in first place ("our team", "neues
    Video"), in German ending in a noun. "Musik, Rechte, Bewerbung, neues Video" is one;
    "wir haben das Foto gelöscht, die Eltern informiert und Anzeige erstattet" is not (its
    items are clauses), nor "Foto gelöscht, Eltern informiert" (German items ending in a
    verb), nor "deleted the photo, informed the parents" (a determiner after the verb)."""

    items: tuple[tuple[int, ...], ...]
    """Token indices of each item."""
    free_standing: bool
    """Whether the list is its sentence's whole first part, closed by a colon or a dash
    ("Netiquette, Kritik, Team: Über all das reden wir intern"), or a whole sentence on its
    own: it names topics and no clause says anything about them."""

    @property
    def tokens(self) -> frozenset[int]:
        return frozenset(i for item in self.items for i in item)


def _bare_item(reading: Reading, item: tuple[int, ...]) -> bool:
    """Whether a list item only names something: one word that is not a function word, or
    a noun phrase of two or three words (see `BareList`)."""
    words = [reading.tokens[i] for i in item if reading.tokens[i].lower[:1].isalnum()]
    if not 1 <= len(words) <= 3:
        return False
    for k, t in enumerate(words):
        leading = k == 0 and len(words) > 1 and t.lower in DETERMINERS | LIST_DETERMINERS
        if t.lower in ANY_FUNCTION_WORDS and not leading:
            return False
    if len(words) == 1:
        return True
    last = words[-1]
    if reading.lang == "de":
        # a German noun is capitalised: "Foto gelöscht", "Eltern informiert" say something
        return last.text[:1].isupper() or last.text[:1].isdigit()
    # "photo deleted", "parents informed": a participle closing the item says something
    return not (
        len(last.lower) > 4 and last.lower.endswith("ed") and not last.lower.endswith("eed")
    )


_Segment = tuple[int, list[tuple[int, ...]], bool, str]
"""A run of list items between two list ends: its first token, its items (token indices),
whether a sentence stop opened it, and what closed it."""


def _short_item(reading: Reading, item: tuple[int, ...]) -> bool:
    """An item of one or two words: between bullets, "as promised" or "message us" name a
    point as much as "rules" does; "the album is removed" is a clause and says something."""
    return 1 <= sum(1 for i in item if reading.tokens[i].lower[:1].isalnum()) <= 2


def _separates(gap: str, bulleting: bool) -> bool:
    """Whether the text between two words separates list items: a comma, semicolon, slash,
    "&" or "+", and "|", "•" or "·" where the reply uses two or more of them (a lone "|" is
    no list)."""
    if bulleting:
        return _LIST_SEPARATOR.search(gap) is not None
    return _LIST_SEPARATOR.search(_BULLET.sub("", gap)) is not None


def _bare_lists(reading: Reading) -> tuple[BareList, ...]:
    tokens, own = reading.tokens, reading.own
    links = [m.span() for m in _LINK.finditer(own)]
    # segments: runs of items between list ends; each item a run of tokens between separators
    segments: list[_Segment] = []
    items: list[tuple[int, ...]] = []
    item: list[int] = []
    seg_start, seg_opens = 0, True
    bulleting = len(_BULLET.findall(own)) >= 2
    bullets: dict[int, int] = {}
    """Per segment (by index), how many "|", "•" or "·" separate its items: with two or more,
    an item of one or two words counts as bare, even "as promised" or "message us"."""

    def close(end: str) -> None:
        nonlocal items, item
        if item:
            items.append(tuple(item))
        segments.append((seg_start, items, seg_opens, end))
        items, item = [], []

    for i, t in enumerate(tokens):
        gap = own[tokens[i - 1].end : t.start] if i else own[: t.start]
        stop = _LIST_END.search(gap) if i else None
        in_link = any(a <= t.start < b for a, b in links)
        if stop:
            close(stop.group(0))
            seg_start, seg_opens = i, bool(_SENTENCE_STOP.search(gap))
        elif i and (_separates(gap, bulleting) or in_link):
            if item:
                items.append(tuple(item))
            item = []
            if _BULLET.search(gap):
                bullets[len(segments)] = bullets.get(len(segments), 0) + 1
        if in_link:
            items.append((-1,))  # an address breaks a list
            continue
        if t.lower in LIST_JOINERS:
            if item:
                items.append(tuple(item))
            item = []
            continue
        item.append(i)
    close(".")
    found: list[BareList] = []
    for index, (_, seg_items, opens, end) in enumerate(segments):
        bare = [
            it != (-1,)
            and (
                (bullets.get(index, 0) >= 2 and _short_item(reading, it)) or _bare_item(reading, it)
            )
            for it in seg_items
        ]
        k = 0
        while k < len(seg_items):
            if not bare[k]:
                k += 1
                continue
            j = k
            while j < len(seg_items) and bare[j]:
                j += 1
            if j - k >= 3:
                whole = k == 0 and j == len(seg_items) and opens
                found.append(BareList(tuple(seg_items[k:j]), whole and end not in "()[]{}"))
            k = j
    return tuple(found) + _sentence_lists(reading, segments)


def _sentence_lists(reading: Reading, segments: list[_Segment]) -> tuple[BareList, ...]:
    """Lists written with full stops: three or more sentences in a row, each one bare item
    ("Tweet. Entschuldigung. Danke. Persönlich angerufen."). A keyword per sentence is a
    list of the rubric's points as much as one with commas, so it counts as one when its
    items echo the rubric (`free_standing` False); "Wow. Thanks. Seriously." stays words."""

    def one_bare_sentence(segment: _Segment) -> bool:
        _, items, opens, end = segment
        return (
            opens
            and bool(_SENTENCE_STOP.fullmatch(end))
            and len(items) == 1
            and items[0] != (-1,)
            and _bare_item(reading, items[0])
        )

    found: list[BareList] = []
    run: list[tuple[int, ...]] = []
    words = len(reading.words)
    for segment in [*segments, (0, [], False, "")]:
        if one_bare_sentence(segment):
            run.append(segment[1][0])
            continue
        # Most of the reply: "Sabine. 23 Jahre. Danke. Entschuldigung. Mehr kann ich hier
        # nicht schreiben; lass uns einen Kaffee trinken." opens with them and then speaks.
        if len(run) >= 3 and 2 * sum(len(item) for item in run) >= words:
            found.append(BareList(tuple(run), False))
        run = []
    return tuple(found)


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


PAIR_PREFIX = 5
"""Letters two words joined by "und"/"oder" share when they are two forms of one noun."""


def _joins_two_forms(words: list[re.Match[str]], k: int, text: str) -> bool:
    """ "Mitarbeiterinnen und Mitarbeitern", "Kolleginnen oder Kollegen": one noun in two
    forms, not a new clause. "Zu einzelnen Mitarbeiterinnen und Mitarbeitern äußern wir
    uns nicht" denied nothing, the clause with the noun ending at the "und"."""
    if not 0 < k < len(words) - 1 or words[k].group(0).lower() not in ("und", "oder"):
        return False
    before, after = words[k - 1], words[k + 1]
    if _CLAUSE_BREAK.search(text, before.end(), after.start()):
        return False
    first, second = before.group(0).lower(), after.group(0).lower()
    return len(first) >= PAIR_PREFIX and first[:PAIR_PREFIX] == second[:PAIR_PREFIX]


_CLITIC = re.compile(r"(?P<host>\w+)['’](?P<clitic>ve|re|ll|m|d|s)", re.IGNORECASE)
_CLITIC_WORDS = {"ve": "have", "re": "are", "ll": "will", "m": "am", "d": "would", "s": "is"}
_IS_HOSTS = frozenset({"it", "that", "there", "here", "he", "she", "this", "everything", "nothing"})
"""Words whose "'s" is "is" ("it's gone"); after any other word it is a possessive, or, after
"what", "who", "where", "how", as often "has" ("what's happened"): left one word, as the
stemmer reads it ("what's" as "what")."""


def _clitic(word: str, lang: Lang | None) -> tuple[str, str, str] | None:
    """("should", "'ve", "have") for "should've": an English word, the verb it carries as
    written and as a word, read as two words so that "it's gone" is "it is gone" and "we've"
    meets "we have". A "n't" stays one word: the negation rules read it whole."""
    m = _CLITIC.fullmatch(word) if lang == "en" else None
    if m is None:
        return None
    host, clitic = m.group("host"), m.group("clitic").lower()
    if clitic == "s" and host.lower() not in _IS_HOSTS:
        return None
    return host, word[len(host) :], _CLITIC_WORDS[clitic]


def tokenize(text: str, lang: Lang) -> tuple[Token, ...]:
    """Words with their stems and clause numbers."""
    tokens: list[Token] = []
    clause = 0
    pos = 0
    words = list(_WORD.finditer(text))
    for k, m in enumerate(words):
        if _CLAUSE_BREAK.search(text, pos, m.start()):
            clause += 1
        lower = m.group(0).lower().replace("’", "'")
        if lower in CLAUSE_WORDS and not _joins_two_forms(words, k, text):
            clause += 1
        parts = _clitic(m.group(0), lang)
        if parts is None:
            tokens.append(Token(m.group(0), lower, stem(lower, lang), clause, m.start(), m.end()))
        else:
            host, rest, verb = parts
            split = m.start() + len(host)
            tokens.append(
                Token(host, host.lower(), stem(host.lower(), lang), clause, m.start(), split)
            )
            tokens.append(Token(rest, verb, stem(verb, lang), clause, split, m.end()))
        pos = m.end()
    return tuple(tokens)


def phrase_words(phrase: str, lang: Lang | None = None) -> list[str]:
    """A keyword's words as written, in the order `phrase_stems` gives their stems (with
    `lang` "en", a word carrying a verb as two: "we've" is "we", "have")."""
    words: list[str] = []
    for word in _WORD.findall(phrase):
        parts = _clitic(word, lang)
        words.extend([word] if parts is None else [parts[0], parts[2]])
    return words


def phrase_stems(phrase: str, lang: Lang) -> tuple[str, ...]:
    """A keyword as the sequence of stems it must match."""
    return tuple(stem(w.lower(), lang) for w in phrase_words(phrase, lang))


def read(text: str, lang: Lang) -> Reading:
    """The writer's own words of `text`, ready to be judged."""
    own, quoted = strip_quotations(text)
    own, repeated = dedupe_sentences(own, lang)
    return Reading(own, tokenize(own, lang), quoted, repeated, lang)


__all__ = [
    "BareList",
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
