"""Render a GapReport with Jinja2 templates kept in the package.

HTML is autoescaped; Markdown gets its own escaping filter, because a Markdown file is often
turned into HTML later (wikis, tickets) and must stay inert there too."""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from functools import cache
from typing import Literal

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from readiness.analysis.model import GapReport
from readiness.i18n import Lang, addressing, as_language, t
from readiness.i18n.formats import day, day_time
from readiness.numbers import shown, shown_text, signed_text
from readiness.platforms import platform_name
from readiness.reports import svg

Format = Literal["md", "html", "json"]

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|!])")
_MD_REPLACE = {"<": "&lt;", ">": "&gt;"}


def md_escape(value: object) -> str:
    """Text from content or participants, made inert in Markdown and in HTML made from it."""
    text = str(value)
    return _MD_SPECIAL.sub(lambda m: _MD_REPLACE.get(m.group(1), "\\" + m.group(1)), text)


_MD_POINT = re.compile(r"^[ \t]*•[ \t]+", re.MULTILINE)


def md_prose(value: object) -> str:
    """Author prose, escaped as `md_escape` does, with its "•" points made Markdown list
    items: a Markdown reader joins lines into one paragraph, so the points of a debrief
    text ran together into one line ("- " points are list items already)."""
    return _MD_POINT.sub("- ", md_escape(value))


def md_cell(value: object) -> str:
    """Like md_escape, on one line, for table cells."""
    return " ".join(md_escape(value).split())


BLOCKS = " ▁▂▃▄▅▆▇█"


def spark(counts: list[int]) -> str:
    """A histogram in one line of block characters, e.g. `▁▃█▅▂`."""
    top = max(counts) if counts else 0
    if not top:
        return "·" * len(counts)
    return "".join(BLOCKS[round(c / top * (len(BLOCKS) - 1))] if c else "·" for c in counts)


def letter(index: int) -> str:
    """The letter that names choice `index` (0-based) in a chart and in the team table, so
    a narrow table column can point at a choice whose full text stands in the chart."""
    return chr(ord("A") + index) if index < 26 else str(index + 1)


def share_text(value: float) -> str:
    """A share (0..1) as a whole percentage, rounded the one way (readiness.numbers)."""
    return f"{shown(value * 100)} %"


@cache
def environment(lang: Lang) -> Environment:
    """The one Jinja environment of every report (gap report, group report, kit, journal)."""
    env = Environment(
        loader=PackageLoader("readiness.reports", "templates"),
        autoescape=select_autoescape(["html", "html.j2"], default_for_string=False),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = md_escape
    env.filters["cell"] = md_cell
    env.filters["prose"] = md_prose
    env.filters["pct"] = shown_text  # the one rounding of readiness.numbers, never `round`
    env.filters["signed"] = signed_text
    env.filters["when"] = lambda value: when_text(value, lang)
    env.filters.update(share=share_text, spark=spark, letter=letter)
    env.filters["platform"] = lambda value: platform_name(value, lang)
    env.globals["t"] = lambda key, **kw: t(key, lang, **kw)
    return env


def when_text(value: str | date | datetime, lang: Lang) -> str:
    """A date or time the way the report's language writes it (03.12.2026, 14:05 in
    German). Report data keeps ISO text ("2026-12-03 14:05 UTC") for machines and JSON;
    only what a person reads is localised. Text in any other shape is shown as it is."""
    if isinstance(value, datetime):
        return day_time(value, lang)
    if isinstance(value, date):
        return day(value, lang)
    text, suffix = value.strip(), ""
    if text.endswith(" UTC"):
        text, suffix = text[:-4], " UTC"
    for pattern, write in (("%Y-%m-%d %H:%M", day_time), ("%Y-%m-%d", day)):
        try:
            return write(datetime.strptime(text, pattern), lang) + suffix
        except ValueError:
            continue
    return value


def _charts(report: GapReport, lang: Lang) -> dict[str, Markup]:
    labels = [d.title for d in report.dimensions]
    scores = [d.score for d in report.dimensions]
    targets = [d.target for d in report.dimensions]
    radar, bars = t("report.chart.radar", lang), t("report.chart.bars", lang)
    return {
        "radar": svg.both(
            svg.radar(labels, scores, targets, radar),
            svg.radar(labels, scores, targets, radar, narrow=True),
        ),
        "bars": svg.both(
            svg.bars(labels, scores, targets, bars),
            svg.bars(labels, scores, targets, bars, narrow=True),
        ),
    }


def render(report: GapReport, fmt: Format) -> str:
    """The report as Markdown, a self-contained HTML page, or JSON."""
    lang: Lang = as_language(report.language)
    if fmt == "json":
        return json.dumps(report.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"
    template = environment(lang).get_template("report.md.j2" if fmt == "md" else "report.html.j2")
    charts = _charts(report, lang) if fmt == "html" else {}
    with addressing(report.address):  # its own words in the voice of its content
        return template.render(r=report, charts=charts)
