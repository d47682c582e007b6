"""The bundled example: the README's main job scans it offline and resolves every paper."""

from __future__ import annotations

from pathlib import Path

from citegraph.config import load_config
from citegraph.pipeline import run_scan
from citegraph.resolution import open_resolver

DEMO = Path(__file__).resolve().parent.parent / "examples" / "demo"


def test_demo_scans_offline_with_metadata_from_its_bibliography() -> None:
    config = load_config(DEMO, {"offline": True})
    with open_resolver(config, DEMO) as resolver:
        report = run_scan(DEMO, config, resolver=resolver)
    papers = {p.key: p for p in report.papers}
    assert sum(p.kind in ("arxiv", "doi") for p in papers.values()) == 9
    # HyperLogLog (Go) and Welford (a numpy-style References entry) are cited by title only.
    assert {p.kind for p in papers.values()} == {"arxiv", "doi", "title"}
    assert len(papers) == 11
    assert all(p.title and p.year and p.authors and p.abstract for p in papers.values())
    symbols = {c.symbol for c in report.citations}
    assert {
        "tinyml.optim.radam.RAdam",
        "demo::unwind::FrameWalker",
        "crate::Bloom",
        "org.demo.SkipList",
        "online_softmax",
        "sampling.Reservoir",
    } <= symbols
    # Only the files no parser reads are passed over, and they are listed.
    assert {s.path: s.reason for s in report.skipped} == {
        "pyproject.toml": "unknown file type",
        "references.bib": "unknown file type",
    }
    assert not report.findings
    assert {"hll.Sketch", "tinyml.layers.attention.running_variance"} <= symbols


def test_the_readme_library_calls_take_a_path_or_a_string() -> None:
    from scanner.scan import scan_file

    by_path = scan_file(DEMO, Path("tinyml/optim/radam.py"))
    by_string = scan_file(DEMO, "tinyml/optim/radam.py")
    assert by_path == by_string
    assert by_path.path == "tinyml/optim/radam.py" and by_path.mentions
