"""The result: verdict and why, overall score, a bar per dimension against the target profile,
strengths, and the top gaps with what to do about them."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Header, Static

from readiness.errors import ReadinessError
from readiness.i18n import set_address, t
from readiness.numbers import shown_text
from readiness.scoring import AssessmentScore, AssessmentSession, Cap
from readiness.tui.contracts import readiness_app
from readiness.tui.settled_layout import SettledLayout
from readiness.tui.widgets.dimension_bars import DimensionBars
from readiness.tui.widgets.steady_footer import SteadyFooter

TOP_GAPS = 3
ACTIONS_PER_GAP = 3
SHORT = 60
"""Characters of a question shown for a cap that did not lower the verdict."""


class ResultScreen(SettledLayout[None]):
    """Shows `session.score()`; `p` switches the target profile (saved with the run)."""

    CSS_PATH = "../assessment.tcss"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]
    BINDINGS = [
        Binding("p", "next_profile", t("assess.result.profile_key"), id="assess.result.profile"),
        Binding("g", "report", t("assess.result.report_key"), id="assess.result.report"),
        Binding("b,escape", "back", t("assess.result.back_key"), id="assess.result.back"),
        Binding("q", "quit", t("assess.key.quit"), id="assess.result.quit"),
        Binding("ctrl+c", "quit", t("assess.key.quit"), id="assess.result.quit_ctrl_c", show=False),
    ]

    def __init__(self, session: AssessmentSession) -> None:
        super().__init__()
        self.session = session
        set_address(session.assessment.address)

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="result-scroll"), Horizontal(id="result-columns"):
            with Vertical(id="result-left"):
                yield Static(id="result-verdict")
                yield Static(id="result-profile")
                yield DimensionBars(id="result-bars")
                yield Static(id="result-caps")
            with Vertical(id="result-right"):
                yield Static(id="result-strengths")
                yield Static(id="result-gaps")
        yield SteadyFooter(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.apply_breakpoints()
        self.title = self.session.assessment.title
        self.sub_title = self.session.result.participant
        self.show_score()
        self.query_one("#result-scroll").focus()

    def show_score(self) -> None:
        result = self.session.score()
        self.query_one("#result-verdict", Static).update(self._verdict(result))
        self.query_one("#result-caps", Static).update(self._caps(result))
        self.query_one("#result-caps").display = bool(result.caps)
        self.query_one("#result-profile", Static).update(self._profile(result))
        self.query_one(DimensionBars).update(result.dimensions)
        self.query_one("#result-strengths", Static).update(self._strengths(result))
        self.query_one("#result-gaps", Static).update(self._gaps(result))

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

    def _caps(self, result: AssessmentScore) -> Text:
        """Caps that lowered the verdict in full; the others (which would cap it too, but no
        lower) as one short line each, so the bars stay in view."""
        text = Text()
        if result.capped:
            capped = t("assess.result.capped", level=result.level_by_score.title)
            text.append(capped + "\n", style="bold")
        for cap in result.caps:
            if cap.effective:
                text.append("⚠ ", style="bold")
                text.append(_cap_line(cap) + "\n")
        others = [cap for cap in result.caps if not cap.effective]
        if others:
            text.append(
                ("\n" if text.plain else "") + t("assess.result.other_caps") + "\n", style="bold"
            )
        for cap in others:
            source = cap.question_text or cap.dimension_title
            if len(source) > SHORT:
                source = source[: SHORT - 1] + "…"
            text.append(f"· {cap.level.title}: ", style="dim")
            text.append(source + "\n")
        text.rstrip()
        return text

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

    def _gaps(self, result: AssessmentScore) -> Text:
        text = Text().append("\n" + t("assess.result.gaps") + "\n", style="bold")
        gaps = result.top_gaps(TOP_GAPS)
        unscored = [d.title for d in result.dimensions if d.score is None and d.missing]
        if not gaps:
            text.append(t("assess.result.no_gaps") + "\n", style="dim")
        for dim in gaps:
            text.append(f"\n{dim.title}", style="bold")
            score = t(
                "assess.result.gap", score=shown_text(dim.score), target=shown_text(dim.target)
            )
            text.append(f"  {score}\n", style="dim")
            for action in dim.actions[:ACTIONS_PER_GAP]:
                text.append("  → ")
                text.append(action.text)
                text.append(f"  [{t('assess.effort.' + action.effort)}]\n", style="dim")
        if unscored:
            text.append(
                "\n" + t("assess.result.unscored", dimensions=", ".join(unscored)), style="italic"
            )
        text.rstrip()
        return text

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
            self.notify(str(exc), severity="error", markup=False)
        self.show_score()

    def action_report(self) -> None:
        try:
            path = self.session.path or self.session.save()
            self.session.flush()  # the report reads the file: it must be complete
        except ReadinessError as exc:
            self.notify(str(exc), severity="error", markup=False)
            return
        if path is None:  # a preview (play --watch) saves nothing, so there is nothing to report
            self.notify(t("assess.result.no_report"), markup=False)
            return
        readiness_app(self).open_report(path)

    def action_quit(self) -> None:
        """Wait for the last changes (profile, finished) to reach the disk, then leave."""
        self.session.flush()
        self.app.exit()

    def action_back(self) -> None:
        self.dismiss(None)


def _cap_line(cap: Cap) -> str:
    """One sentence per cap: what capped the level, at which level, and why."""
    if cap.reason == "weakest_link":
        return t("assess.cap.line_weakest", level=cap.level.title, why=cap.why)
    key = "assess.cap.line_failed" if cap.reason == "failed" else "assess.cap.line_unanswered"
    return t(key, level=cap.level.title, question=cap.question_text, answer=cap.answer, why=cap.why)
