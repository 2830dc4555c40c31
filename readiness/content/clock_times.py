"""Times of day written in a scenario's text must agree with the clock in the player's header.

"15:00 Uhr. Die Redaktion ruft an" on a step the clock reaches at 12:55, or a journalist
who wants an answer "by 11:00" in an e-mail that arrives at 11:40, breaks the fiction: a
participant trusts the header and the text at once, and one of them is wrong.

**What is read.** The briefing (minute 0), each step's title and situation, each choice's
text and each reply step's expert reply (shown or posted at the step), and each feed item's
text (at its arrival). Endings are not read: they tell what came of it, often days later.
Feedback is not read: it looks back from the debrief.

**Which times are judged.** A time ("15:00", "15 Uhr", "9.30 Uhr", "3 pm") counts only
where the words around it say how it relates to the moment the text is read:

- *now*: it opens the text or a paragraph ("09:10 Uhr. ...", "Freitag, 07:40 Uhr: ...",
  "It is Tuesday, 09:10."), or follows "es ist / it is / it's" ("Inzwischen ist es 15 Uhr").
  It must lie within `NOW_TOLERANCE` minutes of the clock on every path in practice mode,
  and within the clock's span in exercise mode (from a fast reader to one who lets every
  countdown run out), widened by the same tolerance. A weekday before it is allowed: the
  header shows no day, so the time is compared as a time of day.
- *still to come*: it follows "bis", "spätestens", "für", "Redaktionsschluss", "Frist",
  "Deadline" / "by", "until", "till", "no later than", "deadline", "for", or "um" / "at"
  in a clause that speaks of a plan ("will", "soll", "geplant", "online", "ruft ... an" /
  "will", "wants", "planned", "online", "calls", ...). It must not be past already: not on
  any path in practice mode, and not for a fast reader in exercise mode. (A participant who
  lets the countdowns run out may well miss a deadline: that is the story, not a mistake.)
- *already past*: it follows "seit" / "since". It must not lie ahead of the clock on any
  path in practice mode, nor for a participant who lets every countdown run out.

**Which times are left alone.** Anything the words do not place: "die Pressekonferenz um
15 Uhr", "the 15:00 press conference", "stand um 13 Uhr", a time in a clause with another
day ("gestern", "morgen", a weekday, "nachts", a date, "yesterday", "last night", ...),
ranges ("9–12 Uhr", "von 10 bis 12 Uhr"), video positions ("Minute 1:12") and durations.
A text with such a time is never flagged, right or wrong: the check warns only where it is
sure what the text claims.

**The clock.** As in `readiness.content.arrivals`: practice mode adds
`clock.practice_step_minutes` per step plus each action's `advance_minutes`; in exercise
mode a fast reader takes `reading.needed_seconds` per step (capped by the countdown), a
countdown that runs out takes all of `time_limit`, and real seconds become scenario minutes
at `clock.minutes_per_second`. A feed item with `at` arrives at that minute; one with a
`when` that names a step or a flag arrives when the step is entered or the flag is set (the
latest of its parts for `all`); an item whose `when` this check cannot follow is not read."""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from readiness.content.arrivals import _edges, _order
from readiness.content.reading import needed_seconds
from readiness.models.scenario import Decision, Ending, Inject, Reply, Scenario, StateCondition

Claim = Literal["now", "future", "past"]
DAY = 24 * 60
NOW_TOLERANCE = 30
"""Minutes a time given as "now" may differ from the clock: a stamp rounded to the quarter
hour is narration, one an hour off contradicts the header."""


@dataclass(frozen=True)
class TimeMention:
    """A time of day in a text, and what the text says about it."""

    minute: int
    """Minute of the day, 0..1439."""
    claim: Claim
    phrase: str
    """The time as written, e.g. "15 Uhr" or "3 pm"."""


@dataclass(frozen=True)
class Window:
    """Scenario minutes at which a text can be read, per mode, over every path."""

    low: float
    """Practice mode, the earliest path."""
    high: float
    """Practice mode, the latest path."""
    fast: float
    """Exercise mode, a fast reader on the quickest path."""
    slow: float
    """Exercise mode, every countdown run out on the slowest path (`inf` when a step
    without a countdown lies on the way: a participant may stay there as long as they like)."""

    def join(self, other: Window) -> Window:
        return Window(
            min(self.low, other.low),
            max(self.high, other.high),
            min(self.fast, other.fast),
            max(self.slow, other.slow),
        )


@dataclass(frozen=True)
class ClockClash:
    """A time in a text that disagrees with the clock where the text is read."""

    key: str
    """Dotted key of the text, e.g. `nodes.press.situation`."""
    mention: TimeMention
    mode: Literal["practice", "exercise"]
    clock: str
    """What the header shows there: "12:55", or "12:40–13:10" over several paths; in exercise
    mode for a "now" the span from a fast reader to the slowest (open at the end, "12:40–",
    when a step without a countdown lies on the way), for "future" the fast reader's time and
    for "past" the slowest participant's."""


# -- finding times in text -------------------------------------------------------------------

_TIME = re.compile(
    r"(?<![\w.,:/])"
    r"(?:"
    r"(?P<h1>[01]?\d|2[0-3]):(?P<m1>[0-5]\d)(?:\s?(?P<ap1>[ap])\.?\s?m\b\.?|\s?Uhr\b)?"
    r"|(?P<h2>[01]?\d|2[0-3])\.(?P<m2>[0-5]\d)\s?Uhr\b"
    r"|(?P<h3>[01]?\d|2[0-3])\s?(?:Uhr\b|(?P<ap3>[ap])\.?\s?m\b\.?|o'clock\b)"
    r")"
    r"(?![.:,]?\d)",
    re.IGNORECASE,
)
_WEEKDAY = (
    r"(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonnabend|Sonntag"
    r"|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
)
_IT_IS = r"(?:(?:Es ist|It is|It's)\s+)?"
_NOW_AT_START = re.compile(rf"(?:^|\n)[ \t]*{_IT_IS}(?:{_WEEKDAY},?\s+)?{_IT_IS}$")
_NOW_AFTER = re.compile(
    rf"(?:\b(?:[Ee]s ist|ist es|[Ii]t is|[Ii]t's)\s+(?:(?:jetzt|inzwischen|schon|bereits|nun|now"
    rf"|already)\s+)?(?:{_WEEKDAY},?\s+)?)$"
)
_TRAIL_NOW = re.compile(r"\s*(?:[.:,–—-]|$)")
_FUTURE_CUE = re.compile(
    r"(?:\b(?:bis|spätestens|für|by|until|till|no later than|for)"
    r"|\b(?:Redaktionsschluss|Annahmeschluss|Frist|Deadline|deadline)(?:\s+(?:ist|is))?:?)"
    r"\s+(?:(?:heute|today|spätestens|latest|um|at)\s+)*$"
)
_PAST_CUE = re.compile(r"\b(?:[Ss]eit|[Ss]ince)\s+(?:(?:heute|today|um|at)\s+)*$")
_AT = re.compile(r"\b(?:um|at)\s+(?:(?:heute|today)\s+)?$")
_RANGE_BEFORE = re.compile(r"\d\s*(?:–|-|bis|to|and|und)\s*$")
_RANGE_AFTER = re.compile(r"\s*(?:Uhr\s*)?(?:–|-|bis|to|and|und)\s*\d")
_POSITION = re.compile(r"(?:\b[Mm]inute|\b[Mm]in\.?|\b[Tt]imecode|\b[Tt]imestamp)\s*$")
_DURATION = re.compile(r"\s*(?:Stunden|Std\b|Minuten|Min\b|min\b|hours?\b|hrs?\b|h\b)")
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b\.?"
)
_OTHER_DAY = re.compile(
    r"\b(?:gestern|vorgestern|morgen|übermorgen|nachts|Nacht|vergangene\w*|letzte\w*\s+Woche"
    r"|yesterday|tomorrow|night|overnight|last\s+week)\b"
    rf"|{_WEEKDAY}|\b(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag)\w*"
    r"|\b(?:[Mm]ontags|[Dd]ienstags|[Mm]ittwochs|[Dd]onnerstags|[Ff]reitags|[Ss]amstags|[Ss]onntags)\b"
    r"|\b(?:Mo|Di|Mi|Do|Fr|Sa|So|Mon|Tue|Wed|Thu|Fri|Sat|Sun)\.?\s+\d"
    r"|\b\d{1,2}\.\s?\d{1,2}\.|\b\d{1,2}\.\s?(?:Januar|Februar|März|April|Mai|Juni|Juli|August"
    r"|September|Oktober|November|Dezember)"
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}|{_MONTH}\s+\d"
)
_PLAN = re.compile(
    r"\b(?:wird|werden|will|wollen|möchte|möchten|soll|sollen|geplant|plant|planen|erwartet"
    r"|online|live|ruft|anrufen|beginnt|beginnen|startet|starten|bringen|bringt|treffen|vorbei"
    r"|veröffentlichen|senden|gleich|nachher|später"
    r"|wants?|'ll|going to|planned|plans?|scheduled|expects?|calls?|starts?|begins?|runs?"
    r"|running|publish|publishing|meet|meeting|closes?|ends?|later|soon|Termin|appointment)\b",
    re.IGNORECASE,
)
_PAST_WORDS = re.compile(
    r"\b(?:war|waren|stand|standen|hatte|hatten|wurde|wurden|ging|kam|gestern|vorhin|bereits"
    r"|schon|gesichert|gepostet|erschienen|geschrieben|gesagt"
    r"|was|were|had|did|ago|earlier|already|posted|published|said|went|came|gone|been"
    r"|happened|started|began|ended|closed|opened)\b"
    # German perfect: "ist um 9 Uhr online gegangen", "hat um 9 Uhr angerufen"
    r"|\b(?:hat|haben|ist|sind)\b.*\b(?:ge|an|auf|aus|ab|ein|zu)?ge[a-zäöüß]{2,}(?:t|en)\b",
    re.IGNORECASE,
)
_CLAUSE_END = re.compile(r"[,;!?()\n\"„“”«»]|[.](?=\s|$)|\s[–—-]\s|:\s")


def _clause(text: str, start: int, end: int) -> str:
    """The part of the sentence around text[start:end], between commas, stops and dashes."""
    before = [m.end() for m in _CLAUSE_END.finditer(text, 0, start)]
    after = _CLAUSE_END.search(text, end)
    return text[before[-1] if before else 0 : after.start() if after else len(text)]


def _minute(m: re.Match[str]) -> int | None:
    hour_text = m.group("h1") or m.group("h2") or m.group("h3")
    minute_text = m.group("m1") or m.group("m2") or "0"
    hour, minute = int(hour_text), int(minute_text)
    ampm = (m.group("ap1") or m.group("ap3") or "").lower()
    if ampm:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ampm == "p" else 0)
    return hour * 60 + minute


def find_times(text: str, narration: bool = True) -> list[TimeMention]:
    """Times of day in `text` whose relation to the moment of reading the words make clear
    (see the module docstring); every other time is left out.

    `narration`: the text is the narrator's (briefing, step), so a time opening it or one of
    its paragraphs is the time now. In a feed item ("Monday 07:45: rally outside the town
    hall!") an opening time is the item's own business."""
    found: list[TimeMention] = []
    for m in _TIME.finditer(text):
        minute = _minute(m)
        if minute is None:
            continue
        phrase = m.group(0)
        # "3 p.m." at the end of a sentence: its last dot also ends the clause.
        end = m.end() - 1 if phrase.endswith(".") else m.end()
        before, after = text[: m.start()], text[end:]
        if (
            _RANGE_BEFORE.search(before[-12:])
            or _RANGE_AFTER.match(after)
            or _POSITION.search(before[-12:])
            or _DURATION.match(after)
        ):
            continue
        opening = narration and _NOW_AT_START.search(before) is not None
        if (opening or _NOW_AFTER.search(before[-40:])) and (_TRAIL_NOW.match(after)):
            found.append(TimeMention(minute, "now", phrase))
            continue
        clause = _clause(text, m.start(), end)
        if _OTHER_DAY.search(clause):
            continue
        if _PAST_CUE.search(before[-30:]):
            found.append(TimeMention(minute, "past", phrase))
        elif _FUTURE_CUE.search(before[-40:]) or (
            _AT.search(before[-20:]) and _PLAN.search(clause) and not _PAST_WORDS.search(clause)
        ):
            found.append(TimeMention(minute, "future", phrase))
    return found


# -- when a text is read ---------------------------------------------------------------------


def step_windows(s: Scenario) -> dict[str, Window]:
    """For every reachable step, the scenario minutes at which it can be entered."""
    nodes: dict[str, Decision | Reply | Ending] = {n.id: n for n in s.nodes}
    mps = s.clock.minutes_per_second
    step = s.clock.practice_step_minutes
    out: dict[str, Window] = {s.start: Window(0.0, 0.0, 0.0, 0.0)}
    for ident in _order(s, nodes):
        here = out.get(ident)
        if here is None:
            continue
        node = nodes[ident]
        read = needed_seconds(s, node) * mps
        limit = node.time_limit * mps if isinstance(node, Decision | Reply) else 0.0
        longest = limit if limit > 0 else math.inf
        for nxt, jump, _flags, timed_out in _edges(node):
            fast = limit if timed_out else min(read, limit) if limit > 0 else read
            new = Window(
                here.low + step + jump,
                here.high + step + jump,
                here.fast + fast + jump,
                here.slow + longest + jump,
            )
            old = out.get(nxt)
            out[nxt] = new if old is None else old.join(new)
    return out


def _stay(s: Scenario, node: Decision | Reply | Ending, entered: Window) -> Window:
    """Minutes at which something that happens *on* a step (a choice, a reply) can happen:
    from entering it to leaving it (practice: the clock moves only when the step is left)."""
    if isinstance(node, Ending):
        return entered
    mps = s.clock.minutes_per_second
    read = needed_seconds(s, node) * mps
    limit = node.time_limit * mps
    fast = min(read, limit) if limit > 0 else read
    return Window(
        entered.low,
        entered.high,
        entered.fast + fast,
        entered.slow + (limit if limit > 0 else math.inf),
    )


def _setters(s: Scenario, flag: str, steps: dict[str, Window]) -> Window | None:
    """When a flag can first be set by a step's choice, reply or timeout."""
    found: Window | None = None
    for node in s.nodes:
        if node.id not in steps or isinstance(node, Ending):
            continue
        effects = [node.effects] if isinstance(node, Reply) else [c.effects for c in node.choices]
        if node.timeout is not None:
            effects.append(node.timeout.effects)
        if any(flag in e.set_flags for e in effects):
            at = _stay(s, node, steps[node.id])
            found = at if found is None else found.join(at)
    return found


def _condition_window(
    s: Scenario, cond: StateCondition, steps: dict[str, Window], inject_flags: set[str]
) -> Window | None:
    """When a simple `when` first holds; None for one this check cannot follow."""
    if cond.visited is not None:
        return steps.get(cond.visited)
    if cond.flag is not None:
        return None if cond.flag in inject_flags else _setters(s, cond.flag, steps)
    if cond.all is not None:
        parts = [_condition_window(s, c, steps, inject_flags) for c in cond.all]
        known = [p for p in parts if p is not None]
        # Negative or numeric parts only delay an item: the positive ones give its earliest
        # minute, and if none is positive nothing is known.
        if not known or any(
            p is None and (c.visited is not None or c.flag is not None)
            for p, c in zip(parts, cond.all, strict=True)
        ):
            return None
        low = max(p.low for p in known)
        fast = max(p.fast for p in known)
        return Window(low, max(p.high for p in known), fast, max(p.slow for p in known))
    return None


def inject_window(
    s: Scenario, inj: Inject, steps: dict[str, Window], inject_flags: set[str]
) -> Window | None:
    """When a feed item arrives, or None when this check cannot tell."""
    at = inj.at
    if inj.when is None:
        return None if at is None else Window(at, at, at, at)
    cond = _condition_window(s, inj.when, steps, inject_flags)
    if cond is None:
        return None
    if at is None:
        return cond
    return Window(max(at, cond.low), max(at, cond.high), max(at, cond.fast), max(at, cond.slow))


# -- comparing -------------------------------------------------------------------------------


def _label(start: int, minutes: float) -> str:
    total = start + int(minutes)
    return f"{(total // 60) % 24:02d}:{total % 60:02d}"


def _span(start: int, low: float, high: float) -> str:
    a, b = _label(start, low), _label(start, high)
    return a if a == b else f"{a}–{b}"


def _nearest(said: int, absolute: float) -> float:
    """`said` (a minute of the day) on the day nearest to the absolute minute."""
    return said + DAY * round((absolute - said) / DAY)


def clashes_in(
    key: str, text: str, window: Window, start: int, narration: bool = True
) -> Iterator[ClockClash]:
    """Every time in `text` that disagrees with a clock read in `window` (minutes after the
    scenario starts, at time of day `start`); `narration` as in `find_times`."""
    low, high = start + window.low, start + window.high
    fast, slow = start + window.fast, start + window.slow
    for mention in find_times(text, narration):
        said = mention.minute
        if mention.claim == "now":
            anchor = _nearest(said, (low + high) / 2)
            if abs(low - anchor) > NOW_TOLERANCE or abs(high - anchor) > NOW_TOLERANCE:
                yield ClockClash(key, mention, "practice", _span(start, window.low, window.high))
                continue
            first = _nearest(said, fast)
            if first < fast - NOW_TOLERANCE:
                first += DAY
            if first > slow + NOW_TOLERANCE:
                yield ClockClash(key, mention, "exercise", _exercise_span(start, window))
        elif mention.claim == "future":
            if _nearest(said, high) < high:
                yield ClockClash(key, mention, "practice", _span(start, window.low, window.high))
            elif _nearest(said, fast) < fast:
                yield ClockClash(key, mention, "exercise", _label(start, window.fast))
        elif _nearest(said, low) > low:
            yield ClockClash(key, mention, "practice", _span(start, window.low, window.high))
        elif math.isfinite(slow) and _nearest(said, slow) > slow:
            yield ClockClash(key, mention, "exercise", _label(start, window.slow))


def _exercise_span(start: int, window: Window) -> str:
    if math.isfinite(window.slow):
        return _span(start, window.fast, window.slow)
    return f"{_label(start, window.fast)}–"


def clock_clashes(s: Scenario) -> list[ClockClash]:
    """Every judged time in the scenario's texts that disagrees with its clock."""
    hours, minutes = (int(part) for part in s.clock.start.split(":"))
    start = hours * 60 + minutes
    steps = step_windows(s)
    out: list[ClockClash] = list(
        clashes_in("briefing", s.briefing, Window(0.0, 0.0, 0.0, 0.0), start)
    )
    for node in s.nodes:
        entered = steps.get(node.id)
        if entered is None or isinstance(node, Ending):
            continue
        key = f"nodes.{node.id}"
        out.extend(clashes_in(f"{key}.title", node.title, entered, start))
        out.extend(clashes_in(f"{key}.situation", node.situation, entered, start))
        during = _stay(s, node, entered)
        if isinstance(node, Decision):
            for c in node.choices:
                out.extend(clashes_in(f"{key}.choices.{c.id}.text", c.text, entered, start))
        else:
            out.extend(clashes_in(f"{key}.expert_reply", node.expert_reply, during, start))
    inject_flags = {f for i in s.injects for f in i.effects.set_flags}
    for inj in s.injects:
        arrives = inject_window(s, inj, steps, inject_flags)
        if arrives is not None:
            out.extend(clashes_in(f"injects.{inj.id}.text", inj.text, arrives, start, False))
    return out
