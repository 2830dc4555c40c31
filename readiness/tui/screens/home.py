"""Home: what can I take, in my language, and how long does it take?"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from readiness.content.notes import library_notes
from readiness.i18n import set_address, t
from readiness.tui.contracts import readiness_app
from readiness.tui.laid_out_once import LaidOutOnce
from readiness.tui.screens.home_details import details, item_label, item_tag
from readiness.tui.widgets.header import LocalHeader
from readiness.tui.widgets.steady_footer import SteadyFooter

if TYPE_CHECKING:
    from readiness.content.loader import ContentFile, Library
    from readiness.i18n import Lang
    from readiness.models.results import AnyResult
    from readiness.tui.app import ReadinessApp


def listed(library: Library, kind: str, lang: Lang, all_languages: bool) -> list[ContentFile]:
    """The items of one kind that home lists, and the command palette offers: those in the
    language on screen, or every one while `l` shows all languages."""
    return [
        f for f in library.files if f.kind == kind and (all_languages or f.model.language == lang)
    ]


def start_commands(app: ReadinessApp) -> Iterator[SystemCommand]:
    """The palette's "Start: <title>" commands: the items the home list shows, with the facts
    of its rows (a German participant was offered the English titles beside the German)."""
    library = app.library
    if library is None or app.settings.restricted:
        return
    home = next((s for s in app.screen_stack if isinstance(s, HomeScreen)), None)
    every = home is not None and home.all_languages
    for kind in ("assessment", "scenario"):
        for f in listed(library, kind, app.settings.lang, every):
            yield SystemCommand(
                f"{t('home.start')}: {f.model.title}",
                f"{t(f'home.kind.{kind}')} · {item_tag(f, every)}",
                lambda f=f: app.open_content(f),
            )


class ContentList(OptionList):
    """The option list, with Enter shown in the footer as "Start"."""

    BINDINGS = [Binding("enter", "select", "home.start", id="start")]


class HomeScreen(LaidOutOnce[None]):
    """Lists assessments and scenarios; Enter starts the highlighted one."""

    BINDINGS = [
        # Most important first: where the footer is too narrow, it drops keys from the right
        # (the language toggle first); help lists them all. At 80 columns every one fits, in
        # both languages and either state of the toggles: keep their labels that short.
        Binding("r", "results", "home.results", id="results"),
        # Each toggle has two bindings on one key; `check_action` shows the one that says
        # what pressing it does now.
        Binding("m", "toggle_practice", "home.practice_on", id="practice"),
        Binding("m", "toggle_practice_off", "home.practice_off", id="practice.off"),
        Binding("l", "toggle_languages", "home.all_languages", id="languages"),
        Binding("l", "toggle_languages_off", "home.my_language", id="languages.off"),
        Binding("q", "app.quit", "keys.quit", id="quit"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.all_languages = False
        self._by_option: dict[str, ContentFile] = {}
        self._latest: dict[str, AnyResult] = {}
        """The participant's newest saved run per content id (read in a worker)."""
        self._library: Library | None = None
        self._covered = False
        """Another screen was on top since the home screen was last shown."""

    def compose(self) -> ComposeResult:
        yield LocalHeader()
        with Horizontal(id="home"):
            yield ContentList(id="content-list")
            with VerticalScroll(id="details"):
                yield Static(t("home.loading"), id="details-text")

    async def on_mount(self) -> None:
        set_address(None)  # no content on screen: the product's own voice (Sie)
        library = readiness_app(self).library
        if library is not None:
            self.content_loaded(library)
        # The footer's keys depend on what has focus (Enter starts the highlighted item), and
        # Textual focuses the list only after every composed widget has mounted: a footer
        # composed with the screen showed nothing in the first frame and was built again
        # right after it. So the list takes focus first, and the footer is built once, for it.
        self.set_focus(self.query_one(ContentList))
        await self.mount(SteadyFooter())

    def content_loaded(self, library: Library) -> None:
        """Called by the app once the content worker has finished."""
        if not self.query(ContentList):
            # The worker can finish while the screen is still mounting what it composed;
            # `on_mount` finds the library on the app and fills the list then.
            return
        self._library = library
        self._fill()
        self._read_latest()

    @work(thread=True, exclusive=True, group="home-latest")
    def _read_latest(self) -> None:
        """The last result per item, for the detail pane (file work: off the event loop)."""
        from readiness.storage import scan_results

        settings = readiness_app(self).settings
        try:
            runs, _ = scan_results(settings.results_dir)
        except OSError:
            return
        latest: dict[str, AnyResult] = {}
        for _, result in runs:
            if settings.restricted and result.participant != settings.participant:
                continue
            known = latest.get(result.content_id)
            if known is None or result.updated_at > known.updated_at:
                latest[result.content_id] = result
        self.app.call_from_thread(self._latest_read, latest)

    def _latest_read(self, latest: dict[str, AnyResult]) -> None:
        self._latest = latest
        self._show_details()

    def on_screen_resume(self) -> None:
        if self.is_current:
            # Not when a dialog closed and opened the next screen at once (continuing a
            # saved run): that screen has set its content's du/Sie already.
            set_address(None)
        if self._covered and self._library is not None:
            self._read_latest()  # a run just taken is the new "last result"
        self._covered = False

    def on_screen_suspend(self) -> None:
        # Only coming back from another screen can bring a new result: when the home screen
        # first appears, `content_loaded` has just read the folder (or will once it loads).
        self._covered = True

    def _fill(self) -> None:
        library = self._library
        if library is None:
            return
        lang = readiness_app(self).settings.lang
        options: list[Option | None] = []
        self._by_option.clear()
        for kind, heading in (("assessment", "home.assessments"), ("scenario", "home.scenarios")):
            files = listed(library, kind, lang, self.all_languages)
            options.append(Option(Text(t(heading), style="bold"), disabled=True))
            for f in files:
                key = f"{f.kind}:{f.id}"
                self._by_option[key] = f
                options.append(Option(item_label(f, self.all_languages), id=key))
            options.append(None)
        if options:
            options.pop()  # a separator between the groups, not after the last one
        option_list = self.query_one("#content-list", OptionList)
        # A refill must not move the highlight a participant has already moved (a Down typed
        # ahead in a browser session would otherwise open the first entry).
        kept = self._current()
        option_list.clear_options()
        option_list.add_options(options)
        # Broken files by name with their first error, and files replacing a built-in one.
        notes = library_notes(library, readiness_app(self).settings.lang, short=True)
        if notes:
            self.notify(
                "\n".join(notes),
                severity="warning" if library.broken else "information",
                timeout=12,
                markup=False,
            )
        # Places in the list, which (unlike `options`) has no entries for the separators.
        first = next((i for i, o in enumerate(option_list.options) if not o.disabled), None)
        if kept is not None and f"{kept.kind}:{kept.id}" in self._by_option:
            first = option_list.get_option_index(f"{kept.kind}:{kept.id}")
        if first is not None:
            option_list.highlighted = first
        option_list.focus()

    def _current(self) -> ContentFile | None:
        option_list = self.query_one("#content-list", OptionList)
        if option_list.highlighted is None:
            return None
        option = option_list.get_option_at_index(option_list.highlighted)
        return self._by_option.get(option.id or "")

    @on(OptionList.OptionHighlighted)
    def _highlighted(self) -> None:
        self._show_details()

    def _show_details(self) -> None:
        f = self._current()
        if f is None:
            return
        practice = readiness_app(self).settings.practice
        text = details(f, self._latest.get(f.id), practice)
        self.query_one("#details-text", Static).update(text)

    @on(OptionList.OptionSelected)
    def _selected(self) -> None:
        self.action_start()

    def action_start(self) -> None:
        f = self._current()
        if f is not None:
            readiness_app(self).open_content(f)

    def action_toggle_languages(self) -> None:
        self.all_languages = not self.all_languages
        self._fill()
        self.refresh_bindings()

    def action_toggle_languages_off(self) -> None:
        self.action_toggle_languages()

    def action_toggle_practice(self) -> None:
        """Crisis exercises without countdowns from here on (the CLI's `--practice`)."""
        settings = readiness_app(self).settings
        settings.practice = not settings.practice
        self.notify(t("home.practice_now" if settings.practice else "home.exercise_now"))
        self.refresh_bindings()
        self._show_details()

    def action_toggle_practice_off(self) -> None:
        self.action_toggle_practice()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        practice = readiness_app(self).settings.practice
        shown = {
            "toggle_languages": not self.all_languages,
            "toggle_languages_off": self.all_languages,
            "toggle_practice": not practice,
            "toggle_practice_off": practice,
        }
        return shown.get(action, True)

    def action_results(self) -> None:
        from readiness.tui.screens.results import ResultsScreen

        self.app.push_screen(ResultsScreen())
