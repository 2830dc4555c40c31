"""Where each key and value of a TOML file sits (line and column), so a problem points at the
mistake itself rather than at the item's `id =` line.

`tomllib` keeps no positions. This is a small scanner for TOML the parser has already accepted:
it follows table headers, arrays of tables, dotted keys, inline tables and arrays, and records
the line and column of every key and value under its data location (`("nodes", 3, "next")`).
On text the parser rejected, it still finds where a string was opened and never closed (for a
multi-line string the parser only notices that at the end of the file), and which list or
inline table is still open where the parser gave up."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

Loc = tuple[str | int, ...]


@dataclass(frozen=True)
class Position:
    """1-based line and column."""

    line: int
    column: int


@dataclass
class Positions:
    """Positions of keys (`key = ...`, a table header) and of values, by data location."""

    keys: dict[Loc, Position] = field(default_factory=dict)
    values: dict[Loc, Position] = field(default_factory=dict)

    def find(self, loc: Loc) -> Position | None:
        """The value's position if it has one, else the key's, else the nearest parent's."""
        while True:
            found = self.values.get(loc) or self.keys.get(loc)
            if found is not None or not loc:
                return found
            loc = loc[:-1]


class Unterminated(Exception):
    """A string that never ends; `position` is where it was opened (at its `quote`), `end`
    where the scanner gave up: the end of its line (before a line break, `\r\n` too) for a
    one-line string, the end of the file for a multi-line one."""

    def __init__(self, position: Position, multiline: bool, quote: str, end: Position) -> None:
        super().__init__(position)
        self.position = position
        self.multiline = multiline
        self.quote = quote
        self.end = end


@dataclass(frozen=True)
class OpenBracket:
    """A list (`bracket` "[") or inline table ("{") that is still open at some point:
    `position` is its bracket, `after` the place just after its last entry (after the
    bracket when it has none), where the closing bracket or a comma belongs."""

    bracket: str
    position: Position
    after: Position


@dataclass(frozen=True)
class MultilineString:
    """A multi-line string the parser read: opened at `position` with `quote` (`\"\"\"` or
    `'''`), closed at `closed`, with its text `body`."""

    quote: str
    position: Position
    closed: Position
    body: str


_QUOTES = ('"', "'")
"""What opens a string. Not `ch in "\"'"`: at the end of the text `peek()` is "", which is
in every string, and a file ending in `title =` read as a string never closed."""

_BARE = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")


class _Scanner:
    def __init__(self, text: str) -> None:
        self.text = text
        self.i = 0
        self.starts = [0] + [n + 1 for n, ch in enumerate(text) if ch == "\n"]
        self.out = Positions()
        self.counts: dict[Loc, int] = {}
        self.last_multiline: tuple[int, int, int] | None = None
        """The last multi-line string read: where it opens, where its text starts and where
        its closing quotes start."""
        self.open: list[tuple[int, int]] = []
        """Lists and inline tables not closed yet, outermost first: the index of each one's
        bracket and the index just after its last entry so far."""

    # -- helpers ---------------------------------------------------------------------------
    def pos(self, index: int | None = None) -> Position:
        at = self.i if index is None else index
        line = bisect_right(self.starts, at)
        return Position(line, at - self.starts[line - 1] + 1)

    def peek(self, n: int = 0) -> str:
        at = self.i + n
        return self.text[at] if at < len(self.text) else ""

    def entry_ended(self, depth: int, start: int) -> None:
        """An entry of the list or table open at `depth` ends here (trailing spaces aside),
        unless it left a bracket of its own open."""
        if len(self.open) != depth:
            return
        end = self.i
        while end > start and self.text[end - 1] in " \t\r":
            end -= 1
        self.open[-1] = (self.open[-1][0], end)

    def skip_space(self, newlines: bool) -> None:
        """Spaces, tabs, comments and (inside arrays) newlines."""
        while self.i < len(self.text):
            ch = self.text[self.i]
            if ch in " \t\r" or (newlines and ch == "\n"):
                self.i += 1
            elif ch == "#":
                end = self.text.find("\n", self.i)
                self.i = len(self.text) if end < 0 else end
            else:
                return

    # -- keys ------------------------------------------------------------------------------
    def key(self) -> list[tuple[str, Position]]:
        """A dotted key: each part with its position."""
        parts: list[tuple[str, Position]] = []
        while True:
            self.skip_space(False)
            start = self.pos()
            ch = self.peek()
            if ch in _QUOTES:
                parts.append((self.string(), start))
            else:
                begin = self.i
                while self.peek() in _BARE and self.peek():
                    self.i += 1
                parts.append((self.text[begin : self.i], start))
            self.skip_space(False)
            if self.peek() != ".":
                return parts
            self.i += 1

    # -- values ----------------------------------------------------------------------------
    def string(self) -> str:
        quote = self.peek()
        start = self.pos()
        if self.text.startswith(quote * 3, self.i):
            self.i += 3
            end = self.i
            while True:
                end = self.text.find(quote * 3, end)
                if end < 0:
                    raise Unterminated(start, True, quote, self.pos(len(self.text)))
                if quote == '"' and _escaped(self.text, end):
                    end += 1
                    continue
                break
            # Up to two more quotes may close the string ("""a"""" is `a"`).
            while self.text.startswith(quote, end + 3):
                end += 1
            self.last_multiline = (self.i - 3, self.i, end)
            value = self.text[self.i : end]
            self.i = end + 3
            return value
        self.i += 1
        begin = self.i
        while True:
            ch = self.peek()
            if ch in ("", "\n"):
                end = self.i
                if end > begin and self.text[end - 1] == "\r":
                    end -= 1  # a Windows line break: the line ends before its \r
                raise Unterminated(start, False, quote, self.pos(end))
            if ch == "\\" and quote == '"' and self.peek(1) not in ("", "\n"):
                self.i += 2  # an escape; a backslash at the line's end escapes nothing
                continue
            self.i += 1
            if ch == quote:
                return self.text[begin : self.i - 1]

    def value(self, loc: Loc) -> None:
        self.skip_space(False)
        self.out.values.setdefault(loc, self.pos())
        ch = self.peek()
        if ch in _QUOTES:
            self.string()
        elif ch == "[":
            self.open.append((self.i, self.i + 1))
            depth = len(self.open)
            self.i += 1
            index = 0
            while True:
                self.skip_space(True)
                if self.peek() == "]":
                    self.open.pop()
                    self.i += 1
                    return
                if self.peek() == "":
                    return  # still open where the text ends
                start = self.i
                self.value((*loc, index))
                self.entry_ended(depth, start)
                index += 1
                self.skip_space(True)
                if self.peek() == ",":
                    self.i += 1
                elif self.i == start:
                    self.i += 1  # a stray character (broken text): skip it, never stall
        elif ch == "{":
            self.open.append((self.i, self.i + 1))
            depth = len(self.open)
            self.i += 1
            while True:
                self.skip_space(False)
                if self.peek() == "}":
                    self.open.pop()
                    self.i += 1
                    return
                if self.peek() == "":
                    return  # still open where the text ends
                if self.peek() == "\n":
                    self.open.pop()
                    return  # an inline table left open: it ends with its line
                start = self.i
                self.key_value(loc)
                self.entry_ended(depth, start)
                self.skip_space(False)
                if self.peek() == ",":
                    self.i += 1
                elif self.i == start:
                    self.i += 1  # a stray character (broken text): skip it, never stall
        else:
            while self.peek() and self.peek() not in ",]}#\n":
                self.i += 1

    def key_value(self, table: Loc) -> None:
        parts = self.key()
        loc = table
        for name, at in parts:
            loc = (*loc, name)
            self.out.keys.setdefault(loc, at)
        self.skip_space(False)
        if self.peek() == "=":
            self.i += 1
        self.value(loc)

    # -- tables ----------------------------------------------------------------------------
    def resolve(self, names: list[str]) -> Loc:
        """A header's location, with the current index of each array of tables on the way."""
        loc: Loc = ()
        for name in names:
            loc = (*loc, name)
            if loc in self.counts:
                loc = (*loc, self.counts[loc] - 1)
        return loc

    def header(self) -> Loc:
        start = self.pos()
        array = self.text.startswith("[[", self.i)
        self.i += 2 if array else 1
        names = [name for name, _ in self.key()]
        self.skip_space(False)
        self.i += 2 if array else 1
        if not array:
            loc = self.resolve(names)
            self.out.keys.setdefault(loc, start)
            return loc
        parent = self.resolve(names[:-1])
        base = (*parent, names[-1])
        self.counts[base] = self.counts.get(base, 0) + 1
        loc = (*base, self.counts[base] - 1)
        self.out.keys.setdefault(base, start)
        self.out.keys[loc] = start
        return loc

    def scan(self) -> Positions:
        table: Loc = ()
        while self.i < len(self.text):
            self.skip_space(True)
            if self.i >= len(self.text):
                break
            if self.peek() == "[":
                table = self.header()
            else:
                self.key_value(table)
            # Anything left on the line (a stray token in broken text) is skipped.
            self.skip_space(False)
            end = self.text.find("\n", self.i)
            if end < 0:
                break
            if end > self.i:
                self.i = end
        return self.out


def _escaped(text: str, at: int) -> bool:
    """Whether the character at `at` is escaped by an odd number of backslashes."""
    n = 0
    while at - n - 1 >= 0 and text[at - n - 1] == "\\":
        n += 1
    return n % 2 == 1


def positions(text: str) -> Positions:
    """Every key and value position in a TOML text the parser accepted."""
    try:
        return _Scanner(text).scan()
    except Unterminated:
        return Positions()


def unterminated_string(text: str) -> Unterminated | None:
    """The first string that is opened and never closed, if any (for text `tomllib` rejected)."""
    try:
        _Scanner(text).scan()
    except Unterminated as found:
        return found
    return None


def offset(text: str, at: Position) -> int:
    """The index in `text` of a 1-based line and column (the end of `text` at most)."""
    start = 0
    for _ in range(at.line - 1):
        found = text.find("\n", start)
        if found < 0:
            return len(text)
        start = found + 1
    return min(start + at.column - 1, len(text))


def open_bracket(text: str, end: int) -> OpenBracket | None:
    """The innermost list or inline table still open at index `end` of `text` (the parser
    accepted the text before `end` and gave up there), or None."""
    scanner = _Scanner(text[:end])
    try:
        scanner.scan()
    except Unterminated:
        return None
    if not scanner.open:
        return None
    at, after = scanner.open[-1]
    return OpenBracket(text[at], scanner.pos(at), scanner.pos(after))


def last_multiline(text: str, end: int) -> MultilineString | None:
    """The last multi-line string that closes before index `end` of `text` (the parser
    accepted the text before `end`), or None."""
    scanner = _Scanner(text[:end])
    try:
        scanner.scan()
    except Unterminated:
        return None
    if scanner.last_multiline is None:
        return None
    opens, body, closes = scanner.last_multiline
    quote = text[opens : opens + 3]
    return MultilineString(quote, scanner.pos(opens), scanner.pos(closes), text[body:closes])
