"""The gap report's action plan as wrapping rows: every action in full, with its effort,
impact and the answers behind it (a one-line table cut each action and hid the columns)."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from readiness.analysis.model import PlanStep
from readiness.i18n import t


def plan_rows(actions: list[PlanStep]) -> Table:
    """One row per action: its number, then the action, a line with effort, impact and
    dimension, and the questions whose answers called for it. Wrapped lines hang under the
    text, never under the number."""
    grid = Table.grid(padding=(0, 1), expand=True)
    grid.add_column(no_wrap=True, justify="right")
    grid.add_column(ratio=1, overflow="fold")
    for number, action in enumerate(actions, start=1):
        cell = Text()
        if action.quick_win:
            cell.append("⚡ ", style="bold yellow")
        cell.append(action.text, style="bold")
        cell.append("\n")
        cell.append(f"{t('report.effort')}: {t(f'report.level.{action.effort}')}", style="cyan")
        cell.append(" · ")
        cell.append(f"{t('report.impact')}: {t(f'report.level.{action.impact}')}", style="cyan")
        cell.append(f" · {t('report.dimension')}: {action.dimension_title}", style="dim")
        if action.question_texts:
            cell.append(f"\n{t('report.because')}: ", style="dim bold")
            cell.append("; ".join(action.question_texts), style="dim")
        grid.add_row(Text(f"{number}.", style="bold"), cell)
        if number < len(actions):
            grid.add_row("", "")
    return grid


class ActionPlan(Static):
    """The plan under its heading; grows with its rows inside the report's scrolling body."""

    DEFAULT_CSS = """
    ActionPlan {
        height: auto;
    }
    """

    def show(self, actions: list[PlanStep]) -> None:
        self.display = bool(actions)
        heading = Text(t("report.plan") + "\n", style="bold underline")
        table = plan_rows(actions)
        self.update(Group(heading, table))
