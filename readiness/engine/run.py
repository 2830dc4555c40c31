"""One run through a scenario: clock, current node, steps taken, and the result they build.

Plain Python, no Textual. Real time is an input (`advance(real_seconds)`), so the player, the
tests and `replay` all drive the same code and get the same state from the same inputs.
"""

from __future__ import annotations

from dataclasses import dataclass

from readiness.engine.conditions import holds
from readiness.engine.errors import EngineError
from readiness.engine.exercise_scores import Tally
from readiness.engine.feed import Feed, FeedItem
from readiness.engine.leap import Leaper
from readiness.engine.order import shown_order
from readiness.engine.rubric import CriterionResult, judge
from readiness.engine.state import MAX_TICKS, TICKS_PER_MINUTE, State, to_ticks
from readiness.engine.values import placeholder_values
from readiness.i18n.catalog_text import CatalogText
from readiness.models.results import RubricHit, ScenarioResult, Step
from readiness.models.scenario import Choice, Decision, Effects, Ending, Inject, Reply, Scenario
from readiness.placeholders import fill
from readiness.platforms import char_limit, platform_text

Node = Decision | Reply | Ending


@dataclass(frozen=True)
class LogEntry:
    """Something for the timeline: an inject that arrived, or a step the participant took."""

    ticks: int
    item: FeedItem | None = None
    step_index: int | None = None


_JudgeKey = tuple[int, str, tuple[tuple[str, str], ...], str, int]
_VERDICTS: dict[_JudgeKey, tuple[Reply, list[CriterionResult]]] = {}
_VERDICTS_KEPT = 256


def _judged(
    node: Reply, text: str, values: dict[str, str], lang: str, limit: int
) -> list[CriterionResult]:
    """The rubric's verdicts on `text`, remembered for the last few replies: a replay, a
    resume and the debrief judge the same reply again (three times per reply in
    `simulate`), and judging is the costliest step of a run. The rubric is a pure
    function of these inputs; the node itself is kept so a recycled id cannot match."""
    key = (id(node), text, tuple(sorted(values.items())), lang, limit)
    hit = _VERDICTS.get(key)
    if hit is not None and hit[0] is node:
        return list(hit[1])
    results = judge(node.rubric, text, values, lang=lang, limit=limit)
    if len(_VERDICTS) >= _VERDICTS_KEPT:
        del _VERDICTS[next(iter(_VERDICTS))]
    _VERDICTS[key] = (node, results)
    return list(results)


class Run:
    """A scenario being played. Create it with a fresh result (see `session.new_scenario_result`);
    use `replay.resume` to rebuild one from a saved result."""

    def __init__(self, scenario: Scenario, result: ScenarioResult) -> None:
        if result.steps:
            raise EngineError(CatalogText("engine.has_steps"))
        known = {k: v for k, v in result.placeholders.items() if k in scenario.placeholders}
        self.scenario = scenario
        self.result = result
        self.values = placeholder_values(scenario, known)
        result.placeholders = dict(self.values)
        self.practice = result.mode == "practice"
        self.nodes: dict[str, Node] = {n.id: n for n in scenario.nodes}
        self.state = State.initial(scenario.variables)
        self.feed = Feed(scenario.injects, self.values)
        self._leaper = Leaper(scenario)
        self.tally = Tally([d.id for d in scenario.dimensions])
        self.log: list[LogEntry] = []
        self.rubric_results: dict[int, list[CriterionResult]] = {}
        """Full rubric verdicts (with feedback) per reply step index, for the debrief."""
        self.offered: dict[int, list[str]] = {}
        """Choice ids shown, in the order shown, per decision step index, for the debrief."""
        self.node_seconds = 0.0
        """Real seconds spent at the current node (exercise mode: drives the countdown)."""
        self.node_revision = 0
        self._entry_ticks = 0
        self._orders: dict[str, list[Choice]] = {}
        self._summarised = (-1, -1, -1)
        """State revision, facts and tally changes the result was last summarised at."""
        self.node: Node = self.nodes[scenario.start]
        self._enter(scenario.start)

    @property
    def draft(self) -> str:
        """The reply being written: saved with the result, kept in the step on a timeout."""
        return self.result.draft

    @draft.setter
    def draft(self, text: str) -> None:
        self.result.draft = text

    # -- what the player shows ------------------------------------------------------------

    @property
    def finished(self) -> bool:
        return isinstance(self.node, Ending)

    @property
    def minute(self) -> float:
        return self.state.minute

    @property
    def time_limit(self) -> float | None:
        """Seconds allowed at this node, or None when no countdown runs (practice mode)."""
        node = self.node
        if self.practice or isinstance(node, Ending) or node.timeout is None:
            return None
        return float(node.time_limit) if node.time_limit > 0 else None

    @property
    def seconds_left(self) -> float | None:
        limit = self.time_limit
        return None if limit is None else max(0.0, limit - self.node_seconds)

    @property
    def can_wait(self) -> bool:
        """Whether letting the time pass is an option here (it always is with a timeout)."""
        return not isinstance(self.node, Ending) and self.node.timeout is not None

    def available_choices(self) -> list[Choice]:
        """Choices of the current decision whose `when` holds now, in the authored order (the
        engine's own order; what the participant sees is `shown_choices`)."""
        if not isinstance(self.node, Decision):
            return []
        return [c for c in self.node.choices if holds(c.when, self.state)]

    def shown_choices(self) -> list[Choice]:
        """The open choices in the order this run shows them (see `engine.order`)."""
        if not isinstance(self.node, Decision):
            return []
        node = self.node
        order = self._orders.get(node.id)
        if order is None:  # the same for the whole run: worked out once per decision
            order = self._orders[node.id] = shown_order(self.result.seed, node)
        return [c for c in order if holds(c.when, self.state)]

    @property
    def offers_wait(self) -> bool:
        """Whether the player adds its own "wait and watch" option: waiting is possible here,
        no countdown runs that would do it (practice mode, or no time limit), and no open
        authored choice is already marked `waits`."""
        return (
            isinstance(self.node, Decision)
            and self.can_wait
            and self.time_limit is None
            and not any(c.waits for c in self.available_choices())
        )

    def reply_limit(self) -> int:
        """Character limit of the current reply step."""
        if not isinstance(self.node, Reply):
            raise EngineError(CatalogText("engine.not_reply"))
        return char_limit(self.node.platform, self.node.max_chars)

    def fill(self, text: str) -> str:
        """Author text with the run's placeholder values."""
        return fill(text, self.values)

    # -- what the participant does --------------------------------------------------------

    def advance(self, real_seconds: float) -> None:
        """Let real time pass. Exercise mode: the clock runs and the countdown may expire (the
        timeout path is taken at exactly the time limit). Practice mode: only the seconds taken
        are counted; the clock moves per decision instead."""
        if self.finished or real_seconds <= 0:
            return
        if self.practice:
            self.node_seconds += real_seconds
            return
        limit = self.time_limit
        expired = limit is not None and self.node_seconds + real_seconds >= limit
        self.node_seconds = (
            limit if expired and limit is not None else self.node_seconds + real_seconds
        )
        rate = self.scenario.clock.minutes_per_second * TICKS_PER_MINUTE
        self._run_to(self._entry_ticks + int(self.node_seconds * rate + 1e-9))
        if expired:
            self.wait()

    def choose(self, choice_id: str) -> Step:
        """Take a choice of the current decision."""
        node = self.node
        if not isinstance(node, Decision):
            raise EngineError(CatalogText("engine.not_decision"))
        open_choices = self.available_choices()
        choice = next((c for c in open_choices if c.id == choice_id), None)
        if choice is None:
            raise EngineError(CatalogText("engine.choice_closed", choice=choice_id, node=node.id))
        self.tally.add_decision(self._option_scores(node, open_choices), choice.scores)
        shown = [c.id for c in self.shown_choices()]
        step = self._commit(Step(node=node.id, kind="decision", choice=choice.id))
        self.offered[len(self.result.steps) - 1] = shown
        self._leave(choice.effects, choice.next)
        return step

    def reply(self, text: str) -> Step:
        """Post the reply of the current reply step; the rubric judges it."""
        node = self.node
        if not isinstance(node, Reply):
            raise EngineError(CatalogText("engine.not_reply"))
        if not text.strip():
            raise EngineError(CatalogText("engine.reply_empty"))
        limit = self.reply_limit()
        if len(text) > limit:
            raise EngineError(
                CatalogText(
                    "engine.reply_too_long",
                    length=len(text),
                    platform=platform_text(node.platform),
                    limit=limit,
                )
            )
        results = _judged(node, text, self.values, self.scenario.language, limit)
        self.tally.add_reply(node.rubric, results, node.timeout)
        hits = [
            RubricHit(
                criterion=r.criterion.id, met=r.met, points=r.points, reason=r.reason, words=r.words
            )
            for r in results
        ]
        step = self._commit(Step(node=node.id, kind="reply", reply_text=text, rubric=hits))
        self.rubric_results[len(self.result.steps) - 1] = results
        self._leave(node.effects, node.next)
        return step

    def wait(self) -> Step:
        """Let the countdown run out (or decide to wait): the node's timeout path."""
        node = self.node
        if isinstance(node, Ending) or node.timeout is None:
            raise EngineError(CatalogText("engine.no_waiting"))
        timeout = node.timeout
        shown = [c.id for c in self.shown_choices()]
        if isinstance(node, Decision):
            self.tally.add_decision(
                self._option_scores(node, self.available_choices()), timeout.scores
            )
            step = Step(node=node.id, kind="decision", timed_out=True)
        else:
            self.tally.add_reply(node.rubric, None, timeout)
            step = Step(node=node.id, kind="reply", timed_out=True, reply_text=self.draft)
        step = self._commit(step)
        if isinstance(node, Decision):
            self.offered[len(self.result.steps) - 1] = shown
        self._leave(timeout.effects, timeout.next)
        return step

    def add_inject(self, inject: Inject) -> None:
        """An inject from outside the file (a workshop facilitator's), due now or at `inject.at`.

        It arrives like any other inject; it is not part of the scenario, so a replay of the
        saved steps does not show it (give it no effects, and replays stay exact)."""
        if self.finished:
            return
        self._leaper.watch([inject])
        self.feed.add(inject)
        self._arrivals()

    # -- internals ------------------------------------------------------------------------

    @staticmethod
    def _option_scores(node: Decision, open_choices: list[Choice]) -> list[dict[str, float]]:
        tables = [c.scores for c in open_choices]
        if node.timeout is not None:
            tables.append(node.timeout.scores)
        return tables

    def _commit(self, step: Step) -> Step:
        step.entered_minute = self._entry_ticks / TICKS_PER_MINUTE
        step.seconds_taken = self.node_seconds
        self.result.steps.append(step)
        self.log.append(LogEntry(ticks=self.state.ticks, step_index=len(self.result.steps) - 1))
        return step

    def _leave(self, effects: Effects, next_id: str) -> None:
        self.state.apply(effects)
        self._arrivals()
        jump = effects.advance_minutes
        if self.practice:
            jump += self.scenario.clock.practice_step_minutes
        self._run_to(self.state.ticks + to_ticks(jump), summarise=False)  # _enter does
        self._enter(next_id)

    def _enter(self, node_id: str) -> None:
        self.node = self.nodes[node_id]
        self.state.visit(node_id)
        self._entry_ticks = self.state.ticks
        self.node_seconds = 0.0
        self.draft = ""
        self.node_revision += 1
        self._arrivals()
        if isinstance(self.node, Ending):
            self.result.ending = self.node.id
            self.result.outcome = self.node.outcome
            self.result.finished = True
        self._summarise()

    def _arrivals(self) -> None:
        self.feed.arrivals(
            self.state, lambda item: self.log.append(LogEntry(item.ticks, item=item))
        )

    def _run_to(self, target: int, *, summarise: bool = True) -> None:
        """Move the clock to `target` from event to event: over stretches in which no
        condition can change, `leap` applies many ticks in closed form; the ticks at which
        something may happen (an arrival, a threshold crossed, growth stopping) are
        processed one by one. The result is the same as ticking every tick."""
        target = min(target, MAX_TICKS)
        while self.state.ticks < target:
            # A leap stops short only where the next tick may hold an event, so that tick
            # is processed by the rules at once (ticking is always right, leaping when
            # proven).
            self._leaper.leap(self.state, self.feed, target)
            if self.state.ticks < target:
                self._tick()
        if summarise:
            self._summarise()

    def _tick(self) -> None:
        """One tick by the rules: drift, growth, then arrivals. The specification that
        `leap` reproduces in closed form."""
        step = 1 / TICKS_PER_MINUTE
        self.state.ticks += 1
        for drift in self.scenario.drift:
            if holds(drift.while_, self.state):
                self.state.nudge(drift.var, drift.per_minute * step)
        self.feed.grow(self.state, step)
        if self.feed.pending:
            self._arrivals()

    def _summarise(self) -> None:
        """Bring the result's clock, variables, flags and scores up to date (each only when
        it may have changed: this runs after every clock move)."""
        r, state = self.result, self.state
        r.minute = round(state.minute, 3)
        if state.revision != self._summarised[0]:
            r.final_vars = {k: round(v, 3) for k, v in state.vars.items()}
        if state.facts != self._summarised[1]:
            r.final_flags = sorted(state.flags)
        if self.tally.changes != self._summarised[2]:
            r.scores = self.tally.percentages()
        self._summarised = (state.revision, state.facts, self.tally.changes)
