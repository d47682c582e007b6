"""The citation graph as GraphML, GEXF, node-link JSON and Graphviz DOT, through networkx."""

from __future__ import annotations

import io
import json
from typing import TYPE_CHECKING

from citegraph.graph import build_graph
from citegraph.render import RenderOptions
from citegraph.report import Report

if TYPE_CHECKING:
    import networkx as nx


def _plain(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy whose attribute values are all str/int/float, as GraphML and GEXF require."""
    copy = graph.copy()
    records = [copy.graph, *(d for _, d in copy.nodes(data=True))]
    records += [d for *_, d in copy.edges(keys=True, data=True)]
    for data in records:
        for key, value in data.items():
            data[key] = _scalar(value)
    return copy


def _scalar(value: object) -> str | int | float:
    if isinstance(value, (list, tuple, set, frozenset)):
        return "; ".join(str(v) for v in value)
    if isinstance(value, bool):  # GEXF and GraphML readers disagree on booleans
        return int(value)
    if isinstance(value, (str, int, float)):
        return value
    return "" if value is None else str(value)


class GraphmlRenderer:
    """GraphML (for yEd, Gephi, networkx)."""

    name = "graphml"
    extension = ".graphml"

    def render(self, report: Report, options: RenderOptions) -> str:
        """Return the GraphML document."""
        import networkx as nx

        buffer = io.BytesIO()
        nx.write_graphml(_plain(build_graph(report)), buffer, encoding="utf-8")
        return buffer.getvalue().decode("utf-8")


class GexfRenderer:
    """GEXF (Gephi's format)."""

    name = "gexf"
    extension = ".gexf"

    def render(self, report: Report, options: RenderOptions) -> str:
        """Return the GEXF document."""
        import networkx as nx

        buffer = io.BytesIO()
        nx.write_gexf(_plain(build_graph(report)), buffer, encoding="utf-8")
        return buffer.getvalue().decode("utf-8")


class NodeLinkRenderer:
    """networkx's node-link JSON (loadable with `networkx.node_link_graph(d, edges="edges")`)."""

    name = "node-link"
    extension = ".json"

    def render(self, report: Report, options: RenderOptions) -> str:
        """Return the node-link JSON document."""
        import networkx as nx

        data = nx.node_link_data(build_graph(report), edges="edges")
        return json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n"


class DotRenderer:
    """Graphviz DOT, written directly so no pydot/pygraphviz is needed."""

    name = "dot"
    extension = ".dot"

    def render(self, report: Report, options: RenderOptions) -> str:
        """Return a `digraph` with papers as boxes and code as ellipses."""
        graph = build_graph(report)
        lines = ["digraph citegraph {", "  rankdir=LR;", '  node [fontname="Helvetica"];']
        for node, data in sorted(graph.nodes(data=True)):
            shape = {"paper": "box", "file": "folder"}.get(data["kind"], "ellipse")
            lines.append(
                f"  {dot_id(node)} [label={dot_id(str(data.get('label', node)))}, shape={shape}];"
            )
        for source, target, _key, data in sorted(graph.edges(keys=True, data=True)):
            label = "" if data["rel"] == "defines" else f" [label={dot_id(str(data['line']))}]"
            lines.append(f"  {dot_id(source)} -> {dot_id(target)}{label};")
        lines.append("}")
        return "\n".join(lines) + "\n"


def dot_id(text: str) -> str:
    """A double-quoted DOT identifier; quotes, backslashes and newlines escaped."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "")
    return f'"{escaped}"'
