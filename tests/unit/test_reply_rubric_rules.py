"""Each rule of the reply rubric with a constructed case, the failures testers reported, and
the agreement with a trainer's verdicts on the labelled corpus (tests/data/replies/)."""

from __future__ import annotations

from pathlib import Path

import pytest

from readiness.authoring.rubric_corpus import load_corpus, measure, step_node
from readiness.engine.rubric import CriterionResult, judge, min_content_words
from readiness.platforms import char_limit

ROOT = Path(__file__).resolve().parent.parent.parent
SCENARIOS = ROOT / "scenarios"


ENGLISH_TO_A_GERMAN_STEP = (
    "Yes, the photos are real and went online too early. We are sorry, especially to the "
    "journalists who respected the embargo. The full collection is coming at the show."
)
OFF_TOPIC = (
    "Our summer party was a huge success! Thanks to everyone who danced, grilled and "
    "celebrated with us. Next year it will be even bigger."
)


def verdicts(step: str, text: str) -> dict[str, CriterionResult]:
    scenario, node = step_node(SCENARIOS, step)
    limit = char_limit(node.platform, node.max_chars)
    results = judge(node.rubric, text, {}, lang=scenario.language, limit=limit)
    return {r.criterion.id: r for r in results}


def test_a_denied_fault_is_no_apology() -> None:
    v = verdicts(
        "campaign-shitstorm.en:write-statement",
        "This is not our fault, please read the terms of our job ad again before you comment. "
        "If you want to talk, send us a message.",
    )
    assert not v["apologises"].met
    assert (v["apologises"].reason, v["apologises"].words) == ("negated", "not our fault")


def test_denied_names_and_suspensions_are_no_violation() -> None:
    v = verdicts(
        "alleged-employee-post.de:holding-statement",
        "Uns ist der Screenshot bekannt. Wir prüfen ihn sorgfältig. Wir nennen keine Namen und "
        "sprechen nicht über Freistellungen. Rassismus hat bei uns keinen Platz. Update um 14 Uhr.",
    )
    assert v["no-person"].met and v["no-person"].reason == "negated"
    assert v["no-person"].words == "nicht über Freistellungen"


def test_understanding_the_outrage_is_not_attacking_critics() -> None:
    v = verdicts(
        "campaign-shitstorm.de:write-statement",
        "Wir verstehen die Empörung vollkommen. Die Formulierung in unserer Stellenanzeige war "
        "falsch, dafür entschuldigen wir uns. Schreibt uns gern eine Nachricht.",
    )
    assert v["no-defence"].met and v["apologises"].met


def test_the_mayor_is_not_a_check() -> None:
    v = verdicts(
        "alleged-employee-post.de:holding-statement",
        "Der OB hat uns gebeten, zu dem Screenshot Stellung zu nehmen. Rassismus hat bei uns "
        "keinen Platz. Wir melden uns heute Nachmittag wieder.",
    )
    assert not v["what-we-check"].met


def test_keywords_match_whole_words_and_inflections_not_word_beginnings() -> None:
    step = "leaked-photos.de:statement"
    base = "Die Fotos unserer Kollektion sind zu früh ins Netz gegangen, "
    assert verdicts(step, base + "wofür wir uns bei allen entschuldigen.")["apologises"].met
    assert verdicts(step, base + "und dafür bitten wir um Entschuldigung.")["apologises"].met
    # "mitarbeiter" finds its inflection "Mitarbeiterin" ...
    blamed = verdicts(step, base + "eine Mitarbeiterin hat sie geteilt. Das tut uns leid.")
    assert not blamed["no-blame"].met and blamed["no-blame"].words == "Mitarbeiterin"
    # ... but "show" no longer fires inside "Showroom" (a word beginning).
    room = verdicts(step, base + "das tut uns leid. Der Showroom bleibt heute geschlossen.")
    assert not room["next-steps"].met


def test_german_negation_closing_the_clause_denies_the_verb() -> None:
    v = verdicts(
        "leaked-photos.de:statement",
        "Die Fotos sind zu früh ins Netz gegangen. Dafür entschuldigen wir uns nicht, "
        "das passiert in der Branche ständig und ist halb so wild.",
    )
    assert not v["apologises"].met and v["apologises"].reason == "negated"


def test_not_only_adds_rather_than_denies() -> None:
    v = verdicts(
        "leaked-photos.en:statement",
        "The photos went online too early. We apologise not only to our fans but to every "
        "editor who kept the embargo.",
    )
    assert v["apologises"].met


def test_a_phrase_in_a_quotation_is_not_the_writers_own() -> None:
    v = verdicts(
        "leaked-photos.de:statement",
        "Die Fotos sind zu früh online gegangen. Jemand schreibt: „Entschuldigt euch endlich!“ "
        "Wir sagen dazu heute nur, dass die Show wie geplant stattfindet.",
    )
    assert not v["apologises"].met and v["apologises"].reason == "quoted"
    quoted_line = verdicts(
        "leaked-photos.en:statement",
        "> sorry is all you ever say\nThe photos went online too early and the show goes ahead "
        "as planned in two weeks.",
    )
    assert quoted_line["apologises"].reason == "quoted"


def test_repeating_one_apology_earns_nothing() -> None:
    sentence = "We are really sorry about the leak and we will make it right. "
    v = verdicts("leaked-photos.en:statement", sentence * 8 + "Es tut uns leid.")
    assert not any(r.met for r in v.values())
    assert {r.reason for r in v.values()} == {"repetitive"}


def test_a_short_reply_meets_nothing_and_says_why() -> None:
    v = verdicts("leaked-photos.en:statement", "Sorry, our mistake!")
    assert not any(r.met for r in v.values())
    assert v["apologises"].reason == "too_short"
    assert v["apologises"].words == f"2/{min_content_words(600)}"
    assert {min_content_words(n) for n in (280, 600, 800, 63206)} == {4}
    # four distinct content words are a reply, even on a long-format step
    short = verdicts(
        "campaign-shitstorm.en:write-statement",
        "You're right, and we're sorry. We'll say more later today.",
    )
    assert short["apologises"].met


def test_a_keyword_list_is_not_a_reply() -> None:
    v = verdicts(
        "leaked-photos.en:statement",
        "leak embargo press journalists editors apology sorry show runway collection DM genuine",
    )
    assert {r.reason for r in v.values()} == {"not_prose"}


def test_a_reply_in_the_other_language_meets_nothing() -> None:
    v = verdicts("leaked-photos.de:statement", ENGLISH_TO_A_GERMAN_STEP)
    assert {r.reason for r in v.values()} == {"other_language"}


def test_avoidance_points_need_a_reply_that_does_something() -> None:
    v = verdicts("leaked-photos.en:statement", OFF_TOPIC)
    assert not v["no-blame"].met and v["no-blame"].reason == "unaddressed"


@pytest.mark.parametrize(
    ("step", "text"),
    [
        (
            "campaign-shitstorm.en:write-statement",
            "We're sorry you feel offended by our job ad. Please send us a message "
            "if you want to talk.",
        ),
        (
            "campaign-shitstorm.en:write-statement",
            "We apologise if anyone was hurt by our job ad. Please send us a message "
            "if you want to talk.",
        ),
        (
            "campaign-shitstorm.en:write-statement",
            "Sorry for the inconvenience caused by our job ad. Please send us a message to talk.",
        ),
        (
            "campaign-shitstorm.de:write-statement",
            "Es tut uns leid, dass Sie sich durch unsere Anzeige angegriffen fühlen. Schreibt uns "
            "gern eine Nachricht.",
        ),
        (
            "campaign-shitstorm.de:write-statement",
            "Wir entschuldigen uns, falls sich jemand durch die Anzeige verletzt fühlte. Schreibt "
            "uns gern eine Nachricht.",
        ),
        (
            "campaign-shitstorm.de:write-statement",
            "Wir bedauern etwaige Missverständnisse und entschuldigen uns für die Aufregung. "
            "Schreibt uns gern eine Nachricht.",
        ),
    ],
)
def test_a_non_apology_is_no_apology(step: str, text: str) -> None:
    """Shown as taken back, not as "negated": the writer said sorry and took it back."""
    v = verdicts(step, text)
    assert not v["apologises"].met
    assert v["apologises"].reason == "taken_back"
    assert v["direct-channel"].met  # the rest of the reply is still read


@pytest.mark.parametrize(
    ("step", "text", "words"),
    [
        (
            "frustrated-tweet.de:statement",
            "Liebe Frau Dr. Reinholz, was gestern über Sie gepostet wurde, war nicht in Ordnung. "
            "Es tut uns leid, aber Sie wissen selbst, dass die Zusammenarbeit schwierig war.",
            "tut uns leid, aber Sie wissen selbst, dass die Zusammenarbeit schwierig war",
        ),
        (
            "frustrated-tweet.en:statement",
            "Dear Dr Reinholz, what was posted about you and your team was wrong. We're sorry, "
            "but you know yourself that you were a difficult client.",
            "sorry, but you know yourself that you were a difficult client",
        ),
    ],
    ids=["de", "en"],
)
def test_an_apology_its_sentence_goes_on_with_but_is_taken_back(
    step: str, text: str, words: str
) -> None:
    """The criterion is called "apologises without a 'but'": the jab after the "but" is
    what the client reads, and it is a counter-attack as well."""
    v = verdicts(step, text)
    assert (v["apologises"].met, v["apologises"].reason) == (False, "taken_back")
    assert v["apologises"].words == words
    assert v["no-counterattack"].reason == "found" and not v["no-counterattack"].met


@pytest.mark.parametrize(
    ("step", "text"),
    [
        (
            "frustrated-tweet.de:statement",
            "Der Tweet war respektlos. Dafür entschuldigen wir uns ohne Wenn und Aber und "
            "danken Ihnen für drei gute Jahre.",
        ),
        (
            "frustrated-tweet.de:statement",
            "Der Tweet war falsch. Aber es tut uns leid, und wir melden uns persönlich bei Ihnen.",
        ),
        (
            "frustrated-tweet.en:statement",
            "The tweet was wrong. We apologise not only to you but to your whole team, and we "
            "have called you personally.",
        ),
        (
            "frustrated-tweet.en:statement",
            "The tweet was wrong and we are sorry, no buts. Thank you for three good years.",
        ),
    ],
)
def test_a_but_that_takes_nothing_back_keeps_the_apology(step: str, text: str) -> None:
    assert verdicts(step, text)["apologises"].met


def test_an_apology_beside_a_non_apology_still_counts() -> None:
    v = verdicts(
        "campaign-shitstorm.en:write-statement",
        "Our job ad was a mistake and we are sorry. We also apologise to anyone who felt "
        "excluded, rightly so. Message us if you want to talk.",
    )
    assert v["apologises"].met and v["apologises"].words == "sorry"
    granted = verdicts(
        "campaign-shitstorm.de:write-statement",
        "Die Anzeige war falsch. Wir entschuldigen uns bei allen, die sich zu Recht "
        "ausgegrenzt fühlten. Schreibt uns eine Nachricht.",
    )
    assert granted["apologises"].met


def test_a_denied_verb_of_tolerating_is_a_stance() -> None:
    for step, text in [
        (
            "alleged-employee-post.de:holding-statement",
            "Wir kennen den Screenshot und prüfen ihn. Diskriminierung dulden wir nicht. "
            "Update 15 Uhr.",
        ),
        (
            "alleged-employee-post.en:holding-statement",
            "We've seen the screenshot and are checking it. Racism will not be tolerated. "
            "Update at 3 pm.",
        ),
        (
            "alleged-employee-post.de:holding-statement",
            "Wir kennen den Screenshot und prüfen ihn. Rassistische Sprüche haben hier nichts "
            "verloren. Update 15 Uhr.",
        ),
    ]:
        assert verdicts(step, text)["stance"].met, text


@pytest.mark.parametrize(
    ("step", "criterion", "text"),
    [
        # the verb in second place, denied right after its object
        (
            "campaign-shitstorm.de:write-statement",
            "apologises",
            "Wir entschuldigen uns nicht für eine Anzeige, die jede Bäckerei so schreiben würde.",
        ),
        # a clause closing with "nichts" / "keine" + verb
        (
            "volunteer-client-photo.de:r-public-reply",
            "says-action",
            "Das Foto bleibt, wo es ist. Gelöscht wird gar nichts, das haben wir so entschieden.",
        ),
        (
            "campaign-shitstorm.de:write-statement",
            "direct-channel",
            "Die Anzeige bleibt. Persönliche Gespräche oder Nachrichten dazu wird es keine geben.",
        ),
        # a negation reaches across "or" in a list
        (
            "campaign-shitstorm.en:write-statement",
            "direct-channel",
            "The ad stays online. There will be no private messages or phone calls about this.",
        ),
    ],
)
def test_negations_german_word_order_and_lists(step: str, criterion: str, text: str) -> None:
    v = verdicts(step, text)[criterion]
    assert not v.met and v.reason in ("negated", "unaddressed")


def test_short_stems_and_adverbs_match_only_their_word() -> None:
    # German Snowball stems "Hater" to "hat": it must not match "hat" (has)
    step = "hijacked-campaign.de:humour-reply"
    base = "Touché 🙈 Die Regeln bleiben wie versprochen, ihr entscheidet. "
    assert verdicts(step, base + "Wer ein echtes Problem hat, schreibt uns eine PN.")["no-spin"].met
    assert not verdicts(step, base + "An alle Hater: schreibt uns eine PN.")["no-spin"].met
    # "rightly" (stem "right") does not match "right away"
    v = verdicts(
        "volunteer-client-photo.en:r-public-reply",
        "I'm sorry, this should not have happened. I'll send you a message right away.",
    )
    assert not v["acknowledges"].met and v["apologises"].met


def test_keywords_written_as_sentences_of_one_word_earn_nothing() -> None:
    """The rubric's list with full stops for commas ("Tweet. Entschuldigung. Danke.") earned
    every point before; now its words are a list, and what is left is too short."""
    for step, text in [
        ("frustrated-tweet.de:statement", "Tweet. Entschuldigung. Danke. Persönlich angerufen."),
        ("frustrated-tweet.en:statement", "Tweet. Apology. Thanks. Called personally."),
    ]:
        v = verdicts(step, text)
        assert not any(r.met for r in v.values()), text
        assert {r.reason for r in v.values()} == {"too_short"}


def test_a_few_plain_sentences_of_keywords_are_still_a_reply() -> None:
    """Three quarters of it are keywords ("tut uns leid", "melden uns", "persönlich"), but
    "Es" and "Wir" are the writer's own grammar: a short reply a trainer credits."""
    v = verdicts("frustrated-tweet.de:statement", "Es tut uns leid. Wir melden uns persönlich.")
    assert v["apologises"].met and v["offline-channel"].met
    assert v["no-blame"].met and v["no-counterattack"].met
    v = verdicts("frustrated-tweet.de:statement", "Wow. Danke. Ehrlich. Der Tweet war daneben.")
    assert v["respects-client"].met  # three one-word sentences, but no echo of the rubric


def test_a_reply_made_of_keywords_is_not_prose() -> None:
    v = verdicts(
        "campaign-shitstorm.en:write-statement",
        "mistake job ad sorry apology withdrawn works council from now on message us email "
        "phone in person",
    )
    assert {r.reason for r in v.values()} == {"not_prose"}


@pytest.fixture(scope="module")
def corpus_agreement():  # type: ignore[no-untyped-def]
    corpus = load_corpus(ROOT / "tests" / "data" / "replies")
    assert len(corpus) >= 240
    steps = {r.step.split(".")[0] + ":" + r.step.split(":")[1] for r in corpus}
    assert len(steps) >= 6, steps
    for lang in ("de", "en"):
        assert sum(f".{lang}:" in r.step for r in corpus) >= 100
    assert {r.kind for r in corpus} == {"good", "bad", "borderline", "gaming"}
    assert {r.gaming for r in corpus if r.kind == "gaming"} >= {
        "repetition",
        "stuffing",
        "negated",
        "off-topic",
        "other-language",
        "quotation",
    }
    return measure(corpus, SCENARIOS)


def test_rubric_agrees_with_the_trainer_on_the_corpus(corpus_agreement) -> None:  # type: ignore[no-untyped-def]
    result = corpus_agreement
    assert result.overall >= 0.90, result.misses
    worst = min(result.per_criterion, key=result.rate)
    assert result.rate(worst) >= 0.80, (worst, result.misses)
    assert result.gaming_share <= 0.05, result.misses


@pytest.mark.parametrize(
    ("step", "text", "word"),
    [
        (
            "hate-raid.de:pinned-reply",
            "Netiquette, Kritik, Fragen, Landesmittel, Spenden, Team, Nachricht: Über all das "
            "reden wir intern gerade sehr viel. Wir melden uns dazu irgendwann.",
            "Netiquette",
        ),
        (
            "kita-photo.en:parent-message",
            "Dear parents, apology, album, screenshots, conversation: we'll cover these at the "
            "next parents' evening.",
            "apology",
        ),
        # a list that is a sentence of its own names topics as well
        (
            "kita-photo.de:parent-message",
            "Liebe Eltern, heute Abend ist Elternabend. Entschuldigung, Album, Screenshots, "
            "Gespräch. Bringt gern Kuchen mit.",
            "Entschuldigung",
        ),
    ],
)
def test_a_keyword_echo_meets_nothing(step: str, text: str, word: str) -> None:
    v = verdicts(step, text)
    assert not any(r.met for r in v.values())
    listed = [r for r in v.values() if r.reason == "listed"]
    assert listed and word in {r.words for r in listed}


@pytest.mark.parametrize(
    ("step", "text", "met"),
    [
        (
            "kita-photo.en:parent-message",
            "Dear parents, I'm sorry. We have deleted the photo, informed the parents and "
            "reported it. Please delete any screenshots. Questions? Call me.",
            {"apology", "removed", "copies", "contact"},
        ),
        (
            "kita-photo.de:parent-message",
            "Liebe Eltern, es tut mir leid. Foto gelöscht, Album offline, Screenshots bitte "
            "löschen. Fragen? Ruft mich an.",
            {"apology", "removed", "copies", "contact"},
        ),
        # a list inside a clause: the clause says something about it
        (
            "hijacked-campaign.de:humour-reply",
            "Touché 🙈 Die Regeln bleiben wie versprochen. Wer ein echtes Problem hat – Aufzug, "
            "Verspätungen, Preise –, schreibt uns eine Nachricht, wir antworten allen.",
            {"real-criticism"},
        ),
        # a list after a clause and a colon
        (
            "platform-exit.de:pinned-notice",
            "Wir posten hier nicht mehr. Ihr erreicht uns ab Montag so: Website, Newsletter, "
            "Mastodon und Instagram.",
            {"leaving", "where"},
        ),
    ],
)
def test_a_reply_that_lists_what_it_did_still_counts(step: str, text: str, met: set[str]) -> None:
    v = verdicts(step, text)
    assert {k for k, r in v.items() if r.met and r.criterion.expect == "present"} >= met


@pytest.mark.parametrize("negation", ["don't", "doesn't", "didn't", "can't", "cannot", "won't"])
def test_a_contracted_negation_after_the_subject_denies_it(negation: str) -> None:
    v = verdicts(
        "ad-label-creator.en:reply-statement",
        f"The reel was a paid ad and it was my mistake not to label it. Gifts {negation} need "
        "labels though.",
    )
    assert not v["samples"].met
    assert (v["samples"].reason, v["samples"].words) == ("negated", f"Gifts {negation}")


def test_nobody_closing_a_german_clause_denies_it() -> None:
    v = verdicts(
        "election-neutrality.de:moderation-note",
        "Unsere Netiquette gilt für alle gleich. Angezeigt wird niemand, gelöscht wird nur "
        "Hetze. Am Donnerstag gibt es einen Infoabend.",
    )
    assert (v["consequence"].reason, v["consequence"].words) == (
        "negated",
        "Angezeigt wird niemand",
    )


def test_a_denied_main_clause_denies_the_question_before_it() -> None:
    v = verdicts(
        "abmahnung-reel.de:reply-applicant",
        "Hi Emre, das Video war unser Fehler. Ob deine Bewerbung zählt, sagen wir nicht.",
    )
    assert (v["applications"].reason, v["applications"].words) == (
        "negated",
        "Bewerbung zählt, sagen wir nicht",
    )
    en = verdicts(
        "abmahnung-reel.en:reply-applicant",
        "Hi Emre, the video was our mistake. Whether your application counts, we can't say.",
    )
    assert en["applications"].reason == "negated"
    # a denied denial affirms: "we do not dispute that …"
    owned = verdicts(
        "abmahnung-reel.de:reply-applicant",
        "Hi Emre, dass das unser Fehler war, bestreiten wir nicht. Deine Bewerbung zählt.",
    )
    assert owned["owns"].met and owned["applications"].met


def test_not_knowing_does_not_deny_what_one_did_not_know() -> None:
    base = "The NordProtein reel was paid and should have been marked as an ad. "
    v = verdicts(
        "ad-label-creator.en:reply-statement",
        base + "I didn't know that gifted products count as ads too; they are marked now.",
    )
    assert (v["samples"].met, v["samples"].words) == (True, "gifted")
    said = verdicts(
        "ad-label-creator.en:reply-statement",
        base + "I never said that gifted products count as ads.",
    )
    assert not said["samples"].met


def test_a_salutation_does_not_count_against_a_short_comment() -> None:
    v = verdicts(
        "abmahnung-reel.de:reply-applicant",
        "Hi Emre, das Video kommt bald wieder, versprochen! Bewerbung ist angekommen 👍",
    )
    assert v["applications"].met
    soup = verdicts(
        "leaked-photos.en:statement",
        "Hi all, leak embargo press journalists editors apology sorry show runway DM",
    )
    assert {r.reason for r in soup.values()} == {"not_prose"}


def test_a_gated_reply_is_told_only_what_is_true_of_it() -> None:
    """A reply stopped by a gate meets nothing, and says why; each criterion's own sentence
    is added only where it holds: a point that is missing is named, a fault that is not
    there is never claimed ("your text points at an employee" to a reply naming no one)."""
    _, node = step_node(SCENARIOS, "leaked-photos.en:statement")
    criteria = {c.id: c for c in node.rubric}
    short = verdicts("leaked-photos.en:statement", "Sorry, our mistake!")
    assert short["no-blame"].reason == "too_short" and short["no-blame"].feedback == ""
    assert short["no-threats"].feedback == ""
    assert short["next-steps"].feedback == criteria["next-steps"].missed
    blaming = verdicts("leaked-photos.en:statement", "Jana has been fired.")
    assert blaming["no-blame"].reason == "too_short"
    assert blaming["no-blame"].feedback == criteria["no-blame"].missed


def test_an_unearned_avoidance_point_claims_no_fault() -> None:
    v = verdicts("leaked-photos.en:statement", OFF_TOPIC)
    assert v["no-blame"].reason == "unaddressed" and v["no-blame"].feedback == ""


def test_a_reply_in_the_other_language_gets_no_sentence_about_its_content() -> None:
    v = verdicts("leaked-photos.de:statement", ENGLISH_TO_A_GERMAN_STEP)
    assert {r.feedback for r in v.values()} == {""}


def test_a_judged_reply_keeps_every_sentence() -> None:
    _, node = step_node(SCENARIOS, "leaked-photos.en:statement")
    v = verdicts(
        "leaked-photos.en:statement",
        "Yes, the images are genuine and went out too early: that was our mistake, and we are "
        "sorry, above all to the journalists who kept the embargo. Jana has been fired.",
    )
    for c in node.rubric:
        assert v[c.id].feedback == (c.met if v[c.id].met else c.missed)
    assert not v["no-blame"].met and v["no-blame"].feedback


def test_a_noun_in_two_forms_stays_in_its_clause() -> None:
    """ "Zu einzelnen Mitarbeiterinnen und Mitarbeitern äußern wir uns grundsätzlich nicht":
    the "und" of the two forms ended the clause, so the denial at its end missed the noun and
    the reply was told it pointed at an employee, standing where the model answer stands."""
    protects = verdicts(
        "leaked-photos.de:statement",
        "Ja, die Fotos sind echt und zu früh online gegangen, das ist unser Fehler und es tut "
        "uns leid. Zu einzelnen Mitarbeiterinnen und Mitarbeitern äußern wir uns "
        "grundsätzlich nicht, dafür stehen wir als Unternehmen gerade.",
    )
    assert protects["no-blame"].met and protects["no-blame"].reason == "negated"
    blames = verdicts(
        "leaked-photos.de:statement",
        "Die Fotos sind echt. Eine Mitarbeiterin und ihr Kollege haben sie zu früh gepostet, "
        "wir prüfen Konsequenzen.",
    )
    assert not blames["no-blame"].met


@pytest.mark.parametrize(
    ("step", "text"),
    [
        (
            "campaign-shitstorm.en:write-statement",
            "A commenter wrote: 'Just say sorry, admit the ad was a mistake and message us.' "
            "We have read every comment.",
        ),
        (
            "campaign-shitstorm.en:write-statement",
            "Sabine wrote: ‘You should apologise, the ad was a mistake.’ We have read every "
            "comment.",
        ),
        (
            "campaign-shitstorm.de:write-statement",
            "Jemand schrieb: ‚Entschuldigt euch, die Anzeige war ein Fehler!‘ Wir haben alle "
            "Kommentare gelesen.",
        ),
    ],
)
def test_single_quotation_marks_quote_too(step: str, text: str) -> None:
    """The British style and the German ‚…‘: what others demanded is not the writer's."""
    v = verdicts(step, text)
    assert not v["apologises"].met
    assert v["apologises"].reason in {"quoted", "too_short"}


def test_an_apostrophe_inside_a_word_opens_no_quotation() -> None:
    v = verdicts(
        "campaign-shitstorm.en:write-statement",
        "Our job ad was a mistake and we're sorry: it's not the applicants' fault. "
        "Message us if you'd like to talk.",
    )
    assert v["apologises"].met and v["direct-channel"].met


@pytest.mark.parametrize(
    ("step", "text"),
    [
        ("leaked-photos.en:statement", "Leak sorry embargo press runway DM"),
        ("hate-raid.en:pinned-reply", "Netiquette criticism funding team message"),
        ("campaign-shitstorm.en:write-statement", "Mistake sorry ad withdrawn message us"),
    ],
)
def test_a_short_string_of_keywords_is_not_prose(step: str, text: str) -> None:
    """Under eight words the shares of rule 5 did not apply: a string of the rubric's words
    with nothing of the writer's own grammar earned full marks."""
    assert {r.reason for r in verdicts(step, text).values()} == {"not_prose"}


def test_a_short_reply_in_the_writers_own_words_still_counts() -> None:
    """Telegraphic but punctuated is read: "Sorry, Lena – photo's down, DM sent." has no
    function word of its own, and a trainer credits it. (So a comma list of fragments such
    as "Falsch, Entschuldigung, Anzeige zurückgezogen, persönlich sprechen." is read too.)"""
    v = verdicts(
        "campaign-shitstorm.en:write-statement", "Sorry, our job ad was a mistake. Message us!"
    )
    assert v["apologises"].met and v["direct-channel"].met
    v = verdicts("volunteer-client-photo.en:r-public-reply", "Sorry, Lena – photo's down, DM sent.")
    assert v["apologises"].met and v["offline-channel"].met


@pytest.mark.parametrize(
    ("step", "text"),
    [
        (
            "campaign-shitstorm.en:write-statement",
            "We apologise for any offence our ad may have caused. Message us to talk.",
        ),
        (
            "campaign-shitstorm.en:write-statement",
            "We apologise to anyone who was offended by the ad. Message us to talk.",
        ),
        ("campaign-shitstorm.en:write-statement", "Sorry that you took it that way. Message us."),
        (
            "campaign-shitstorm.en:write-statement",
            "We are sorry, although we still think the ad was misread. Message us.",
        ),
        (
            "campaign-shitstorm.de:write-statement",
            "Es tut uns leid, dass du dich durch die Anzeige verletzt fühlst. Schreib uns gern "
            "eine Nachricht.",
        ),
        (
            "campaign-shitstorm.de:write-statement",
            "Sorry, dass du das so siehst. Schreib uns gern eine Nachricht.",
        ),
        (
            "campaign-shitstorm.de:write-statement",
            "Entschuldigung für die entstandene Verwirrung. Schreib uns gern eine Nachricht.",
        ),
        (
            "campaign-shitstorm.en:write-statement",
            "We'd apologise if we had done anything wrong. Message us if you want to talk.",
        ),
        (
            "campaign-shitstorm.de:write-statement",
            "Wir würden uns entschuldigen, wenn wir etwas falsch gemacht hätten. Schreibt uns.",
        ),
    ],
)
def test_more_non_apologies_are_taken_back(step: str, text: str) -> None:
    v = verdicts(step, text)
    assert (v["apologises"].met, v["apologises"].reason) == (False, "taken_back")


def test_an_apology_for_what_people_had_to_see_is_still_one() -> None:
    v = verdicts(
        "campaign-shitstorm.de:write-statement",
        "Es tut uns leid, dass so viele Menschen diese Anzeige sehen mussten. Sie war falsch. "
        "Schreib uns gern eine Nachricht.",
    )
    assert v["apologises"].met


@pytest.mark.parametrize(
    ("step", "criterion", "text"),
    [
        (
            "ad-label-creator.de:reply-statement",
            "admits",
            "Mein Fehler? Sicher nicht. Die Marke wollte es so, und ich poste weiter wie bisher.",
        ),
        (
            "account-takeover.de:r-warning",
            "states-takeover",
            "Gehackt? Nein. Wir haben die Kontrolle über unseren Account nie verloren.",
        ),
        (
            "leaked-photos.en:statement",
            "acknowledges",
            "A leak? No, this was all planned. See you at the show, everyone!",
        ),
    ],
)
def test_a_question_answered_no_denies_its_words(step: str, criterion: str, text: str) -> None:
    v = verdicts(step, text)
    assert (v[criterion].met, v[criterion].reason) == (False, "negated")


def test_a_question_answered_yes_keeps_its_words() -> None:
    v = verdicts(
        "ad-label-creator.de:reply-statement",
        "War das mein Fehler? Ja, eindeutig. Ich hätte den Reel als Werbung kennzeichnen müssen.",
    )
    assert v["admits"].met


@pytest.mark.parametrize(
    ("step", "criterion", "text", "words"),
    [
        (
            "ad-label-creator.en:reply-statement",
            "admits",
            "I should've labelled the reel as an ad, and every deal will carry the label now.",
            "should've",
        ),
        (
            "kita-photo.en:parent-message",
            "removed",
            "Dear parents, it's gone now. We're sorry, and we will talk to every family.",
            "'s gone",
        ),
        (
            "leaked-photos.en:statement",
            "acknowledges",
            "These photos weren't supposed to be out yet, and we're sorry about that.",
            "weren't supposed",
        ),
        (
            "platform-exit.en:pinned-notice",
            "stays",
            "We're leaving X, but this account won't be deleted. Find us on our website.",
            "won't be deleted",
        ),
    ],
)
def test_english_contractions_meet_keywords_written_out(
    step: str, criterion: str, text: str, words: str
) -> None:
    """ "should've" is "should have", "it's gone" is "it is gone", and a keyword's "not" is
    the "n't" of "weren't" or "won't" (and not a negation of the keyword)."""
    v = verdicts(step, text)
    assert (v[criterion].met, v[criterion].reason) == (True, "found")
    assert v[criterion].words.lower() == words.lower()


def test_a_possessive_s_is_not_is() -> None:
    from readiness.engine.reply_text import read

    reading = read("Lena's order is safe, and it's on its way.", "en")
    assert [t.lower for t in reading.tokens] == [
        "lena's", "order", "is", "safe", "and", "it", "is", "on", "its", "way",
    ]  # fmt: skip


def test_a_german_stem_that_drops_the_words_suffix_does_not_join_other_words() -> None:
    """Snowball gives "Fehler" and "fehlen" the stem "fehl", "persönlich" and "Personen"
    the stem "person": a keyword ending in -er or -lich needs that ending in the reply."""
    v = verdicts(
        "campaign-shitstorm.de:write-statement",
        "Uns fehlen ehrlich gesagt die Worte. Ab sofort prüfen zwei Personen jede Anzeige.",
    )
    assert not v["names-mistake"].met and not v["direct-channel"].met
    v = verdicts(
        "campaign-shitstorm.de:write-statement",
        "Die Anzeige war ein Fehler, und die Fehler darin tun uns leid. Wir sprechen gern "
        "persönlich mit euch.",
    )
    assert v["names-mistake"].met and v["direct-channel"].met


@pytest.mark.parametrize(
    ("step", "criterion", "text"),
    [
        (
            "campaign-shitstorm.en:write-statement",
            "names-mistake",
            "Was our ad a mistake? No doubt about it. We apologise to everyone we excluded.",
        ),
        (
            "alleged-employee-post.en:holding-statement",
            "stance",
            "Is there any place for racism in our offices? No. Never. We are checking the "
            "screenshot and will update you at 3 pm.",
        ),
        (
            "leaked-photos.de:statement",
            "acknowledges",
            "War der Leak geplant? Nein. Die Bilder sind zu früh online gegangen, das tut "
            "uns leid.",
        ),
        (
            "kita-photo.en:parent-message",
            "apology",
            "Dear parents, I'm very sorry, but the most important thing now: the photo has been "
            "removed. Please delete any screenshots.",
        ),
        (
            "frustrated-tweet.de:statement",
            "apologises",
            "Es tut uns leid, aber wir möchten Ihnen auch für drei Jahre Zusammenarbeit danken. "
            "Der Tweet war daneben.",
        ),
        (
            "frustrated-tweet.de:statement",
            "apologises",
            "Wir entschuldigen uns, obwohl uns klar ist, dass Worte allein nichts "
            "wiedergutmachen. Der Tweet war falsch.",
        ),
        (
            "frustrated-tweet.de:statement",
            "apologises",
            "Es tut uns leid, dass wir Ihre Kritik zunächst falsch verstanden haben. Der Tweet "
            "war daneben.",
        ),
        (
            "kita-photo.en:parent-message",
            "copies",
            "Dear parents, I'm so sorry 'bout this. The photo has been removed, and please "
            "delete any screenshots of the kids' faces. Talk to me anytime.",
        ),
        (
            "campaign-shitstorm.de:reply-sabine",
            "apologises",
            "Sabine. 23 Jahre. Danke. Entschuldigung. Mehr kann ich hier öffentlich nicht "
            "schreiben; lass uns nächste Woche einen Kaffee trinken.",
        ),
        (
            "alleged-employee-post.en:citizen-reply",
            "takes-seriously",
            "I'm truly sorry for what's happened to you at our office. Please call us.",
        ),
        (
            "platform-exit.de:pinned-notice",
            "leaving",
            "Liebe Leserinnen und Leser, dies ist der letzte Post der Stadtbücherei auf dieser "
            "Plattform. Ihr findet uns im Newsletter.",
        ),
        (
            "volunteer-client-photo.en:r-public-reply",
            "apologises",
            "Sorry, you're right. Photo deleted. Message sent.",
        ),
    ],
)
def test_honest_replies_the_stricter_rules_leave_alone(
    step: str, criterion: str, text: str
) -> None:
    """Written by a tester against the rules above (a long question answered no, a "but"
    that excuses nothing, an elision and a plural possessive around quotation marks, short
    sentences that open a reply, "what's happened", an adjective's "-er", a contraction's
    second word): each is the point a trainer gives."""
    assert verdicts(step, text)[criterion].met


def test_a_list_with_bars_or_bullets_is_a_list_whatever_its_items() -> None:
    """No sentence is written with "|" or "•": every item between them is a bare item, even
    "as promised" and "message us", which a comma list would have kept as words."""
    v = verdicts(
        "hijacked-campaign.en:humour-reply",
        "We read every comment. Touché | rules | as promised | lift | netiquette | message us. "
        "Have a nice day.",
    )
    assert not any(r.met for r in v.values())
    v = verdicts(
        "platform-exit.de:pinned-notice",
        "Liebe Leserinnen und Leser, wir verabschieden uns hier. Abschied • Mastodon • "
        "Newsletter • Wegweiser • Mail. Danke euch!",
    )
    assert v["leaving"].met and not v["where"].met and v["where"].reason == "listed"


@pytest.mark.parametrize(
    ("step", "criterion", "text", "reason"),
    [
        (
            "frustrated-tweet.en:statement",
            "apologises",
            "We refuse to apologise for one tweet. Thanks for three years.",
            "taken_back",
        ),
        (
            "frustrated-tweet.de:statement",
            "apologises",
            "Eine Entschuldigung lehnen wir ab. Danke für drei Jahre.",
            "taken_back",
        ),
        (
            "frustrated-tweet.de:statement",
            "apologises",
            "Entschuldigen? Wofür denn? Der Tweet war ein Witz, danke für drei Jahre.",
            "negated",
        ),
        (
            "ad-label-creator.de:reply-statement",
            "admits",
            "Mein Fehler? Wohl kaum. Die Marke wollte es so, ich poste weiter wie bisher.",
            "negated",
        ),
        (
            "frustrated-tweet.en:statement",
            "apologises",
            "Sorry, not sorry. The tweet was harsh, but thanks for three years.",
            "taken_back",
        ),
        (
            "campaign-shitstorm.en:write-statement",
            "apologises",
            "Sorry for all the drama around our job ad. Message us.",
            "taken_back",
        ),
        (
            "campaign-shitstorm.de:write-statement",
            "apologises",
            "Es tut uns leid, falls die Anzeige falsch verstanden wurde. Schreibt uns.",
            "taken_back",
        ),
        (
            "campaign-shitstorm.de:write-statement",
            "apologises",
            "Sorry für den ganzen Wirbel um die Anzeige. Schreibt uns eine Nachricht.",
            "taken_back",
        ),
        (
            "campaign-shitstorm.en:write-statement",
            "apologises",
            "We're sorry it came across that way. The ad is withdrawn. Message us.",
            "taken_back",
        ),
        (
            "kita-photo.en:parent-message",
            "apology",
            "Dear parents, sorry if anyone was worried. The photo has been removed.",
            "taken_back",
        ),
        (
            "leaked-photos.en:statement",
            "apologises",
            "We're sorry, but leaks happen in fashion all the time. See you at the show.",
            "taken_back",
        ),
        (
            "campaign-shitstorm.de:write-statement",
            "apologises",
            "Viele schreiben: ›Entschuldigt euch, die Anzeige war ein Fehler!‹ Wir haben alles "
            "gelesen.",
            "quoted",
        ),
    ],
)
def test_refusals_and_excuses_dressed_as_apologies_earn_nothing(
    step: str, criterion: str, text: str, reason: str
) -> None:
    v = verdicts(step, text)
    assert (v[criterion].met, v[criterion].reason) == (False, reason)


@pytest.mark.parametrize(
    ("step", "text"),
    [
        (
            "campaign-shitstorm.en:write-statement",
            "We're sorry, but you deserve more than words: we've withdrawn the ad. Message us.",
        ),
        ("frustrated-tweet.en:statement", "We can't apologise enough for the tweet. Thank you."),
        (
            "frustrated-tweet.de:statement",
            "Wir können uns gar nicht genug für den Tweet entschuldigen. Danke für drei Jahre.",
        ),
        (
            "frustrated-tweet.en:statement",
            "We cannot tell you how sorry we are about the tweet. Thank you for three years.",
        ),
    ],
)
def test_strong_apologies_are_apologies(step: str, text: str) -> None:
    """ "can't apologise enough" and "how sorry we are" intensify; a "but" that goes on to
    what was done excuses nothing."""
    assert verdicts(step, text)["apologises"].met


@pytest.mark.parametrize(
    ("step", "text"),
    [
        ("frustrated-tweet.en:statement", "We're sorry, but this must never happen again."),
        ("frustrated-tweet.de:statement", "Es tut uns leid, aber wir verstehen Ihren Frust."),
        (
            "frustrated-tweet.de:statement",
            "Es tut uns leid, aber das darf nicht noch einmal passieren.",
        ),
    ],
)
def test_a_but_that_names_no_excuse_keeps_the_apology(step: str, text: str) -> None:
    """The excuse words are phrases ("happen all the time", "aus Frust"), so "never happen
    again" and "Ihren Frust" do not take the apology back."""
    rest = "The tweet was wrong." if ".en:" in step else "Der Tweet war falsch."
    v = verdicts(step, f"{text} {rest}")
    assert v["apologises"].met, v["apologises"].reason


@pytest.mark.parametrize(
    ("step", "criterion", "met", "text"),
    [
        (
            "frustrated-tweet.en:statement",
            "apologises",
            True,
            "Sorry, but honestly the tweet should never have gone out. It's deleted, we called "
            "our client personally and thanked her for three years together.",
        ),
        (
            "frustrated-tweet.de:statement",
            "apologises",
            True,
            "Es tut uns leid, aber das war kein Versehen, sondern ein Fehler von uns: der Tweet "
            "war beleidigend. Danke für drei Jahre.",
        ),
        (
            "kita-photo.de:parent-message",
            "apology",
            True,
            "Liebe Eltern, es tut mir leid, aber eigentlich hätte ich das Foto vorher prüfen "
            "müssen. Es ist gelöscht.",
        ),
        (
            "volunteer-client-photo.en:r-public-reply",
            "apologises",
            True,
            "We're sorry, and if you're worried about your own photos, please call us directly. "
            "The photo is down.",
        ),
        (
            "kita-photo.en:parent-message",
            "removed",
            True,
            "Dear parents, I'm sorry. What now? • the album is removed • please delete "
            "screenshots and don't share copies • talk to me in person if you have questions",
        ),
        (
            "frustrated-tweet.de:statement",
            "respects-client",
            True,
            "Der Tweet war falsch, es tut uns leid. Unsere nächsten Schritte: Kundin angerufen | "
            "Dank für drei Jahre Zusammenarbeit | Freigabe vor jedem Post",
        ),
        (
            "hate-raid.en:pinned-reply",
            "criticism-welcome",
            True,
            "Delete criticism? Why would we? We welcome it, and insults are removed.",
        ),
    ],
)
def test_honest_replies_the_last_rules_leave_alone(
    step: str, criterion: str, met: bool, text: str
) -> None:
    """From a tester's honest replies against the last rules: a "but" that owns the fault, an
    offer after "and if", clauses between bullets, a counter-question that rejects the verb,
    not the point. (An apology "for the uproar our tweet caused" stays taken back: it is for
    the fuss, as "the inconvenience caused by our ad" is; the deed is what to apologise for.)"""
    assert verdicts(step, text)[criterion].met is met


def test_not_enough_of_something_else_is_still_denied() -> None:
    """Only an apology is strengthened by "nicht genug" ("… gar nicht genug entschuldigen");
    "nicht genug Personal" names no change."""
    v = verdicts(
        "employer-review.de:reply-review",
        "Danke für Ihre Bewertung. Nachts ist nicht genug Springerpool da, das wissen wir.",
    )
    assert not v["concrete-change"].met


def test_refusing_something_else_is_a_stance() -> None:
    v = verdicts(
        "hate-raid.en:pinned-reply",
        "We refuse to delete criticism of our work: it stays. Insults and threats are removed.",
    )
    assert v["criticism-welcome"].met


def test_a_negation_does_not_reach_across_a_bullet() -> None:
    v = verdicts(
        "deepfake-quote.de:correction-post",
        "KI-Fälschung ❗ Originalaufnahme: Link in Bio • 6 % ab Januar • Video nicht teilen • "
        "Fragen per PN",
    )
    assert (v["dialogue"].met, v["dialogue"].reason) == (True, "found")
