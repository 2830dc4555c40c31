"""Rich text for the debrief tabs, built from the engine's `Debrief` (content stays text)."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from readiness.engine import Debrief, DecisionReview, ExpertStep, ReplyReview, Run
from readiness.engine.path_pairs import YourStep, pair_paths
from readiness.i18n import current_language, t
from readiness.i18n.formats import number
from readiness.reports.rubric_note import rubric_note
from readiness.tui.widgets.hanging_row import HangingRow, Row, Rows

MARK = {"inject": "•", "decision": "▶", "reply": "✎", "timeout": "⌛", "ending": "■"}


def heading(d: Debrief, title: str) -> Text:
    text = Text.assemble((f"{t('train.debrief.title')}: {title}", "bold"))
    if d.ending is not None:
        text.append("  ·  " + t("train.debrief.ending", title=d.ending_title))
        text.append(f"  ({t(f'train.debrief.outcome.{d.ending.outcome}')})", style="italic")
    return text


BULLETS = ("• ", "- ")
"""How an author starts a point in a debrief text (the built-in files use both)."""


def prose(text: str) -> list[Row]:
    """Author prose by line, each point hanging: a wrapped line of "• point" starts under
    the point's text, not under its bullet, so a list of points reads as a list."""
    rows: list[Row] = []
    for line in text.split("\n"):
        bullet = next((b for b in BULLETS if line.startswith(b)), None)
        if bullet is None:
            rows.append(Text(line))
        else:
            rows.append(HangingRow(bullet.strip(), line[len(bullet) :].lstrip(), gap=1))
    return rows


def ending(d: Debrief) -> Text | Rows:
    if d.ending is None:
        return Text(t("train.debrief.unfinished"), style="italic")
    return Rows([Text(d.ending_title, style="bold"), *prose(d.ending_text)])


def _grid() -> Table:
    """Two columns, so wrapped lines keep their hanging indent."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1)
    return grid


def timeline(d: Debrief) -> Table:
    """One row per entry; the participant's steps stand out, feedback sits below them."""
    grid = _grid()
    for e in d.timeline:
        left = Text.assemble((f"{e.clock} {MARK[e.kind]}", "dim" if e.kind == "inject" else "bold"))
        if e.kind == "inject":
            channel = t(f"train.channel.{e.channel}")
            who = e.title + (f" [{e.role}]" if e.role else "")
            right = Text.assemble((f"{who} ({channel}): ", "dim bold"))
            right.append(e.text, style="dim")
        else:
            right = Text.assemble((e.title, "bold"))
            if e.kind == "timeout":
                right.append(": " + t("train.debrief.timed_out"), style="italic")
            elif e.kind != "ending":
                right.append(": " + e.text)
            if e.feedback:
                right.append("\n↳ " + e.feedback, style="italic")
        grid.add_row(left, right)
    return grid


def decision(r: DecisionReview) -> Rows:
    """A decision as it was met: the situation, every option with its mark (a long option
    wraps under its own text, so the marks stand in a column), the pick and why."""
    head = Text.assemble((r.title, "bold"))
    head.append(f"  ({t('train.debrief.took', seconds=round(r.seconds_taken))})", style="dim")
    rows: list[Row] = [head, Text(r.situation, style="dim"), Text("")]
    if r.options:
        rows.append(Text(t("train.debrief.options"), style="bold"))
        for option in r.options:
            label = Text().append(option.text, style="bold" if option.chosen else "")
            if option.expert:
                label.append("  ★")
            mark = Text("▶" if option.chosen else "·", style="bold")
            rows.append(HangingRow(mark, label))
        rows.append(Text(""))
    text = Text()
    text.append(f"{t('train.debrief.you_chose')}: ", style="bold")
    text.append(r.chosen if not r.timed_out else t("train.debrief.timed_out"))
    if r.followed_expert:
        text.append(f"  ✓ {t('train.debrief.followed')}", style="bold")
    if r.feedback:
        text.append(f"\n{t('train.debrief.why')}: ", style="bold")
        text.append(r.feedback, style="italic")
    if r.expert_choice and not r.followed_expert:
        text.append(f"\n\n{t('train.debrief.expert_chose')}: ", style="bold")
        text.append(r.expert_choice)
        if r.expert_feedback:
            text.append("\n" + r.expert_feedback, style="italic")
    return Rows([*rows, text])


def reply_head(r: ReplyReview) -> Text:
    text = Text.assemble((r.title + "\n", "bold"))
    text.append(r.situation, style="dim")
    if r.timed_out:
        text.append("\n\n" + t("train.debrief.reply_timed_out"), style="italic")
    return text


def reply_rubric(r: ReplyReview) -> Rows:
    """The reply's length, then each criterion with its mark: a long explanation wraps under
    the criterion's text, so the marks stand in a column of their own."""
    rows: list[Row] = [
        Text(
            t("train.reply.counter", count=number(len(r.text)), limit=number(r.limit)),
            style="dim",  # as the counter under the box showed it: "63.206" / "63,206"
        )
    ]
    if r.criteria:
        rows += [Text(""), Text(t("train.debrief.rubric"), style="bold")]
    for c in r.criteria:
        mark = Text("✓" if c.met else "✗", style="bold" if c.met else "")
        points = f" (+{c.points:g})" if c.met and c.points else ""
        label = Text().append(f"{c.criterion.title}{points}", style="bold" if c.met else "")
        note = rubric_note(c.reason, c.words, current_language())
        if note:
            label.append(f" [{note}]", style="dim")
        if c.feedback:
            label.append(f": {c.feedback}", style="italic")
        rows.append(HangingRow(mark, label))
    return Rows(rows)


def paths(d: Debrief, run: Run) -> Group:
    """Your path and the expert path in one scroll, step beside step: the shared node's title
    above both, each side's own title where the paths branched."""
    out: list[RenderableType] = [
        _pair(  # styled as spans: a base style would underline the padding too
            Text().append(t("train.debrief.your_path"), style="bold underline"),
            Text().append(t("train.debrief.expert_path"), style="bold underline"),
        )
    ]
    for n, row in enumerate(pair_paths(d), start=1):
        same = row.same_node and row.yours is not None
        heading = Text(f"{n}. ", style="bold")
        if same and row.yours is not None:
            heading.append(row.yours.title, style="bold")
        out.append(Text(""))
        out.append(heading)
        out.append(_pair(_yours(row.yours, titled=not same), _experts(row.expert, titled=not same)))
    yours = (
        Text(t("train.debrief.ending", title=d.ending_title), style="bold")
        if d.ending
        else Text(t("train.debrief.unfinished"), style="italic")
    )
    theirs = Text("")
    if d.expert.ending is not None:
        title = run.fill(d.expert.ending.title)
        theirs = Text(t("train.debrief.ending", title=title), style="bold")
    out += [Text(""), _pair(Text("■ ").append_text(yours), Text("■ ").append_text(theirs))]
    return Group(*out)


def _pair(left: Text, right: Text) -> Table:
    """Two equal columns; every row of the path uses the same split, so the sides line up."""
    grid = Table.grid(padding=(0, 2), expand=True)
    grid.add_column(ratio=1)
    grid.add_column(ratio=1)
    grid.add_row(left, right)
    return grid


def _yours(step: YourStep | None, titled: bool) -> Text:
    if step is None:
        return Text(t("train.debrief.not_on_path"), style="dim italic")
    text = Text().append(step.title + "\n", style="bold") if titled else Text()
    if step.kind == "timeout":
        text.append(t("train.debrief.timed_out"), style="italic")
    else:
        text.append(step.action or "…")
    if step.followed_expert:
        text.append("\n✓ " + t("train.debrief.followed"), style="dim")
    return text


def _experts(step: ExpertStep | None, titled: bool) -> Text:
    if step is None:
        return Text(t("train.debrief.not_on_path"), style="dim italic")
    text = Text().append(step.title + "\n", style="bold") if titled else Text()
    text.append(step.action if step.kind != "wait" else t("train.debrief.waited"))
    if step.inferred and step.kind == "decision":
        text.append("\n" + t("train.debrief.inferred"), style="dim italic")
    return text
