"""`readiness play FILE --watch`: the file changes on disk, the game reloads in place."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from textual.pilot import Pilot

from readiness.authoring.load import load_file
from readiness.authoring.scaffold import write_scaffold
from readiness.authoring.watch import FileWatch, carry_answers, carry_run
from readiness.engine import Run, new_scenario_result
from readiness.models.scenario import Scenario
from readiness.settings import Settings
from readiness.tui.play_watch import ProblemsScreen, WatchApp
from readiness.tui.screens import scenario_player
from readiness.tui.screens.assessment import QuestionScreen
from readiness.tui.screens.scenario_player import PlayerScreen
from readiness.tui.widgets.decision_panel import DecisionPanel


class StoppedClock:
    """Real time stands still unless a test moves it: no countdown runs out by accident."""

    def __call__(self) -> float:
        return 1000.0


@pytest.fixture(autouse=True)
def stopped_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(scenario_player, "TIME_SOURCE", StoppedClock())


def make_app(path: Path, tmp_path: Path) -> WatchApp:
    content, problems = load_file(path)
    settings = Settings(lang="en", results_dir=tmp_path / "unused", seed=1)
    return WatchApp(settings, path, content, problems, watch=True)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1) + "\n# saved again\n", encoding="utf-8")


def rewrite(path: Path, change: Any) -> None:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(tomli_w.dumps(data), encoding="utf-8")


async def saved_and_reloaded(app: WatchApp, pilot: Pilot[int], first_start: bool = False) -> None:
    """What the half-second timer does, done at once: notice the save, load, rebuild."""
    before = app.reloads
    app.check_file()
    for _ in range(200):
        await app.workers.wait_for_complete()
        await pilot.pause()
        if app.reloads > before:
            break
    assert app.reloads == before + 1
    if not first_start:  # a reload goes straight back to the step, without the briefing
        await until(pilot, lambda: type(app.screen).__name__ != "BriefingScreen")


def node_of(app: WatchApp) -> str:
    assert isinstance(app.screen, PlayerScreen)
    return app.screen.session.run.node.id


async def until(pilot: Pilot[int], condition: Any) -> None:
    """Let the app work until `condition()` holds (bounded, never timed)."""
    for _ in range(200):
        if condition():
            return
        await pilot.pause()
    assert condition()


async def choose(pilot: Pilot[int], choice_id: str) -> None:
    """Press the number key of `choice_id` in the order the player shows it."""
    screen = pilot.app.screen
    assert isinstance(screen, PlayerScreen)
    ids = screen.query_one(DecisionPanel).option_ids()
    await pilot.press(str(ids.index(choice_id) + 1))
    await pilot.pause()


async def start_scenario(pilot: Pilot[int]) -> None:
    from readiness.tui.screens.scenario_dialogs import BriefingScreen

    app = pilot.app
    await until(pilot, lambda: isinstance(app.screen, BriefingScreen))
    await pilot.press("enter")
    await until(pilot, lambda: isinstance(app.screen, PlayerScreen))


async def test_saving_the_file_reloads_the_step_in_place(tmp_path: Path) -> None:
    path = write_scaffold("scenario", "live", "en", tmp_path)
    app = make_app(path, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_scenario(pilot)
        await choose(pilot, "call-boss")
        assert node_of(app) == "boss-call"
        edit(path, "Maria wants to know what happened", "Maria is furious and wants to know")
        await saved_and_reloaded(app, pilot)
        assert node_of(app) == "boss-call"
        assert isinstance(app.screen, PlayerScreen)
        assert app.screen.session.run.node.situation.startswith("Maria is furious")  # type: ignore[union-attr]
        panel_text = " ".join(str(w.render()) for w in app.screen.query("Static"))
        assert "Maria is furious" in panel_text
        # The game goes on from there with the keys as before.
        await choose(pilot, "holding-answer")
        assert node_of(app) == "write-reply"


async def test_a_broken_save_shows_the_problems_until_fixed(tmp_path: Path) -> None:
    path = write_scaffold("scenario", "broken", "en", tmp_path)
    app = make_app(path, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_scenario(pilot)
        await choose(pilot, "call-boss")
        edit(path, 'title = "Your manager on the phone"', 'titel = "Your manager on the phone"')
        await saved_and_reloaded(app, pilot)
        assert isinstance(app.screen, ProblemsScreen)
        shown = str(app.screen.query_one("#watch-lines").render())
        assert 'nodes.boss-call.titel  unknown key "titel" (did you mean "title"?)' in shown
        # The game underneath is untouched.
        assert isinstance(app.screen_stack[-2], PlayerScreen)
        edit(path, 'titel = "Your manager on the phone"', 'title = "Your manager on the phone"')
        await saved_and_reloaded(app, pilot)
        assert node_of(app) == "boss-call"
        assert not any(isinstance(s, ProblemsScreen) for s in app.screen_stack)


async def test_when_the_step_is_gone_the_game_goes_as_far_as_it_still_can(
    tmp_path: Path,
) -> None:
    path = write_scaffold("scenario", "gone", "en", tmp_path)
    app = make_app(path, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_scenario(pilot)
        await choose(pilot, "call-boss")
        assert node_of(app) == "boss-call"

        def drop_boss_call(data: dict[str, Any]) -> None:
            data["nodes"] = [n for n in data["nodes"] if n["id"] != "boss-call"]
            first = data["nodes"][0]
            first["timeout"]["next"] = "write-reply"
            for choice in first["choices"]:
                if choice["next"] == "boss-call":
                    choice["next"] = "write-reply"

        rewrite(path, drop_boss_call)
        await saved_and_reloaded(app, pilot)
        # The choice made at the first step still exists; it now leads to the reply step.
        assert node_of(app) == "write-reply"


async def test_a_file_broken_from_the_start_waits_for_a_fix(tmp_path: Path) -> None:
    path = write_scaffold("scenario", "late", "en", tmp_path)
    good = path.read_text(encoding="utf-8")
    path.write_text(good.replace('kind = "scenario"', 'kind = "scenaro"'), encoding="utf-8")
    app = make_app(path, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ProblemsScreen)
        path.write_text(good, encoding="utf-8")
        await saved_and_reloaded(app, pilot, first_start=True)
        await start_scenario(pilot)
        assert node_of(app) == "first-look"


async def test_q_quits_from_the_problems_dialog(tmp_path: Path) -> None:
    path = tmp_path / "empty.toml"
    path.write_text("")
    app = make_app(path, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ProblemsScreen)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code in (0, None)


async def test_an_assessment_keeps_its_answers_and_question(tmp_path: Path) -> None:
    path = write_scaffold("assessment", "quiz", "en", tmp_path)
    app = make_app(path, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        await pilot.press("3", "enter")  # "precise" for the audience question
        await pilot.pause()
        assert app.screen.session.current.id == "measurable"  # type: ignore[union-attr]
        edit(path, "Have you written down goals", "Did you write down goals")
        await saved_and_reloaded(app, pilot)
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        assert screen.session.current is not None
        assert screen.session.current.id == "measurable"
        assert screen.session.current.text.startswith("Did you write down goals")
        assert screen.session.result.answers["audience"].value == "precise"


# --- the pure parts -----------------------------------------------------------------------


def test_file_watch_reports_each_save_once(tmp_path: Path) -> None:
    path = tmp_path / "f.toml"
    path.write_text("a = 1\n")
    watch = FileWatch(path)
    assert not watch.changed()
    path.write_text("a = 22\n")
    assert watch.changed()
    assert not watch.changed()
    path.unlink()
    assert not watch.changed()  # mid-save: wait for the file to come back


def test_carry_run_replays_what_still_fits(tmp_path: Path) -> None:
    path = write_scaffold("scenario", "carry", "en", tmp_path)
    content, _ = load_file(path)
    assert content is not None and isinstance(content.model, Scenario)
    s = content.model
    run = Run(s, new_scenario_result(s, mode="practice"))
    run.choose("acknowledge")
    run.reply("Sorry, please send us a DM.")
    assert run.node.id == "follow-up"
    again, kept = carry_run(s, run.result)
    assert (again.node.id, kept) == ("follow-up", 2)
    assert again.result.steps[1].reply_text == "Sorry, please send us a DM."
    changed = s.model_copy(deep=True)
    first = changed.nodes[0]
    first.choices = [c for c in first.choices if c.id != "acknowledge"]  # type: ignore[union-attr]
    again, kept = carry_run(changed, run.result)
    assert (again.node.id, kept) == ("first-look", 0)


def test_carry_answers_drops_what_no_longer_exists(tmp_path: Path) -> None:
    from readiness.models.assessment import Assessment
    from readiness.models.results import Answer, AssessmentResult
    from readiness.storage import now

    path = write_scaffold("assessment", "carry", "en", tmp_path)
    content, _ = load_file(path)
    assert content is not None and isinstance(content.model, Assessment)
    stamp = now()
    old = AssessmentResult(
        run_id="r",
        content_id="x",
        content_version="1",
        content_hash="",
        started_at=stamp,
        updated_at=stamp,
        position="gone",
        answers={
            "audience": Answer(value="nonsense"),
            "kpis": Answer(value=["reach", "nonsense"]),
            "gone": Answer(value="yes"),
        },
    )
    carried = carry_answers(content.model, old)
    assert set(carried.answers) == {"audience", "kpis"}
    assert carried.answers["audience"].value is None
    assert carried.answers["kpis"].value == ["reach"]
    assert carried.position is None


def test_play_command_errors_are_one_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from readiness.cli.main import main

    assert main(["play", str(tmp_path / "missing.toml"), "--lang", "en"]) == 2
    assert capsys.readouterr().err == f"readiness: {tmp_path / 'missing.toml'} is not a file.\n"
    broken = tmp_path / "broken.toml"
    broken.write_text('kind = "scenario"\n')
    assert main(["play", str(broken), "--lang", "en"]) == 1
    lines = capsys.readouterr().err.splitlines()
    # Issue 16 (9): the first errors, most useful first, and how to see the rest.
    assert lines[:2] == [
        f"readiness: {broken} cannot be used; its errors, most useful first:",
        f"  {broken}: id: required key is missing",
    ]
    assert len(lines) == 7
    assert lines[-1].startswith("  … and ")
    assert lines[-1].endswith(f"more; see all with: readiness validate {broken}")
