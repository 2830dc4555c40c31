"""What the participant did in the crisis exercises, arranged for the starter kit: draft
holding statements from their own replies, the roles and names that came up, the hashtags.

The debrief replays each saved run (`debrief_for`); when the scenario changed since and the
run cannot be replayed, the kit falls back to the stored steps, so a report never fails
because of an edited content file."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from readiness.analysis.build import Loaded
from readiness.content.translations import marked_title
from readiness.engine.debrief import debrief_for
from readiness.engine.errors import EngineError
from readiness.engine.rubric import judge
from readiness.i18n import Lang, t
from readiness.models.results import ScenarioResult
from readiness.models.scenario import Reply, Scenario
from readiness.placeholders import fill
from readiness.platforms import char_limit
from readiness.reports.kit_topics import crisis_type

_HASHTAG = re.compile(r"(?<![\w&])#[^\W_][\w-]*")


@dataclass(frozen=True)
class Check:
    """One rubric point: met or missed, with the trainer's feedback."""

    title: str
    feedback: str
    met: bool


@dataclass(frozen=True)
class Draft:
    """One reply written in an exercise, the model answer, and what the rubric missed."""

    title: str
    situation: str
    platform: str
    text: str
    """The participant's own words ('' when the countdown ran out before they wrote any)."""
    timed_out: bool
    expert: str
    checks: list[Check]

    @property
    def missed(self) -> list[Check]:
        return [c for c in self.checks if not c.met]


@dataclass(frozen=True)
class Practised:
    """One exercise run, as the kit uses it."""

    title: str
    crisis: str
    """Crisis type key (see `kit_topics.CRISIS_TYPES`), or "other"."""
    crisis_title: str
    ending_title: str
    outcome: str
    timeouts: int
    drafts: list[Draft]
    roles: list[str]
    """Internal roles that wrote in (boss, legal, works council …), as the author named them."""
    hashtags: list[str]
    names: list[tuple[str, str]]
    """(description, value) of each placeholder the run used, e.g. the organisation name."""
    org: str


def practised(items: Sequence[Loaded], lang: Lang) -> list[Practised]:
    """Every scenario run among the results whose content is loaded, oldest first."""
    runs = [i for i in items if isinstance(i.result, ScenarioResult) and i.content is not None]
    runs.sort(key=lambda i: i.result.started_at)
    out = []
    for item in runs:
        result, model = item.result, item.content.model if item.content else None
        assert isinstance(result, ScenarioResult) and isinstance(model, Scenario)
        # Replies are judged by the run's own file (its rubric is in the reply's language);
        # the title is the one the report shows (`Loaded.words`).
        words = item.words.model if item.words else model
        title = marked_title(words.title, words.language, lang)
        out.append(_practised(model, result, lang, title))
    return out


def _practised(scenario: Scenario, result: ScenarioResult, lang: Lang, title: str) -> Practised:
    values = {name: p.default for name, p in scenario.placeholders.items()}
    values.update(result.placeholders)
    kind = crisis_type(scenario)
    try:
        debrief = debrief_for(scenario, result)
    except (EngineError, KeyError, StopIteration):
        drafts = _stored_drafts(scenario, result, values)
        roles = [i.role for i in scenario.injects if i.role]
        texts = [fill(i.text, values) for i in scenario.injects]
        ending_title = ""
    else:
        drafts = [
            Draft(
                title=r.title,
                situation=r.situation,
                platform=r.platform,
                text=r.text,
                timed_out=r.timed_out,
                expert=r.expert_reply,
                checks=[Check(c.criterion.title, c.feedback, c.met) for c in r.criteria]
                or _unjudged(scenario, r.node_id, values),
            )
            for r in debrief.replies
        ]
        injects = [e for e in debrief.timeline if e.kind == "inject"]
        roles = [e.role for e in injects if e.role]
        texts = [e.text for e in injects]
        ending_title = debrief.ending_title
    texts += [d.text for d in drafts]
    tags = [m.group(0) for text in texts for m in _HASHTAG.finditer(text)]
    return Practised(
        title=fill(title, values),
        crisis=kind,
        crisis_title=t(f"kit.crisis.{kind}", lang),
        ending_title=ending_title,
        outcome=result.outcome or "",
        timeouts=sum(s.timed_out for s in result.steps),
        drafts=drafts,
        roles=list(dict.fromkeys(roles)),
        hashtags=list(dict.fromkeys(tags)),
        names=[
            (scenario.placeholders[k].description.strip().rstrip(".") or k, v)
            for k, v in values.items()
            if k in scenario.placeholders
        ],
        org=values.get("org", ""),
    )


def _stored_drafts(
    scenario: Scenario, result: ScenarioResult, values: dict[str, str]
) -> list[Draft]:
    """Replies straight from the saved steps, judged by the scenario's current rubric."""
    nodes = {n.id: n for n in scenario.nodes}
    drafts = []
    for step in result.steps:
        node = nodes.get(step.node)
        if step.kind != "reply" or not isinstance(node, Reply):
            continue
        results = (
            judge(
                node.rubric,
                step.reply_text,
                values,
                lang=scenario.language,
                limit=char_limit(node.platform, node.max_chars),
            )
            if step.reply_text
            else []
        )
        drafts.append(
            Draft(
                title=fill(node.title or node.situation.split("\n")[0], values),
                situation=fill(node.situation, values),
                platform=node.platform,
                text=step.reply_text,
                timed_out=step.timed_out,
                expert=fill(node.expert_reply, values),
                checks=[Check(r.criterion.title, r.feedback, r.met) for r in results]
                or _unjudged(scenario, node.id, values),
            )
        )
    return drafts


def _unjudged(scenario: Scenario, node_id: str, values: dict[str, str]) -> list[Check]:
    """A reply that was never posted (the countdown ran out) met none of its rubric points."""
    node = next((n for n in scenario.nodes if n.id == node_id), None)
    if not isinstance(node, Reply):
        return []
    return [
        Check(c.title, fill(c.missed, values), False) for c in node.rubric if c.expect == "present"
    ]


__all__ = ["Check", "Draft", "Practised", "practised"]
