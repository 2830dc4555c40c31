"""Every use of Textual's private API, in one place, checked against the tested version.

readiness paints per key and per clock tick, and two things Textual does not offer publicly
made that fast enough: laying a screen out until it settles before painting
(`readiness.tui.settled_layout`) and knowing whether the app is done with a key
(`readiness.tui.typeahead`). (The footer needed two more until it became one widget of our
own, `readiness.tui.widgets.footer`.) A third lets `serve`'s fork server (and each test process)
parse the stylesheets once for every session (`share_parsed_styles`). A fourth spares a
settled screen Textual's restyle of all its widgets when it first becomes current, unless
the stylesheet changed since it mounted (`styles_generation`). A fifth drops the
terminal's first report of its size, which repeats the size the app started with, before
Textual hands it to the first screen as if the terminal had been resized
(`repeats_known_size`), and its sibling spares a screen the second layout Textual gives it
for the size it was just laid out at (`laid_out_size`). They reach into Textual only
through the functions below.

Private names can change in any Textual release, so pyproject pins Textual to the minor
version these were tested with (`TESTED_TEXTUAL`) and importing this module fails at once,
with a sentence saying what to do, on any other version and whenever a name it relies on is
gone. To move the pin: change both, run the test suite (the paint-once, start-resize
and type-ahead tests exercise every function here), and read the notes on each function.
A sixth paints a screen as soon as it is idle with changes, instead of on the update
timer's next tick, which can be two frame periods away (`paint_pending`, `paint_now`).
A seventh keeps a layout pass from repainting the scroll bars of every scroll view on the
screen when none of them changed (`install_quiet_scroll_views`). An eighth draws each
distinct row of a widget once and repeats it for the rows that are the same
(`install_alike_rows_drawn_once`). A ninth draws a partial update from the widgets in the
changed regions only, not from every widget in the rectangle around them
(`install_changed_widgets_drawn_alone`). A tenth restyles a widget that gains or loses
focus without working out its component styles again when no rule for them depends on
focus (`restyle_for_focus`).
"""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Hashable, Iterable
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from rich.align import Align
from rich.text import Text
from textual._compositor import ChopsUpdate, Compositor
from textual._queue import Queue
from textual._styles_cache import StylesCache
from textual.app import App
from textual.command import CommandList, CommandPalette, ProviderSource
from textual.css.model import RuleSet
from textual.css.stylesheet import Stylesheet
from textual.events import Resize
from textual.geometry import Region, Size
from textual.message_pump import MessagePump
from textual.screen import Screen
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets.option_list import Option

TESTED_TEXTUAL = (8, 2)
"""Major and minor version of Textual this module was written and tested against."""


class UntestedTextual(RuntimeError):
    """Textual is not the version readiness was tested with, or lacks a name it relies on."""


def installed_version(dist: str, package: str) -> str:
    """The installed version of `dist`, read from its `.dist-info` folder name beside the
    package: `importlib.metadata` would import the `email` package on the way to the first
    screen, about a fifth of readiness's import cost over bare Textual. Falls back to it
    where the folder is not there or not unique (other installers, stale copies)."""
    spec = find_spec(package)
    if spec is not None and spec.origin is not None:
        prefix = dist.replace("-", "_")
        found = list(Path(spec.origin).parent.parent.glob(f"{prefix}-*.dist-info"))
        if len(found) == 1:
            return found[0].name[len(prefix) + 1 : -len(".dist-info")]
    from importlib.metadata import version

    return version(dist)


def check_textual(installed: str | None = None) -> None:
    """Fail loudly on a Textual readiness has not been tested with."""
    found = installed or installed_version("textual", "textual")
    parts = tuple(int(p) for p in found.split(".")[:2] if p.isdigit())
    if parts != TESTED_TEXTUAL:
        wanted = ".".join(map(str, TESTED_TEXTUAL))
        raise UntestedTextual(
            f"readiness is tested with Textual {wanted}.x, but Textual {found} is installed; "
            f"install it with: pip install 'textual>={wanted},<{TESTED_TEXTUAL[0]}."
            f"{TESTED_TEXTUAL[1] + 1}'"
        )
    missing = [
        name
        for owner, name in (
            (Screen, "_refresh_layout"),
            (Screen, "_compositor_refresh"),
            (Screen, "_on_screen_resume"),
            (Screen, "_get_breakpoint_classes"),
            (Screen, "_on_timer_update"),
            (Screen, "_on_idle"),
            (ScrollView, "_size_updated"),
            (CommandPalette, "_start_no_matches_countdown"),
            (CommandPalette, "_stop_no_matches_countdown"),
            (CommandPalette, "_NO_MATCHES"),
            (CommandPalette, "_NO_MATCHES_COUNTDOWN"),
            (Compositor, "_get_renders"),
            (Compositor, "_render_chops"),
            (Compositor, "_regions_to_spans"),
            (Compositor, "render_partial_update"),
            (Compositor, "cuts"),
            (Compositor, "visible_widgets"),
            (Widget, "_get_component_classes"),
        )
        if not hasattr(owner, name)
    ]
    missing += [
        f"{owner.__name__}.{name}"
        for owner, name in (
            (MessagePump, "_pending_message"),
            (MessagePump, "_next_callbacks"),
            (Screen, "_callbacks"),
            (App, "_registry"),
            (App, "_css_update_count"),
            (App, "_size"),
            (Screen, "_compositor"),
            (Screen, "_dirty_widgets"),
            (Widget, "_styles_cache"),
            (StylesCache, "_dirty_lines"),
            (Compositor, "_dirty_regions"),
            (Queue, "ready_event"),
            (asyncio.Event, "_waiters"),
        )
        if not _sets_in_init(owner, name)
    ]
    if not hasattr(MessagePump, "_message_queue"):
        missing.append("MessagePump._message_queue")
    if missing:
        raise UntestedTextual(
            f"this Textual lacks {', '.join(missing)}, which readiness relies on; "
            "install the version named in pyproject.toml"
        )


def _sets_in_init(owner: type, name: str) -> bool:
    """`owner.__init__` assigns the attribute `name` (instance attributes cannot be looked
    up on the class)."""
    code = getattr(vars(owner).get("__init__"), "__code__", None)
    return code is not None and name in code.co_names


check_textual()

TESTED_TEXTUAL_SERVE = (1, 1)
"""Major and minor version of textual-serve whose `AppService._build_environment`
`readiness.tui.serve_server` overrides (to hand a session its device token)."""


def check_textual_serve(installed: str | None = None) -> None:
    """Fail loudly on a textual-serve readiness has not been tested with (called by the
    serve module only, so the terminal app never imports textual-serve)."""
    from textual_serve.app_service import AppService

    found = installed or installed_version("textual-serve", "textual_serve")
    parts = tuple(int(p) for p in found.split(".")[:2] if p.isdigit())
    wanted = ".".join(map(str, TESTED_TEXTUAL_SERVE))
    if parts != TESTED_TEXTUAL_SERVE or not hasattr(AppService, "_build_environment"):
        raise UntestedTextual(
            f"readiness serve is tested with textual-serve {wanted}.x, but {found} is "
            f"installed; install it with: pip install 'textual-serve>={wanted},<"
            f"{TESTED_TEXTUAL_SERVE[0]}.{TESTED_TEXTUAL_SERVE[1] + 1}'"
        )


def styles_generation(app: App[Any]) -> int:
    """Counts the app's stylesheet changes (a theme switched, CSS reloaded): a screen styled
    at one count and shown at another needs restyling."""
    return app._css_update_count


def repeats_known_size(app: App[Any], event: Resize) -> bool:
    """The terminal reports the size the app already has.

    Textual gives itself a Resize of the terminal's size as it starts, and the driver then
    reports the same size once more. `App._on_resize` ignores the repeat for now but keeps it
    as pending, and when the app next goes idle delivers it to whatever screen is current:
    the first screen (home, or the exercise a command opened) was laid out and painted
    all over again moments after its first frame, about 40 ms of a 200 ms start at 80x24.
    Only a repeat is dropped: Textual records each new size and the event it keeps pending
    together, so a pending event already carries this size."""
    return app._size is not None and event.size == app._size


def laid_out_size(screen: Screen[Any]) -> Size:
    """The size the screen was last laid out at.

    A screen's first layout posts a Resize to the screen itself (it has just been "shown"),
    and Textual's handler for it lays the whole screen out again at the same size: a second
    full layout of every screen as it appears. Whatever did change since is laid out by the
    screen's next refresh anyway."""
    return screen._compositor.size


def batch_in_progress(app: App[Any]) -> bool:
    """Inside `App.batch_update()`: Textual lays out once the batch ends, so do not now."""
    return bool(app._batch_count)


def paint_pending(screen: Screen[Any]) -> bool:
    """Whether the screen has a layout, scroll or repaint waiting for its update timer."""
    return not screen.app._batch_count and bool(
        screen._layout_required
        or screen._scroll_required
        or screen._repaint_required
        or screen._dirty_widgets
    )


def paint_now(screen: Screen[Any]) -> None:
    """Do what the screen's update timer would do on its next tick: lay out and paint.

    Textual paints from a timer of 60 ticks a second that pauses itself after each paint.
    Its loop keeps sleeping to the next tick of its grid even while paused, and after a pause
    longer than a tick it skips ahead to a point one to two ticks away: a key that comes
    while the clock's own repaints keep that timer busy waited up to 33 ms for its frame
    with nothing else to do (`bench_train.py`, with TEXTUAL_FPS raised the wait is gone)."""
    screen._on_timer_update()


def widgets_needing_layout(screen: Screen[Any]) -> list[Widget]:
    """Widgets whose size changed in the last layout pass and so ask for another."""
    return [widget for widget in screen._compositor.widgets if widget._layout_required]


def mark_laid_out(widgets: Iterable[Widget]) -> None:
    """The caller is laying these out now; without this Textual queues another pass."""
    for widget in widgets:
        widget._layout_required = False


def breakpoint_classes(
    screen: Screen[Any], width: int, breakpoints: list[tuple[int, str]]
) -> set[str]:
    """The classes Textual would set for `width` on the screen's first resize."""
    return set(screen._get_breakpoint_classes(width, breakpoints))


class LocalCommandPalette(CommandPalette):
    """Textual's command palette with its "No matches found" line in the user's language
    (Textual writes that line inside a private method; this is that method with the text
    as a parameter). The placeholder is Textual's own public parameter."""

    def __init__(
        self,
        providers: ProviderSource | None = None,
        *,
        placeholder: str,
        no_matches: str,
        id: str | None = None,
    ) -> None:
        super().__init__(providers, placeholder=placeholder, id=id)
        self.no_matches = no_matches

    def _start_no_matches_countdown(self, search_value: str) -> None:
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if search_value:
                self.query_one(CommandList).add_option(
                    Option(
                        Align.center(Text(self.no_matches, style="not bold")),
                        disabled=True,
                        id=self._NO_MATCHES,
                    )
                )
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)


def pump_is_parked(node: MessagePump) -> bool:
    """True if `node`'s message loop is waiting for its next message with none queued: not
    handling one, not running its idle handlers or `call_next` callbacks after one.

    Textual's message queue (`textual._queue.Queue`) counts nothing once a message is taken
    off it (its `task_done` does nothing), so "the queue is empty" also holds while the
    node is still in the middle of a message. Only a loop parked in `Queue.get`, on the
    queue's `ready_event`, is idle for sure."""
    queue: Queue[Any] = node._message_queue
    if queue.qsize() or node._pending_message is not None or node._next_callbacks:
        return False
    event = queue.ready_event
    return not event.is_set() and any(not waiter.done() for waiter in event._waiters)


def app_is_settled(app: App[Any]) -> bool:
    """True if nothing the app started is still on its way: the type-ahead gate of
    `readiness.tui.typeahead`. Call it only from the app's own message loop, while it
    handles a key or the gate's own poll message (the one message the app is handling).

    Settled means: the app has no other message queued, none taken ahead of the current one
    (Textual's message loop takes the next message out of the queue before handling the
    current one, to merge it; a Tab on its way back up to the app waits there), and no
    `call_next` callback (a dismissed screen's result callback, a screen pop); every widget
    and screen is mounted and its message loop parked (`pump_is_parked`); no screen holds a
    `call_after_refresh` callback. Then every focus change and screen change a key asked for
    has happened."""
    if app.message_queue_size or app._pending_message is not None or app._next_callbacks:
        return False
    for node in list(app._registry):
        if not isinstance(node, MessagePump) or node._closing or node._closed:
            continue  # a removed widget's leftover messages are never handled
        if not node._is_mounted:
            return False  # compose and mount run outside the queue: a screen being built
        if isinstance(node, Screen) and node._callbacks:
            return False  # call_after_refresh: run once the screen has painted
        if not pump_is_parked(node):
            return False
    return True


PARSE_RULES_PARAMETERS = ["self", "css", "read_from", "is_default_rules", "tie_breaker", "scope"]


def share_parsed_styles() -> None:
    """Let every session use the styles parsed here (in the rehearsal) instead of parsing
    all stylesheets again: a quarter of a session's start-up.

    Textual keeps parsed rules per `Stylesheet` object; this keeps them per process, keyed
    by everything the parse depends on (the text, where it is from, its kind, tie breaker
    and scope, and the theme's variables). The rules are not changed after parsing (Textual
    shares them between parses of one stylesheet already). Only done in the fork server,
    and only on the `Stylesheet._parse_rules` of the pinned Textual (same parameters);
    otherwise sessions parse as usual."""
    parse_rules = Stylesheet._parse_rules
    if list(inspect.signature(parse_rules).parameters) != PARSE_RULES_PARAMETERS:
        return
    shared: dict[tuple[object, ...], list[RuleSet]] = {}

    def shared_parse_rules(
        self: Stylesheet,
        css: str,
        read_from: tuple[str, str],
        is_default_rules: bool = False,
        tie_breaker: int = 0,
        scope: str = "",
    ) -> list[RuleSet]:
        variables = tuple(sorted(self._variables.items()))
        key = (css, read_from, is_default_rules, tie_breaker, scope, variables)
        rules = shared.get(key)
        if rules is None:
            rules = parse_rules(self, css, read_from, is_default_rules, tie_breaker, scope)
            shared[key] = rules
        return rules

    Stylesheet._parse_rules = shared_parse_rules  # type: ignore[method-assign]


_SCROLL_VIEW_SIZE_UPDATED = ScrollView._size_updated

ScrollKey = tuple[Size, Size, Size, object, object, int, int, object]


def _scroll_key(view: ScrollView, size: Size, container_size: Size) -> ScrollKey:
    """Everything a scroll view's scroll bars are worked out from."""
    styles = view.styles
    return (
        size,
        container_size,
        view.virtual_size,
        styles.overflow_x,
        styles.overflow_y,
        styles.scrollbar_size_vertical,
        styles.scrollbar_size_horizontal,
        styles.scrollbar_gutter,
    )


def _quiet_size_updated(
    self: ScrollView, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
) -> bool:
    key = _scroll_key(self, size, container_size)
    if self.__dict__.get("_readiness_scroll_key") == key:
        return False  # what Textual returns for an unchanged size, minus the repaint
    self.__dict__["_readiness_scroll_key"] = key
    return _SCROLL_VIEW_SIZE_UPDATED(self, size, virtual_size, container_size, layout)


def install_quiet_scroll_views() -> None:
    """Spare scroll views that did not change their scroll bars' repaint in a layout pass.

    Every layout pass tells each widget its size, its virtual size and its container's size.
    For a `ScrollView` (the player's feed and chat, text areas, option lists) Textual passes
    the size of the visible region as the virtual size, which is never the view's own
    virtual size once it scrolls; Textual's `ScrollView._size_updated` compares the two, finds
    them different every time, and updates and repaints both scroll bars. Each is a column
    of lines drawn through Rich: in the player at 120x40 a choice's layout repainted the
    feed's and the chat's (2 ms each) though neither had changed. This runs Textual's method
    only when something the scroll bars are worked out from has changed since it last ran
    for that view: its size, its container's size, its own virtual size (which the view sets
    itself: a new post in the feed), its overflow and scroll bar styles. Otherwise it
    returns what Textual's returns for an unchanged size (no Resize to send). Once per
    process; the `textual` pin keeps the method it replaces."""
    ScrollView._size_updated = _quiet_size_updated  # type: ignore[method-assign]


_WIDGET_RENDER_LINES = Widget.render_lines


def _row_keys(widget: Widget, rows: range) -> list[Hashable] | None:
    """For each row, what Textual draws it from: rows with equal keys come out the same.
    None where that cannot be known without drawing (widgets that draw their own lines).

    Textual's styles cache builds a widget's rows one at a time, each from its kind (top or
    bottom border with its title, top or bottom padding, content) and, for a content row,
    the widget's own line at that height. A container's own lines are all blank, a screen's
    too unless it is translucent, a scroll bar's are a few runs of the same line, a Rich
    renderable's blank lines are alike: the rows they give are the same too. (Textual marks
    each line of a text with its position, for selecting it: no two of those are alike.)"""
    if widget.BLANK or type(widget).render_line is not Widget.render_line:
        return None  # Textual's shortcut, or lines drawn on demand
    styles = widget.styles
    if any(edge for edge, _ in styles.outline):
        # Textual keeps an outlined top row as the row it repeats for padding: left as it is.
        return None
    (top, _), _, (bottom, _), _ = styles.border
    gutter = styles.gutter
    height = widget.region.height  # as the styles cache measures (borders included)
    content_height = widget.content_region.height
    pad_top, _, pad_bottom, _ = styles.padding
    keys: list[Hashable] = []
    for y in rows:
        if y == 0 and top:
            keys.append("top border")
        elif y == height - 1 and bottom:
            keys.append("bottom border")
        elif pad_top and y < gutter.top:
            keys.append("top padding")
        elif pad_bottom and y >= height - gutter.bottom:
            keys.append("bottom padding")
        elif y - gutter.top < content_height:
            keys.append(tuple(widget.render_line(y - gutter.top)))
        else:
            keys.append("below the content")
    return keys


def _render_lines_by_key(self: Widget, crop: Region) -> list[Strip]:
    keys = _row_keys(self, crop.line_range) if crop.height > 1 else None
    if keys is None:
        return _WIDGET_RENDER_LINES(self, crop)
    rows = list(crop.line_range)
    first_of: dict[Hashable, int] = {}
    alike: dict[int, list[int]] = {}
    try:
        for y, key in zip(rows, keys, strict=True):
            alike.setdefault(first_of.setdefault(key, y), []).append(y)
    except TypeError:  # a segment that cannot be compared (a control code list)
        return _WIDGET_RENDER_LINES(self, crop)
    if len(alike) == len(rows):
        return _WIDGET_RENDER_LINES(self, crop)  # no two alike: Textual's own way, in one go
    dirty = self._styles_cache._dirty_lines
    for first, ys in alike.items():
        if not dirty.isdisjoint(ys):
            dirty.add(first)  # as Textual would redraw the dirty one, redraw the one drawn
    # The rows drawn, in runs of neighbours: one call of Textual's per run.
    drawn: dict[int, Strip] = {}
    firsts = list(alike)
    start = 0
    for index in range(1, len(firsts) + 1):
        if index == len(firsts) or firsts[index] != firsts[index - 1] + 1:
            top, count = firsts[start], index - start
            strips = _WIDGET_RENDER_LINES(self, Region(crop.x, top, crop.width, count))
            drawn.update(zip(range(top, top + count), strips, strict=True))
            start = index
    dirty.difference_update(rows)
    return [drawn[first_of[key]] for key in keys]


def install_alike_rows_drawn_once() -> None:
    """Draw each distinct row of a widget once and repeat it for the rows that are the same.

    Every layout container (the result screen's columns and their scroll, the player's
    panels, each screen's background) and every scroll bar was drawn row by row whenever it
    was shown or changed: each row 20-35 µs through the styles cache, the line filters and
    four new `Strip` objects, 1-1.7 ms for a column or a scroll bar at 120x40, about 5 ms of
    the result screen's first frame. A row is drawn from its kind and the widget's own line
    (`_row_keys`), so rows with the same of both are drawn once, through Textual's own
    `render_lines` (with its cache and dirty rows kept as Textual keeps them), and the
    drawn row is used for the others. Widgets that draw their own lines on demand (lists,
    text areas, the feed) are left to Textual. Once per process; the `textual` pin keeps the
    styles cache this relies on."""
    Widget.render_lines = _render_lines_by_key  # type: ignore[method-assign]


_PAINTING_ONLY = "_readiness_painting_only"
"""The compositor attribute naming the dirty regions of the partial update being drawn."""

_COMPOSITOR_GET_RENDERS = Compositor._get_renders


def _renders_of_changed_widgets(
    self: Compositor, crop: Region | None = None
) -> Iterable[tuple[Region, Region, list[Strip]]]:
    dirty: set[Region] | None = getattr(self, _PAINTING_ONLY, None)
    if dirty is None or crop is None:
        yield from _COMPOSITOR_GET_RENDERS(self, crop)
        return
    # Front to back as Textual's own: the first widget to fill a cut wins it.
    for widget, (region, clip) in self.visible_widgets.items():
        seen = region.intersection(clip)
        if seen and any(seen.overlaps(changed) for changed in dirty):
            yield (
                region,
                clip,
                widget.render_lines(
                    Region(seen.x - region.x, seen.y - region.y, seen.width, seen.height)
                ),
            )


def _partial_update_of_changed_widgets(self: Compositor) -> ChopsUpdate | None:
    dirty = self._dirty_regions.copy()
    self._dirty_regions.clear()
    if not dirty:
        return None
    crop = Region.from_union(list(dirty)).intersection(self.size.region)
    spans = list(self._regions_to_spans(dirty))
    rendered_lines = {y for y, _, _ in spans}
    setattr(self, _PAINTING_ONLY, dirty)
    try:
        chops = self._render_chops(crop, rendered_lines.__contains__)
    finally:
        setattr(self, _PAINTING_ONLY, None)
    return ChopsUpdate(chops, spans, [cut_set[1:] for cut_set in self.cuts])


def install_changed_widgets_drawn_alone() -> None:
    """Draw a partial update from the widgets in the regions that changed, not from every
    widget in the rectangle around them.

    Textual draws a partial update by cropping the screen to the smallest rectangle around
    every changed region, drawing every widget in that rectangle and cutting each row of
    each into pieces, and then sends only the pieces inside the changed regions. When the
    changes are far apart that rectangle is most of the screen: the pick that opens a reply
    changes the middle column and the footer, so the feed and the chat beside it, which did
    not change, were drawn and cut row by row for nothing (1.5 ms of the 8.4 ms that frame
    took to draw at 120x40). A widget whose visible part touches no changed region cannot
    show in what is sent: every cell sent lies in a changed region and is filled from the
    frontmost widget there, so such a widget is now left out. Full updates (a new screen, a
    resize) are Textual's own. Once per process; the `textual` pin keeps the compositor
    methods this relies on."""
    Compositor._get_renders = _renders_of_changed_widgets  # type: ignore[method-assign]
    Compositor.render_partial_update = _partial_update_of_changed_widgets  # type: ignore[method-assign]


_FOCUS_STATES = frozenset({"focus", "blur", "focus-within"})
_COMPONENT_CLASSES = "_get_component_classes"
"""What the stylesheet calls on a node for its component classes."""
_focus_free: dict[tuple[int, frozenset[str]], tuple[list[RuleSet], bool]] = {}


def _component_rules_ignore_focus(stylesheet: Stylesheet, components: frozenset[str]) -> bool:
    """Whether no rule naming one of `components` has a focus state anywhere in its
    selector (`TextArea:focus .text-area--cursor` would). Worked out once per set of rules
    (a new theme or stylesheet makes a new list)."""
    rules = stylesheet.rules
    known = _focus_free.get((id(rules), components))
    if known is not None and known[0] is rules:
        return known[1]
    free = not any(
        any(selector.name in components for selector in selector_set.selectors)
        and any(selector.pseudo_classes & _FOCUS_STATES for selector in selector_set.selectors)
        for rule in rules
        for selector_set in rule.selector_set
    )
    _focus_free[(id(rules), components)] = (rules, free)
    return free


def restyle_for_focus(widget: Widget) -> None:
    """Restyle `widget` for gaining or losing focus, as Textual's `watch_has_focus` does,
    but keep its component styles when no rule for them depends on focus.

    Textual applies the stylesheet to the widget and then to one throw-away node per
    component class, matching every rule each time: a text area has nine, 1.3 ms of the key
    that opens a reply at 120x40, and none of its component rules (Textual's or ours) name
    a focus state, so they came out as they were. A widget whose component rules do (an
    option list's highlighted option is coloured by `:focus`) is restyled as Textual does."""
    components = type(widget)._get_component_classes()
    if not components or not _component_rules_ignore_focus(widget.app.stylesheet, components):
        widget.update_node_styles()
        return

    # The stylesheet asks the node for its component classes (a class method, so the
    # instance's own attribute is found first): none this once, so the ones it has stay.
    setattr(widget, _COMPONENT_CLASSES, frozenset)
    try:
        widget.update_node_styles()
    finally:
        delattr(widget, _COMPONENT_CLASSES)
