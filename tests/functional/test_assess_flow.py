"""Taking an assessment in the TUI with the keyboard (and a click): answers, back, skip, N/A,
notes, flags, overview, result, quit and resume with every answer intact."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from readiness import storage
from readiness.content.loader import ContentFile, Library, parse_file
from readiness.models.results import AssessmentResult
from readiness.settings import Settings
from readiness.tui.app import ReadinessApp, make_app
from readiness.tui.screens.assessment import QuestionScreen
from readiness.tui.screens.assessment_dialogs import AssessmentResumeDialog, TextPrompt
from readiness.tui.screens.assessment_overview import OverviewScreen
from readiness.tui.screens.assessment_result import ResultScreen
from readiness.tui.widgets.assessment_choices import AnswerChoices
from readiness.tui.widgets.footer import LocalFooter

FIXTURE = Path(__file__).parent.parent / "data" / "assess" / "fixture-check.en.toml"


@pytest.fixture
def content() -> ContentFile:
    found, problems = parse_file(FIXTURE)
    assert found is not None, problems
    return found


def app_for(content: ContentFile, results: Path, **settings: object) -> ReadinessApp:
    config = Settings(results_dir=results, participant="Kim", **settings)  # type: ignore[arg-type]
    return make_app(config, library=Library(files=[content]), start=content, home=False)


def saved(results: Path, app: ReadinessApp | None = None) -> AssessmentResult:
    """The run on disk; with a running `app`, first wait for its background saves."""
    if app is not None:
        for screen in app.screen_stack:
            if isinstance(screen, QuestionScreen):
                screen.session.flush()
    runs, bad = storage.scan_results(results)
    assert not bad
    [(_, result)] = runs
    assert isinstance(result, AssessmentResult)
    return result


def question(app: ReadinessApp) -> str:
    screen = app.screen
    assert isinstance(screen, QuestionScreen), screen
    current = screen.session.current
    assert current is not None
    return current.id


async def type_text(pilot: Pilot[int], text: str) -> None:
    await pilot.press(*[("space" if c == " " else c) for c in text])


async def test_take_the_whole_assessment_with_the_keyboard(
    content: ContentFile, results: Path
) -> None:
    app = app_for(content, results)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert question(app) == "goals"
        await pilot.press("1", "enter")  # yes
        assert saved(results, app).answers["goals"].value == "yes"
        await pilot.press("4", "enter")  # agree
        await pilot.press("1", "3", "enter")  # Instagram + TikTok
        assert saved(results, app).answers["channels"].value == ["a", "c"]
        await pilot.press("down", "enter")  # backing: the cursor starts on nothing; down = Yes
        assert question(app) == "backing-detail"  # the conditional follow-up is asked
        await pilot.press("2", "enter")
        await pilot.press("n")  # budget allows N/A and asks why
        assert isinstance(app.screen, TextPrompt)
        await type_text(pilot, "volunteers only")
        await pilot.press("enter")
        assert question(app) == "impressum"
        await pilot.press("2", "enter", "2", "enter", "2", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ResultScreen)
    result = saved(results)
    assert result.finished
    assert {k: a.value for k, a in result.answers.items()} == {
        "goals": "yes",
        "audience": "4",
        "channels": ["a", "c"],
        "backing": "yes",
        "backing-detail": "mostly",
        "budget": None,
        "impressum": "no",
        "data-leak": "no",
        "privacy": "2",
    }
    assert result.answers["budget"].not_applicable
    assert result.answers["budget"].na_reason == "volunteers only"


async def test_back_skip_note_flag_and_space_toggle(content: ContentFile, results: Path) -> None:
    app = app_for(content, results)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("2", "enter")  # goals: no
        await pilot.press("s")  # skip audience
        assert question(app) == "channels"
        await pilot.press("space", "down", "down", "space")  # toggle a, then c
        await pilot.press("left")  # back to audience without answering channels
        assert question(app) == "audience"
        await pilot.press("backspace")
        assert question(app) == "goals"
        choices = app.screen.query_one(AnswerChoices)
        assert choices.picks == ["no"]  # the saved answer is shown picked
        await pilot.press("e")
        assert isinstance(app.screen, TextPrompt)
        await type_text(pilot, "says the CEO")
        await pilot.press("enter")
        await pilot.press("f")
        await pilot.pause()
        assert question(app) == "goals"  # notes and flags do not move on
        await pilot.press("enter")  # keep "no" and move on
        assert question(app) == "audience"
        await pilot.press("n")  # not allowed here: nothing happens
        assert isinstance(app.screen, QuestionScreen) and question(app) == "audience"
    result = saved(results)
    goals = result.answers["goals"]
    assert (goals.value, goals.note, goals.flagged) == ("no", "says the CEO", True)
    assert result.answers["audience"].skipped
    assert "channels" not in result.answers  # toggled but never confirmed
    assert result.position == "audience"


async def test_enter_without_a_pick_does_not_answer(content: ContentFile, results: Path) -> None:
    app = app_for(content, results)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        assert question(app) == "goals"
        assert not list(results.iterdir())


async def test_click_an_option_answers_it(content: ContentFile, results: Path) -> None:
    app = app_for(content, results)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        choices = app.screen.query_one(AnswerChoices)
        await pilot.click(choices, offset=(6, 2))  # second row inside the border: "No"
        await pilot.pause()
        assert question(app) == "audience"
    assert saved(results).answers["goals"].value == "no"


async def test_overview_jumps_and_shows_what_is_open(content: ContentFile, results: Path) -> None:
    app = app_for(content, results)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("1", "enter", "s", "1", "enter")
        await pilot.press("o")
        assert isinstance(app.screen, OverviewScreen)
        await pilot.press("u")  # next open question after the current one (backing)
        await pilot.press("u")  # then budget, then wrapping round to the skipped audience ...
        await pilot.press("escape")
        assert question(app) == "backing"
        await pilot.press("o", "up", "up", "enter")
        await pilot.pause()
        assert question(app) == "audience"


async def test_result_screen_any_time_and_profile_switch(
    content: ContentFile, results: Path
) -> None:
    app = app_for(content, results)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("1", "enter", "r")
        assert isinstance(app.screen, ResultScreen)
        await pilot.press("p")
        assert saved(results, app).profile == "authority"
        await pilot.press("b")
        await pilot.pause()
        assert question(app) == "audience"
        assert not saved(results, app).finished


async def test_gap_report_hook_gets_the_result_file(content: ContentFile, results: Path) -> None:
    app = app_for(content, results)
    opened: list[Path] = []
    app.open_report = opened.append  # type: ignore[attr-defined]
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("1", "enter", "r", "g")
    assert opened == [storage.result_path(results, saved(results))]


async def test_quit_mid_way_and_resume_with_every_answer_intact(
    content: ContentFile, results: Path
) -> None:
    app = app_for(content, results)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("1", "enter", "5", "enter", "3", "enter", "f", "q")
    assert app.return_code in (0, None)
    before = saved(results)
    assert before.position == "backing" and not before.finished

    again = app_for(content, results)
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(again.screen, AssessmentResumeDialog)
        await pilot.press("r")
        await pilot.pause()
        assert question(again) == "backing"
        screen = again.screen
        assert isinstance(screen, QuestionScreen)
        assert screen.session.result.answers == before.answers
        assert screen.session.result.answers["backing"].flagged
        await pilot.press("left")
        assert screen.query_one(AnswerChoices).picks == ["c"]
    assert saved(results).answers == before.answers


async def test_start_over_keeps_the_old_run(content: ContentFile, results: Path) -> None:
    app = app_for(content, results)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("1", "enter", "q")
    again = app_for(content, results)
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert question(again) == "goals"
        await pilot.press("2", "enter")
    runs, _ = storage.scan_results(results)
    assert sorted(str(r.answers["goals"].value) for _, r in runs) == ["no", "yes"]  # type: ignore[union-attr]


async def test_cancelling_the_resume_dialog_leaves(content: ContentFile, results: Path) -> None:
    app = app_for(content, results)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("1", "enter", "q")
    again = app_for(content, results)
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
    assert again.is_running is False


async def test_profile_from_the_command_line(content: ContentFile, results: Path) -> None:
    app = app_for(content, results, profile="authority")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("1", "enter", "r")
        screen = app.screen
        assert isinstance(screen, ResultScreen)
        assert screen.session.score().profile.id == "authority"  # type: ignore[union-attr]


async def test_a_failed_save_is_reported_and_the_answer_kept(
    content: ContentFile, tmp_path: Path
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    app = app_for(content, blocker)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("1", "enter")
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        screen.session.flush()
        await pilot.pause()
        assert screen.session.result.answers["goals"].value == "yes"  # kept in memory
        assert [n.title for n in app._notifications] == ["Not saved"]
        assert "cannot save results" in next(iter(app._notifications)).message
        blocker.unlink()  # the disk is fine again: the next change saves everything
        await pilot.press("3", "enter")
        result = saved(blocker, app)
    assert (result.answers["goals"].value, result.answers["audience"].value) == ("yes", "3")


async def test_from_home_and_back(content: ContentFile, results: Path) -> None:
    from readiness.tui.screens.home import HomeScreen

    app = make_app(
        Settings(results_dir=results, participant="Kim"), library=Library(files=[content])
    )
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        app.open_content(content)
        await pilot.pause()
        await pilot.press("1", "enter", "escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        app.open_content(content)  # the run just left is offered for resume
        await pilot.pause()
        assert isinstance(app.screen, AssessmentResumeDialog)
        await pilot.press("escape")  # cancel: back home, nothing started
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert saved(results).answers["goals"].value == "yes"


async def test_na_key_stays_in_the_footer_and_explains_where_it_does_not_apply(
    content: ContentFile, results: Path
) -> None:
    """The footer keeps the same keys on every question (nothing jumps around); where the
    author does not allow N/A, pressing n says so instead of asking for a reason."""
    app = app_for(content, results)
    async with app.run_test(size=(100, 24)) as pilot:
        await pilot.pause()
        assert question(app) == "goals"  # N/A not allowed here
        footer = app.screen.query_one(LocalFooter)
        keys = [entry.description for entry in footer.entries]
        assert "N/A" in keys
        await pilot.press("n")
        await pilot.pause()
        assert question(app) == "goals"
        assert not isinstance(app.screen, TextPrompt)
        assert any("applies to every organisation" in str(n.message) for n in app._notifications)
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        assert screen.session.answer_of("goals") is None  # nothing was recorded


async def test_leaving_a_check_answered_to_the_end_points_to_its_result(
    content: ContentFile, results: Path
) -> None:
    """Leaving a half-done check says where to go on; leaving one answered to the end (back
    from its result screen) said the same, inviting the participant to go on with a check
    that had nothing left. It says where the result is instead."""
    from readiness.tui.screens.home import HomeScreen

    app = make_app(
        Settings(results_dir=results, participant="Kim"), library=Library(files=[content])
    )
    told: list[str] = []
    notify = app.notify

    def recorded(message: str, **kwargs: Any) -> None:
        told.append(message)
        notify(message, **kwargs)

    app.notify = recorded  # type: ignore[method-assign]
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.open_content(content)
        await pilot.pause()
        await pilot.press("1", "enter", "escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert (
            told[-1] == "Your answers are saved. Pick this check again to go on where you stopped."
        )
        app.open_content(content)
        await pilot.pause()
        await pilot.press("r")  # continue the run just left
        await pilot.pause()
        await pilot.press("4", "enter", "1", "enter", "down", "enter", "2", "enter")
        await pilot.press("n", "x", "enter")  # budget: does not apply (why: x)
        await pilot.press("2", "enter", "2", "enter", "2", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ResultScreen)
        await pilot.press("b")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert (
        told[-1]
        == "Your answers are saved. The result is under Saved results (r on the home screen)."
    )
