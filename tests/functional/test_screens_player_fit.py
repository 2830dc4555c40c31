"""Nothing hidden in the crisis player (issue 14, points 1-4 and 10): the whole briefing can
be read with the keyboard, every meter shows, the options and the clock stay on screen under
a countdown, and a countdown that runs out says so."""

from __future__ import annotations

from pathlib import Path

import pytest
from builtin_library import builtin_library
from rich.cells import cell_len
from textual.widgets import OptionList, Static, TextArea
from train_helpers import FakeClock, begin, key_for, let_time_pass, opened, saved, train_app

from readiness.engine import clock_label
from readiness.models.scenario import Inject, Reply
from readiness.settings import Settings
from readiness.tui.app import make_app
from readiness.tui.emoji_cells import terminal_safe
from readiness.tui.screens.scenario_dialogs import BriefingScreen
from readiness.tui.widgets.meters import Meters
from readiness.tui.widgets.steady_footer import SteadyFooter
from readiness.tui.widgets.tab_line import TabLine

LIBRARY = builtin_library()


def leaked_photos(results: Path, lang: str = "en") -> object:
    content = LIBRARY.get(f"leaked-photos-{lang}", "scenario")
    assert content is not None
    settings = Settings(lang=lang, results_dir=results, participant="kim", seed=1)  # type: ignore[arg-type]
    return make_app(settings, library=LIBRARY, start=content, home=False)


@pytest.mark.parametrize("size", [(80, 24), (100, 30)])
async def test_briefing_scrolls_to_its_end_with_the_keyboard(
    results: Path, clock: FakeClock, size: tuple[int, int]
) -> None:
    app = leaked_photos(results)
    async with app.run_test(size=size) as pilot:  # type: ignore[attr-defined]
        await opened(pilot)  # the briefing opens once the results folder was looked at
        screen = app.screen  # type: ignore[attr-defined]
        assert isinstance(screen, BriefingScreen)
        body = screen.query_one("#briefing-body")
        assert app.focused is body  # type: ignore[attr-defined]
        hint = screen.query_one("#briefing-more", Static)
        for _ in range(20):  # the hint is set once the briefing's size is known
            if str(hint.render()):
                break
            await pilot.pause()
        assert "More below" in str(hint.render())
        await pilot.press("end")
        await pilot.pause()
        assert body.scroll_y == body.max_scroll_y > 0
        assert "End of the briefing" in str(hint.render())
        assert "Press p" in str(screen.query_one("#briefing-body Static", Static).render())
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, BriefingScreen)  # type: ignore[attr-defined]


async def test_briefing_grows_on_a_big_terminal(results: Path, clock: FakeClock) -> None:
    """At 160x50 the whole leaked-photos briefing fits: no hint, nothing to scroll."""
    app = leaked_photos(results)
    async with app.run_test(size=(160, 50)) as pilot:  # type: ignore[attr-defined]
        await opened(pilot)
        await pilot.pause()
        body = app.screen.query_one("#briefing-body")  # type: ignore[attr-defined]
        assert body.size.height > 20  # the box held 12 rows at every size
        assert body.max_scroll_y == 0
        assert not app.screen.query_one("#briefing-more").display  # type: ignore[attr-defined]


@pytest.mark.parametrize("size", [(110, 30), (120, 40), (160, 50)])
async def test_every_meter_shows_side_by_side(
    results: Path, clock: FakeClock, size: tuple[int, int]
) -> None:
    app = leaked_photos(results)
    async with app.run_test(size=size) as pilot:  # type: ignore[attr-defined]
        await begin(pilot)
        meters = app.screen.query_one(Meters)  # type: ignore[attr-defined]
        lines = [strip.text for strip in meters.render_lines(meters.region.reset_offset)]
        shown = " ".join(" ".join(lines).replace("│", " ").split())
        for var in meters.variables:
            assert " ".join(meters.titles[var.id].split()) in shown
        assert meters.region.height >= len(meters.variables)  # nothing below the box


async def test_options_and_clock_stay_on_screen_under_a_countdown(
    results: Path, clock: FakeClock
) -> None:
    """80x24: every option fits below the situation, messages arriving never put a toast on
    them (the status line names them), and the clock leads the status line."""
    app = leaked_photos(results)
    async with app.run_test(size=(80, 24)) as pilot:  # type: ignore[attr-defined]
        screen = await begin(pilot)
        for _ in range(3):
            options = screen.query_one("#choices", OptionList)
            footer_top = app.size.height - 1  # type: ignore[attr-defined]
            assert options.region.bottom <= footer_top
            assert options.max_scroll_y == 0  # every line of every option shows
            await pilot.press("1")
            await pilot.pause()
        run = screen.session.run
        run.add_inject(
            Inject(id="x", at=run.minute, channel="chat", author="Pia", text="?", urgent=True)
        )
        await let_time_pass(pilot, clock, 1)
        status = str(screen.query_one("#status", Static).render())
        assert status.startswith(clock_label(run.scenario.clock.start, run.minute))
        assert "New: Pia (team chat)" in status
        assert not [n for n in app._notifications if "New:" in str(n.message)]  # type: ignore[attr-defined]
        assert screen.query_one(TabLine).active == "tab-decision"


async def test_an_expired_countdown_says_what_happened(results: Path, clock: FakeClock) -> None:
    app = train_app(results)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await begin(pilot)
        notice = screen.query_one("#step-notice", Static)
        assert not notice.display
        await let_time_pass(pilot, clock, 31)  # "first" has 30 seconds
        assert screen.session.run.result.steps[-1].timed_out
        assert notice.display
        text = str(notice.render())
        assert "Time ran out at “A post is growing”" in text
        timeout = screen.session.run.nodes["first"].timeout  # type: ignore[union-attr]
        assert timeout is not None and timeout.feedback[:30] in text


async def test_choosing_to_wait_is_no_expired_countdown(results: Path, clock: FakeClock) -> None:
    app = train_app(results, practice=True)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await begin(pilot)
        await pilot.press("4")  # practice adds "wait and watch" after the three choices
        await pilot.pause()
        assert screen.session.run.result.steps[-1].timed_out
        assert not screen.query_one("#step-notice", Static).display


@pytest.mark.parametrize("text", ["bin 🗑️ here", "next ➡️", "dev 👩‍💻 team", "key 1️⃣", "plain ✨"])
def test_emoji_are_drawn_as_wide_as_laid_out(text: str) -> None:
    """Rich counts 🗑️ as two cells; a terminal that ignores the selector draws one and
    shifted the border after it. The filter leaves text whose width no terminal disputes."""
    safe = terminal_safe(text)
    assert cell_len(safe) == cell_len(text)
    assert "\ufe0f" not in safe and "\u200d" not in safe


async def test_a_reply_step_has_a_visible_way_out(results: Path, clock: FakeClock) -> None:
    """In the reply box q is text; Esc leaves (everything is saved), and the footer offers
    Esc alone."""
    app = train_app(results)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await begin(pilot)
        await pilot.press(key_for(screen, "answer"))
        await pilot.pause()
        assert isinstance(screen.session.run.node, Reply)
        await pilot.press("q")
        await pilot.pause()
        assert app.screen is screen
        assert screen.query_one(TextArea).text.endswith("q")  # q was typed, not obeyed
        footer = screen.query_one(SteadyFooter)
        keys = [f"{entry.key_display} {entry.description}" for entry in footer.entries]
        # Esc alone: "q/Esc" offered a key the box had just typed.
        assert any(key.startswith("Esc ") and "Leave" in key for key in keys), keys
        assert not any("q/Esc" in key for key in keys), keys
        await pilot.press("escape")
        await pilot.pause()
        assert not app.is_running or app.screen is not screen
    assert saved(results)[0].steps  # the run was saved for resuming


async def test_the_debrief_text_has_the_keyboard_and_arrows_switch_tabs(
    results: Path, clock: FakeClock
) -> None:
    from textual.containers import VerticalScroll

    from readiness.tui.screens.scenario_debrief import DebriefScreen

    app = train_app(results)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await begin(pilot)
        await pilot.press(key_for(screen, "delete"))
        await pilot.pause()
        await pilot.press(key_for(screen, "explain"))
        for _ in range(20):
            await pilot.pause()
            if isinstance(app.screen, DebriefScreen):
                break
        debrief = app.screen
        assert isinstance(debrief, DebriefScreen)
        await pilot.pause()
        assert isinstance(app.focused, VerticalScroll)
        assert debrief.active_tab == "tab-overview"
        await pilot.press("right")
        await pilot.pause()
        await pilot.pause()
        assert debrief.active_tab == "tab-timeline"
        assert isinstance(app.focused, VerticalScroll)
        assert app.focused in debrief.pane("tab-timeline").query(VerticalScroll)
