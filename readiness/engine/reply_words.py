"""The small closed word classes the reply rubric needs: negations and function words.

Kept by hand on purpose: they are short, they change rarely, and a trainer can read them.
Content words (what a criterion looks for) live in the scenario files, never here."""

from __future__ import annotations

NEGATIONS: dict[str, frozenset[str]] = {
    "de": frozenset(
        [
            "nicht",
            "nichts",
            "kein",
            "keine",
            "keinen",
            "keinem",
            "keiner",
            "keines",
            "nie",
            "niemals",
            "niemand",
            "niemanden",
            "niemandem",
            "ohne",
            "weder",
            "nirgends",
        ]
    ),
    "en": frozenset(
        [
            "not",
            "no",
            "never",
            "without",
            "nobody",
            "none",
            "nothing",
            "neither",
            "nor",
            "cannot",
            "dont",
            "doesnt",
            "didnt",
            "wont",
            "cant",
            "isnt",
            "arent",
            "wasnt",
            "werent",
            "shouldnt",
            "wouldnt",
            "couldnt",
            "havent",
            "hasnt",
            "hadnt",
        ]
    ),
}
"""Words that deny the phrase that follows ("nicht unsere Schuld", "no apology"). English
contractions ending in n't are recognised by their ending as well."""

NOT_A_NEGATION_AFTER: frozenset[str] = frozenset(["nur", "zuletzt", "only", "just", "least"])
"""A negation followed by one of these adds rather than denies: "nicht nur", "not only"."""

CLAUSE_WORDS: frozenset[str] = frozenset(
    [
        "und",
        "aber",
        "sondern",
        "doch",
        "jedoch",
        "denn",
        "weil",
        "obwohl",
        "and",
        "but",
        "however",
        "because",
        "although",
        "though",
    ]
)
"""Conjunctions that start a new clause: a negation does not reach across them
("not our fault but sorry": the apology is not denied)."""

SHORT_REACH: frozenset[str] = frozenset(["ohne", "without"])
"""Negations that deny only the noun phrase right after them ("ohne Freigabe online
gegangen": "online gegangen" is not denied), so they reach two words, not four."""

AFTER_SUBJECT: frozenset[str] = frozenset(
    ["nicht", "nie", "niemals", "not", "never", "isn't", "aren't", "wasn't", "won't"]
)
"""Negations that deny a phrase standing before them as the subject of its clause ("the
press is not our concern", "die Presse interessiert uns nicht")."""

DETERMINERS: frozenset[str] = frozenset(
    [
        "the",
        "a",
        "an",
        "this",
        "these",
        "our",
        "der",
        "die",
        "das",
        "den",
        "dem",
        "des",
        "ein",
        "eine",
        "diese",
        "dieser",
        "unser",
        "unsere",
        "",
    ]
)
"""Words that may stand before a subject at the start of a clause ("the press …")."""

GERMAN_CLOSING_NEGATIONS: frozenset[str] = frozenset({"nicht", "nie", "niemals"})
"""German may deny a verb at the end of its clause: "Wir entschuldigen uns nicht."."""

_FUNCTION_DE = """
der die das den dem des ein eine einen einem einer eines ich du er sie es wir ihr mich mir
dich dir uns euch ihn ihm ihnen sich mein meine unser unsere unseren unserem unserer euer eure
ihre ihren ihrem ihrer sein seine und oder aber denn weil dass wenn als wie ob auch noch schon
nur sehr so zu zum zur im am an auf aus bei mit nach von vor für über unter um bis durch gegen
ohne ist sind war waren bin bist hat haben habe hatte hatten wird werden wurde wurden kann
können muss müssen soll sollen will wollen darf dürfen nicht kein keine keinen hier da dort
jetzt heute dann was wer wo wann warum dies diese dieser dieses diesen jede jeder jedes alle
man mehr bitte gern gerne ja nein doch mal ab
"""

_FUNCTION_EN = """
the a an i you he she it we they me him her us them my your his its our their this that these
those and or but because if when as than then so to of in on at by for with from about into
over under up out is are was were be been being am has have had do does did will would can
could should shall may might must not no yes here there now today what who where why how which
all any some each every more very just only also too please please we're we've we'll you're
it's i'm don't won't can't isn't aren't wasn't didn't doesn't let let's
"""

FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "de": frozenset(_FUNCTION_DE.split()),
    "en": frozenset(_FUNCTION_EN.split()),
}
"""Function words: they carry grammar, not substance, and show which language a text is in."""

LANGUAGE_MARKERS: dict[str, frozenset[str]] = {
    "de": FUNCTION_WORDS["de"] - FUNCTION_WORDS["en"],
    "en": FUNCTION_WORDS["en"] - FUNCTION_WORDS["de"],
}
"""Function words of one language that are not also words of the other ("die", "was", "so",
"man" are both), for telling a German reply from an English one."""
