"""Random playthroughs of a scenario through the real engine, to find what nobody ever sees.

Each run uses its own seed (`seed + run number`), so a run that breaks the engine can be
repeated alone with `readiness simulate FILE --random 1 --seed <its seed>`."""

from __future__ import annotations

import multiprocessing
import multiprocessing.context
import os
import random
import sys
import traceback
from collections import Counter
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import Literal

from readiness.engine import (
    ExpertPath,
    Run,
    build_debrief,
    expert_path,
    new_scenario_result,
    replay,
)
from readiness.i18n import Lang
from readiness.models.scenario import Decision, Ending, Reply, Scenario

WAIT_CHANCE = 0.15
"""Share of steps where the simulated participant lets the countdown run out."""
REPLY_WORDS = [
    "sorry",
    "thanks",
    "we",
    "are",
    "checking",
    "dm",
    "please",
    "{org}",
    "[b]",
    "<i>",
    "ä",
    "🙂",
    "...",
    "fault",
    "lawyer",
    "today",
    "team",
]
"""Random reply vocabulary: ordinary words, markup and placeholders the engine must survive."""


@dataclass(frozen=True)
class Failure:
    """An exception raised by the engine during one run."""

    seed: int
    node: str
    error: str
    where: str
    """Last frame of the traceback: file and line."""


@dataclass
class SimulationReport:
    scenario_id: str
    runs: int
    seed: int
    endings: Counter[str] = field(default_factory=Counter)
    unvisited_nodes: list[str] = field(default_factory=list)
    unvisited_choices: list[str] = field(default_factory=list)
    """`node.choice` for every choice no run took."""
    scores: dict[str, tuple[float, float]] = field(default_factory=dict)
    """Lowest and highest percent per dimension among finished runs."""
    timeouts: int = 0
    failures: list[Failure] = field(default_factory=list)


def _reply_text(rng: random.Random, run: Run, node: Reply) -> str:
    words = list(REPLY_WORDS)
    for crit in node.rubric:
        words.extend(crit.keywords)
    text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 60)))
    return text[: run.reply_limit()].strip() or "ok"


def play_once(
    s: Scenario, seed: int, trace: list[str] | None = None
) -> tuple[Run, list[tuple[str, str]], int]:
    """One random run; returns it, the (node, choice) pairs taken and the timeouts seen.

    `trace` collects the node ids entered, so a caller knows where an exception came from."""
    trace = [] if trace is None else trace
    rng = random.Random(seed)
    mode: Literal["exercise", "practice"] = "exercise" if rng.random() < 0.5 else "practice"
    # The run's seed also orders the choices as shown, so a run repeats exactly.
    run = Run(s, new_scenario_result(s, mode=mode, seed=seed))
    taken: list[tuple[str, str]] = []
    timeouts = 0
    for _ in range(4 * len(s.nodes) + 4):
        node = run.node
        trace.append(node.id)
        if isinstance(node, Ending):
            break
        steps = len(run.result.steps)
        limit = run.time_limit
        run.advance(rng.uniform(0, (limit or 30) * 1.2))
        if len(run.result.steps) != steps:
            timeouts += 1  # the countdown ran out while the participant thought
            continue
        if run.can_wait and rng.random() < WAIT_CHANCE:
            run.wait()
            timeouts += 1
        elif isinstance(node, Decision):
            open_choices = run.available_choices()
            if not open_choices:
                raise RuntimeError(f'stuck at "{node.id}": no choice is open and no timeout')
            choice = rng.choice(open_choices)
            run.choose(choice.id)
            taken.append((node.id, choice.id))
        elif isinstance(node, Reply):
            run.reply(_reply_text(rng, run, node))
    if not run.finished:
        raise RuntimeError(f'run did not reach an ending (still at "{run.node.id}")')
    return run, taken, timeouts


def _check_run(s: Scenario, run: Run, expert: ExpertPath) -> None:
    """The debrief builds and a replay of the saved steps gives the same result. `expert`:
    the expert path, the same for every run with the default variables (worked out once)."""
    build_debrief(run, expert)
    again = replay(s, run.result)
    if (again.ending, again.scores) != (run.result.ending, run.result.scores):
        raise RuntimeError("replaying the saved steps gave a different ending or scores")


StepPath = tuple[tuple[str, str | None, bool], ...]
"""A run's steps as (node, choice, timed out): runs with the same path are checked once."""


@dataclass(frozen=True)
class _Outcome:
    """What one random run contributes to the report; made wherever the run was played (this
    process or a worker), merged in seed order by `_merge` so the report never depends on how
    the runs were shared out."""

    failure: Failure | None = None
    """The engine failed while playing: nothing else is set."""
    path: StepPath = ()
    check_failure: Failure | None = None
    """The debrief or the replay failed (set only if this run was checked)."""
    ending: str = ""
    scores: tuple[tuple[str, float], ...] = ()
    visited: frozenset[str] = frozenset()
    taken: frozenset[tuple[str, str]] = frozenset()
    timeouts: int = 0


def _failure(seed: int, node: str, exc: Exception) -> Failure:
    frame = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
    where = f"{frame.filename.rsplit('/', 1)[-1]}:{frame.lineno}" if frame else ""
    return Failure(seed, node, f"{type(exc).__name__}: {exc}", where)


def _play_seeds(s: Scenario, seeds: range) -> list[_Outcome]:
    """Play one run per seed and check the first run of every path among them (the merge
    needs the check of the first run of a path overall, which is also the first here)."""
    outcomes: list[_Outcome] = []
    checked: set[StepPath] = set()
    expert: ExpertPath | None = None
    for run_seed in seeds:
        trace: list[str] = [s.start]
        try:
            run, taken, timeouts = play_once(s, run_seed, trace)
        except Exception as exc:  # finding engine errors is the point of simulating
            outcomes.append(_Outcome(failure=_failure(run_seed, trace[-1], exc)))
            continue
        # Debrief and replay cost two more runs: check each distinct path once.
        path = tuple((st.node, st.choice, st.timed_out) for st in run.result.steps)
        check_failure = None
        if path not in checked:
            checked.add(path)
            try:
                if expert is None:
                    expert = expert_path(s, run.values)
                _check_run(s, run, expert)
            except Exception as exc:  # as above
                check_failure = _failure(run_seed, trace[-1], exc)
        visited = {step.node for step in run.result.steps}
        visited.add(run.node.id)
        outcomes.append(
            _Outcome(
                path=path,
                check_failure=check_failure,
                ending=run.node.id,
                scores=tuple(run.result.scores.items()),
                visited=frozenset(visited),
                taken=frozenset(taken),
                timeouts=timeouts,
            )
        )
    return outcomes


def _merge(report: SimulationReport, s: Scenario, outcomes: Iterable[_Outcome]) -> None:
    """Add the outcomes, in seed order, to `report` as one sequential loop would have."""
    visited: set[str] = set()
    chosen: set[tuple[str, str]] = set()
    checked: set[StepPath] = set()
    for outcome in outcomes:
        if outcome.failure is not None:
            report.failures.append(outcome.failure)
            continue
        if outcome.path not in checked:
            checked.add(outcome.path)
            if outcome.check_failure is not None:
                report.failures.append(outcome.check_failure)
                continue
        visited.update(outcome.visited)
        chosen.update(outcome.taken)
        report.timeouts += outcome.timeouts
        report.endings[outcome.ending] += 1
        for dim, value in outcome.scores:
            lo, hi = report.scores.get(dim, (value, value))
            report.scores[dim] = (min(lo, value), max(hi, value))
    report.unvisited_nodes = [n.id for n in s.nodes if n.id not in visited]
    report.unvisited_choices = [
        f"{n.id}.{c.id}"
        for n in s.nodes
        if isinstance(n, Decision)
        for c in n.choices
        if (n.id, c.id) not in chosen
    ]


CHUNK = 50
"""Runs per piece of work handed to a worker process (and per progress update)."""
RUNS_PER_WORKER = 100
"""Fewer runs than this per worker are not worth starting a process for."""


def default_workers(runs: int) -> int:
    """Processes for `runs` playthroughs: one per CPU this process may use, but only as many
    as there are hundreds of runs (a worker costs a fork and a little memory)."""
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cpus = os.cpu_count() or 1
    return max(1, min(cpus, runs // RUNS_PER_WORKER))


_worker_scenario: Scenario | None = None


def _init_worker(s: Scenario) -> None:
    global _worker_scenario
    _worker_scenario = s


def _play_chunk(seeds: range) -> list[_Outcome]:
    assert _worker_scenario is not None, "the worker was started without its scenario"
    return _play_seeds(_worker_scenario, seeds)


def _context() -> multiprocessing.context.BaseContext:
    """Fork where it is safe (Linux: workers start at once, with everything imported);
    elsewhere the platform's default, which imports this module afresh in each worker."""
    if sys.platform.startswith("linux"):
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


def simulate(
    s: Scenario,
    runs: int,
    seed: int,
    progress: Callable[[int], None] | None = None,
    workers: int | None = None,
) -> SimulationReport:
    """`runs` random playthroughs; never raises for anything the engine does. `progress` is
    told the number of runs done (a progress bar on a terminal). `workers`: processes to
    play in (None: `default_workers`); the report is the same for any number."""
    report = SimulationReport(s.id, runs, seed)
    chunks = [range(seed + n, seed + min(n + CHUNK, runs)) for n in range(0, runs, CHUNK)]
    workers = default_workers(runs) if workers is None else max(1, workers)
    outcomes: list[_Outcome] = []
    if workers == 1:
        for chunk in chunks:
            if progress is not None:
                progress(len(outcomes))
            outcomes.extend(_play_seeds(s, chunk))
    else:
        with ProcessPoolExecutor(
            max_workers=min(workers, len(chunks)),
            mp_context=_context(),
            initializer=_init_worker,
            initargs=(s,),
        ) as pool:
            for done in pool.map(_play_chunk, chunks):
                outcomes.extend(done)
                if progress is not None:
                    progress(len(outcomes))
    if progress is not None:
        progress(runs)
    _merge(report, s, outcomes)
    return report


def render(report: SimulationReport, lang: Lang) -> str:
    """Human-readable summary in `lang`."""
    from readiness.i18n import t
    from readiness.i18n.formats import number

    finished = sum(report.endings.values())
    lines = [
        t(
            "author.sim.title",
            lang,
            id=report.scenario_id,
            runs=t("author.sim.runs", lang, count=report.runs),
            seed=report.seed,
            finished=number(finished, lang=lang),
            timeouts=t("author.sim.timeouts", lang, count=report.timeouts),
        ),
        t("author.sim.endings", lang),
    ]
    for ending, count in report.endings.most_common():
        share = number(100 * count / max(finished, 1), 1, lang)
        lines.append(f"  {ending:<24} {number(count, lang=lang):>6}  {share:>5} %")
    lines.append(t("author.sim.scores", lang))
    for dim, (lo, hi) in report.scores.items():
        lines.append(
            f"  {dim:<24} "
            + t("format.range", lang, low=f"{number(lo, 1, lang):>6}", high=number(hi, 1, lang))
        )
    never_nodes = ", ".join(report.unvisited_nodes) or "-"
    never_choices = ", ".join(report.unvisited_choices) or "-"
    lines.append(t("author.sim.unvisited_nodes", lang, ids=never_nodes))
    lines.append(t("author.sim.unvisited_choices", lang, ids=never_choices))
    if report.failures:
        lines.append(t("author.sim.failures", lang, count=len(report.failures)))
        for f in report.failures[:20]:
            lines.append(
                "  "
                + t(
                    "author.sim.failure",
                    lang,
                    seed=f.seed,
                    node=f.node,
                    error=f.error,
                    where=f.where,
                )
            )
    else:
        lines.append(t("author.sim.no_failures", lang))
    return "\n".join(lines) + "\n"
