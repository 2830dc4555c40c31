"""Reference and graph checks for a scenario: every path must be playable to an ending."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from pathlib import Path

from pydantic import BaseModel

from readiness.content.problems import ContentProblem, Err, report_duplicates
from readiness.i18n.catalog_text import CatalogText
from readiness.models.scenario import (
    Decision,
    Effects,
    Ending,
    Reply,
    Scenario,
    StateCondition,
)
from readiness.placeholders import names_in
from readiness.validation_messages import did_you_mean


def successors(node: Decision | Reply | Ending) -> list[str]:
    """Node ids reachable in one step (choices, reply target, timeout)."""
    if isinstance(node, Ending):
        return []
    targets = [c.next for c in node.choices] if isinstance(node, Decision) else [node.next]
    if node.timeout is not None:
        targets.append(node.timeout.next)
    return targets


def check_scenario(
    path: Path, s: Scenario, assessment_dimensions: Collection[str] | None = None
) -> list[ContentProblem]:
    """All cross-references and the graph of one scenario; the graph only once every
    reference holds (a walk over unknown steps would say nothing useful)."""
    check = _ScenarioCheck(path, s)
    check.unique_ids()
    check.target("start", s.start)
    check.variables()
    check.drift()
    if assessment_dimensions is not None:
        check.evidence(assessment_dimensions)
    check.injects()
    for node in s.nodes:
        check.node(node)
    _check_placeholders(s, check.err)
    if not check.problems:
        _check_graph(s, check.err)
    return check.problems


class _ScenarioCheck:
    """The reference checks of one scenario, one method per part of the file; problems are
    collected in the order of the file's parts."""

    def __init__(self, path: Path, s: Scenario) -> None:
        self.path = path
        self.s = s
        self.problems: list[ContentProblem] = []
        self.node_ids = [n.id for n in s.nodes]
        self.dims = [d.id for d in s.dimensions]
        self.inject_ids = [i.id for i in s.injects]
        self.variable_ids = [v.id for v in s.variables]
        self.conditions = _ConditionChecker(s, self.node_ids, _flags_set(s), self.err)

    def err(self, key: str, message: CatalogText) -> None:
        self.problems.append(ContentProblem(self.path, key, message))

    def unknown(self, key: str, message: str, ident: str, known: Collection[str]) -> None:
        """`ident` is not among `known`: say so, with the nearest known id as a suggestion."""
        self.err(key, CatalogText(message, ident=ident) + did_you_mean(ident, known))

    def unique_ids(self) -> None:
        report_duplicates(self.node_ids, "nodes", self.err)
        report_duplicates(self.inject_ids, "injects", self.err)
        report_duplicates(self.variable_ids, "variables", self.err)
        report_duplicates(self.dims, "dimensions", self.err)

    def target(self, key: str, ident: str) -> None:
        """A step a choice, reply, timeout or the start leads to."""
        if ident not in self.node_ids:
            self.unknown(key, "content.check.unknown_node", ident, self.node_ids)

    def scores(self, key: str, values: dict[str, float]) -> None:
        for dim in values:
            if dim not in self.dims:
                self.unknown(
                    f"{key}.{dim}", "content.check.unknown_scoring_dimension", dim, self.dims
                )

    def variables(self) -> None:
        for var in self.s.variables:
            if not var.min <= var.initial <= var.max:
                self.err(
                    f"variables.{var.id}.initial",
                    CatalogText("content.check.between", min=var.min, max=var.max),
                )
            if var.min >= var.max:
                self.err(f"variables.{var.id}.max", CatalogText("content.check.above_min"))

    def drift(self) -> None:
        for i, drift in enumerate(self.s.drift):
            key = f"drift[{i + 1}]"
            if drift.var not in self.variable_ids:
                self.unknown(
                    f"{key}.var", "content.check.unknown_variable", drift.var, self.variable_ids
                )
            if drift.while_ is not None:
                self.conditions.check(drift.while_, f"{key}.while")

    def evidence(self, assessment_dimensions: Collection[str]) -> None:
        """Each `evidence_for` names a dimension of a loaded assessment."""
        for dim in self.s.dimensions:
            for ev in dim.evidence_for:
                if ev not in assessment_dimensions:
                    self.unknown(
                        f"dimensions.{dim.id}.evidence_for",
                        "content.check.no_assessment_dimension",
                        ev,
                        assessment_dimensions,
                    )

    def reply_to(self, key: str, ident: str | None) -> None:
        if ident is not None and ident not in self.inject_ids:
            self.unknown(key, "content.check.unknown_inject", ident, self.inject_ids)

    def injects(self) -> None:
        for inj in self.s.injects:
            key = f"injects.{inj.id}"
            self.reply_to(f"{key}.reply_to", inj.reply_to)
            if inj.when is not None:
                self.conditions.check(inj.when, f"{key}.when")
            if inj.growth is not None and inj.growth.until is not None:
                self.conditions.check(inj.growth.until, f"{key}.growth.until")
            _check_effects(inj.effects, f"{key}.effects", self.s, self.err)

    def node(self, node: Decision | Reply | Ending) -> None:
        key = f"nodes.{node.id}"
        if isinstance(node, Decision):
            self.decision(key, node)
        elif isinstance(node, Reply):
            self.reply(key, node)
        if not isinstance(node, Ending) and node.timeout is not None:
            self.target(f"{key}.timeout.next", node.timeout.next)
            self.scores(f"{key}.timeout.scores", node.timeout.scores)
            _check_effects(node.timeout.effects, f"{key}.timeout.effects", self.s, self.err)

    def decision(self, key: str, node: Decision) -> None:
        choice_ids = [c.id for c in node.choices]
        report_duplicates(choice_ids, f"{key}.choices", self.err)
        for c in node.choices:
            ckey = f"{key}.choices.{c.id}"
            self.target(f"{ckey}.next", c.next)
            self.scores(f"{ckey}.scores", c.scores)
            _check_effects(c.effects, f"{ckey}.effects", self.s, self.err)
            if c.when is not None:
                self.conditions.check(c.when, f"{ckey}.when")
        if node.expert is not None and node.expert not in choice_ids:
            self.unknown(f"{key}.expert", "content.check.unknown_choice", node.expert, choice_ids)
        if all(c.when is not None for c in node.choices) and node.timeout is None:
            self.err(f"{key}.choices", CatalogText("content.check.stuck"))

    def reply(self, key: str, node: Reply) -> None:
        self.target(f"{key}.next", node.next)
        report_duplicates([c.id for c in node.rubric], f"{key}.rubric", self.err)
        _check_effects(node.effects, f"{key}.effects", self.s, self.err)
        self.reply_to(f"{key}.reply_to", node.reply_to)
        for crit in node.rubric:
            ckey = f"{key}.rubric.{crit.id}"
            if crit.dimension is not None and crit.dimension not in self.dims:
                self.unknown(
                    f"{ckey}.dimension",
                    "content.check.unknown_scoring_dimension",
                    crit.dimension,
                    self.dims,
                )
            for pattern in crit.patterns:
                try:
                    re.compile(pattern)
                except re.error as exc:
                    self.err(
                        f"{ckey}.patterns",
                        CatalogText("content.check.bad_regex", pattern=repr(pattern), error=exc),
                    )


def _flags_set(s: Scenario) -> set[str]:
    found: set[str] = set()
    for effects in _all_effects(s):
        found.update(effects.set_flags)
    return found


def _all_effects(s: Scenario) -> Iterator[Effects]:
    for inj in s.injects:
        yield inj.effects
    for node in s.nodes:
        if isinstance(node, Decision):
            for c in node.choices:
                yield c.effects
        if isinstance(node, Reply):
            yield node.effects
        if not isinstance(node, Ending) and node.timeout is not None:
            yield node.timeout.effects


def _check_effects(e: Effects, key: str, s: Scenario, err: Err) -> None:
    var_ids = [v.id for v in s.variables]
    for var in e.vars:
        if var not in var_ids:
            err(
                f"{key}.vars.{var}",
                CatalogText("content.check.unknown_variable", ident=var)
                + did_you_mean(var, var_ids),
            )
    for flag in [*e.set_flags, *e.clear_flags]:
        if flag not in s.flags:
            err(
                f"{key}",
                CatalogText("content.check.undeclared_flag_add", ident=flag)
                + did_you_mean(flag, s.flags),
            )


class _ConditionChecker:
    """Finds conditions that name unknown things or can never hold."""

    def __init__(self, s: Scenario, node_ids: list[str], set_flags: set[str], err: Err) -> None:
        self.s = s
        self.node_ids = node_ids
        self.set_flags = set_flags
        self.vars = {v.id: v for v in s.variables}
        self.err = err

    def check(self, c: StateCondition, key: str) -> None:
        """`c` and every condition inside it."""
        self.flags(c, key)
        if c.var is not None:
            self.bounds(c, c.var, key)
        if c.visited is not None and c.visited not in self.node_ids:
            self.err(
                f"{key}.visited",
                CatalogText("content.check.unknown_node", ident=c.visited)
                + did_you_mean(c.visited, self.node_ids),
            )
        for i, sub in enumerate(c.all or []):
            self.check(sub, f"{key}.all[{i + 1}]")
        for i, sub in enumerate(c.any or []):
            self.check(sub, f"{key}.any[{i + 1}]")
        if c.not_ is not None:
            self.check(c.not_, f"{key}.not")

    def flags(self, c: StateCondition, key: str) -> None:
        """Flags are declared, and a flag a condition waits for is set somewhere."""
        for flag, field in ((c.flag, "flag"), (c.not_flag, "not_flag")):
            if flag is None:
                continue
            if flag not in self.s.flags:
                self.err(
                    f"{key}.{field}",
                    CatalogText("content.check.undeclared_flag", ident=flag)
                    + did_you_mean(flag, self.s.flags),
                )
            elif field == "flag" and flag not in self.set_flags:
                self.err(f"{key}.flag", CatalogText("content.check.never_set", ident=flag))

    def bounds(self, c: StateCondition, name: str, key: str) -> None:
        """The variable exists and its bounds in `c` can be met within its range."""
        var = self.vars.get(name)
        if var is None:
            self.err(
                f"{key}.var",
                CatalogText("content.check.unknown_variable", ident=name)
                + did_you_mean(name, self.vars),
            )
            return
        if c.at_least is not None and c.at_least > var.max:
            self.err(
                f"{key}.at_least",
                CatalogText("content.check.never_above", var=name, max=var.max),
            )
        if c.at_most is not None and c.at_most < var.min:
            self.err(
                f"{key}.at_most",
                CatalogText("content.check.never_below", var=name, min=var.min),
            )
        if c.at_least is not None and c.at_most is not None and c.at_least > c.at_most:
            self.err(key, CatalogText("content.check.bounds_crossed"))


def _texts(model: BaseModel, key: str) -> Iterator[tuple[str, str]]:
    for name, value in model:
        sub = f"{key}.{name}" if key else name
        if isinstance(value, str):
            yield sub, value
        elif isinstance(value, BaseModel):
            yield from _texts(value, sub)
        elif isinstance(value, list):
            for i, item in enumerate(value):
                ident = getattr(item, "id", None)
                item_key = f"{sub}.{ident}" if isinstance(ident, str) else f"{sub}[{i + 1}]"
                if isinstance(item, BaseModel):
                    yield from _texts(item, item_key)
                elif isinstance(item, str):
                    yield item_key, item


def _undeclared_anywhere(s: Scenario, declared: set[str]) -> bool:
    """True when some text of the scenario may name a placeholder it does not declare.

    Reads the model's JSON once (C speed) instead of walking every text: a `{name}` there
    is one in some text (JSON keeps `{` and `}` as they are), so without an undeclared name
    in it the detailed walk can be skipped."""
    return bool(names_in(s.model_dump_json()) - declared)


def _check_placeholders(s: Scenario, err: Err) -> None:
    declared = set(s.placeholders)
    if not _undeclared_anywhere(s, declared):
        return  # the walk below only finds where an unknown name is; there is none
    used: set[str] = set()
    for key, text in _texts(s, ""):
        if key.startswith(("placeholders", "patterns")) or ".patterns" in key:
            continue
        for name in names_in(text):
            used.add(name)
            if name not in declared:
                err(
                    key,
                    CatalogText("content.check.unknown_placeholder", name="{" + name + "}")
                    + did_you_mean(name, declared),
                )


def _check_graph(s: Scenario, err: Err) -> None:
    """Every step is reachable from the start, can still reach an ending, and no path loops."""
    nodes = {n.id: n for n in s.nodes}
    reachable = _reachable(nodes, s.start)
    for ident in nodes:
        if ident not in reachable:
            err(f"nodes.{ident}", CatalogText("content.check.unreachable", start=s.start))
    finishing = _finishing(nodes)
    if not finishing:
        err("nodes", CatalogText("content.check.no_ending"))
        return
    for ident in nodes:
        if ident in reachable and ident not in finishing:
            err(f"nodes.{ident}", CatalogText("content.check.dead_end"))
    cycle = _find_cycle(nodes, s.start)
    if cycle:
        err(f"nodes.{cycle[0]}", CatalogText("content.check.loop", path=" -> ".join(cycle)))


def _reachable(nodes: dict[str, Decision | Reply | Ending], start: str) -> set[str]:
    """The steps some path from `start` comes to."""
    reachable: set[str] = set()
    stack = [start]
    while stack:
        current = stack.pop()
        if current in reachable:
            continue
        reachable.add(current)
        stack.extend(successors(nodes[current]))
    return reachable


def _finishing(nodes: dict[str, Decision | Reply | Ending]) -> set[str]:
    """The steps from which some path reaches an ending (a reverse search from the endings);
    empty when there is no ending."""
    incoming: dict[str, list[str]] = {ident: [] for ident in nodes}
    for ident, node in nodes.items():
        for nxt in successors(node):
            incoming[nxt].append(ident)
    finishing = {ident for ident, n in nodes.items() if isinstance(n, Ending)}
    stack = list(finishing)
    while stack:
        current = stack.pop()
        for prev in incoming[current]:
            if prev not in finishing:
                finishing.add(prev)
                stack.append(prev)
    return finishing


def _find_cycle(nodes: dict[str, Decision | Reply | Ending], start: str) -> list[str]:
    """The first loop a depth-first walk from `start` meets, as a closed path; [] if none.

    Iterative (an explicit stack of successor iterators): a valid scenario may be thousands
    of steps long, far deeper than Python's recursion limit."""
    state: dict[str, int] = {start: 1}
    path: list[str] = [start]
    stack: list[Iterator[str]] = [iter(successors(nodes[start]))]
    while stack:
        nxt = next(stack[-1], None)
        if nxt is None:
            stack.pop()
            state[path.pop()] = 2
            continue
        if state.get(nxt) == 1:
            return [*path[path.index(nxt) :], nxt]
        if nxt not in state:
            state[nxt] = 1
            path.append(nxt)
            stack.append(iter(successors(nodes[nxt])))
    return []
