"""Render a GroupReport as Markdown, a self-contained HTML page, or JSON.

Same rules as the single-participant report: Jinja2 templates from the package with
StrictUndefined; HTML autoescaped; Markdown made inert with the gap report's escaping
filters, because participants' replies are hostile text as far as a report is concerned."""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import partial

from markupsafe import Markup

from readiness.i18n import Lang, as_language, t
from readiness.reports import group_svg
from readiness.reports.render import Format, environment, letter
from readiness.workshop.group_model import DimensionGroup, GroupReport, Share


def timeout_row(count: int, share: float, lang: Lang) -> Share:
    return Share(id="timeout", title=t("workshop.group.timeout", lang), count=count, share=share)


def _both(draw: Callable[[bool], Markup]) -> Markup:
    return Markup(draw(False) + draw(True))


def charts(report: GroupReport, lang: Lang) -> dict[str, Markup]:
    """Every chart of the HTML page, keyed by section, each in a wide and a narrow layout."""
    out: dict[str, Markup] = {}
    for a in report.assessments:
        overall = DimensionGroup(
            id="_overall", title=t("workshop.group.overall", lang), scores=a.overall
        )
        dims = [overall, *a.dimensions]
        title = t("workshop.group.chart.dimensions", lang, title=a.title)
        out[f"a:{a.content_id}"] = _both(partial(group_svg.boxplots, dims, title))
    for s in report.scenarios:
        for d in s.decisions:
            rows: list[Share] = [
                c.model_copy(update={"title": f"{letter(i)}. {c.title}"})
                for i, c in enumerate(d.choices)
            ]
            if d.timeouts:
                rows.append(timeout_row(d.timeouts, d.timeout_share, lang))
            if rows:
                expert = [c.id for c in d.choices if c.expert]
                title = t("workshop.group.chart.decision", lang, title=d.title or d.node)
                out[f"d:{s.content_id}:{d.node}"] = _both(
                    partial(group_svg.share_bars, rows, title, expert)
                )
        good = [e.id for e in s.endings if e.outcome == "good"]
        endings: list[Share] = list(s.endings)
        title = t("workshop.group.chart.endings", lang, title=s.title)
        out[f"e:{s.content_id}"] = _both(partial(group_svg.share_bars, endings, title, good))
        if s.scores:
            scores = list(s.scores)
            title = t("workshop.group.chart.scores", lang, title=s.title)
            out[f"s:{s.content_id}"] = _both(partial(group_svg.boxplots, scores, title))
    return out


def render_group(report: GroupReport, fmt: Format) -> str:
    """The group report as Markdown, a self-contained HTML page, or JSON."""
    lang: Lang = as_language(report.language)
    if fmt == "json":
        return json.dumps(report.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"
    name = "group.md.j2" if fmt == "md" else "group.html.j2"
    chart_map = charts(report, lang) if fmt == "html" else {}
    return environment(lang).get_template(name).render(r=report, charts=chart_map)
