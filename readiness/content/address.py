"""Does a German file address its reader the way its header says (`address = "du" | "Sie"`)?

The heuristic, kept simple so an author can predict it:

- Only text that speaks *to the participant* is read: briefing, situations, choices,
  feedback, debriefs, questions and their help, recommendations. Character voices are left
  out, because a journalist may well write "Können Sie das bestätigen?" to a team that says
  "du" among itself: `injects` (posts, mails, chat), `expert_reply` (a public reply),
  rubric `keywords`/`patterns`, `placeholders`, and anything inside quotation marks
  („…“, "…", »…«, '…').
- "du" forms are the words du, dich, dir, dein, deine, deinen, deinem, deiner, deines, in
  any case: none of them means anything else.
- "Sie" forms are Sie, Ihnen, Ihr, Ihre, Ihren, Ihrem, Ihrer, Ihres, **capitalised in the
  middle of a sentence**. Lower-case "sie"/"ihr" mean "she/they/her" and are never counted;
  at the start of a sentence (after . ! ? : or a line break, or first in the text), the
  capital says nothing, so the word is not counted either.
- The file's form is its header's `address` (default "Sie"). Every occurrence of the other
  form is reported once per key, with the word found, so the author can fix it or, when it
  is right (a quoted line), put it in quotation marks.

English files are not read: English has one "you".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from readiness.content.problems import ContentProblem
from readiness.i18n.catalog_text import CatalogText
from readiness.models.assessment import Assessment
from readiness.models.common import Address
from readiness.models.scenario import Scenario

ADDRESS_MIXED = "address-mixed"
"""Code of the warning that a German file uses the other form of address."""

SKIPPED_KEYS = frozenset(
    {
        "injects",
        "expert_reply",
        "keywords",
        "patterns",
        "placeholders",
        "references",
        "authors",
        "tags",
        "id",
        "language",
        "address",
        "translation_id",
        "version",
    }
)
"""Keys whose text is not the narrator speaking to the participant (or is not prose)."""

_DU = re.compile(r"\b(du|dich|dir|dein|deine|deinen|deinem|deiner|deines)\b", re.IGNORECASE)
_SIE = re.compile(r"\b(Sie|Ihnen|Ihr|Ihre|Ihren|Ihrem|Ihrer|Ihres)\b")
_QUOTED = re.compile(r"„[^“”\"]*[“”\"]|“[^”]*”|\"[^\"\n]*\"|»[^«]*«|«[^»]*»|‚[^‘’]*[‘’]|'[^'\n]*'")
_SENTENCE_START = re.compile(r"(^|[.!?:;…\n]|[-–—•*]\s)\s*[(\[]?\s*$")


@dataclass(frozen=True)
class Found:
    """One occurrence of a form of address: where, which word, which form."""

    key: str
    word: str
    form: Address


def texts(data: Any, prefix: str = "") -> Iterator[tuple[str, str]]:
    """(dotted key, text) for every string the participant reads as the narrator's voice."""
    if isinstance(data, str):
        yield prefix, data
    elif isinstance(data, dict):
        for key, value in data.items():
            if key in SKIPPED_KEYS:
                continue
            name = str(key)
            if key == "nodes" and isinstance(value, list):
                for node in value:
                    node_id = node.get("id", "") if isinstance(node, dict) else ""
                    yield from texts(node, f"nodes.{node_id}")
                continue
            if isinstance(value, list) and all(isinstance(v, dict) and "id" in v for v in value):
                for item in value:
                    yield from texts(item, f"{prefix}.{name}.{item['id']}".lstrip("."))
                continue
            yield from texts(value, f"{prefix}.{name}".lstrip("."))
    elif isinstance(data, list):
        for index, item in enumerate(data):
            yield from texts(item, f"{prefix}[{index}]")


def unquoted(text: str) -> str:
    """The text with quoted speech blanked out (same length, so positions stay put)."""
    return _QUOTED.sub(lambda m: " " * len(m.group(0)), text)


def _starts_sentence(plain: str, at: int) -> bool:
    """True when the word at `at` opens a sentence (a capital "Sie" there may be "sie").

    `_SENTENCE_START` only needs the few characters before the word; searching the whole
    text before every match made long texts quadratic. When those characters are all blank,
    the start of the text may matter, so the whole prefix is searched then."""
    tail = plain[max(0, at - 32) : at]
    if at > 32 and not tail.strip(" \t\r\n\f\v(["):
        tail = plain[:at]
    return _SENTENCE_START.search(tail) is not None


def forms_in(text: str) -> Iterator[tuple[str, Address]]:
    """Every counted du or Sie word in `text`, in order (see the module doc for the rules)."""
    plain = unquoted(text)
    hits: list[tuple[int, str, Address]] = []
    for match in _DU.finditer(plain):
        hits.append((match.start(), match.group(0), "du"))
    for match in _SIE.finditer(plain):
        if not _starts_sentence(plain, match.start()):
            hits.append((match.start(), match.group(0), "Sie"))
    for _, word, form in sorted(hits):
        yield word, form


def occurrences(model: Scenario | Assessment) -> list[Found]:
    data = model.model_dump(by_alias=True, exclude_defaults=False)
    found: list[Found] = []
    for key, text in texts(data):
        for word, form in forms_in(text):
            found.append(Found(key, word, form))
    return found


def address_warnings(path: Path, model: Scenario | Assessment) -> list[ContentProblem]:
    """German files only. A text that uses the other form throughout gets one warning (the
    header is what is wrong); a text that mixes gets one warning per key in the other form."""
    if model.language != "de":
        return []
    chosen: Address = model.address
    found = occurrences(model)
    wrong = [f for f in found if f.form != chosen]
    if not wrong:
        return []
    if all(f.form != chosen for f in found):
        first = wrong[0]
        key = "address" if "address" in model.model_fields_set else "language"
        message = CatalogText(
            "author.warn.address_header",
            form=first.form,
            word=first.word,
            where=first.key,
            count=len(wrong),
        )
        return [ContentProblem(path, key, message, severity="warning", code=ADDRESS_MIXED)]
    seen: dict[str, list[str]] = {}
    for f in wrong:
        words = seen.setdefault(f.key, [])
        if f.word not in words:
            words.append(f.word)
    message_key = "author.warn.address_du" if chosen == "du" else "author.warn.address_sie"
    return [
        ContentProblem(
            path,
            key,
            CatalogText(message_key, words=", ".join(f"„{w}“" for w in words)),
            severity="warning",
            code=ADDRESS_MIXED,
        )
        for key, words in seen.items()
    ]
