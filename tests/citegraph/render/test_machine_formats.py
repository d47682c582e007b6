"""Every machine format parsed back by a real reader."""

from __future__ import annotations

import json
import os
from pathlib import Path

import bibtexparser
import jsonschema
import networkx as nx
import pytest
from reports import large_report, small_report

from citegraph.render import RENDERERS, RenderOptions, render
from citegraph.report import PaperEntry, Report


def test_every_registered_format_renders() -> None:
    for name in RENDERERS:
        assert render(small_report(), name).strip()


def test_bibtex_parses_back_with_stable_keys_and_arxiv_fields() -> None:
    text = render(small_report(), "bibtex")
    library = bibtexparser.parse_string(text)
    assert not library.failed_blocks
    entries = {e.key: e for e in library.entries}
    assert set(entries) == {
        "vaswani2017attention",
        "bloom1970space",
        "welford1962note",
        "arxiv200100001",
    }
    attention = entries["vaswani2017attention"].fields_dict
    assert attention["eprint"].value == "1706.03762"
    assert attention["archivePrefix"].value == "arXiv"
    assert attention["primaryClass"].value == "cs.CL"
    assert entries["bloom1970space"].fields_dict["doi"].value == "10.1145/362686.362692"
    assert "not found" in entries["arxiv200100001"].fields_dict["note"].value
    assert render(small_report(), "bibtex") == text  # deterministic


def test_bibtex_survives_hostile_metadata() -> None:
    paper = PaperEntry(
        key="doi:10.1/x",
        kind="doi",
        status="resolved",
        title="Braces { unbalanced and \\ backslash",
        authors=("A } B",),
        ids={"doi": "10.1/x"},
    )
    library = bibtexparser.parse_string(
        render(Report(root="/", repository="r", papers=(paper,)), "bibtex")
    )
    assert not library.failed_blocks and len(library.entries) == 1


def test_csl_json_items() -> None:
    items = json.loads(render(small_report(), "csl-json"))
    attention = next(i for i in items if i["id"] == "vaswani2017attention")
    assert attention["type"] == "article" and attention["archive"] == "arXiv"
    assert attention["author"][0] == {"family": "Vaswani", "given": "Ashish"}
    assert attention["issued"] == {"date-parts": [[2017]]}


def sarif_schema() -> dict:
    path = os.environ.get("CITEGRAPH_SARIF_SCHEMA") or str(
        Path(__file__).resolve().parents[3] / ".ci" / "vendor" / "sarif-schema-2.1.0.json"
    )
    if not Path(path).is_file():
        pytest.fail(f"SARIF schema missing at {path}: run .ci/run, which installs it")
    return json.loads(Path(path).read_text())


def test_sarif_validates_against_the_2_1_0_schema() -> None:
    log = json.loads(render(small_report(), "sarif"))
    jsonschema.validate(log, sarif_schema())
    run = log["runs"][0]
    (result,) = run["results"]
    assert result["ruleId"] == "CG003"
    rule = run["tool"]["driver"]["rules"][result["ruleIndex"]]
    assert rule["id"] == "CG003" and rule["shortDescription"]["text"]
    region = result["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["endColumn"]) == (7, 5, 21)
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "model/typo.py"
    assert result["partialFingerprints"]
    notes = run["invocations"][0]["toolExecutionNotifications"]
    assert "binary" in notes[0]["message"]["text"]


def test_graphml_gexf_and_node_link_read_back_through_networkx(tmp_path: Path) -> None:
    report = small_report()
    for name, reader in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
        path = tmp_path / f"g.{name}"
        path.write_text(render(report, name))
        graph = reader(path)
        papers = [n for n, d in graph.nodes(data=True) if d["kind"] == "paper"]
        assert len(papers) == 4
    data = json.loads(render(report, "node-link"))
    graph = nx.node_link_graph(data, edges="edges")
    cites = [e for e in graph.edges(data=True) if e[2]["rel"] == "cites"]
    assert len(cites) == len(report.citations)


def test_dot_quotes_every_identifier() -> None:
    text = render(small_report(), "dot")
    assert text.startswith("digraph citegraph {") and text.rstrip().endswith("}")
    assert '"paper:arxiv:1706.03762"' in text
    assert text.count("->") == len(small_report().citations) + 6  # + file->symbol edges


def test_markdown_escapes_and_truncates() -> None:
    hostile = PaperEntry(
        key="arxiv:1706.03762",
        kind="arxiv",
        status="resolved",
        title="A | B <script>alert(1)</script> [x](javascript:y)",
    )
    text = render(Report(root="/", repository="r", papers=(hostile,)), "markdown")
    assert "<script>" not in text and "\\|" in text and "](javascript" not in text
    big = render(
        large_report(papers=3000, citations=3000), "markdown", RenderOptions(max_bytes=20_000)
    )
    assert len(big.encode()) <= 20_000 and "Truncated:" in big
