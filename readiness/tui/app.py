"""App wiring: settings, content loading in a worker, screen routing. No business logic here."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from textual import events, on
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette
from textual.filter import ANSIToTruecolor, LineFilter
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.worker import get_current_worker

from readiness.i18n import set_language, t
from readiness.settings import Settings
from readiness.text_safety import visible
from readiness.tui import strip_cycles
from readiness.tui.gc_pauses import CollectorTuning
from readiness.tui.keys import footer_keys
from readiness.tui.prompt_paint import PromptPaint
from readiness.tui.safe_text import ScreenTextFilter
from readiness.tui.textual_internals import (
    LocalCommandPalette,
    install_alike_rows_drawn_once,
    install_changed_widgets_drawn_alone,
    install_quiet_scroll_views,
    repeats_known_size,
)

TYPED = (events.Key, events.Paste)
"""Events that carry what the participant typed."""
INPUT = (*TYPED, events.MouseDown, events.MouseUp)
"""Events of the participant's own doing: their effect is painted at once. (Tuples made once:
`on_event` sees every event of the app.)"""
SCREENSHOT = "screenshot"
"""The name Textual gives the delivery of `deliver_screenshot` (its events carry it)."""

if TYPE_CHECKING:  # the loader pulls in pydantic: imported in the worker, after first paint
    from readiness.content.loader import ContentFile, Library
    from readiness.tui.follow import Follower


class ReadinessApp(App[int]):
    """The readiness terminal app."""

    follows_facilitator: bool = True
    """Workshop sessions obey the facilitator's control file (the dashboard itself does not)."""

    CSS_PATH = "app.tcss"
    TITLE = "readiness"
    ALLOW_IN_MAXIMIZED_VIEW = "LocalFooter"
    """A maximized widget keeps the footer below it (Textual's default names its own footer)."""
    # Descriptions are catalog keys, translated where they are shown (readiness.tui.keys).
    BINDINGS = [
        Binding("question_mark", "help", "keys.help", id="help"),
        # F1 too, on every screen: in a text field ? is typed (the footer then shows "F1
        # Help"), and over a dialog or the briefing only priority keys reach the app.
        Binding("f1", "help", "keys.help", id="help.f1", priority=True),
        Binding("ctrl+q", "quit", "keys.quit", id="quit", priority=True, show=False),
        # Textual adds its own Ctrl+P binding labelled "palette" unless the app has one.
        Binding(
            "ctrl+p",
            "command_palette",
            "keys.palette",
            id="palette",
            show=False,
            priority=True,
            tooltip="palette.tooltip",
        ),
    ]

    def __init__(
        self,
        settings: Settings,
        library: Library | None = None,
        start: ContentFile | None = None,
        home: bool = True,
    ) -> None:
        set_language(settings.lang)
        super().__init__()
        if "TEXTUAL_ANIMATIONS" not in os.environ:
            # A tab switch slid its underline over 18 frames, each a repaint (in a workshop,
            # sent to every browser in the room), and keys pressed meanwhile waited behind
            # them. Nothing here needs motion to be understood; TEXTUAL_ANIMATIONS=full
            # brings it back.
            self.animation_level = "none"
        self.settings = settings
        self.library: Library | None = library
        self._start = start
        self._home = home
        self.sub_title = t("app.subtitle")
        self._collector = CollectorTuning()
        strip_cycles.install()  # less cyclic garbage per paint (see the module)
        install_quiet_scroll_views()  # no scroll bar repaint per layout pass (see there)
        install_alike_rows_drawn_once()  # rows that are the same drawn once (see there)
        install_changed_widgets_drawn_alone()  # unchanged widgets not drawn (see there)
        self._text_filter = ScreenTextFilter()
        self._line_filters: list[ScreenTextFilter] = []
        """The one filter of `get_line_filters` while Textual's only one converts colours
        (made at the first paint, and again for each new conversion)."""
        self.facilitator_follower: Follower | None = None
        """Set once the session follows a workshop's control file (`readiness.tui.follow`)."""
        self.began_at = datetime.now(UTC).replace(microsecond=0)
        """When the session began (whole seconds, as the control file's times): a facilitator's
        command issued since then is for this session, even one issued while a browser
        participant was still joining or before the session's follower was up."""
        self.pseudonym_asked = False
        """A workshop participant is asked for a pseudonym once per session, not per run."""

    def on_unmount(self) -> None:
        self._collector.stop()

    async def on_event(self, event: events.Event) -> None:
        """Keys typed after the way out was taken (`q` then `r`, quickly) are dropped: they
        opened screens in an app that was already closing, which failed on the way out.
        Every other key, paste or click is noted on the screen, which then paints what it
        changed as soon as it is idle (`PromptPaint.note_input`)."""
        # Textual sets the return code when `exit` is called (it is None until then).
        if self.return_code is not None and isinstance(event, TYPED):
            return
        if isinstance(event, INPUT):
            screen = self.screen_stack[-1] if self.screen_stack else None
            if isinstance(screen, PromptPaint):
                screen.note_input()  # painted at once when idle (`readiness.tui.prompt_paint`)
        await super().on_event(event)

    async def _on_resize(self, event: events.Resize) -> None:
        """A terminal repeating the size the app has is not a resize: without this, the
        first screen was laid out and painted a second time right after its first frame
        (see `repeats_known_size`). Textual's own handler is skipped for it."""
        if repeats_known_size(self, event):
            event.prevent_default()
            event.stop()

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every notification is plain text: messages carry inject authors, titles, names
        and paths, and markup in them (`[link=…]`) must neither crash nor vanish."""
        del markup
        super().notify(
            visible(message), title=visible(title), severity=severity, timeout=timeout, markup=False
        )

    def get_line_filters(self) -> Sequence[LineFilter]:
        """Textual's filters, then ours (`ScreenTextFilter`): control characters kept off the
        terminal, emoji drawn as wide as they were laid out (`readiness.tui.emoji_cells`).
        When Textual's only filter is its colour conversion (the usual case), one filter does
        both: a new one whenever Textual makes a new conversion (another theme), so no line
        drawn under the old one is taken from the lines' caches."""
        filters = super().get_line_filters()
        if len(filters) == 1 and isinstance(filters[0], ANSIToTruecolor):
            if not self._line_filters or self._line_filters[0].truecolor is not filters[0]:
                self._line_filters = [ScreenTextFilter(filters[0])]
            return self._line_filters
        return [*filters, self._text_filter]

    def on_mount(self) -> None:
        self._collector.start()  # fewer garbage-collector pauses during key presses
        if self._home:
            from readiness.tui.screens.home import HomeScreen

            self.push_screen(HomeScreen())
        if self.library is None:
            # Paint first, then read content: the home screen appears at once.
            self.call_after_refresh(self.load_content)
        if self._start is not None:
            self.open_content(self._start)
        # Workshops: follow the facilitator's start/pause/inject (readiness.tui.follow).
        from readiness.tui.follow import attach

        attach(self)

    def load_content(self) -> None:
        """Read content in a thread so the first screen paints at once."""
        self.run_worker(self._load, thread=True, exclusive=True, group="content")

    def _load(self) -> None:
        from readiness.content.loader import load_library

        library = load_library(self.settings.content_dirs)
        if not get_current_worker().is_cancelled:
            self.call_from_thread(self._loaded, library)

    def _loaded(self, library: Library) -> None:
        from readiness.tui.contracts import ContentAware

        self.library = library
        for screen in self.screen_stack:
            if isinstance(screen, ContentAware):
                screen.content_loaded(library)

    def open_content(self, content: ContentFile) -> None:
        """Start an assessment or scenario on top of the current screen."""
        # Each kind's module owns its resume dialog and screens; the app only routes.
        # Imported here so start-up does not pay for screens nobody has opened yet.
        from readiness.tui.screens.assessment import start as start_assessment
        from readiness.tui.screens.join import ensure_pseudonym
        from readiness.tui.screens.scenario import start as start_scenario

        start = start_assessment if content.kind == "assessment" else start_scenario
        # Workshops: a pseudonym is asked once first (readiness.tui.screens.join).
        ensure_pseudonym(self, lambda: start(self, content))

    def open_report(self, result_path: Path) -> None:
        """The gap report of a saved run (with the participant's other runs)."""
        from readiness.tui.screens.report import ReportScreen

        self.push_screen(ReportScreen(result_path))

    def action_help(self) -> None:
        from readiness.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def get_key_display(self, binding: Binding) -> str:
        """Keys in the footer as people say them: "Strg+Q", "Esc", "?" instead of Textual's
        `^q`, `esc` (readiness.tui.keys)."""
        return footer_keys(binding)

    def action_command_palette(self) -> None:
        """Textual's palette, with its placeholder and "no matches" in the user's language."""
        if self.use_command_palette and not isinstance(self.screen, CommandPalette):
            self.push_screen(
                LocalCommandPalette(
                    placeholder=t("palette.placeholder"),
                    no_matches=t("palette.no_matches"),
                    id="--command-palette",
                )
            )

    def search_themes(self) -> None:
        """The theme picker of the "Theme" command, in the user's language."""
        from textual.theme import ThemeProvider

        self.push_screen(
            LocalCommandPalette(
                [ThemeProvider],
                placeholder=t("palette.themes"),
                no_matches=t("palette.no_matches"),
            )
        )

    def action_help_quit(self) -> None:
        """Ctrl+C outside a text field: Textual's hint how to quit, in the user's language."""
        for active in self.active_bindings.values():
            if active.binding.action in ("quit", "app.quit"):
                key = footer_keys(active.binding)
                self.notify(t("palette.quit_hint", keys=key), title=t("palette.quit_title"))
                return

    @on(events.DeliveryComplete)
    def _screenshot_saved(self, event: events.DeliveryComplete) -> None:
        """The palette's screenshot said in the user's language, in place of Textual's
        English note (whose colour markup would show here as text: notes are plain)."""
        if event.name == SCREENSHOT:
            event.prevent_default()  # Textual's own handler, on `App`
            saved = t("palette.screenshot.saved", path=str(event.path)) if event.path else ""
            self.notify(saved or t("palette.screenshot.sent"), title=t("palette.screenshot"))

    @on(events.DeliveryFailed)
    def _screenshot_failed(self, event: events.DeliveryFailed) -> None:
        """A screenshot that could not be saved, and why, in the user's language."""
        if event.name == SCREENSHOT:
            from readiness.tui.error_text import said

            event.prevent_default()
            error = event.exception
            reason = said(error) if isinstance(error, Exception) else str(error)
            self.notify(
                t("palette.screenshot.failed", reason=reason),
                title=t("palette.screenshot"),
                severity="error",
            )

    def save_screenshot_for_user(self) -> None:
        """The palette's screenshot: in the Downloads folder as Textual saves it, or, where
        there is none (a server, a fresh account), in the folder the app was started from:
        Textual's own choice failed there with "no such file or directory"."""
        from platformdirs import user_downloads_path

        downloads = user_downloads_path()
        self.deliver_screenshot(path=str(downloads if downloads.is_dir() else Path.cwd()))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Textual's system commands (theme, quit, maximize, screenshot) in the user's
        language, and "Keys" opens readiness' own help, which names the keys of the screen
        as people say them (Textual's key panel shows raw key names)."""
        yield SystemCommand(t("palette.theme"), t("palette.theme.help"), self.action_change_theme)
        yield SystemCommand(t("palette.quit"), t("palette.quit.help"), self.action_quit)
        yield SystemCommand(t("palette.keys"), t("help.command"), self.action_help)
        if screen.maximized is not None:
            yield SystemCommand(
                t("palette.minimize"), t("palette.minimize.help"), screen.action_minimize
            )
        elif screen.focused is not None and screen.focused.allow_maximize:
            yield SystemCommand(
                t("palette.maximize"), t("palette.maximize.help"), screen.action_maximize
            )
        yield SystemCommand(
            t("palette.screenshot"),
            t("palette.screenshot.help"),
            lambda: self.set_timer(0.1, self.save_screenshot_for_user),
        )
        from readiness.tui.screens.home import start_commands

        yield from start_commands(self)  # what the home list shows, as it shows it


def make_app(
    settings: Settings,
    library: Library | None = None,
    start: ContentFile | None = None,
    home: bool = True,
) -> ReadinessApp:
    """The one factory the CLI and the tests use."""
    return ReadinessApp(settings, library=library, start=start, home=home)


def results_dir(app: App[object]) -> Path:
    """The results folder of the running ReadinessApp."""
    assert isinstance(app, ReadinessApp)
    return app.settings.results_dir
