"""Keys, footer, help and command palette in the app's language, whatever was imported when.

Every screen module is imported at the top of this file, in English, before any app exists:
the order in which the German key labels used to freeze in English."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from pathlib import Path

import pytest
from textual.binding import Binding
from textual.command import CommandInput
from textual.dom import DOMNode
from textual.widgets import Static

import readiness.tui
from readiness.content.loader import load_paths
from readiness.i18n import set_address, set_language, t
from readiness.settings import Settings
from readiness.tui.app import ReadinessApp, make_app
from readiness.tui.keys import help_keys, is_label_key, key_name, label
from readiness.tui.screens.help import HelpScreen
from readiness.tui.screens.home import HomeScreen
from readiness.tui.widgets.footer import LocalFooter

DATA = Path(__file__).parent.parent / "data"

MODULES = [
    importlib.import_module(info.name)
    for info in pkgutil.walk_packages(readiness.tui.__path__, "readiness.tui.")
    if info.name != "readiness.tui.serve_server"  # needs textual-serve; has no bindings
]


def tui_bindings() -> list[tuple[str, Binding]]:
    found = []
    for module in MODULES:
        for name, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, DOMNode) and cls.__module__ == module.__name__:
                for binding in cls.__dict__.get("BINDINGS", []):
                    if isinstance(binding, Binding) and binding.description:
                        found.append((f"{module.__name__}.{name}", binding))
    return found


def test_every_key_label_is_a_catalog_key_not_frozen_text() -> None:
    """Text built at import would stay in the language current then; a catalog key is
    translated where it is shown."""
    bindings = tui_bindings()
    assert len(bindings) > 40
    frozen = [
        f"{owner}: {b.description!r}" for owner, b in bindings if not is_label_key(b.description)
    ]
    assert frozen == []


@pytest.mark.parametrize(
    ("key", "lang", "short", "expected"),
    [
        ("ctrl+q", "de", False, "Strg+Q"),
        ("ctrl+q", "en", False, "Ctrl+Q"),
        ("question_mark", "de", False, "?"),
        ("escape", "de", False, "Esc"),
        ("enter", "de", False, "Eingabe"),
        ("enter", "en", False, "Enter"),
        ("enter", "de", True, "⏎"),
        ("space", "de", False, "Leertaste"),
        ("right", "de", False, "→"),
        ("f9", "de", False, "F9"),
        ("shift+tab", "de", False, "Umschalt+Tab"),
        ("pagedown", "de", False, "Bild↓"),
        ("q", "de", False, "q"),
    ],
)
def test_keys_are_named_as_people_say_them(key: str, lang: str, short: bool, expected: str) -> None:
    set_language(lang)
    assert key_name(key, short=short) == expected


def test_help_names_every_key_of_an_action_unless_the_author_summed_them_up() -> None:
    set_language("de")
    assert (
        help_keys([Binding("escape", "x", "keys.back"), Binding("q", "x", "keys.back")])
        == "Esc / q"
    )
    assert help_keys([Binding("enter", "x", "keys.back", key_display="⏎")]) == "Eingabe"
    assert help_keys([Binding("1", "x", "keys.back", key_display="1-9")]) == "1-9"


def app_for(lang: str, results: Path) -> ReadinessApp:
    library = load_paths([DATA / "foundation", DATA / "report"], with_builtin=False)
    return make_app(Settings(lang=lang, results_dir=results), library=library)  # type: ignore[arg-type]


def footer_entries(app: ReadinessApp) -> list[tuple[str, str]]:
    footer = app.screen.query_one(LocalFooter)
    return [(entry.key_display, entry.description) for entry in footer.entries]


@pytest.mark.parametrize(
    ("lang", "footer", "help_lines", "placeholder", "commands"),
    [
        (
            "de",
            [("⏎", "Starten"), ("r", "Ergebnisse"), ("Strg+P", "Befehle")],
            ["Eingabe  Starten", "q / Strg+Q  Beenden", "? / F1  Hilfe"],
            "Befehl suchen …",
            {"Farbschema", "Beenden", "Tasten und Hilfe", "Bildschirmfoto"},
        ),
        (
            "en",
            [("⏎", "Start"), ("r", "Saved results"), ("Ctrl+P", "commands")],
            ["Enter  Start", "q / Ctrl+Q  Quit", "? / F1  Help"],
            "Search for commands…",
            {"Theme", "Quit", "Keys and help", "Screenshot"},
        ),
    ],
)
async def test_footer_help_and_palette_speak_the_apps_language(
    lang: str,
    footer: list[tuple[str, str]],
    help_lines: list[str],
    placeholder: str,
    commands: set[str],
    results: Path,
) -> None:
    set_language("en" if lang == "de" else "de")  # the other language was current at import
    app = app_for(lang, results)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        entries = footer_entries(app)
        assert all(entry in entries for entry in footer), entries
        assert not any("^" in keys or text == "palette" for keys, text in entries)

        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        shown = str(app.screen.query_one(Static).render())
        lines = [" ".join(line.split()) for line in shown.splitlines()]
        for expected in help_lines:
            assert " ".join(expected.split()) in lines, shown
        assert "question_mark" not in shown and "ctrl+q" not in shown and "escape" not in shown
        await pilot.press("escape")

        titles = {c.title for c in app.get_system_commands(app.screen)}
        assert commands <= titles
        assert not {"Keys", "Maximize"} & titles if lang == "de" else True
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert app.screen.query_one(CommandInput).placeholder == placeholder


async def test_ctrl_c_says_how_to_quit_in_the_apps_language(results: Path) -> None:
    app = app_for("de", results)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.action_help_quit()
        await pilot.pause()
        messages = [str(n.message) for n in app._notifications]
        assert messages == [t("palette.quit_hint", "de", keys="q")]
        assert label("keys.quit") == "Beenden"


@pytest.mark.parametrize(
    ("ident", "closing"),
    [
        ("leaked-photos-de", "Alles, was du beantwortest, wird sofort gespeichert."),
        ("institutional-readiness-de", "Alles, was Sie beantworten, wird sofort gespeichert."),
    ],
)
async def test_help_closes_in_the_form_of_address_of_the_content_below(
    ident: str, closing: str, results: Path
) -> None:
    """leaked-photos-de says du, institutional-readiness-de Sie: so does the help over it."""
    from builtin_library import builtin_library

    library = builtin_library()
    content = library.get(ident)
    assert content is not None
    settings = Settings(lang="de", results_dir=results, participant="kim")
    app = make_app(settings, library=library, start=content, home=False)
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            if ident.startswith("leaked"):
                await pilot.press("enter")  # past the briefing, into the player
                await pilot.pause()
            await pilot.press("question_mark")
            await pilot.pause()
            assert isinstance(app.screen, HelpScreen)
            shown = " ".join(str(app.screen.query_one(Static).render()).split())
            assert shown.endswith(closing), shown
            other = "Sie beantworten" if "du " in closing else "du beantwortest"
            assert other not in shown
    finally:
        set_language("en")
        set_address(None)
