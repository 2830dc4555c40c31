"""The gap report in the terminal: verdict, bars against the target, plan, exercises, export."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from readiness.analysis.model import GapReport
from readiness.content.loader import Library, load_library
from readiness.errors import ReadinessError
from readiness.i18n import addressing, t
from readiness.models.results import AnyResult, AssessmentResult
from readiness.numbers import shown_text
from readiness.tui.contracts import readiness_app
from readiness.tui.error_text import said
from readiness.tui.laid_out_once import LaidOutOnce
from readiness.tui.widgets.action_plan import ActionPlan
from readiness.tui.widgets.footer import LocalFooter
from readiness.tui.widgets.gap_bars import GapBars
from readiness.tui.widgets.header import LocalHeader


class ReportScreen(LaidOutOnce[None]):
    """Shows the GapReport built from a result file and the participant's other runs."""

    CSS_PATH = "../report.tcss"
    BINDINGS = [
        Binding("p", "next_profile", "report.tui.profile", id="profile"),
        Binding("i", "toggle_practice", "report.tui.practice", id="practice"),
        Binding("x", "export", "report.tui.export", id="export"),
        Binding("q,escape,b", "back", "keys.back", id="back", key_display="q/Esc"),
    ]

    def __init__(self, result_path: Path) -> None:
        super().__init__()
        self.result_path = result_path
        self.results: list[AnyResult] = []
        self.profile: str | None = None
        self.include_practice = False
        """Count practice-mode runs as evidence (`i`); left out by default, as in `report`."""
        self.report: GapReport | None = None
        self.library: Library | None = None

    def compose(self) -> ComposeResult:
        yield LocalHeader()
        with VerticalScroll(id="report-body"):
            yield Static(t("report.tui.building"), id="report-verdict")
            yield GapBars(id="report-bars")
            yield Static("", id="report-legend")
            yield Static("", id="report-findings")
            yield ActionPlan(id="report-plan")
            yield Static("", id="report-scenarios")
        yield LocalFooter()

    def on_mount(self) -> None:
        # The body has the keyboard: arrows and Page Up/Down scroll the report at once.
        self.query_one("#report-body", VerticalScroll).focus()
        self.build()

    @work(thread=True, exclusive=True, group="report")
    def build(self) -> None:
        """Reading results and scoring are file work: keep them off the event loop."""
        from readiness.reports.service import gather_for_participant, report_for

        try:
            library = readiness_app(self).library or load_library(
                readiness_app(self).settings.content_dirs
            )
            folder = self.result_path.parent
            results = self.results or gather_for_participant(folder, self.result_path)
            lang = readiness_app(self).settings.lang
            report, _ = report_for(
                library,
                results,
                lang,
                profile=self.profile,
                include_practice=self.include_practice,
            )
        except ReadinessError as exc:
            self.app.call_from_thread(self.notify, said(exc), severity="error", markup=False)
            return
        self.library, self.results = library, results
        self.app.call_from_thread(self.show, report)

    def show(self, report: GapReport) -> None:
        self.report = report
        self.profile = report.profile
        with addressing(report.address):  # its own words in the voice of its content
            self._show(report)

    def _show(self, report: GapReport) -> None:
        verdict = Text()
        verdict.append(f"{t('report.verdict')}: ", style="bold")
        verdict.append(report.verdict, style="bold reverse")
        if report.overall is not None:
            verdict.append(f"   {shown_text(report.overall)}/100", style="bold")
        if report.profile_title:
            verdict.append(f"   {t('report.profile')}: {report.profile_title}", style="dim")
        if report.missing:
            verdict.append("\n" + t("report.missing", count=report.missing), style="yellow")
        if report.outdated:
            verdict.append("\n" + t("report.outdated"), style="yellow")
        # As the written report says them: an exercise changed since its run, and results
        # left out because their content is not loaded (they vanished from this screen).
        for s in report.scenarios:
            if s.outdated:
                said = t("report.outdated_exercise", title=s.title, version=s.version)
                verdict.append("\n" + said, style="yellow")
        if report.not_loaded:
            verdict.append(
                "\n" + t("report.not_loaded", count=len(report.not_loaded)), style="yellow"
            )
            for x in report.not_loaded:
                verdict.append("\n• " + x.named(readiness_app(self).settings.lang), style="yellow")
        for cap in report.caps:
            verdict.append(f"\n{t('report.capped')}: ", style="bold red")
            verdict.append(cap.reason)
        self.query_one("#report-verdict", Static).update(verdict)
        self.query_one("#report-bars", GapBars).update(report.dimensions)
        legend = Text(t("report.tui.legend"), style="dim") if report.dimensions else Text()
        self.query_one("#report-legend", Static).update(legend)
        self.query_one("#report-findings", Static).update(self._findings(report))
        self._plan(report)
        self.query_one("#report-scenarios", Static).update(self._scenarios(report))

    def _findings(self, report: GapReport) -> Text:
        rows = {d.id: d for d in report.dimensions}
        text = Text()
        if report.strengths:
            text.append(t("report.strengths") + ": ", style="bold green")
            text.append(", ".join(rows[s].title for s in report.strengths) + "\n")
        if report.gaps:
            text.append(t("report.gaps") + ": ", style="bold red")
            gaps = [f"{rows[g].title} −{rows[g].gap}" for g in report.gaps]
            text.append(", ".join(gaps) + "\n")
        for kind in ("stronger", "weaker"):
            lines = [m for m in report.mismatches if m.kind == kind]
            if not lines:
                continue
            text.append("\n" + t(f"report.mismatch.{kind}_title") + "\n", style="bold magenta")
            for m in lines:
                text.append("⚠ " if kind == "weaker" else "↑ ", style="bold magenta")
                text.append(m.message + "\n")
        return text

    def _plan(self, report: GapReport) -> None:
        self.query_one("#report-plan", ActionPlan).show(report.actions)

    def _scenarios(self, report: GapReport) -> Text:
        text = Text()
        if not report.scenarios and not report.excluded:
            return text
        text.append(t("report.scenarios") + "\n", style="bold")
        for s in report.scenarios:
            text.append(f"• {s.title}: ", style="bold")
            text.append(f"{s.ending_title} ({t('report.outcome.' + s.outcome)})")
            if s.timeouts:
                text.append(f" · {t('report.timeouts')}: {s.timeouts}", style="yellow")
            scores = ", ".join(
                f"{s.dimension_titles.get(k, k)} {shown_text(v)}" for k, v in s.scores.items()
            )
            text.append(f"\n  {scores}\n", style="dim")
        if report.excluded:
            names = "; ".join(
                f"{x.title} ({t('report.excluded_reason.' + x.reason)})" for x in report.excluded
            )
            text.append(f"{t('report.excluded')}: {names}", style="dim")
            if not report.include_practice and any(x.reason == "practice" for x in report.excluded):
                text.append(" " + t("report.excluded_hint"), style="dim")
            text.append("\n")
        return text

    def action_next_profile(self) -> None:
        main = next((r for r in self.results if isinstance(r, AssessmentResult)), None)
        if main is None or self.library is None:
            return
        content = self.library.get(main.content_id)
        profiles = [p.id for p in getattr(content.model, "profiles", [])] if content else []
        if not profiles:
            return
        current = self.profile if self.profile in profiles else profiles[0]
        self.profile = profiles[(profiles.index(current) + 1) % len(profiles)]
        self.build()

    def action_toggle_practice(self) -> None:
        self.include_practice = not self.include_practice
        key = "report.tui.practice_on" if self.include_practice else "report.tui.practice_off"
        self.notify(t(key), markup=False)
        self.build()

    def action_export(self) -> None:
        if self.report is not None:
            self.export(self.report)

    @work(thread=True, group="export")
    def export(self, report: GapReport) -> None:
        """Write Markdown, HTML and JSON beside the results; in the browser, download the HTML."""
        from readiness.reports.render import render
        from readiness.storage import atomic_write_text

        settings = readiness_app(self).settings
        html = render(report, "html")
        if settings.restricted:
            name = f"readiness-report-{self.result_path.stem}.html"
            # deliver_text takes a path or a file object; a str would be read as a path.
            from io import StringIO

            # Every press delivers a new copy: the browser fetches each from its own
            # single-use address. Say so on screen, because the only other sign is the
            # browser's own download bar, and a blocked download leaves no sign at all.
            self.app.call_from_thread(
                self.app.deliver_text,
                StringIO(html),
                save_filename=name,
                mime_type="text/html",
                encoding="utf-8",
            )
            with addressing(report.address):
                message = t("report.tui.downloaded", name=name)
            self.app.call_from_thread(self.notify, message, markup=False, timeout=10)
            return
        folder = settings.results_dir / "reports"
        stem = self.result_path.stem
        try:
            for fmt, text in (
                ("md", render(report, "md")),
                ("html", html),
                ("json", render(report, "json")),
            ):
                atomic_write_text(folder / f"{stem}.{fmt}", text)
        except OSError as exc:
            self.app.call_from_thread(self.notify, said(exc), severity="error", markup=False)
            return
        self.app.call_from_thread(
            self.notify, t("report.tui.exported", path=str(folder / stem)), markup=False
        )

    def action_back(self) -> None:
        """Leave the report: back to the screen below, or out of the app if it is alone."""
        if len(self.app.screen_stack) <= 2:
            self.app.exit()
        else:
            self.app.pop_screen()
