"""Resolution in a scan: the project's bibliography as an offline metadata source, mismatches."""

from __future__ import annotations

from pathlib import Path

from citegraph.config import load_config
from citegraph.pipeline import run_scan
from citegraph.resolution import open_resolver

BIB = """
@misc{vaswani2017,
  title = {Attention Is All You Need},
  author = {Vaswani, Ashish and Shazeer, Noam},
  year = {2017},
  eprint = {1706.03762},
  archivePrefix = {arXiv},
  abstract = {A sequence model built from attention alone.}
}
"""


def make_project(root: Path, code: str) -> Path:
    (root / ".git").mkdir(parents=True)
    (root / "pyproject.toml").write_text('[tool.citegraph]\nbibliography = "refs.bib"\n')
    (root / "refs.bib").write_text(BIB)
    (root / "model.py").write_text(code)
    return root


def test_bibliography_resolves_offline(tmp_path: Path) -> None:
    root = make_project(
        tmp_path / "p",
        '"""Transformer, arXiv:1706.03762v5."""\n# unknown paper: arXiv:2001.00001\n',
    )
    config = load_config(root, {"offline": True})
    with open_resolver(config, root) as resolver:
        report = run_scan(root, config, resolver=resolver)
    papers = {p.key: p for p in report.papers}
    attention = papers["arxiv:1706.03762"]
    assert attention.title == "Attention Is All You Need"
    assert attention.year == 2017 and attention.authors[0].endswith("Vaswani")
    assert attention.abstract == "A sequence model built from attention alone."
    assert papers["arxiv:2001.00001"].title is None
    assert papers["arxiv:2001.00001"].status != "resolved"
    assert not report.findings


def test_a_title_hint_naming_another_paper_is_a_finding(tmp_path: Path) -> None:
    root = make_project(
        tmp_path / "p", '# "Deep Residual Learning for Image Recognition", arXiv:1706.03762\n'
    )
    config = load_config(root, {"offline": True})
    with open_resolver(config, root) as resolver:
        report = run_scan(root, config, resolver=resolver)
    assert [f.rule for f in report.findings] == ["CG004"]
    assert "Attention Is All You Need" in report.findings[0].message


def test_a_right_title_is_not_flagged_for_a_wrong_one_elsewhere(tmp_path: Path) -> None:
    # CG004 decides per citation: the same identifier in two places, the wrong title first.
    root = make_project(
        tmp_path / "p",
        '# "Deep Residual Learning for Image Recognition", arXiv:1706.03762\n'
        "x = 1\n"
        "\n"
        "\n"
        'def f():\n    """See "Attention Is All You Need", arXiv:1706.03762."""\n',
    )
    config = load_config(root, {"offline": True})
    with open_resolver(config, root) as resolver:
        report = run_scan(root, config, resolver=resolver)
    assert len([c for c in report.citations if c.paper == "arxiv:1706.03762"]) == 2
    assert [(f.rule, f.line) for f in report.findings] == [("CG004", 1)]


def test_a_wrong_title_is_flagged_after_a_right_one(tmp_path: Path) -> None:
    root = make_project(
        tmp_path / "p",
        'def f():\n    """See "Attention Is All You Need", arXiv:1706.03762."""\n'
        "\n"
        "\n"
        '# "Deep Residual Learning for Image Recognition", arXiv:1706.03762\n',
    )
    config = load_config(root, {"offline": True})
    with open_resolver(config, root) as resolver:
        report = run_scan(root, config, resolver=resolver)
    assert [(f.rule, f.line) for f in report.findings] == [("CG004", 5)]


def test_a_markdown_bibliography_is_a_lock_not_a_metadata_source(tmp_path: Path) -> None:
    # README: `bibliography` may be a `.md` list. It was also imported as metadata, and every
    # command warned "could not read the bibliography ...: pass --format".
    root = make_project(tmp_path / "p", '"""Transformer, arXiv:1706.03762."""\n')
    (root / "pyproject.toml").write_text('[tool.citegraph]\nbibliography = "refs.md"\n')
    (root / "refs.md").write_text("# References\n\n- Attention Is All You Need. arXiv:1706.03762\n")
    config = load_config(root, {"offline": True})
    with open_resolver(config, root) as resolver:
        report = run_scan(root, config, resolver=resolver)
    assert report.warnings == ()
    assert [p.key for p in report.papers] == ["arxiv:1706.03762"]
