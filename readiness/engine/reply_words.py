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

AFTER_SUBJECT: frozenset[str] = frozenset(["nicht", "nie", "niemals", "not", "never", "cannot"])
"""Negations that deny a phrase standing before them as the subject of its clause ("the
press is not our concern", "die Presse interessiert uns nicht"); every English contraction in
n't does too ("gifts don't need labels", "the photo isn't online")."""

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

GERMAN_CLOSING_NEGATIONS: frozenset[str] = frozenset(
    {
        "nicht",
        "nie",
        "niemals",
        "nichts",
        "kein",
        "keine",
        "keinen",
        "niemand",
        "niemanden",
        "niemandem",
    }
)
"""German may deny a verb at the end of its clause: "Wir entschuldigen uns nicht.", "Gelöscht
wird gar nichts.", "Gespräche wird es keine geben.", "Angezeigt wird niemand." (last or last
but one word)."""

FRONTED_QUESTIONS: frozenset[str] = frozenset(
    ["ob", "dass", "wann", "warum", "wieso", "weshalb", "inwieweit", "whether"]
)
"""Words that open a subordinate clause standing before its main clause: a negated main
clause denies it ("Ob deine Bewerbung zählt, sagen wir nicht", "Whether it counts, we can't
say")."""

DENIAL_VERBS: frozenset[str] = frozenset(
    [
        "bestreiten",
        "bestreitet",
        "abstreiten",
        "leugnen",
        "leugnet",
        "bezweifeln",
        "bezweifelt",
        "deny",
        "denies",
        "doubt",
    ]
)
"""Verbs of denying: denied, they affirm what they govern ("Dass das ein Fehler war,
bestreiten wir nicht"), so a negated main clause with one of them does not deny the clause
before it."""

KNOWING_VERBS: frozenset[str] = frozenset(
    ["know", "knew", "known", "realise", "realised", "realize", "realized", "aware"]
)
"""Verbs of knowing: what a "that" clause after them says is asserted even when the knowing
is denied ("I didn't know that gifted products count as ads" says they do). German puts a
comma before "dass", which ends the negation's reach anyway."""

LIST_JOINERS: frozenset[str] = frozenset(["und", "oder", "sowie", "and", "or", "&"])
"""Words that join the items of a list, like a comma."""

LIST_DETERMINERS: frozenset[str] = frozenset(
    [
        "my",
        "your",
        "his",
        "her",
        "its",
        "their",
        "all",
        "any",
        "mein",
        "meine",
        "dein",
        "deine",
        "euer",
        "eure",
        "ihr",
        "ihre",
        "sein",
        "seine",
        "unseren",
        "unserem",
        "alle",
    ]
)
"""Words besides `DETERMINERS` that may open a list item that is only a noun phrase ("our
team", "deine Bewerbung")."""

SALUTATIONS: frozenset[str] = frozenset(
    ["hi", "hey", "hallo", "hello", "moin", "servus", "liebe", "lieber", "liebes", "dear"]
)
"""Words that open a salutation ("Hi Emre,", "Liebe Eltern,", "Dear parents,"): a formula,
neither prose nor a list, so the prose check leaves it out."""

OBJECTS: frozenset[str] = frozenset(
    ["uns", "mich", "dich", "sich", "euch", "es", "das", "dafür", "dazu", "ihn", "sie"]
)
"""Words that may stand between a German verb in second place and its "nicht": "Wir
entschuldigen uns nicht für …"."""

COORDINATORS: frozenset[str] = frozenset(["or", "nor", "oder", "noch"])
"""A negation reaches across a list: "no messages or phone calls" denies both, so these words
do not count towards the negation's reach."""

REJECTION_WORDS: frozenset[str] = frozenset(
    [
        "dulden",
        "duldet",
        "dulde",
        "geduldet",
        "tolerieren",
        "toleriert",
        "tolerierte",
        "akzeptieren",
        "akzeptiert",
        "hinnehmen",
        "hingenommen",
        "tolerate",
        "tolerated",
        "tolerates",
        "accept",
        "accepted",
        "accepts",
        "condone",
        "condoned",
        "verloren",
    ]
)
"""Verbs of tolerating: denied, they reject what they govern ("Rassismus dulden wir nicht",
"racism will not be tolerated", "wir dulden keine Diskriminierung", "… hat hier nichts
verloren"), so a negation in the same
clause as one of them affirms the phrase as a stance instead of denying it."""

APOLOGY_WORDS: frozenset[str] = frozenset(
    [
        "sorry",
        "apologise",
        "apologize",
        "apologises",
        "apologizes",
        "apologised",
        "apologized",
        "apology",
        "apologies",
        "regret",
        "regrets",
        "entschuldigen",
        "entschuldigt",
        "entschuldige",
        "entschuldigung",
        "leid",
        "bedauern",
        "bedauert",
        "bedaure",
        "verzeihung",
    ]
)
"""Words that make a phrase an apology; only such phrases can be non-apologies (below)."""

NON_APOLOGY_PATTERNS: tuple[str, ...] = (
    # conditional: "sorry if anyone was hurt", "falls sich jemand verletzt gefühlt hat"
    r"\b(if|in case|falls|wenn|sofern)\b[^.!?]{0,60}?"
    r"\b(offended|offence|offense|offensive|hurt|upset|upsetting|insulted|misunderstood"
    r"|worried|concerned|falsch verstanden|besorgt|beunruhigt|sorgen gemacht"
    r"|felt|feel|feels|took it|verletzt|beleidigt|gekränkt|angegriffen|getroffen"
    r"|bloßgestellt|missverstanden|fühlt|fühlte|fühlten|fühlen|gefühlt|aufgestoßen)",
    # their feelings, not our deed: "sorry that you feel", "dass Sie sich … fühlen"
    r"\b(you|anyone|anybody|someone|somebody|people|some|those|everyone|others|they"
    r"|sie|du|ihr|jemand|einige|manche|viele|menschen|leute|alle|allen|sich)\b"
    r"[^.!?]{0,60}?\b(feel|feels|felt|feeling|fühlen|fühlt|fühlst|fühle|fühlte|fühltest"
    r"|fühlten|gefühlt|empfindest|empfinden|empfunden|empfandest)\b",
    # sorry for the reaction or an event: "for the inconvenience", "für die Aufregung"
    r"\b(any|the|this|tonight's|etwaige|eventuelle|mögliche|jegliche|die|den|das|alle)\b"
    r"[^.!?]{0,20}?\b(misunderstandings?|inconvenience|confusion|fuss|incident"
    r"|missverständnisse?n?|unannehmlichkeiten|aufregung|irritationen?|verwirrung"
    r"|drama|commotion|wirbel|unruhe|aufruhr|trubel"
    r"|vorfall|vorfälle)\b",
    # any offence it may have caused: "we regret any offence", "für etwaige Kränkungen"
    r"\b(any|etwaige|eventuelle|mögliche|jegliche)\b[^.!?]{0,12}?"
    r"\b(offen[cs]e|hurt|upset|distress|kränkungen?|verletzungen?)\b",
    r"\bmay have (caused|offended|hurt|upset)\b|\b(entstanden|verletzt|gekränkt) haben könnte",
    # the people offended, not the deed: "to anyone who was offended", "bei allen, die sich
    # … ärgerten"
    r"\b(anyone|anybody|those|everyone|some of you|people|allen|alle|jedem|jeden|manche|einige)"
    r"\b[^.!?]{0,40}?\b(offended|upset|insulted|verärgert|gekränkt|beleidigt|empört)\b",
    # their reading of it: "sorry you took it that way", "falls das falsch verstanden wurde"
    r"\b(took|take|taken|understood|read|see|saw|seen) (it|this|that)( \w+)?"
    r" (that|this|the wrong) way\b"
    r"|\bso aufgefasst\b|\bin den falschen hals\b|\btaken the wrong way\b"
    r"|\bcame across (that|this|the wrong) way\b|\bso rüber(kam|gekommen)\b"
    r"|\bso angekommen\b|\bsorry,? not sorry\b"
    r"|\b(das|es|dies) (so|anders) (siehst|sehen|seht|sieht|empfindest|empfinden|empfunden"
    r"|wahrnimmst|wahrnehmen|wahrgenommen)\b",
    # refusing it: "we refuse to apologise", "eine Entschuldigung lehnen wir ab", "wir weigern
    # uns, uns zu entschuldigen" (a refusal of anything else, "we refuse to delete
    # criticism", denies nothing: it is a stance)
    r"\b(refuse|refuses|refused|refusing)\s+to\s+(apologi[sz]e|say sorry)\b"
    r"|\b(entschuldigung|entschuldigen)\b[^.!?]{0,30}?\b(verweigern|verweigert|lehnen\b[^.!?]{0,20}?\bab)\b"
    r"|\b(weigern|weigert|verweigern)\b[^.!?]{0,40}?\bentschuldigen\b",
    # on a condition that denies the deed: "we'd apologise if we had done anything wrong",
    # "wir würden uns entschuldigen, wenn wir etwas falsch gemacht hätten"
    r"(\bwould|['’]d)\s+(apologi[sz]e|say sorry)\b[^.!?]{0,10}?\b(if|were)\b"
    r"|\bwürden\s+(uns|wir\s+uns)\s+(gern\s+)?entschuldigen\b[^.!?]{0,10}?\b(wenn|falls)\b",
)
"""Phrases that turn an apology in the same sentence into a non-apology: it apologises for a
condition, for other people's feelings or for the fuss, not for what the writer did ("sorry
you feel offended", "es tut uns leid, dass Sie sich … fühlen", "we regret any
misunderstandings"). Matched case-insensitively on the writer's own words. A sentence that
grants the feeling is justified ("zu Recht", "rightly") is an apology after all."""

APOLOGY_BUT = (
    r"\b(aber|but|however|jedoch|allerdings|although|that said|even so|nonetheless"
    r"|nevertheless|obwohl|obgleich|wobei|dennoch)\b"
)
"""Words that may turn what follows an apology in the same sentence into an excuse, and so
take the apology back, when an excuse follows them (`EXCUSE_OPENERS`, `EXCUSE_WORDS`: "es tut
uns leid, aber Sie wissen selbst …"). Before the apology ("But we are sorry") they take
nothing back; "ohne Wenn und Aber", "no buts" and "not only … but" are exceptions
(`NON_APOLOGY_EXCEPTIONS`)."""

EXCUSE_OPENERS = (
    r"[\s,]*(you know|you must|you have to|you should|you need to|you'll understand|you will"
    r" understand|to be fair|in fairness|in our defen[cs]e|let's not forget|let us not forget"
    r"|we still think|we still believe|sie wissen|sie müssen|sie sollten|du weißt|du musst"
    r"|ihr wisst|ihr müsst|man muss|man darf|fairerweise|zur wahrheit gehört"
    r"|vergessen wir nicht|wir finden nach wie vor|wir finden weiterhin|wir sind nach wie vor"
    r" der meinung)\b"
)
"""What turns the "but" after an apology into an excuse: it tells the reader what to know
("aber Sie wissen selbst", "but you must understand"), pleads fairness ("to be fair") or
keeps the writer's view ("although we still think …"). "I'm sorry, but more importantly the
photo is down", "es tut uns leid, aber eigentlich hätten wir das prüfen müssen" and "but
honestly, it should never have gone out" keep the apology: a "but" that owns the fault is
no excuse, so "it was", "honestly" or "eigentlich" alone turn nothing."""

EXCUSE_WORDS = (
    r"\b(fault|blame|misread|misunderstood|overreact\w*|too sensitive|oversensitive"
    r"|happens?\b[^.!?]{0,30}?\b(all the time|everywhere)|can happen|these things happen"
    r"|meant well"
    r"|late at night|schuld|missverstanden|überreagiert|überempfindlich|zu empfindlich"
    r"|passiert\b[^.!?]{0,30}?\b(ständig|überall|dauernd)|kann passieren|passiert eben"
    r"|so etwas passiert"
    r"|gut gemeint|spät nachts|aus frust)\b"
)
"""Words after the "but" that put the fault elsewhere or make it ordinary ("sorry, but the
mould was your fault", "but leaks happen all the time", "aber … spät nachts aus Frust").
Phrases, not words: "but this must never happen again" and "aber wir verstehen Ihren Frust"
keep the apology."""

NON_APOLOGY_EXCEPTIONS = (
    r"\b(zu recht|rightly|understandably|verständlicherweise"
    r"|ohne (wenn und )?aber|no (ifs,? (and|or) )?buts|not (only|just)\b[^.!?]{0,60}?\bbut"
    r"|unsere schuld|unser fehler|meine schuld|mein fehler|our fault|our mistake|my fault"
    r"|my mistake|(and|und) (if|falls|wenn))\b"
)

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

ANY_FUNCTION_WORDS: frozenset[str] = FUNCTION_WORDS["de"] | FUNCTION_WORDS["en"]
"""Function words of either language: a reply is read for grammar and substance whichever
words it mixes (the judge asks this for every word of every reply)."""

LANGUAGE_MARKERS: dict[str, frozenset[str]] = {
    "de": FUNCTION_WORDS["de"] - FUNCTION_WORDS["en"],
    "en": FUNCTION_WORDS["en"] - FUNCTION_WORDS["de"],
}
"""Function words of one language that are not also words of the other ("die", "was", "so",
"man" are both), for telling a German reply from an English one."""
