"""Judge a free-text reply against the author's rubric the way a trainer reads it.

The rules, in order (docs/scoring.md explains them for authors):

1. Only the writer's own words count: quotations („…“, "…", »…«, lines starting with ">")
   are left out, and a sentence repeated is read once.
2. A reply must be a reply before any criterion can be met: not mostly one sentence repeated
   (as many repeats as distinct sentences, at least two), written in the step's language,
   written in sentences (not a list of keywords), and with a minimum of distinct content
   words (`min_content_words`). A list of bare words inside a sentence that no clause says
   anything about, or that echoes three or more criteria ("Netiquette, Kritik, Team: Über all
   das reden wir intern"), counts like a quotation and is no substance.
3. A keyword matches whole words and their inflections (Snowball stems, German or English);
   a phrase matches as a sequence of stemmed words. Patterns are regular expressions.
4. A negation shortly before the phrase (same clause, up to four words: "nicht", "keine",
   "no", "never", "don't" …) or, in German, closing the clause right after it ("Wir
   entschuldigen uns nicht.", "Angezeigt wird niemand.") denies it, as does "not"/"n't" after
   a subject ("gifts don't need labels") and a negated main clause after a clause opening with
   "ob/dass/whether" ("Ob deine Bewerbung zählt, sagen wir nicht"); a negation does not reach
   past "that" after a verb of knowing. A denied phrase does not count: a denied apology
   is no apology, and a denied forbidden phrase ("wir nennen keine Namen") is no violation.
   To forbid a denial itself ("kein Fake" is a verdict too), write it as the keyword.
   A denied verb of tolerating ("Rassismus dulden wir nicht") rejects rather than denies.
   An apology that apologises for a condition or for other people's feelings ("sorry if
   anyone felt offended", "es tut uns leid, dass Sie sich … fühlen") counts as denied too.
5. Avoidance criteria (`expect = "absent"`) are earned only by a reply that does something
   the rubric asks for: a reply that meets no `present` criterion earns nothing for what it
   left out.

Every verdict carries the reason and the words that decided it, for the debrief."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from readiness.engine.reply_text import (
    Lang,
    Reading,
    Token,
    folded,
    phrase_stems,
    phrase_words,
    read,
    text_language,
)
from readiness.engine.reply_words import (
    AFTER_SUBJECT,
    ANY_FUNCTION_WORDS,
    APOLOGY_BUT,
    APOLOGY_WORDS,
    CLAUSE_WORDS,
    COORDINATORS,
    DENIAL_VERBS,
    DETERMINERS,
    EXCUSE_OPENERS,
    EXCUSE_WORDS,
    FRONTED_QUESTIONS,
    GERMAN_CLOSING_NEGATIONS,
    KNOWING_VERBS,
    NEGATIONS,
    NON_APOLOGY_EXCEPTIONS,
    NON_APOLOGY_PATTERNS,
    NOT_A_NEGATION_AFTER,
    OBJECTS,
    REJECTION_WORDS,
    SHORT_REACH,
)
from readiness.models.scenario import Criterion
from readiness.placeholders import fill

Reason = Literal[
    "found",
    "negated",
    "taken_back",
    "quoted",
    "listed",
    "missing",
    "clean",
    "too_short",
    "not_prose",
    "other_language",
    "repetitive",
    "unaddressed",
]
"""Why a criterion was judged as it was:

- found: the phrase is in the writer's own words (met for `present`, a violation for `absent`)
- negated: it occurs only denied
- taken_back: an apology its own sentence takes back ("sorry if anyone felt offended",
  "es tut uns leid, aber …"), and no other apology stands
- quoted: it occurs only inside a quotation
- listed: it occurs only in a list of bare words that no clause says anything about
  ("Netiquette, Kritik, Team: Über all das reden wir intern")
- missing / clean: it does not occur (`present` missed / `absent` met)
- too_short, not_prose, other_language, repetitive: the reply failed a gate, so nothing is met
- unaddressed: an `absent` criterion not earned because no `present` one was met
"""

NEGATION_WINDOW = 4
"""How many words before a phrase a negation may stand and still deny it ("or"/"oder" in a
list do not count: "no messages or phone calls")."""
SHORT_STEM = 4
"""A keyword word whose stem is shorter than this matches only itself with up to two more
letters: the German stem of "Hater" is "hat", which must not match "hat" (has)."""
MIN_FUNCTION_SHARE = 0.2
"""Prose has this share of function words or more; a list of keywords has far fewer."""
MIN_WORDS_FOR_PROSE_CHECK = 8
MAX_KEYWORD_SHARE = 0.7
"""A reply whose words are mostly the rubric's keywords is a keyword list, even when the
keywords bring their own function words ("from now on", "message us"). On the labelled
corpus, keyword lists reach 85–100 %, real replies at most 55 %."""


MIN_CONTENT_WORDS = 4
"""Distinct content words a reply needs before any criterion can be met."""


def min_content_words(limit: int) -> int:
    """Distinct content words a reply needs before any criterion can be met: four, whatever
    the step's limit. "Sorry, our mistake!" (two) earns nothing; "You're right, and we're
    sorry. We'll say more later today." (four) is a short reply a trainer credits. An earlier
    minimum that grew with the limit (up to ten) failed most honest short comments on
    Facebook steps in the labelled corpus, where the limit is 63,206 characters."""
    del limit  # kept in the signature: steps may come to need different minimums
    return MIN_CONTENT_WORDS


@dataclass(frozen=True)
class CriterionResult:
    """How one criterion judged a reply, with the feedback to show."""

    criterion: Criterion
    found: bool
    """Whether a keyword or pattern occurred, undenied, in the writer's own words."""
    met: bool
    """`found` for `expect = "present"`, `not found` for `expect = "absent"`, both only for
    a reply that passed the gates."""
    points: float
    """Points earned: the criterion's points when met, else 0."""
    feedback: str
    reason: Reason = "missing"
    words: str = ""
    """The words that decided the verdict: the matched phrase, the denied phrase with its
    negation, the quoted phrase, or for a gate the measure ("4/10")."""


class Occurrence:
    """One place a keyword or pattern matched. Whether it is denied is worked out when first
    asked: the gates turn most unusable replies away on the places alone."""

    __slots__ = ("_allowed", "_settled", "first", "last", "reading")

    def __init__(self, reading: Reading, first: int, last: int, allowed: frozenset[str]) -> None:
        self.reading = reading
        self.first = first
        self.last = last
        """Token indices of the matched phrase itself (without its negation)."""
        self._allowed = allowed
        self._settled: tuple[str, bool, bool] | None = None

    @property
    def words(self) -> str:
        """The matched words as written (with the negation when denied)."""
        return self._settle()[0]

    @property
    def negated(self) -> bool:
        return self._settle()[1]

    @property
    def taken_back(self) -> bool:
        """Denied by its own sentence turning it into a non-apology, not by a negation."""
        return self._settle()[2]

    def _settle(self) -> tuple[str, bool, bool]:
        if self._settled is None:
            self._settled = _denied_words(self.reading, self.first, self.last, self._allowed)
        return self._settled

    def __repr__(self) -> str:
        return f"Occurrence({self.words!r}, negated={self.negated}, {self.first}..{self.last})"


def _is_negation(tokens: Sequence[Token], k: int, allowed: frozenset[str]) -> bool:
    """Whether tokens[k] denies what follows; `allowed` are words the keyword or pattern
    itself contains (a keyword "nicht unsere Schuld" is not denied by its own "nicht")."""
    word = tokens[k].lower
    if word in allowed or word.split("'")[0] in allowed:
        return False
    if "not" in allowed and word.endswith("n't"):
        return False  # the keyword's own "not", contracted ("weren't" for "not supposed")
    if not (word in NEGATIONS["de"] or word in NEGATIONS["en"] or word.endswith("n't")):
        return False
    follower = tokens[k + 1].lower if k + 1 < len(tokens) else ""
    return follower not in NOT_A_NEGATION_AFTER


def _rejects(tokens: Sequence[Token], clause: int) -> bool:
    """Whether the clause has a verb of tolerating: then its negation rejects the phrase
    ("Diskriminierung dulden wir nicht") instead of denying it."""
    return any(t.clause == clause and t.lower in REJECTION_WORDS for t in tokens)


_INTENSIFIED = re.compile(r"\s*(enough|genug)\b", re.IGNORECASE)
_HOW_MUCH = frozenset({"how", "wie"})


def _is_apology(reading: Reading, first: int, last: int) -> bool:
    """Whether tokens[first..last] says sorry ("tut uns leid", "apologise")."""
    return any(reading.tokens[k].lower in APOLOGY_WORDS for k in range(first, last + 1))


def _sentence_bounds(reading: Reading, first: int, last: int) -> tuple[int, int, str]:
    """Where the sentence around tokens[first..last] starts and ends in `own`, and the mark
    that ends it ("" at the end of the text)."""
    own, tokens = reading.own, reading.tokens
    starts = [m.end() for m in _SENTENCE_BOUNDARY.finditer(own, 0, tokens[first].start)]
    start = starts[-1] if starts else 0
    end = _SENTENCE_BOUNDARY.search(own, tokens[last].end)
    return (start, len(own), "") if end is None else (start, end.start(), end.group(0))


def _intensified_apology(reading: Reading, first: int, last: int) -> bool:
    """An apology that a negation strengthens: "can't apologise enough", "gar nicht genug
    entschuldigen", "how sorry we are". Apologies only: "nicht genug Personal" stays denied."""
    if not _is_apology(reading, first, last):
        return False
    tokens = reading.tokens
    before = tokens[max(0, first - 2) : first]
    return (
        _INTENSIFIED.match(reading.own, tokens[last].end) is not None
        or any(t.lower == "genug" for t in before)
        or (first > 0 and tokens[first - 1].lower in _HOW_MUCH)
    )


def _negation_at(reading: Reading, first: int, last: int, allowed: frozenset[str]) -> int | None:
    """Index of the token that denies tokens[first..last], or None. "We can't apologise
    enough", "wir können uns gar nicht genug entschuldigen" and "we cannot tell you how
    sorry we are" intensify, not deny."""
    tokens = reading.tokens
    if _intensified_apology(reading, first, last):
        return None
    clause = tokens[first].clause
    found = _denial(reading, first, last, allowed)
    if found is None or _rejects(tokens, tokens[found].clause) or _rejects(tokens, clause):
        return None
    return found


def _denial(reading: Reading, first: int, last: int, allowed: frozenset[str]) -> int | None:
    tokens = reading.tokens
    clause = tokens[first].clause
    distance = 0
    for k in range(first - 1, -1, -1):
        if tokens[k].clause != clause:
            break
        if tokens[k].lower == "that" and k and tokens[k - 1].lower in KNOWING_VERBS:
            break  # "didn't know that gifted products count": the knowing is denied
        if tokens[k].lower not in COORDINATORS:
            distance += 1
        if distance > NEGATION_WINDOW:
            break
        reach = 2 if tokens[k].lower in SHORT_REACH else NEGATION_WINDOW
        if distance <= reach and _is_negation(tokens, k, allowed):
            return k
    for k in range(first, last + 1):  # inside a pattern's match, unless the pattern says so
        if _is_negation(tokens, k, allowed):
            return k
    end_clause = tokens[last].clause
    before = [t.lower for t in tokens[:first] if t.clause == clause]
    if not before or (len(before) == 1 and before[0] in DETERMINERS):
        # the phrase is the subject: "the press is not our concern"
        for k in range(last + 1, min(len(tokens), last + 4)):
            if tokens[k].clause != end_clause:
                break
            follower = tokens[k + 1].lower if k + 1 < len(tokens) else ""
            if (
                (tokens[k].lower in AFTER_SUBJECT or tokens[k].lower.endswith("n't"))
                and tokens[k].lower not in allowed
                and follower not in NOT_A_NEGATION_AFTER
            ):
                return k
    if reading.lang == "de" and len(before) == 1:
        # the verb in second place: "Wir entschuldigen uns nicht für …", "Wir prüfen nicht"
        k = last + 1
        if k < len(tokens) and tokens[k].clause == end_clause and tokens[k].lower in OBJECTS:
            k += 1
        if (
            k < len(tokens)
            and tokens[k].clause == end_clause
            and tokens[k].lower in GERMAN_CLOSING_NEGATIONS
            and tokens[k].lower not in allowed
            and (k + 1 == len(tokens) or tokens[k + 1].lower not in NOT_A_NEGATION_AFTER)
        ):
            return k
    if reading.lang == "de":
        # "Wir entschuldigen uns nicht.", "Gelöscht wird gar nichts.", "… wird es keine geben."
        clause_end = last
        while clause_end + 1 < len(tokens) and tokens[clause_end + 1].clause == end_clause:
            clause_end += 1
        for k in range(max(last + 1, clause_end - 1), clause_end + 1):
            if tokens[k].lower in GERMAN_CLOSING_NEGATIONS and tokens[k].lower not in allowed:
                return k
    if end_clause == clause:
        return _fronted_denial(reading, first, allowed)
    return None


def _fronted_denial(reading: Reading, first: int, allowed: frozenset[str]) -> int | None:
    """The negation of a main clause that follows the phrase's clause when that clause opens
    the sentence with "ob/dass/wann/warum/whether": "Ob deine Bewerbung zählt, sagen wir
    nicht." A denied verb of denying affirms instead ("Dass das falsch war, bestreiten wir
    nicht"), and so does a denied verb of tolerating."""
    tokens, own = reading.tokens, reading.own
    clause = tokens[first].clause
    start = next(i for i in range(first, -1, -1) if i == 0 or tokens[i - 1].clause != clause)
    if tokens[start].lower not in FRONTED_QUESTIONS:
        return None
    before = own[tokens[start - 1].end : tokens[start].start] if start else ""
    if start and not re.search(r"[.!?…\n]", before) and start - 1 not in reading.salutation():
        return None  # not at the start of its sentence: "Wir prüfen, ob …, und …"
    main = [i for i in range(first, len(tokens)) if tokens[i].clause == clause + 1]
    if not main or "," not in own[tokens[main[0] - 1].end : tokens[main[0]].start]:
        return None
    if tokens[main[0]].lower in CLAUSE_WORDS:
        return None
    words = {tokens[i].lower for i in main}
    if words & (DENIAL_VERBS | REJECTION_WORDS):
        return None
    for k in main:
        if _is_negation(tokens, k, allowed):
            return k
    return None


_NON_APOLOGY = tuple(re.compile(p, re.IGNORECASE) for p in NON_APOLOGY_PATTERNS)
_NON_APOLOGY_EXCEPTION = re.compile(NON_APOLOGY_EXCEPTIONS, re.IGNORECASE)
_APOLOGY_BUT = re.compile(APOLOGY_BUT, re.IGNORECASE)
_EXCUSE_OPENER = re.compile(EXCUSE_OPENERS, re.IGNORECASE)
_EXCUSE_WORD = re.compile(EXCUSE_WORDS, re.IGNORECASE)
_SENTENCE_BOUNDARY = re.compile(r"[.!?\n]")


def _non_apology(reading: Reading, first: int, last: int) -> bool:
    """Whether tokens[first..last] is an apology its sentence turns into a non-apology
    ("sorry if anyone felt offended", "für die Aufregung")."""
    if not _is_apology(reading, first, last):
        return False
    start, end, _ = _sentence_bounds(reading, first, last)
    sentence = reading.own[start:end]
    if _NON_APOLOGY_EXCEPTION.search(sentence):
        return False
    after = reading.own[reading.tokens[last].end : end]
    but = _APOLOGY_BUT.search(after)
    excuse = but is not None and (
        _EXCUSE_OPENER.match(after, but.end()) is not None
        or _EXCUSE_WORD.search(after, but.end()) is not None
    )
    return excuse or any(p.search(sentence) for p in _NON_APOLOGY)


def _occurrence(reading: Reading, first: int, last: int, allowed: frozenset[str]) -> Occurrence:
    return Occurrence(reading, first, last, allowed)


def _denied_words(
    reading: Reading, first: int, last: int, allowed: frozenset[str]
) -> tuple[str, bool, bool]:
    """(words as written, whether denied, whether taken back by a non-apology) for the
    phrase at tokens[first..last]."""
    tokens = reading.tokens
    neg = _negation_at(reading, first, last, allowed)
    if neg is None and _non_apology(reading, first, last):
        _, end, _ = _sentence_bounds(reading, first, last)
        return reading.own[tokens[first].start : end], True, True
    if neg is None and (answered := _answered_no(reading, first, last)) is not None:
        return reading.own[tokens[first].start : answered], True, False
    lo, hi = (first, last) if neg is None else (min(first, neg), max(last, neg))
    return reading.own[tokens[lo].start : tokens[hi].end], neg is not None, False


_ANSWERED_NO = re.compile(
    r"\s*(nein|nö|keineswegs|(sicher|bestimmt|natürlich|ganz sicher|eher) nicht"
    r"|nicht bei uns|nicht hier|wohl kaum|kaum|quatsch|unsinn|nee|no|nope|nah|hardly"
    r"|of course not|certainly not|definitely not|absolutely not|not at all|not here"
    r"|not really|wofür( denn)?\?|wozu( denn)?\?|for what\?|what for\?|why would we\?"
    r"|why should we\?|warum sollten wir\?)(?=\s*([.,;:!?…–—\n]|$))",
    re.IGNORECASE,
)
ECHO_QUESTION_WORDS = 3
"""A question of at most this many words that the next sentence answers with a bare no
("Mein Fehler? Sicher nicht.") only names the point to deny it. A longer one asks about
something else ("Is there any place for racism here? No." is a stance)."""


def _answered_no(reading: Reading, first: int, last: int) -> int | None:
    """Where the answer ends when the phrase stands in a short question the next sentence
    answers with a bare no ("Mein Fehler? Sicher nicht.", "Hacked? No."): the question
    only raises the word, the answer denies it. None otherwise ("No doubt about it", "No
    problem" answer nothing)."""
    tokens = reading.tokens
    start, end, mark = _sentence_bounds(reading, first, last)
    if mark != "?":
        return None
    asked = [t for t in reading.words if start <= t.start < end]
    if len(asked) > ECHO_QUESTION_WORDS:
        return None
    phrase = range(tokens[first].start, tokens[last].end + 1)
    if any(t.start not in phrase and t.lower not in ANY_FUNCTION_WORDS for t in asked):
        return None  # "Delete criticism? Why would we?" denies the deleting, not the criticism
    answer = _ANSWERED_NO.match(reading.own, end + 1)
    return answer.end() if answer else None


def _word_match(token: str, word: str, word_stem: str, lang: Lang, derived: bool = False) -> bool:
    """Whether a token whose stem equals `word_stem` is the keyword word `word` as well:
    short stems match only the word and plural-like endings, and an English adverb only
    adverbs ("rightly" is not "right", "personally" not "personal")."""
    if len(word_stem) < SHORT_STEM:
        return _short_match(token, word)
    if lang == "en" and word.endswith("ly") and not word_stem.endswith("ly"):
        return folded(token).endswith("ly")
    if derived and not word_stem.endswith(word[-2:]):
        # The stem dropped a suffix that makes the word: "persönlich" and "Personen" share
        # "person", "Fehler" and "fehlen" share "fehl". The token must have it too.
        plain = folded(token)
        # ... or the participle noun of it: "Mitarbeitende" for "Mitarbeiter".
        return plain.startswith(word) or (
            word.endswith("er") and plain.startswith(word[:-2] + "end")
        )
    return True


def _derived(word: str, lang: Lang) -> bool:
    """A German keyword word (as written) whose ending makes the word, not its form:
    "-lich" ("persönlich"), or "-er" on a noun ("Fehler", capitalised; "letzter" is a
    form of "letzt")."""
    lower = word.lower()
    return lang == "de" and (
        lower.endswith("lich") or (lower.endswith("er") and word[:1].isupper())
    )


def _short_match(token: str, word: str) -> bool:
    """A word with a short stem matches itself and its plural-like endings only ("Hater",
    "Haters"; not "hat"; "DM", "DMs"; not "adding" for "ad")."""
    plain = folded(token)
    return plain.startswith(word) and len(plain) - len(word) <= 2


@lru_cache(maxsize=4096)
def _keyword_parts(
    keyword: str, lang: Lang
) -> tuple[tuple[str, ...], frozenset[str], tuple[str, ...], tuple[bool, ...]]:
    """A keyword's stems, the words that may deny nothing in it, its folded words and which
    of them keep their derivational ending (`_derived`): the same for every reply, so
    worked out once."""
    allowed = frozenset(w.lower() for w in re.findall(r"\w+(?:'\w+)*", keyword))
    written = phrase_words(keyword, lang)
    words = tuple(folded(w) for w in written)
    return phrase_stems(keyword, lang), allowed, words, tuple(_derived(w, lang) for w in written)


_NOT_CONTRACTED = {
    "is not": "isn't",
    "are not": "aren't",
    "was not": "wasn't",
    "were not": "weren't",
    "do not": "don't",
    "does not": "doesn't",
    "did not": "didn't",
    "will not": "won't",
    "would not": "wouldn't",
    "should not": "shouldn't",
    "could not": "couldn't",
    "can not": "can't",
    "cannot": "can't",
    "has not": "hasn't",
    "have not": "haven't",
    "had not": "hadn't",
    "must not": "mustn't",
}
"""English negations spelled out and contracted: a keyword written either way meets the
other ("were not supposed" meets "weren't supposed")."""


@lru_cache(maxsize=4096)
def _keyword_forms(keyword: str, lang: Lang) -> tuple[str, ...]:
    """The keyword, and in English the keyword with its negations contracted or spelled out."""
    if lang != "en":
        return (keyword,)
    forms = [keyword]
    for full, short in _NOT_CONTRACTED.items():
        for a, b in ((full, short), (short, full)):
            pattern = re.compile(rf"(?<![\w']){re.escape(a)}(?![\w'])", re.IGNORECASE)
            forms.extend(pattern.sub(b, form) for form in list(forms) if pattern.search(form))
    return tuple(dict.fromkeys(forms))


def keyword_occurrences(reading: Reading, keyword: str) -> list[Occurrence]:
    """Where the stemmed word sequence of `keyword` occurs in the reading (in English, with
    its negations contracted or spelled out as well: `_keyword_forms`)."""
    forms = _keyword_forms(keyword, reading.lang)
    if len(forms) == 1:  # nearly every keyword: no second form to merge
        return _form_occurrences(reading, forms[0])
    found: dict[tuple[int, int], Occurrence] = {}
    for form in forms:
        for o in _form_occurrences(reading, form):
            found.setdefault((o.first, o.last), o)
    return sorted(found.values(), key=lambda o: o.first)


def _form_occurrences(reading: Reading, form: str) -> list[Occurrence]:
    """Where one form of a keyword occurs, in order."""
    wanted, allowed, words, derived = _keyword_parts(form, reading.lang)
    n = len(wanted)
    if not n:
        return []
    tokens, lang = reading.tokens, reading.lang
    starts: Sequence[int] = reading.stem_positions.get(wanted[0], ())
    if lang == "en" and words[0] == "not":
        contracted = (i for i, t in enumerate(tokens) if t.lower.endswith("n't"))
        starts = sorted({*starts, *contracted})
    return [
        _occurrence(reading, i, i + n - 1, allowed)
        for i in starts
        if i + n <= len(tokens)
        and all(_same(tokens[i + j], words[j], wanted[j], derived[j], lang) for j in range(n))
    ]


def _same(token: Token, word: str, wanted: str, derived: bool, lang: Lang) -> bool:
    """Whether the token is the keyword word `word` (stem `wanted`)."""
    if lang == "en" and word == "not" and token.lower.endswith("n't"):
        return True  # "not supposed" in "weren't supposed"
    return token.stem == wanted and _word_match(token.lower, word, wanted, lang, derived)


@lru_cache(maxsize=1024)
def _pattern(pattern: str) -> re.Pattern[str] | None:
    try:
        return re.compile(pattern, re.IGNORECASE)
    except re.error:
        # The validator reports broken patterns; a player never crashes on one.
        return None


def pattern_occurrences(reading: Reading, pattern: str) -> list[Occurrence]:
    """Where the regular expression matches the writer's own words."""
    compiled = _pattern(pattern)
    if compiled is None:
        return []
    allowed = frozenset(re.findall(r"[^\W\d_]+", pattern.lower()))
    found = []
    for m in compiled.finditer(reading.own):
        span = [i for i, t in enumerate(reading.tokens) if t.end > m.start() and t.start < m.end()]
        if span:
            found.append(_occurrence(reading, span[0], span[-1], allowed))
    return found


def occurrences(
    criterion: Criterion, reading: Reading, values: Mapping[str, str]
) -> list[Occurrence]:
    """Every match of the criterion's keywords (placeholders filled) and patterns."""
    found: list[Occurrence] = []
    for keyword in criterion.keywords:
        filled = fill(keyword, values).strip()
        if filled:
            found.extend(keyword_occurrences(reading, filled))
    for pattern in criterion.patterns:
        found.extend(pattern_occurrences(reading, pattern))
    return found


def found_in(criterion: Criterion, text: str, values: Mapping[str, str], lang: Lang) -> bool:
    """Whether a keyword or pattern occurs undenied in the writer's own words of `text`."""
    return any(not o.negated for o in occurrences(criterion, read(text, lang), values))


def keyword_share(
    criteria: Sequence[Criterion], reading: Reading, values: Mapping[str, str]
) -> float:
    """Share of the reply's words that are part of a keyword or pattern of any criterion."""
    return _share(reading, [occurrences(c, reading, values) for c in criteria])


def _covered(hits: Sequence[Sequence[Occurrence]]) -> frozenset[int]:
    """Token indices inside any occurrence of a keyword or pattern."""
    return frozenset(i for found in hits for o in found for i in range(o.first, o.last + 1))


def _share(reading: Reading, hits: Sequence[Sequence[Occurrence]]) -> float:
    words = {i for i, t in enumerate(reading.tokens) if t.lower[:1].isalnum()}
    if not words:
        return 0.0
    return len(_covered(hits) & words) / len(words)


ECHO_CRITERIA = 3
"""A list of bare words whose items hit this many different criteria echoes the rubric (one
word per point) rather than naming things of one kind ("lifts, delays, fares")."""


def listed_tokens(reading: Reading, hits: Sequence[Sequence[Occurrence]]) -> frozenset[int]:
    """Tokens of the lists of bare words that say nothing: a list that stands free of any
    clause (it opens its sentence and a colon or dash closes it, or it is a sentence of its
    own: "Netiquette, Kritik, Team: Über all das reden wir intern"), or whose items hit
    `ECHO_CRITERIA` criteria or more. `hits` are every criterion's occurrences."""
    listed: set[int] = set()
    for found in reading.bare_lists():
        if not found.free_standing:
            item_of = {i: n for n, item in enumerate(found.items) for i in item}
            echoed = {
                c
                for c, occurrences_ in enumerate(hits)
                for o in occurrences_
                if not o.negated and o.first in item_of
            }
            if len(echoed) < ECHO_CRITERIA:
                continue
        listed |= found.tokens
    return frozenset(listed)


def _sentences(reading: Reading, listed: frozenset[int]) -> int:
    """Distinct sentences of the writer's own words; a sentence that is nothing but a list of
    bare words (`listed`) is none."""
    said: set[int] = set()
    line, pos = 0, 0
    for i, t in enumerate(reading.tokens):
        line += reading.own.count("\n", pos, t.start)
        pos = t.start
        if i not in listed:
            said.add(line)
    return max(1, len(said))


def _gate(
    reading: Reading,
    limit: int,
    share: float,
    listed: frozenset[int] = frozenset(),
    own_grammar: float = 0.0,
) -> tuple[Reason, str] | None:
    """Why the text cannot meet any criterion, or None when it is a reply. `share` is the
    share of its words that are rubric keywords; `listed` are words in lists that say
    nothing, which are no substance; `own_grammar` the share of function words outside the
    keywords. A reply dense with keywords is still prose when its own grammar holds them
    together: "Es tut uns leid. Wir melden uns persönlich." is three quarters keywords
    ("tut uns leid", "melden uns", "persönlich"), and "Es" and "Wir" are the writer's."""
    if reading.repeated >= 2 and reading.repeated >= _sentences(reading, listed):
        return "repetitive", str(reading.repeated)
    markers = reading.language_markers()
    other: Lang = "en" if reading.lang == "de" else "de"
    if markers[other] >= 3 and markers[other] > 2 * markers[reading.lang]:
        return "other_language", other
    have, need = len(reading.content_stems(listed)), min_content_words(limit)
    if have < need:
        return "too_short", f"{have}/{need}"
    if (
        len(reading.words) < MIN_WORDS_FOR_PROSE_CHECK
        and own_grammar < MIN_FUNCTION_SHARE
        and not reading.punctuated
    ):
        # Too short for the shares below, hardly a word of the writer's own grammar, and
        # nothing between the words: "Mistake sorry ad withdrawn message us". A telegraphic
        # reply has punctuation ("Sorry, Lena – photo's down, DM sent.") and is read.
        return "not_prose", f"{own_grammar:.0%}"
    if (
        len(reading.words) >= MIN_WORDS_FOR_PROSE_CHECK
        and reading.function_share() < MIN_FUNCTION_SHARE
    ):
        return "not_prose", f"{reading.function_share():.0%}"
    if (
        len(reading.words) >= MIN_WORDS_FOR_PROSE_CHECK
        and share > MAX_KEYWORD_SHARE
        and own_grammar < MIN_FUNCTION_SHARE
    ):
        return "not_prose", f"{share:.0%}"
    return None


def _verdict(
    c: Criterion,
    every: Sequence[Occurrence],
    listed: frozenset[int],
    quoted: Reading,
    values: Mapping[str, str],
) -> tuple[bool, Reason, str]:
    """(found, reason, words) for one criterion on a text that passed the gates; `every`
    are the criterion's occurrences in the writer's own words."""
    hits = [o for o in every if o.first not in listed]
    affirmed = [o for o in hits if not o.negated]
    if affirmed:
        return True, "found", affirmed[0].words
    if hits:
        return False, "taken_back" if hits[0].taken_back else "negated", hits[0].words
    in_list = [o for o in every if not o.negated]
    if in_list:
        return False, "listed", in_list[0].words
    in_quote = [o for o in occurrences(c, quoted, values) if not o.negated]
    if in_quote:
        return False, "quoted", in_quote[0].words
    return False, "missing" if c.expect == "present" else "clean", ""


def judge(
    criteria: Sequence[Criterion],
    text: str,
    values: Mapping[str, str],
    *,
    lang: str,
    limit: int,
) -> list[CriterionResult]:
    """Every criterion's verdict on `text`, in rubric order. `lang` is the step's language
    (it picks the stemmer), `limit` its character limit (it sets the minimum substance)."""
    reading = read(text, text_language(lang))
    hits = [occurrences(c, reading, values) for c in criteria]
    listed = listed_tokens(reading, hits)
    own_grammar = reading.function_share(borrowed=_covered(hits))
    gate = _gate(reading, limit, _share(reading, hits), listed, own_grammar)
    verdicts: list[tuple[Criterion, bool, bool, Reason, str]] = []
    # Per criterion, whether the text says it in the writer's own words, where a gate kept
    # it from being judged (None: judged, or not read at all).
    said: list[bool | None] = [None] * len(criteria)
    if gate is not None:
        verdicts = [(c, False, False, gate[0], gate[1]) for c in criteria]
        if gate[0] in _GATES_READ:  # as `_verdict` finds a phrase: affirmed, not listed
            said = [any(o.first not in listed and not o.negated for o in every) for every in hits]
    else:
        quoted = read(reading.quoted, reading.lang)
        for c, every in zip(criteria, hits, strict=True):
            found, reason, words = _verdict(c, every, listed, quoted, values)
            met = found if c.expect == "present" else not found
            verdicts.append((c, found, met, reason, words))
        addressed = any(met for c, _, met, _, _ in verdicts if c.expect == "present")
        has_present = any(c.expect == "present" for c in criteria)
        if has_present and not addressed:
            verdicts = [
                (v[0], v[1], False, "unaddressed", "") if v[0].expect == "absent" and v[2] else v
                for v in verdicts
            ]
    return [
        CriterionResult(
            criterion=c,
            found=found,
            met=met,
            points=c.points if met else 0.0,
            feedback=fill(_feedback(c, met, reason, says), values),
            reason=reason,
            words=words,
        )
        for (c, found, met, reason, words), says in zip(verdicts, said, strict=True)
    ]


_GATES_READ: frozenset[Reason] = frozenset({"too_short", "not_prose", "repetitive"})
"""Gates after which the text was still read in its own language: what it says or lacks is
known. (A text in the other language was not read for what it says.)"""


def _feedback(c: Criterion, met: bool, reason: Reason, says: bool | None) -> str:
    """The criterion's sentence where it is true of this reply, else none: its `missed`
    sentence tells what the text lacks ("there's no apology") or what it does wrong ("your
    text points at an employee"). A reply that failed a gate, or did not earn an avoidance
    point because it made none of the points it should, is told why by its reason; the
    `missed` sentence is added only where it holds: the point really is missing, the fault
    really is there. Never "your text points at an employee" to a reply that names no one."""
    if met:
        return c.met
    if reason in ("unaddressed", "other_language"):
        return ""
    if says is not None:  # a gate read the text: say only what is so
        wrong = says if c.expect == "absent" else not says
        return c.missed if wrong else ""
    return c.missed


__all__ = [
    "CriterionResult",
    "Occurrence",
    "Reason",
    "found_in",
    "judge",
    "keyword_occurrences",
    "keyword_share",
    "listed_tokens",
    "min_content_words",
    "pattern_occurrences",
]
