"""One citation per reference, with its other lines, in every output: a work mentioned on
three lines of one docstring is one citation (and its other lines are shown), the same work in
another place is a second one; in the JSON document and its schema, the terminal, HTML and
Markdown reports, SARIF and `citegraph diff`."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

import jsonschema
import pytest
from reports import small_report

from citegraph.cli import run
from citegraph.diffing import diff_reports
from citegraph.render import render
from citegraph.report import Report

ROOT = Path(__file__).resolve().parents[3]
SCAN_SCHEMA = json.loads((ROOT / "citegraph" / "schema" / "scan.schema.json").read_text())
SARIF_SCHEMA = ROOT / ".ci" / "vendor" / "sarif-schema-2.1.0.json"
HAL = "url:https://hal.science/hal-00406166"
SOURCE = '''def estimate(registers):
    """Estimate the cardinality as Flajolet et al. (2007) do.

    [FFGM2007] P. Flajolet, E. Fusy, O. Gandouet and F. Meunier. HyperLogLog: the
        analysis of a near-optimal cardinality estimation algorithm. In Proc. AofA,
        pages 137-156, 2007. https://hal.science/hal-00406166

    The bias correction is the one of [FFGM2007].
    """


def merge(a, b):
    # Registers merge as in https://hal.science/hal-00406166
    return a
'''


@pytest.fixture
def scanned(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A scan of one module, saved as JSON."""
    (tmp_path / "repo" / "pkg").mkdir(parents=True)
    (tmp_path / "repo" / "pkg" / "sketch.py").write_text(SOURCE, encoding="utf-8")
    saved = tmp_path / "scan.json"
    assert run(["scan", str(tmp_path / "repo"), "--no-resolve", "-q", "-o", f"json:{saved}"]) == 0
    capsys.readouterr()
    return saved


def report_as(saved: Path, fmt: str, capsys: pytest.CaptureFixture[str]) -> str:
    assert run(["report", str(saved), "--format", fmt]) == 0
    return capsys.readouterr().out


def test_json_has_one_citation_per_place_with_its_other_lines(scanned: Path) -> None:
    document = json.loads(scanned.read_text())
    jsonschema.validate(document, SCAN_SCHEMA)
    hal = [(c["line"], c["also_lines"], c["symbol"]) for c in document["citations"]]
    assert hal == [(4, [2, 8], "pkg.sketch.estimate"), (13, [], "pkg.sketch.merge")]
    assert [p["key"] for p in document["papers"]] == [HAL]
    described = SCAN_SCHEMA["$defs"]["citation"]["properties"]["also_lines"]["description"]
    assert "Other lines of the same reference" in described


def test_terminal_report_shows_the_other_lines(
    scanned: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = report_as(scanned, "terminal", capsys)
    assert "pkg/sketch.py:4 (also 2, 8)" in text
    assert "pkg/sketch.py:13" in text and "pkg/sketch.py:13 (also" not in text


def test_html_report_carries_the_other_lines_of_each_site(
    scanned: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = report_as(scanned, "html", capsys)
    match = re.search(r'<script type="application/json" id="citegraph-data">(.*?)</script>', page)
    assert match is not None
    (paper,) = json.loads(match[1])["papers"]
    assert sorted((site[1], site[3]) for site in paper["sites"]) == [(4, [2, 8]), (13, [])]
    # The page's script shows them beside the site's line.
    script = (ROOT / "citegraph" / "render" / "templates" / "papers.js").read_text()
    assert '" also " + site[3].join(", ")' in script


def test_markdown_report_shows_each_citation_with_its_other_lines(
    scanned: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = report_as(scanned, "markdown", capsys)
    row = next(line for line in text.splitlines() if HAL in line)
    assert "`pkg.sketch.estimate` `pkg/sketch.py:4` (also 2, 8)" in row
    assert "`pkg.sketch.merge` `pkg/sketch.py:13`" in row


def test_sarif_result_points_at_the_other_lines() -> None:
    base = small_report()
    citations = tuple(
        replace(c, also_lines=(3, 5)) if c.path == "model/typo.py" else c for c in base.citations
    )
    log = json.loads(render(replace(base, citations=citations), "sarif"))
    (result,) = log["runs"][0]["results"]
    related = result["relatedLocations"]
    assert [r["physicalLocation"]["region"]["startLine"] for r in related] == [3, 5]
    assert {r["physicalLocation"]["artifactLocation"]["uri"] for r in related} == {"model/typo.py"}
    if SARIF_SCHEMA.is_file():
        jsonschema.validate(log, json.loads(SARIF_SCHEMA.read_text()))
    plain = json.loads(render(base, "sarif"))
    assert "relatedLocations" not in plain["runs"][0]["results"][0]


def test_diff_shows_an_added_citation_with_its_other_lines(scanned: Path) -> None:
    head = Report.from_dict(json.loads(scanned.read_text()))
    empty = Report(root=head.root, repository=head.repository)
    diff = diff_reports(empty, head)
    text = render(diff, "text", kind="diff")
    assert f"+ pkg/sketch.py:4 (also 2, 8) pkg.sketch.estimate cites {HAL}" in text
    assert f"+ pkg/sketch.py:13 pkg.sketch.merge cites {HAL}" in text
    markdown = render(diff, "markdown", kind="diff")
    assert "| added | pkg/sketch.py:4 \\(also 2, 8\\) | pkg.sketch.estimate |" in markdown
    sites = json.loads(render(diff, "json", kind="diff"))["added_sites"]
    assert [(s["line"], s["also_lines"]) for s in sites] == [(4, [2, 8]), (13, [])]
