"""Key names as people say them, and key labels in the language on screen.

Textual shows `ctrl+q` as `^q`, Esc as `esc` and the help shows the binding's raw key name
(`question_mark`). A German user says "Strg+Q", "Esc", "Eingabe", "Leertaste". The names come
from the catalogs (`keys.toml`), so a third language brings its own.

Key labels (a binding's description) are catalog keys, not text: `Binding("q", "quit",
"keys.quit")`. Class-level `BINDINGS` are evaluated when a module is imported, which may be
before the app has set the language; text built there would stay in whichever language was
current then. The footer (`readiness.tui.widgets.footer`), the help screen and the command
palette translate the key when they show it, so they always speak the app's language.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.keys import format_key

from readiness.i18n import DEFAULT_LANGUAGE, has_key, t

_MODIFIERS = ("ctrl", "shift", "alt", "meta", "super", "hyper")


def label(description: str) -> str:
    """The text of a key label: the catalog entry when `description` is a catalog key, else
    the description as it is (Textual's own bindings, which are never shown in the footer)."""
    if description and has_key(description, DEFAULT_LANGUAGE):
        return t(description)
    return description


def is_label_key(description: str) -> bool:
    """True when a binding's description is one of readiness' catalog keys."""
    return bool(description) and has_key(description, DEFAULT_LANGUAGE)


def key_name(key: str, *, short: bool = False) -> str:
    """One key (`ctrl+q`, `question_mark`, `enter`, `f9`) as a person names it: "Strg+Q",
    "?", "Eingabe", "F9". `short` is the footer's form where the language has one (the
    Enter sign ⏎ instead of the word)."""
    *modifiers, base = key.split("+") if key != "+" else ["+"]
    names = [_catalog_name(m, short) or m.capitalize() for m in modifiers if m in _MODIFIERS]
    if not base:
        base = "+"
    named = _catalog_name(base, short)
    if named is None:
        named = format_key(base)
        if len(named) > 1:
            named = named.upper() if named[0] in "fF" and named[1:].isdigit() else named.title()
        elif modifiers:
            named = named.upper()  # Strg+Q, as printed on the key
    return "+".join([*names, named])


def _catalog_name(name: str, short: bool) -> str | None:
    for key in ([f"keyname.short.{name}"] if short else []) + [f"keyname.{name}"]:
        if has_key(key, DEFAULT_LANGUAGE):
            return t(key)
    return None


def footer_keys(binding: Binding) -> str:
    """The key part of a footer entry: what the screen's author chose to show
    (`key_display`, such as "1-9" or "q/Esc"), else the short name of the key."""
    if binding.key_display:
        return binding.key_display
    return key_name(binding.key, short=True)


def help_keys(bindings: list[Binding]) -> str:
    """The keys of one action in the help: every key by its full name ("Esc / q"), unless
    the author described several keys in one display ("1-9", "← →", "q/Esc"). A one-sign
    display such as "⏎" is only the footer's abbreviation; the help names the key."""
    shown = [b.key_display for b in bindings if b.key_display and len(b.key_display) > 1]
    if shown:
        return shown[0]
    names: list[str] = []
    for binding in bindings:
        for key in binding.key.split(","):
            name = key_name(key.strip())
            if name not in names:
                names.append(name)
    return " / ".join(names)
