"""GraphML, GEXF, node-link JSON and DOT, read back through networkx or a small DOT parser."""

from __future__ import annotations

import json
import re
from pathlib import Path

import networkx as nx
import pytest
from reports import small_report

from citegraph.render import render
from citegraph.render.graphs import dot_id


@pytest.mark.parametrize("name, reader", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_xml_formats_read_back(name: str, reader, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    report = small_report()
    path = tmp_path / f"g.{name}"
    path.write_text(render(report, name))
    graph = reader(path)
    papers = {n: d for n, d in graph.nodes(data=True) if d["kind"] == "paper"}
    assert len(papers) == 4
    attention = papers["paper:arxiv:1706.03762"]
    assert attention["authors"] == "Ashish Vaswani; Noam Shazeer" and attention["year"] == 2017
    cites = [d for *_, d in graph.edges(data=True) if d["rel"] == "cites"]
    assert len(cites) == len(report.citations)
    assert {(d["path"], int(d["line"])) for d in cites} == {
        (c.path, c.line) for c in report.citations
    }


def test_node_link_round_trips() -> None:
    report = small_report()
    graph = nx.node_link_graph(json.loads(render(report, "node-link")), edges="edges")
    assert graph.is_multigraph() and graph.is_directed()
    assert graph.nodes["paper:arxiv:1706.03762"]["authors"] == ["Ashish Vaswani", "Noam Shazeer"]
    assert sorted(graph.predecessors("paper:arxiv:1706.03762")) == [
        "symbol:model/attention.py::model.attention.Attention",
        "symbol:model/attention.py::model.attention.Attention.fwd",
        "symbol:native/attn.cpp::ops::attn",
    ]


_QUOTED = r'"(?:[^"\\]|\\.)*"'
_NODE = re.compile(rf"^  ({_QUOTED}) \[label=({_QUOTED}), shape=\w+\];$")
_EDGE = re.compile(rf"^  ({_QUOTED}) -> ({_QUOTED})(?: \[label=({_QUOTED})\])?;$")


def test_dot_is_well_formed() -> None:
    report = small_report()
    lines = render(report, "dot").splitlines()
    assert lines[0] == "digraph citegraph {" and lines[-1] == "}"
    nodes, edges = set(), []
    for line in lines[3:-1]:
        if node := _NODE.match(line):
            nodes.add(node[1])
        else:
            edge = _EDGE.match(line)
            assert edge, line
            edges.append((edge[1], edge[2]))
    assert all(a in nodes and b in nodes for a, b in edges)
    assert len(edges) == len(report.citations) + 6  # + one file->symbol edge per symbol


def test_dot_id_escapes_quotes_backslashes_and_newlines() -> None:
    assert dot_id('a "b" \\ c\nd') == '"a \\"b\\" \\\\ c\\nd"'
    assert re.fullmatch(_QUOTED, dot_id('x"\\\n\r;}'))
