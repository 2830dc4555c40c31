"""The one terminal emulator of the tests and benchmarks: reads what a Textual app running in
a browser session sends (textual-serve's websocket carries the raw terminal output).

Just enough of a terminal for that: text (wide characters take two cells), cursor moves and
screen clears; colours, styles and other escape sequences are skipped."""

from __future__ import annotations

import re

from rich.cells import cell_len

TOKEN = re.compile(
    r"\x1b\[([0-9;?<>=]*)([ -/]*)([@-~])|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)"
    r"|\x1b[PX^_][^\x1b]*\x1b\\|\x1b.|([^\x1b]+)",
    re.S,
)


class Terminal:
    """Just enough of a terminal to read Textual's output: cursor moves, text, clears."""

    def __init__(self, width: int = 80, height: int = 24) -> None:
        self.width, self.height = width, height
        self.rows = [[" "] * width for _ in range(height)]
        self.x = self.y = 0

    def feed(self, data: str) -> None:
        for m in TOKEN.finditer(data):
            params, inter, final, text = m.groups()
            if text is not None:
                self._write(text)
            elif final == "H" and not inter:
                parts = (params or "").split(";")
                self.y = int(parts[0] or 1) - 1
                self.x = int(parts[1] or 1) - 1 if len(parts) > 1 else 0
            elif final == "J" and params in ("2", "3"):
                self.rows = [[" "] * self.width for _ in range(self.height)]

    def _write(self, text: str) -> None:
        for ch in text:
            if ch == "\r":
                self.x = 0
            elif ch == "\n":
                self.y = min(self.height - 1, self.y + 1)
            elif ch >= " ":
                width = cell_len(ch) or 1
                if 0 <= self.y < self.height and 0 <= self.x < self.width:
                    self.rows[self.y][self.x] = ch
                    if width == 2 and self.x + 1 < self.width:
                        self.rows[self.y][self.x + 1] = ""
                self.x += width

    def screen(self) -> str:
        return "\n".join("".join(row) for row in self.rows)
