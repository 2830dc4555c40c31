"""A scenario's decision graph as Mermaid or Graphviz DOT text, for docs and reviews.

Choices are labelled edges, timeouts dashed, the expert path thick, endings coloured by outcome."""

from __future__ import annotations

from readiness.content.paths import Edge, Paths
from readiness.i18n import Lang, t
from readiness.models.scenario import Decision, Ending, Reply, Scenario
from readiness.platforms import platform_name

LABEL_CHARS = 40
"""Choice texts are cut to this length so the drawing stays readable."""
OUTCOME_COLOURS = {"good": "#c8e6c9", "mixed": "#fff3c4", "bad": "#ffcdd2"}
EXPERT_COLOUR = "#1565c0"


def _short(text: str, limit: int = LABEL_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def edge_label(e: Edge, lang: Lang = "en") -> str:
    """`choice-id: what the participant does`, or "timeout" / "reply" in `lang`."""
    if e.kind == "choice":
        return f"{e.label}: {_short(e.text)}"
    return t(f"graph.edge.{e.kind}", lang)


def node_label(node: Decision | Reply | Ending, lang: Lang = "en") -> list[str]:
    """Lines shown in a node's box: id, kind details (in `lang`), title."""
    if isinstance(node, Ending):
        outcome = t(f"report.outcome.{node.outcome}", lang)
        lines = [node.id, t("graph.ending", lang, outcome=outcome)]
    elif isinstance(node, Reply):
        platform = platform_name(node.platform, lang)
        lines = [node.id, t("graph.reply", lang, platform=platform)]
    else:
        lines = [node.id]
        if node.time_limit:
            lines.append(f"{node.time_limit} s")
    title = node.title
    if title:
        lines.append(_short(title))
    return lines


def _mermaid_text(text: str) -> str:
    """Mermaid labels are quoted; quotes and angle brackets become entity codes."""
    return text.replace('"', "#quot;").replace("<", "#lt;").replace(">", "#gt;")


def mermaid(s: Scenario, lang: Lang = "en") -> str:
    """A `flowchart TD` for Markdown viewers (GitHub, GitLab, VS Code) and mermaid.live."""
    paths = Paths(s)
    ids = {n.id: f"n{i}" for i, n in enumerate(s.nodes)}
    expert = {(e.source, e.target, e.label) for e in paths.expert_path()}
    lines = ["flowchart TD", f"    %% {_mermaid_text(s.title)} ({s.id})"]
    for node in s.nodes:
        label = "<br/>".join(_mermaid_text(line) for line in node_label(node, lang))
        if isinstance(node, Ending):
            lines.append(f'    {ids[node.id]}(["{label}"])')
        elif isinstance(node, Reply):
            lines.append(f'    {ids[node.id]}[/"{label}"/]')
        else:
            lines.append(f'    {ids[node.id]}["{label}"]')
    expert_links: list[int] = []
    links = [e for e in paths.edges if e.source in ids and e.target in ids]
    for index, e in enumerate(links):
        arrow = "-.->" if e.kind == "timeout" else "-->"
        if (e.source, e.target, e.label) in expert:
            arrow = "==>"
            expert_links.append(index)
        lines.append(
            f'    {ids[e.source]} {arrow}|"{_mermaid_text(edge_label(e, lang))}"| {ids[e.target]}'
        )
    for outcome, colour in OUTCOME_COLOURS.items():
        lines.append(f"    classDef {outcome} fill:{colour},stroke:#555")
    for node in s.nodes:
        if isinstance(node, Ending):
            lines.append(f"    class {ids[node.id]} {node.outcome}")
    if expert_links:
        numbers = ",".join(str(i) for i in expert_links)
        lines.append(f"    linkStyle {numbers} stroke:{EXPERT_COLOUR},stroke-width:3px")
    return "\n".join(lines) + "\n"


def _dot_text(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


def dot(s: Scenario, lang: Lang = "en") -> str:
    """A Graphviz digraph: `readiness graph FILE --format dot | dot -Tsvg > graph.svg`."""
    paths = Paths(s)
    expert = {(e.source, e.target, e.label) for e in paths.expert_path()}
    lines = [
        f'digraph "{_dot_text(s.id)}" {{',
        f'  label="{_dot_text(s.title)}";',
        "  rankdir=TB;",
        '  node [shape=box, style="rounded", fontname="Helvetica"];',
        '  edge [fontname="Helvetica", fontsize=10];',
    ]
    for node in s.nodes:
        label = _dot_text("\n".join(node_label(node, lang)))
        attrs = [f'label="{label}"']
        if isinstance(node, Ending):
            attrs += [
                "shape=ellipse",
                'style="filled"',
                f'fillcolor="{OUTCOME_COLOURS[node.outcome]}"',
                f'outcome="{node.outcome}"',
            ]
        elif isinstance(node, Reply):
            attrs.append("shape=parallelogram")
        if node.id == s.start:
            attrs.append("penwidth=2")
        lines.append(f'  "{_dot_text(node.id)}" [{", ".join(attrs)}];')
    for e in paths.edges:
        attrs = [f'label="{_dot_text(edge_label(e, lang))}"']
        if e.kind == "timeout":
            attrs.append("style=dashed")
        if (e.source, e.target, e.label) in expert:
            attrs += ["penwidth=3", f'color="{EXPERT_COLOUR}"', "expert=true"]
        lines.append(f'  "{_dot_text(e.source)}" -> "{_dot_text(e.target)}" [{", ".join(attrs)}];')
    lines.append("}")
    return "\n".join(lines) + "\n"
