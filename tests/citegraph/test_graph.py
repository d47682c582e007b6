"""The citation graph built from a real scan."""

from __future__ import annotations

from pathlib import Path

from networkx.algorithms import bipartite

from citegraph.config import Config
from citegraph.graph import build_graph, citing_symbols, paper_node, papers_of
from citegraph.pipeline import run_scan


def test_one_paper_node_for_every_form_of_its_id(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text(
        "def f():\n"
        '    """https://arxiv.org/abs/1908.03265"""\n'
        "\n\n"
        "def g():\n"
        "    # https://arxiv.org/pdf/1908.03265v2.pdf and again arXiv:1908.03265\n"
        "    pass\n"
    )
    (tmp_path / "b.cpp").write_text("/// RAdam, arXiv:1908.03265v4\nvoid step();\n")
    report = run_scan(tmp_path, Config(resolve=False))
    graph = build_graph(report)
    papers = [n for n, d in graph.nodes(data=True) if d["kind"] == "paper"]
    assert papers == [paper_node("arxiv:1908.03265")]
    assert citing_symbols(graph, "arxiv:1908.03265") == [
        "symbol:a.py::a.f",
        "symbol:a.py::a.g",
        "symbol:b.cpp::step",
    ]
    cites = [e for e in graph.edges(data=True) if e[2]["rel"] == "cites"]
    # The two forms in g's comment are one reference: one citation, one edge.
    assert len(cites) == len(report.citations) == 3
    assert {(d["path"], d["line"]) for _, _, d in cites} == {("a.py", 2), ("a.py", 6), ("b.cpp", 1)}
    cited = graph.subgraph(n for n, d in graph.nodes(data=True) if d["kind"] != "file")
    symbols = {n for n, d in cited.nodes(data=True) if d["bipartite"] == 0}
    assert bipartite.is_bipartite_node_set(cited.to_undirected(), symbols)
    assert papers_of(graph, "file:a.py") == ["paper:arxiv:1908.03265"]
