"""Warnings: things that load and play but are probably not what the trainer meant.

A warning never stops a file from loading and never changes `validate`'s exit code unless
`--strict` is given. Each one names the key to look at and says what to do about it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from readiness.content.address import address_warnings
from readiness.content.paths import Paths
from readiness.content.problems import ContentProblem, add_lines
from readiness.content.reading import DECIDE_SECONDS, WORDS_PER_MINUTE, filled, needed_seconds
from readiness.i18n.catalog_text import CatalogText
from readiness.models.assessment import Assessment
from readiness.models.scenario import Decision, Ending, Reply, Scenario
from readiness.platforms import DEFAULT_LIMIT, KNOWN_PLATFORMS, char_limit, platform_text
from readiness.validation_messages import did_you_mean

Warn = Callable[[str, CatalogText], None]

GOOD_SHARE = 0.5
"""A "good" ending should be reachable with at least this share of the best possible points."""
EXPERT_LONGEST = "expert-longest"
"""Code of the warning that the expert choice is given away by its length."""
LENGTH_PATTERN_DECISIONS = 3
"""Decisions with an expert choice a scenario needs before "the expert is the longest" counts
as a pattern a room can learn (in a one- or two-step drill, "more than half" means "all")."""


def file_warnings(path: Path, model: Assessment | Scenario) -> list[ContentProblem]:
    """Warnings about one file that loaded without errors, with line numbers where found."""
    found = scenario_warnings(path, model) if isinstance(model, Scenario) else []
    found += address_warnings(path, model)
    return add_lines(path, found)


def scenario_warnings(path: Path, s: Scenario) -> list[ContentProblem]:
    """Feedback, pointless decisions, unreachable good outcomes, text lengths, time limits,
    an expert choice given away by its length."""
    out: list[ContentProblem] = []

    def warn(key: str, message: CatalogText) -> None:
        out.append(ContentProblem(path, key, message, severity="warning"))

    for node in s.nodes:
        _step_warnings(s, node, warn)
    for inj in s.injects:
        if inj.platform:
            limit = char_limit(inj.platform)
            length = len(filled(s, inj.text))
            if length > limit:
                warn(
                    f"injects.{inj.id}.text",
                    CatalogText(
                        "author.warn.too_long",
                        length=length,
                        platform=platform_text(inj.platform),
                        limit=limit,
                    ),
                )
            _platform_typo(f"injects.{inj.id}.platform", inj.platform, warn)
    out.extend(_unrewarded_good_endings(path, s))
    out.extend(_expert_is_longest(path, s))
    out.extend(_early_steps(path, s))
    out.extend(_clock_times(path, s))
    return out


def _platform_typo(key: str, platform: str, warn: Warn) -> None:
    """A platform id one letter off a known one ("facebok"): its limit silently became the
    default. Ids far from every known one are the author's own channels and stay quiet."""
    written = platform.strip().lower()
    if not written or written in KNOWN_PLATFORMS:
        return
    hint = did_you_mean(written, sorted(KNOWN_PLATFORMS))  # the same nearest one every run
    if hint != CatalogText.nothing():
        warn(
            key,
            CatalogText("author.warn.unknown_platform", platform=platform, limit=DEFAULT_LIMIT)
            + hint,
        )


def _step_warnings(s: Scenario, node: Decision | Reply | Ending, warn: Warn) -> None:
    """Feedback, pointless decisions, an expert reply too long for its platform, a time limit
    too short to read the step in."""
    key = f"nodes.{node.id}"
    if isinstance(node, Decision):
        for c in node.choices:
            if not c.feedback.strip():
                warn(f"{key}.choices.{c.id}.feedback", CatalogText("author.warn.no_feedback"))
        if _makes_no_difference(node):
            warn(
                f"{key}.choices",
                CatalogText("author.warn.same_outcome", target=node.choices[0].next),
            )
    if isinstance(node, Reply):
        limit = char_limit(node.platform, node.max_chars)
        length = len(filled(s, node.expert_reply))
        if length > limit:
            warn(
                f"{key}.expert_reply",
                CatalogText(
                    "author.warn.too_long",
                    length=length,
                    platform=platform_text(node.platform),
                    limit=limit,
                ),
            )
        _platform_typo(f"{key}.platform", node.platform, warn)
    if isinstance(node, Decision | Reply) and node.time_limit > 0:
        need = needed_seconds(s, node)
        if node.time_limit < need:
            warn(
                f"{key}.time_limit",
                CatalogText(
                    "author.warn.too_fast",
                    limit=node.time_limit,
                    need=round(need),
                    wpm=WORDS_PER_MINUTE,
                    decide=DECIDE_SECONDS,
                ),
            )


CLOCK_TIME = "clock-time"
"""Code of the warning that a time of day written in a text disagrees with the clock."""


def _clock_times(path: Path, s: Scenario) -> list[ContentProblem]:
    """Times of day in texts that the clock in the player's header contradicts (see
    `readiness.content.clock_times` for which times are read and how)."""
    from readiness.content.clock_times import clock_clashes

    out: list[ContentProblem] = []
    for clash in clock_clashes(s):
        claim = clash.mention.claim
        clock = clash.clock
        if clash.mode == "exercise":
            where = f"exercise_{claim}"
        else:
            where = "practice_range" if "–" in clock else "practice"
        shown: CatalogText | str = clock
        if clock.endswith("–"):
            shown = CatalogText("author.warn.clock_from", clock=clock[:-1])
        message = CatalogText(
            f"author.warn.clock_{claim}",
            said=clash.mention.phrase,
            clock=shown,
            where=CatalogText(f"author.warn.clock_where.{where}"),
        )
        out.append(ContentProblem(path, clash.key, message, severity="warning", code=CLOCK_TIME))
    return out


EARLY_STEP = "early-step"
"""Code of the warning that a step can show before the feed item it is about."""


def _early_steps(path: Path, s: Scenario) -> list[ContentProblem]:
    """Steps some path reaches before the item they answer or whose author they name."""
    from readiness.content.arrivals import early_steps

    out: list[ContentProblem] = []
    for early in early_steps(s):
        field = "reply_to" if early.via == "reply_to" else "situation"
        if early.minute >= 0:
            message = CatalogText(
                "content.warn.early_at",
                inject=early.inject,
                minute=f"{early.minute:g}"
                if early.minute == int(early.minute)
                else round(early.minute),
                mode=CatalogText(f"content.warn.mode.{early.mode}"),
                at=f"{early.at:g}",
                node=early.node,
            )
        else:
            message = CatalogText("content.warn.early_when", inject=early.inject, node=early.node)
        out.append(
            ContentProblem(
                path, f"nodes.{early.node}.{field}", message, severity="warning", code=EARLY_STEP
            )
        )
    return out


def _expert_is_longest(path: Path, s: Scenario) -> list[ContentProblem]:
    """The expert choice is the longest text in more than half of the decisions that have one
    (from `LENGTH_PATTERN_DECISIONS` such decisions on).

    Shuffling hides the position, not the length: a room soon learns that the longest, most
    carefully worded option is the right one. Lengths are counted as shown (placeholders
    filled); a tie for the longest does not count."""
    marked = [n for n in s.nodes if isinstance(n, Decision) and n.expert is not None]
    longest = [n.id for n in marked if _longest_is_expert(s, n)]
    if len(marked) < LENGTH_PATTERN_DECISIONS or 2 * len(longest) <= len(marked):
        return []
    message = CatalogText(
        "author.warn.expert_longest", file=path.name, count=len(longest), of=len(marked)
    )
    return [ContentProblem(path, "nodes", message, severity="warning", code=EXPERT_LONGEST)]


def _longest_is_expert(s: Scenario, node: Decision) -> bool:
    lengths = {c.id: len(filled(s, c.text).strip()) for c in node.choices}
    expert = lengths.get(node.expert or "")
    return expert is not None and all(
        expert > length for ident, length in lengths.items() if ident != node.expert
    )


def _makes_no_difference(node: Decision) -> bool:
    """All choices go to the same node and change and score exactly the same."""
    first = node.choices[0]
    return all(
        c.next == first.next and c.effects == first.effects and c.scores == first.scores
        for c in node.choices[1:]
    )


def _unrewarded_good_endings(path: Path, s: Scenario) -> list[ContentProblem]:
    paths = Paths(s)
    best_to = paths.best_total_to()
    best = max((best_to.get(e, 0.0) for e in paths.endings), default=0.0)
    out: list[ContentProblem] = []
    if best <= 0:
        return out
    for node in s.nodes:
        if isinstance(node, Ending) and node.outcome == "good" and node.id in best_to:
            reached = best_to[node.id]
            if reached < GOOD_SHARE * best:
                out.append(
                    ContentProblem(
                        path,
                        f"nodes.{node.id}",
                        CatalogText(
                            "author.warn.good_ending_low", best=_num(reached), max=_num(best)
                        ),
                        severity="warning",
                    )
                )
    return out


def _num(value: float) -> str:
    return f"{value:g}"


def translation_warnings(
    files: Sequence[tuple[Path, Assessment | Scenario]],
) -> list[ContentProblem]:
    """Each file whose counterpart in the other language has a different structure."""
    out: list[ContentProblem] = []
    families: dict[str, list[tuple[Path, Assessment | Scenario]]] = {}
    for path, model in files:
        if model.translation_id is not None:
            families.setdefault(model.translation_id, []).append((path, model))
    for path, model in files:
        if model.translation_id is None:
            continue
        for other_path, other in families[model.translation_id]:
            if other.language == model.language:
                continue
            for key, mine, theirs in _structure_pairs(model, other):
                missing = [x for x in theirs if x not in mine]
                extra = [x for x in mine if x not in theirs]
                if missing or extra:
                    out.append(
                        ContentProblem(
                            path,
                            key,
                            CatalogText(
                                "author.warn.translation",
                                other=other_path.name,
                                other_lang=other.language,
                                missing=_ids(missing),
                                extra=_ids(extra),
                            ),
                            severity="warning",
                        )
                    )
    return out


def _structure_pairs(
    a: Assessment | Scenario, b: Assessment | Scenario
) -> list[tuple[str, list[str], list[str]]]:
    """(key, ids in a, ids in b) for every part whose ids must match between translations."""
    if isinstance(a, Scenario) and isinstance(b, Scenario):
        pairs = [
            ("nodes", [n.id for n in a.nodes], [n.id for n in b.nodes]),
            ("dimensions", [d.id for d in a.dimensions], [d.id for d in b.dimensions]),
        ]
        theirs = {n.id: n for n in b.nodes if isinstance(n, Decision)}
        for node in a.nodes:
            if isinstance(node, Decision) and node.id in theirs:
                pairs.append(
                    (
                        f"nodes.{node.id}.choices",
                        [c.id for c in node.choices],
                        [c.id for c in theirs[node.id].choices],
                    )
                )
        return pairs
    if isinstance(a, Assessment) and isinstance(b, Assessment):
        pairs = [
            ("dimensions", [d.id for d in a.dimensions], [d.id for d in b.dimensions]),
            ("questions", [q.id for q in a.questions], [q.id for q in b.questions]),
            ("levels", [lvl.id for lvl in a.levels], [lvl.id for lvl in b.levels]),
        ]
        their_q = {q.id: q for q in b.questions}
        for q in a.questions:
            if q.id in their_q:
                pairs.append(
                    (f"questions.{q.id}.options", q.option_ids(), their_q[q.id].option_ids())
                )
        return pairs
    return [("kind", [a.kind], [b.kind])]


def _ids(values: list[str]) -> str:
    return ", ".join(f'"{v}"' for v in values) if values else "-"
