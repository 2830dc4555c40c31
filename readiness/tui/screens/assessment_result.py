"""The result: verdict and why, overall score, a bar per dimension against the target profile,
strengths, and the top gaps with what to do about them."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Static

from readiness.assessing import AssessmentScore, AssessmentSession, LevelCap
from readiness.errors import ReadinessError
from readiness.i18n import set_address, t
from readiness.numbers import shown_text
from readiness.tui.contracts import leave_applies, readiness_app
from readiness.tui.error_text import said
from readiness.tui.settled_layout import SettledLayout
from readiness.tui.widgets.dimension_bars import DimensionBars
from readiness.tui.widgets.hanging_row import HangingRow, Row, Rows
from readiness.tui.widgets.header import LocalHeader
from readiness.tui.widgets.steady_footer import SteadyFooter

TOP_GAPS = 3
ACTIONS_PER_GAP = 3


class ResultScreen(SettledLayout[bool]):
    """Shows `session.score()`; `p` switches the target profile (saved with the run).

    Dismissed with True when the participant leaves the assessment (q, Esc), False when
    they go back to the questions (b)."""

    CSS_PATH = "../assessment.tcss"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]
    BINDINGS = [
        Binding("p", "next_profile", "assess.result.profile_key", id="assess.result.profile"),
        Binding("g", "report", "assess.result.report_key", id="assess.result.report"),
        Binding("b", "back", "assess.result.back_key", id="assess.result.back"),
        # q and Esc leave the screen, as everywhere: out of the assessment (home or the
        # results browser), or out of the app when there is nothing below.
        Binding(
            "q,escape", "leave", "assess.key.leave", id="assess.result.leave", key_display="q/Esc"
        ),
        Binding(
            "q,escape",
            "leave_preview",
            "train.key.leave_preview",
            id="assess.result.leave_preview",
            key_display="q/Esc",
        ),
        Binding("ctrl+c", "quit", "assess.key.quit", id="assess.result.quit_ctrl_c", show=False),
    ]

    def __init__(self, session: AssessmentSession) -> None:
        super().__init__()
        self.session = session
        set_address(session.assessment.address)

    def compose(self) -> ComposeResult:
        # The breakpoint classes and the score go in before the widgets mount: set after,
        # every widget was styled again and every text measured again before the first
        # frame (a fifth of the time from the last answer to this screen).
        self.apply_breakpoints()
        result = self.session.score()
        texts = self._texts(result)

        def text(ident: str) -> Static:
            return Static(texts[ident], id=ident)

        yield LocalHeader()
        # The scroll is the row of both columns itself (wide) or their stack (narrow): a
        # container in between cost a layout level and a full repaint of its own.
        with VerticalScroll(id="result-scroll"):
            with Vertical(id="result-left"):
                yield text("result-verdict")
                yield text("result-profile")
                yield DimensionBars(result.dimensions, id="result-bars")
                caps = text("result-caps")
                caps.display = bool(result.caps)
                yield caps
            with Vertical(id="result-right"):
                yield text("result-strengths")
                yield text("result-gaps")
        yield SteadyFooter(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.title = self.session.assessment.title
        self.sub_title = self.session.result.participant
        self.query_one("#result-scroll").focus()

    def show_score(self) -> None:
        """Show the score again (another target profile)."""
        result = self.session.score()
        for ident, renderable in self._texts(result).items():
            self.query_one(f"#{ident}", Static).update(renderable)
        self.query_one("#result-caps").display = bool(result.caps)
        self.query_one(DimensionBars).update(result.dimensions)

    def _texts(self, result: AssessmentScore) -> dict[str, Text | Rows]:
        """The text of each `Static` on the screen, by id."""
        return {
            "result-verdict": self._verdict(result),
            "result-profile": self._profile(result),
            "result-caps": self._caps(result),
            "result-strengths": self._strengths(result),
            "result-gaps": self._gaps(result),
        }

    def _verdict(self, result: AssessmentScore) -> Text:
        text = Text().append(result.level.title, style="bold reverse")
        text.append("  ")
        text.append(t("assess.result.overall", score=shown_text(result.overall)), style="bold")
        text.append("\n")
        text.append(t("assess.result.counts", answered=result.answered, total=result.questions))
        if result.not_applicable:
            text.append(" · " + t("assess.result.na_count", count=result.not_applicable))
        if result.missing:
            text.append(" · ")
            text.append(t("assess.result.missing", count=result.missing), style="bold")
        flagged = sum(r.flagged for r in result.remarks)
        if flagged:
            text.append(" · ⚑ " + t("assess.result.flagged", count=flagged))
        if result.level.description:
            text.append("\n" + result.level.description, style="italic")
        return text

    def _caps(self, result: AssessmentScore) -> Rows:
        """What holds the verdict where it is, in full sentences (the ones that lowered it
        first), then what stands between it and each higher level. Nothing is cut: every row
        wraps under itself, so a long question reads to its end at any width."""
        rows: list[Row] = []
        if result.capped:
            capped = t("assess.result.capped", level=result.level_by_score.title)
            rows.append(Text(capped, style="bold"))
        limiting = result.limiting_caps
        for cap in (c for c in limiting if c.effective):
            rows.append(HangingRow(Text().append("⚠", style="bold"), Text(_cap_line(cap))))
        others = [c for c in limiting if not c.effective]
        if others:
            if rows:
                rows.append(Text(""))
            title = t("assess.result.other_caps", level=result.level.title)
            rows.append(Text(title, style="bold"))
        for cap in others:
            rows.append(HangingRow(Text().append("·", style="dim"), Text(_cap_line(cap))))
        for level_title, caps in _by_level(result.later_caps):
            if rows:
                rows.append(Text(""))
            rows.append(Text(t("assess.result.later_caps", level=level_title), style="bold"))
            rows.extend(_later_rows(caps))
        return Rows(rows)

    def _profile(self, result: AssessmentScore) -> Text:
        if result.profile is None:
            return Text(t("assess.result.no_profile"), style="dim")
        text = Text().append(t("assess.result.profile") + " ", style="bold")
        text.append(result.profile.title)
        if len(self.session.assessment.profiles) > 1:
            text.append("  " + t("assess.result.profile_hint"), style="dim")
        return text

    def _strengths(self, result: AssessmentScore) -> Text:
        text = Text().append(t("assess.result.strengths") + "\n", style="bold")
        if not result.strengths:
            text.append(t("assess.result.no_strengths"), style="dim")
        for dim in result.strengths:
            text.append(f"✓ {dim.title}  ")
            text.append(f"{shown_text(dim.score)}/{shown_text(dim.target)}\n", style="dim")
        text.rstrip()
        return text

    def _gaps(self, result: AssessmentScore) -> Rows:
        rows: list[Row] = [Text("\n" + t("assess.result.gaps"), style="bold")]
        gaps = result.top_gaps(TOP_GAPS)
        unscored = [d.title for d in result.dimensions if d.score is None and d.missing]
        if not gaps:
            rows.append(Text(t("assess.result.no_gaps"), style="dim"))
        for dim in gaps:
            heading = Text("\n" + dim.title, style="bold")
            score = t(
                "assess.result.gap", score=shown_text(dim.score), target=shown_text(dim.target)
            )
            heading.append(f"  {score}", style="dim")
            rows.append(heading)
            for action in dim.actions[:ACTIONS_PER_GAP]:
                label = Text(action.text)
                label.append(f"  [{t('assess.effort.' + action.effort)}]", style="dim")
                rows.append(HangingRow(Text("  →"), label))
        if unscored:
            names = ", ".join(unscored)
            rows.append(Text("\n" + t("assess.result.unscored", dimensions=names), style="italic"))
        return Rows(rows)

    # -- actions ----------------------------------------------------------------------------

    def action_next_profile(self) -> None:
        profiles = self.session.assessment.profiles
        if len(profiles) < 2:
            self.notify(t("assess.result.one_profile"), markup=False)
            return
        current = self.session.score().profile
        ids = [p.id for p in profiles]
        nxt = ids[(ids.index(current.id) + 1) % len(ids)] if current else ids[0]
        try:
            self.session.set_profile(nxt)
        except ReadinessError as exc:
            self.notify(said(exc), severity="error", markup=False)
        self.show_score()

    def action_report(self) -> None:
        try:
            path = self.session.path or self.session.save()
            self.session.flush()  # the report reads the file: it must be complete
        except ReadinessError as exc:
            self.notify(said(exc), severity="error", markup=False)
            return
        if path is None:  # a preview (play --watch) saves nothing, so there is nothing to report
            self.notify(t("assess.result.no_report"), markup=False)
            return
        readiness_app(self).open_report(path)

    def action_quit(self) -> None:
        """Wait for the last changes (profile, finished) to reach the disk, then leave."""
        self.session.flush()
        self.app.exit()

    def action_leave(self) -> None:
        """Wait for the last changes to reach the disk, then leave this screen."""
        self.session.flush()
        if len(self.app.screen_stack) <= 2:
            self.app.exit()
        else:
            self.dismiss(True)

    def action_leave_preview(self) -> None:
        """The same way out in a preview (`readiness play`), labelled as saving nothing."""
        self.action_leave()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return leave_applies(self, action)

    def action_back(self) -> None:
        self.dismiss(False)


def _cap_line(cap: LevelCap) -> str:
    """One sentence per cap: what capped the level, at which level, and why."""
    if cap.reason == "weakest_link":
        return t("assess.cap.line_weakest", level=cap.level.title, why=cap.why)
    key = "assess.cap.line_failed" if cap.reason == "failed" else "assess.cap.line_unanswered"
    return t(key, level=cap.level.title, question=cap.question_text, answer=cap.answer, why=cap.why)


def _by_level(caps: Sequence[LevelCap]) -> list[tuple[str, list[LevelCap]]]:
    """Caps grouped by the level they guard, in the order given (lowest level first)."""
    groups: dict[str, list[LevelCap]] = {}
    for cap in caps:
        groups.setdefault(cap.level.title, []).append(cap)
    return list(groups.items())


def _later_rows(caps: Sequence[LevelCap]) -> list[Row]:
    """One row per critical question (with the answer given), one row for all the dimensions
    that are too weak: the bars above already show by how much."""
    rows: list[Row] = []
    for cap in caps:
        if cap.reason == "weakest_link":
            continue
        label = Text(cap.question_text)
        label.append(f"  ({cap.answer})", style="dim")
        rows.append(HangingRow(Text().append("·", style="dim"), label))
    weak = [cap for cap in caps if cap.reason == "weakest_link"]
    if weak:
        names = ", ".join(cap.dimension_title for cap in weak)
        below = f"{weak[0].threshold:g}"
        text = t("assess.result.later_weakest", count=len(weak), dimensions=names, below=below)
        rows.append(HangingRow(Text().append("·", style="dim"), Text(text)))
    return rows
