"""The citation graph: papers, symbols and files as networkx nodes, one edge per citation.

Node ids carry a typed prefix so a paper and a function can never collide:
`paper:<key>`, `symbol:<path>::<qualified name>`, `file:<path>`. The `bipartite` attribute
puts code (0) and papers (1) on two sides, so `networkx.algorithms.bipartite` can project
"symbols that share a paper" directly. Each citation site is its own `cites` edge (a
MultiDiGraph), keyed `<path>:<line>:<column>`, carrying its location and raw text; a file
reaches its symbols through one `defines` edge each. Paper nodes carry `authors` as a list
(the GraphML and GEXF writers flatten it to a `; `-separated string).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from citegraph.report import Report

if TYPE_CHECKING:
    import networkx as nx


def paper_node(key: str) -> str:
    """The node id of a paper."""
    return f"paper:{key}"


def symbol_node(path: str, symbol: str) -> str:
    """The node id of a symbol (qualified names repeat across files in some languages)."""
    return f"symbol:{path}::{symbol}"


def file_node(path: str) -> str:
    """The node id of a file."""
    return f"file:{path}"


def build_graph(report: Report) -> nx.MultiDiGraph:
    """Build the graph of `report`: file -defines-> symbol -cites-> paper."""
    import networkx as nx  # imported here: it is the heaviest import, and hooks never need it

    graph = nx.MultiDiGraph(repository=report.repository, revision=report.revision or "")
    for paper in report.papers:
        graph.add_node(
            paper_node(paper.key),
            kind="paper",
            bipartite=1,
            key=paper.key,
            label=paper.title or paper.title_hint or paper.key,
            status=paper.status,
            year=paper.year or 0,
            paper_kind=paper.kind,
            title=paper.title or paper.title_hint or "",
            authors=list(paper.authors),
            venue=paper.venue or "",
            url=paper.url or "",
        )
    for citation in report.citations:
        file_id = file_node(citation.path)
        symbol_id = symbol_node(citation.path, citation.symbol)
        if file_id not in graph:
            graph.add_node(
                file_id,
                kind="file",
                bipartite=0,
                path=citation.path,
                language=citation.language,
                label=citation.path,
            )
        if symbol_id not in graph:
            graph.add_node(
                symbol_id,
                kind="symbol",
                bipartite=0,
                name=citation.symbol,
                symbol_kind=citation.symbol_kind,
                path=citation.path,
                label=citation.symbol,
            )
            graph.add_edge(file_id, symbol_id, key="defines", rel="defines")
        graph.add_edge(
            symbol_id,
            paper_node(citation.paper),
            key=f"{citation.path}:{citation.line}:{citation.column}",
            rel="cites",
            path=citation.path,
            line=citation.line,
            column=citation.column,
            raw=citation.raw,
            context=citation.context,
            rule=citation.rule,
            ref_kind=citation.kind,
            confidence=citation.confidence,
        )
    return graph


def papers_of(graph: nx.MultiDiGraph, node: str) -> list[str]:
    """The papers a symbol (or every symbol of a file) cites, sorted."""
    symbols = [node] if node.startswith("symbol:") else list(graph.successors(node))
    return sorted({p for s in symbols for p in graph.successors(s) if p.startswith("paper:")})


def citing_symbols(graph: nx.MultiDiGraph, key: str) -> list[str]:
    """The symbols that cite the paper `key`, sorted."""
    return sorted(graph.predecessors(paper_node(key)))
