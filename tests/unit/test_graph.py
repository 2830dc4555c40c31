"""`readiness graph`: Mermaid checked line by line, DOT parsed with pydot."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

import pydot
import pytest

from readiness.authoring.graph import dot, mermaid
from readiness.cli.main import main
from readiness.models.scenario import Scenario

# pydot's parser uses pyparsing names that newer pyparsing releases deprecate.
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

DATA = Path(__file__).parent.parent / "data" / "authoring"
MINI = DATA / "mini.en.toml"


def load(path: Path = MINI, **changes: Any) -> Scenario:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    data.update(changes)
    return Scenario.model_validate(data)


MERMAID_LINE = re.compile(
    r"""^(flowchart\ TD
    |\ {4}%%\ .*
    |\ {4}n\d+(\["[^"]*"\]|\(\["[^"]*"\]\)|\[/"[^"]*"/\])
    |\ {4}n\d+\ (-->|==>|-\.->)\|"[^"]*"\|\ n\d+
    |\ {4}classDef\ (good|mixed|bad)\ fill:\#[0-9a-f]{6},stroke:\#555
    |\ {4}class\ n\d+\ (good|mixed|bad)
    |\ {4}linkStyle\ \d+(,\d+)*\ stroke:\#[0-9a-f]{6},stroke-width:3px)$""",
    re.VERBOSE,
)


def test_mermaid_has_the_shape_of_a_flowchart() -> None:
    text = mermaid(load())
    lines = text.splitlines()
    assert lines[0] == "flowchart TD"
    for line in lines:
        assert MERMAID_LINE.match(line), line


def test_mermaid_draws_every_node_and_edge_with_its_meaning() -> None:
    text = mermaid(load())
    # 5 nodes: decisions as boxes, the reply as a parallelogram, endings as stadiums.
    assert len(re.findall(r'^    n\d+\["', text, re.M)) == 2
    assert len(re.findall(r'^    n\d+\[/"', text, re.M)) == 1
    assert len(re.findall(r'^    n\d+\(\["', text, re.M)) == 2
    edges = re.findall(r"^    (n\d+) (-->|==>|-\.->)\|\"([^\"]*)\"\| (n\d+)$", text, re.M)
    assert len(edges) == 6  # 4 choices, 1 reply, 1 timeout
    labels = {label: arrow for _, arrow, label, _ in edges}
    assert labels["timeout"] == "-.->"
    assert labels["answer: Answer now."] == "==>"  # expert
    assert labels["ignore: Ignore it."] == "-->"
    assert labels["thank: Thank the customer in public."] == "==>"
    assert labels["reply"] == "==>"
    assert 'n3(["good<br/>ending: good<br/>Calm"])' in text
    assert "    class n3 good" in text and "    class n4 bad" in text
    # linkStyle numbers the expert links in the order they were written.
    expert_numbers = [str(i) for i, e in enumerate(edges) if e[1] == "==>"]
    assert f"    linkStyle {','.join(expert_numbers)} stroke:" in text


def test_mermaid_escapes_quotes_and_brackets_from_content() -> None:
    s = load()
    s.nodes[0].title = 'He said "delete <it>"'  # type: ignore[union-attr]
    text = mermaid(s)
    assert "He said #quot;delete #lt;it#gt;#quot;" in text
    for line in text.splitlines():
        assert MERMAID_LINE.match(line), line


def parse_dot(text: str) -> pydot.Dot:
    graphs = pydot.graph_from_dot_data(text)
    assert graphs is not None and len(graphs) == 1
    return graphs[0]


def unquote(value: str | None) -> str:
    return (value or "").strip('"')


def test_dot_parses_with_nodes_edges_and_labels() -> None:
    graph = parse_dot(dot(load()))
    nodes = {
        unquote(n.get_name()): n for n in graph.get_nodes() if n.get_name() not in ("node", "edge")
    }
    assert set(nodes) == {"d1", "r1", "d2", "good", "bad"}
    assert nodes["r1"].get_shape() == "parallelogram"
    assert unquote(nodes["good"].get("outcome")) == "good"
    assert unquote(nodes["good"].get("fillcolor")) == "#c8e6c9"
    assert unquote(nodes["bad"].get("fillcolor")) == "#ffcdd2"
    edges = [(unquote(e.get_source()), unquote(e.get_destination()), e) for e in graph.get_edges()]
    assert len(edges) == 6
    by_label = {unquote(e.get_label()): (s, d, e) for s, d, e in edges}
    assert by_label["timeout"][:2] == ("d1", "bad")
    assert by_label["timeout"][2].get_style() == "dashed"
    expert = {(s, d) for s, d, e in edges if e.get("expert") == "true"}
    assert expert == {("d1", "r1"), ("r1", "d2"), ("d2", "good")}


def test_dot_survives_hostile_text() -> None:
    s = load(title='A "quoted" \\ title')
    s.nodes[0].situation = "x"  # type: ignore[union-attr]
    s.nodes[0].title = 'Line "one"\\'  # type: ignore[union-attr]
    graph = parse_dot(dot(s))
    assert unquote(graph.get_label()) == 'A \\"quoted\\" \\\\ title'


def test_graph_command_prints_both_formats(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["graph", str(MINI)]) == 0
    assert capsys.readouterr().out.startswith("flowchart TD\n")
    assert main(["graph", str(MINI), "--format", "dot"]) == 0
    parse_dot(capsys.readouterr().out)


def test_graph_of_an_assessment_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["graph", str(DATA / "quiz.en.toml")]) == 2
    assert (
        capsys.readouterr()
        .err.strip()
        .endswith(
            "is an assessment, not a scenario; start it with: readiness assess "
            + str(DATA / "quiz.en.toml")
        )
    )


def test_a_german_graph_labels_its_steps_in_german() -> None:
    """`readiness --lang de graph` drew "reply (x)", "ending: good" and "timeout" edges."""
    german = load(DATA / "mini.de.toml")
    for text in (mermaid(german, "de"), dot(german, "de")):
        assert "Antwort (X)" in text and "Ende: gut" in text and "Zeit abgelaufen" in text
        assert "ending:" not in text and "reply (" not in text and '"timeout"' not in text
    assert "reply (X)" in mermaid(load()) and "ending: good" in mermaid(load())
