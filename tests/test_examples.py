"""The bundled example: the README's main job scans it offline and resolves every paper."""

from __future__ import annotations

import json
import re
from pathlib import Path

from citegraph.cli import run
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


def _linked_paths(page: str) -> list[str]:
    """The repository paths the Papers page `page` links its files to (the part of each
    source link after `/blob/REV/`)."""
    found = re.search(r'id="citegraph-data">(.*?)</script>', page, re.S)
    assert found is not None
    data = json.loads(found.group(1))
    fill = {"rev": "REV", "line": "1"}
    paths = []
    for path, _language in data["files"]:
        pieces = data["source"]
        # literal text and placeholder names alternate, the literal first
        url = "".join(p if i % 2 == 0 else fill.get(p, path) for i, p in enumerate(pieces))
        paths.append(url.split("/blob/REV/", 1)[1].split("#", 1)[0])
    return paths


def test_the_example_page_links_files_that_exist(tmp_path: Path) -> None:
    # The README's template named `examples/demo/` itself, and the scan (whose links name files
    # from the repository's top) put it there again: every link went to
    # `examples/demo/examples/demo/...`, on the committed page too.
    top = DEMO.parent.parent
    page = (top / "examples" / "papers.html").read_text(encoding="utf-8")
    linked = _linked_paths(page)
    assert linked and all((top / path).is_file() for path in linked)
    readme = (top / "README.md").read_text(encoding="utf-8")
    command = re.search(
        r"citegraph scan examples/demo --offline -o examples/papers\.html.*?```", readme, re.S
    )
    assert command is not None
    option = re.search(r"--source-url '([^']+)'", command.group(0))
    assert option is not None
    template = option.group(1)
    if not (top / ".git").exists():  # an unpacked release: its links name files from its top
        return
    out = tmp_path / "papers.html"
    argv = ["scan", str(DEMO), "--offline", "-q", "-o", str(out), "--source-url", template]
    assert run(argv) == 0
    assert _linked_paths(out.read_text(encoding="utf-8")) == linked
