"""What home shows for an item: its list row (title, duration, language) and the detail
pane (what it covers, how long, the participant's last result)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.table import Table
from rich.text import Text

from readiness.i18n import t
from readiness.i18n.formats import day_time

if TYPE_CHECKING:
    from readiness.content.loader import ContentFile
    from readiness.models.results import AnyResult


def item_label(f: ContentFile, with_language: bool) -> Table:
    """Title on the left (wrapping), duration and language tag on the right (never cut)."""
    grid = Table.grid(expand=True, padding=(0, 0, 0, 2))
    grid.add_column(ratio=1)
    grid.add_column(no_wrap=True, justify="right", style="dim")
    tag = f"{f.model.duration_minutes} min" + (f" · {f.model.language}" if with_language else "")
    grid.add_row(Text(f.model.title), tag)
    return grid


def _covers(f: ContentFile) -> list[str]:
    """The dimensions an item scores, by title."""
    return [d.title for d in getattr(f.model, "dimensions", [])]


def _size(f: ContentFile) -> str:
    """How much there is to do: questions of an assessment, decisions of an exercise."""
    if f.kind == "assessment":
        return t("home.details.questions", count=len(getattr(f.model, "questions", [])))
    nodes = getattr(f.model, "nodes", [])
    steps = sum(1 for n in nodes if getattr(n, "type", "") in ("decision", "reply"))
    return t("home.details.steps", count=steps)


def _last(result: AnyResult | None) -> Text:
    text = Text(t("home.details.last") + ": ", style="bold")
    if result is None:
        text.append(t("home.details.never"), style="dim")
        return text
    when = day_time(result.updated_at.astimezone())
    state = t("results.finished") if result.finished else t("results.unfinished")
    text.append(f"{when} · {state}")
    outcome = getattr(result, "outcome", None)
    if outcome:
        text.append(f" · {t('report.outcome.' + outcome)}")
    if not result.finished:
        text.append("\n" + t("home.details.resume"), style="italic")
    return text


def details(f: ContentFile, latest: AnyResult | None, practice: bool) -> Text:
    """The detail pane: title, facts, summary, what it covers, the last result."""
    m = f.model
    kind = t(f"home.kind.{f.kind}")
    text = Text()
    text.append(m.title + "\n", style="bold")
    facts = f"{kind} · {m.language} · {m.duration_minutes} min · {_size(f)} · v{m.version}"
    text.append(facts + "\n\n", style="dim")
    text.append(m.summary + "\n")  # Text.append never parses markup: content stays text
    covers = _covers(f)
    if covers:
        text.append("\n" + t("home.details.covers") + "\n", style="bold")
        for title in covers:
            text.append(f"• {title}\n")
    text.append("\n")
    text.append_text(_last(latest))
    if f.kind == "scenario":
        mode = "home.details.practice" if practice else "home.details.exercise"
        text.append("\n\n" + t(mode), style="italic")
    return text
