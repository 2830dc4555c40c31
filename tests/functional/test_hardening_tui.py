"""The TUI under hostile text and a failing disk (issue 13, points 7-9): markup in a toast or a
file name is shown literally, control characters never reach the terminal, and quitting after
a failed save says where the answers are instead of freezing."""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_budget import examples
from rich.segment import Segment
from rich.text import Text
from textual.color import Color
from textual.geometry import Region
from textual.widget import Widget
from textual.widgets import Static
from textual.widgets._toast import Toast
from train_helpers import FakeClock, begin, let_time_pass, train_app

from readiness import storage
from readiness.authoring.load import load_file
from readiness.content.loader import Library, parse_file
from readiness.models.scenario import Inject
from readiness.settings import Settings
from readiness.text_safety import visible
from readiness.tui.app import ReadinessApp, make_app
from readiness.tui.play_watch import ProblemsScreen, WatchApp
from readiness.tui.safe_text import ControlFilter

DATA = Path(__file__).parent.parent / "data"
ESC = "\x1b"
SLOW = [HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
hostile = st.lists(
    st.one_of(
        st.text(st.characters(codec="utf-8"), max_size=6),
        st.sampled_from(
            ["\x1b[2J", "\x1b]0;PWN\x07", "\x9b31m", "\x00", "\x7f", "\n", "[link=x:y]", "[/]"]
        ),
        st.sampled_from(["[bold red]x[/bold red]", "<script>", "{{ 7*7 }}", "Reporter [WDR]"]),
    ),
    max_size=6,
).map("".join)


def raw_controls(text: str) -> list[str]:
    return [ch for ch in text if (ord(ch) < 32 and ch not in "\n\t") or 0x7F <= ord(ch) <= 0x9F]


def painted(app: ReadinessApp) -> str:
    """Every line the app's widgets would send to the terminal, after the line filters."""
    lines: list[str] = []
    for widget in app.screen.query(Widget):
        width, height = widget.size
        if width and height:
            for strip in widget.render_lines(Region(0, 0, width, height)):
                lines.append("".join(segment.text for segment in strip))
    return "\n".join(lines)


def toast_texts(app: ReadinessApp) -> list[str]:
    return [str(toast.render()) for toast in app.screen.query(Toast)]


@pytest.mark.parametrize(
    "author", ["Lokalzeitung [link=https://lz.de]", "Reporter [WDR]", "[bold red]x[/bold red]"]
)
async def test_an_inject_author_with_markup_is_shown_literally(
    author: str, results: Path, clock: FakeClock
) -> None:
    app = train_app(results)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        screen = await begin(pilot)
        run = screen.session.run
        run.add_inject(
            Inject(id="x", at=run.minute, channel="press", author=author, text="?", urgent=True)
        )
        await let_time_pass(pilot, clock, 1)
        await pilot.pause()
        # Named in the status line (a toast there covered the answer options).
        status = str(screen.query_one("#status", Static).render())
        assert author in status, status
        assert app.is_running


async def test_a_notification_from_any_screen_is_never_markup(results: Path) -> None:
    content, _ = parse_file(DATA / "assess" / "fixture-check.en.toml")
    assert content is not None
    app = make_app(
        Settings(results_dir=results, participant="Kim"),
        library=Library(files=[content]),
        start=content,
        home=False,
    )
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        app.screen.notify("Lokalzeitung [link=https://lz.de] and \x1b[2J", title="[b]T")
        await pilot.pause()
        texts = toast_texts(app)
        assert any("Lokalzeitung [link=https://lz.de] and ␛[2J" in t for t in texts), texts
        assert any("[b]T" in t for t in texts)


async def test_control_characters_in_content_and_names_never_reach_the_terminal(
    tmp_path: Path, clock: FakeClock
) -> None:
    text = (DATA / "train" / "gate.en.toml").read_text(encoding="utf-8")
    text = text.replace('"Nothing to do until the signal comes."', '"\\u001b[2J wiped \\u009b31m"')
    text = text.replace('title = "The gate"', 'title = "Gate \\u001b]0;PWNED\\u0007"')
    (tmp_path / "gate.en.toml").write_text(text, encoding="utf-8")
    content, problems = parse_file(tmp_path / "gate.en.toml")
    assert content is not None, problems
    settings = Settings(results_dir=tmp_path / "res", participant=f"kim{ESC}]0;X\x07")
    app = make_app(settings, library=Library(files=[content]), start=content, home=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await begin(pilot)
        # Text that reached a widget raw (typed, pasted, from a future loader) is still
        # kept off the terminal by the app's line filter.
        await app.screen.mount(Static(Text(f"raw {ESC}[2J here")))
        await pilot.pause()
        shown = painted(app)
        assert "␛[2J wiped ␛[31m" in shown and "raw [2J here" in shown
        assert raw_controls(shown) == []


def test_the_line_filter_drops_control_characters_and_keeps_widths() -> None:
    segments = [Segment("ok "), Segment(f"a{ESC}[2Jb\x9b"), Segment("\tend")]
    out = ControlFilter().apply(segments, Color(0, 0, 0))
    assert [s.text for s in out] == ["ok ", "a[2Jb", "\tend"]
    assert sum(s.cell_length for s in out) == sum(s.cell_length for s in segments)
    plain = [Segment("nothing to do")]
    assert ControlFilter().apply(plain, Color(0, 0, 0)) is plain


async def test_a_broken_file_whose_name_is_markup_shows_its_problems(tmp_path: Path) -> None:
    path = tmp_path / "bad[link=a:b].en.toml"
    path.write_text('kind = "scenaro"\n', encoding="utf-8")
    content, problems = load_file(path)
    app = WatchApp(Settings(lang="en", results_dir=tmp_path / "x"), path, content, problems, True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ProblemsScreen)
        assert "bad[link=a:b].en.toml" in painted(app)


async def test_quitting_after_a_failed_save_says_where_the_answers_are(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "results-is-a-file"
    blocker.write_text("x")
    content, _ = parse_file(DATA / "assess" / "fixture-check.en.toml")
    assert content is not None
    name = f"Kim {tmp_path.name}"
    app = make_app(
        Settings(results_dir=blocker, participant=name),
        library=Library(files=[content]),
        start=content,
        home=False,
    )
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("1", "enter")
        await pilot.pause()
        await pilot.press("q")  # froze for good before: the UI thread and the saver waited
        await pilot.pause()
    assert app.return_code == 1
    message = " ".join(capfd.readouterr().err.split())
    assert "could not be saved to the results folder" in message
    assert storage.RECOVERY_FOLDER in message and "File exists" in message
    folder = Path(tempfile.gettempdir()) / storage.RECOVERY_FOLDER
    [copy] = folder.glob(storage.runs_glob(name))
    recovered = storage.load_result(copy)
    assert recovered.participant == name and recovered.answers["goals"].value == "yes"
    copy.unlink()


# --- property: a few random texts as an inject author and in a notification (issue 13, 15)


@settings(max_examples=examples(30), deadline=None, suppress_health_check=SLOW)
@given(author=hostile.filter(lambda s: s.strip() != ""), text=hostile)
def test_random_text_in_the_tui_is_shown_never_obeyed(
    author: str, text: str, clock: FakeClock
) -> None:
    async def play() -> list[str]:  # hypothesis runs sync tests: one event loop per example
        with tempfile.TemporaryDirectory() as tmp:
            app = train_app(Path(tmp))
            async with app.run_test(size=(100, 30), notifications=True) as pilot:
                screen = await begin(pilot)
                run = screen.session.run
                run.add_inject(
                    Inject(
                        id="x",
                        at=run.minute,
                        channel="press",
                        author=visible(author),
                        text=visible(text).strip() or "?",
                        urgent=True,
                    )
                )
                app.screen.notify(author + " " + text)
                await let_time_pass(pilot, clock, 1)
                await pilot.pause()
                assert app.is_running
                return [str(toast.render()) for toast in app.screen.query(Toast)]

    toasts = asyncio.run(play())
    assert toasts and all(raw_controls(t) == [] for t in toasts)
    assert any(visible(author).strip() in t for t in toasts)
