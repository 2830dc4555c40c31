"""A one-line progress bar for the question screen: cheap to repaint on every answer."""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget


class AssessmentProgress(Widget):
    """`━━━━━━━━━━━━━  21%` drawn as text: the share of questions answered or N/A.

    Textual's ProgressBar is three widgets with a once-a-second timer for its ETA; this
    screen repaints on every key, so a single line of text is the cheaper choice."""

    DEFAULT_CSS = """
    AssessmentProgress {
        width: 32;
        height: 1;
    }
    AssessmentProgress > .assessment-progress--done {
        color: $primary;
    }
    AssessmentProgress > .assessment-progress--todo {
        color: $foreground 20%;
    }
    """
    COMPONENT_CLASSES = {"assessment-progress--done", "assessment-progress--todo"}

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.done = 0
        self.total = 0

    def update(self, done: int, total: int) -> None:
        if (done, total) != (self.done, self.total):
            self.done, self.total = done, total
            self.refresh()

    def render(self) -> Text:
        percent = round(100 * self.done / self.total) if self.total else 0
        label = f" {percent:>3}%"
        width = max(4, self.size.width - len(label))
        filled = round(width * self.done / self.total) if self.total else 0
        text = Text(no_wrap=True)
        text.append("━" * filled, self.get_component_rich_style("assessment-progress--done"))
        text.append(
            "━" * (width - filled), self.get_component_rich_style("assessment-progress--todo")
        )
        text.append(label)
        return text
