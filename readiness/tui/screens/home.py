"""Home: what can I take, in my language, and how long does it take?"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from readiness.i18n import set_address, t
from readiness.tui.contracts import readiness_app

if TYPE_CHECKING:
    from readiness.content.loader import ContentFile, Library


class ContentList(OptionList):
    """The option list, with Enter shown in the footer as "Start"."""

    BINDINGS = [Binding("enter", "select", t("home.start"), id="start")]


class HomeScreen(Screen[None]):
    """Lists assessments and scenarios; Enter starts the highlighted one."""

    BINDINGS = [
        Binding("l", "toggle_languages", t("home.all_languages"), id="languages"),
        Binding("r", "results", t("home.results"), id="results"),
        Binding("q", "app.quit", t("keys.quit"), id="quit"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.all_languages = False
        self._by_option: dict[str, ContentFile] = {}
        self._library: Library | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="home"):
            yield ContentList(id="content-list")
            with VerticalScroll(id="details"):
                yield Static(t("home.loading"), id="details-text")
        yield Footer()

    def on_mount(self) -> None:
        set_address(None)  # no content on screen: the product's own voice (Sie)
        library = readiness_app(self).library
        if library is not None:
            self.content_loaded(library)

    def content_loaded(self, library: Library) -> None:
        """Called by the app once the content worker has finished."""
        self._library = library
        self._fill()

    def _fill(self) -> None:
        library = self._library
        if library is None:
            return
        lang = readiness_app(self).settings.lang
        options: list[Option | None] = []
        self._by_option.clear()
        for kind, heading in (("assessment", "home.assessments"), ("scenario", "home.scenarios")):
            files = [
                f
                for f in library.files
                if f.kind == kind and (self.all_languages or f.model.language == lang)
            ]
            options.append(Option(Text(t(heading), style="bold"), disabled=True))
            for f in files:
                key = f"{f.kind}:{f.id}"
                self._by_option[key] = f
                label = Text.assemble(
                    (f"{f.model.title}", ""),
                    (f"  {f.model.duration_minutes} min", "dim"),
                    (f"  {f.model.language}" if self.all_languages else "", "dim"),
                )
                options.append(Option(label, id=key))
            options.append(None)
        option_list = self.query_one("#content-list", OptionList)
        option_list.clear_options()
        option_list.add_options(options)
        if library.broken:
            self.notify(t("home.broken", count=len(set(library.broken))), severity="warning")
        first = next((i for i, o in enumerate(options) if o is not None and not o.disabled), None)
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
    def _show_details(self) -> None:
        f = self._current()
        if f is None:
            return
        m = f.model
        kind = t(f"home.kind.{f.kind}")
        text = Text()
        text.append(m.title + "\n", style="bold")
        text.append(
            f"{kind} · {m.language} · {m.duration_minutes} min · v{m.version}\n\n", style="dim"
        )
        text.append(m.summary + "\n")  # Text.append never parses markup: content stays text
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

    def action_results(self) -> None:
        from readiness.tui.screens.results import ResultsScreen

        self.app.push_screen(ResultsScreen())
