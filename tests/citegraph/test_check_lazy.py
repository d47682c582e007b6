"""`check` of given files reads the titles beside identifiers only where a finding may need
them (the catalog knows the identifier), and finds what a full read finds."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import scanner.extract as extract
from catalog import Paper
from catalog.store import Store
from citegraph.checks.runner import run_check
from citegraph.config import load_config
from scanner.extract import find_hits

ENTRIES = '''"""Spectral windows.

References
----------
.. [1] F. J. Harris, "On the use of windows for harmonic analysis with the discrete
       Fourier transform", Proceedings of the IEEE, 1978. doi:10.1109/PROC.1978.10837
.. [2] A. Author, "A Study of Synthetic Windows", Journal of Tests, 2001.
       doi:10.1234/known.title
.. [3] B. Writer, "Windows Gone Missing", Letters on Nothing, 2002.
       https://doi.org/10.5555/not.found
.. [4] C. Typist, "Broken Identifiers", 2003, arXiv:2113.01234 and doi:11.1234/abcd
"""


def harris(n):
    """As in "Synthetic Windows Revisited", doi:10.1234/known.title  citegraph: ignore[CG004]"""
    return n
'''
OTHERS = {
    "links.py": "# Attention Is All You Need, https://arxiv.org/abs/1706.03762\n"
    "# The textbook, ISBN 978-0-262-03384-9.\n",
    "bad.py": "# Published as doi:11.1234/abcd in 2001 (Smith et al.).\n"
    "# arXiv:2113.01234  citegraph: ignore[CG001]\n",
    "clean.py": "# Nothing cited here.\nx = 1\n",
}
FILES = ("bad.py", "clean.py", "entries.py", "links.py")


def project(root: Path, config: str = "") -> Path:
    (root / ".git").mkdir(parents=True)
    (root / "pyproject.toml").write_text("[tool.citegraph]\n" + config)
    (root / "entries.py").write_text(ENTRIES)
    for name, text in OTHERS.items():
        (root / name).write_text(text)
    return root


def know_papers() -> None:
    """A catalog that holds a paper under a title unlike the one the code writes (CG004) and
    remembers an identifier no source knew (CG003)."""
    store = Store(Path(os.environ["CITEGRAPH_CATALOG"]))
    try:
        paper = Paper("doi:10.1234/known.title", title="Entirely Different Matters")
        store.save(paper, lookup_keys=["doi:10.1234/known.title"])
        store.record_missing(["doi:10.5555/not.found"])
    finally:
        store.close()


@pytest.fixture
def detector_reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts the title detector reads."""
    read: list[str] = []
    real = extract.find_citations
    monkeypatch.setattr(extract, "find_citations", lambda text: read.append(text) or real(text))
    find_hits.cache_clear()
    return read


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The paths the Python parser parses."""
    from scanner.parsers.python import PythonParser

    paths: list[str] = []
    real = PythonParser.parse
    monkeypatch.setattr(
        PythonParser, "parse", lambda self, source: paths.append(source.path) or real(self, source)
    )
    return paths


def findings(root: Path, findings_only: bool, files: tuple[str, ...] = FILES) -> list[str]:
    find_hits.cache_clear()
    result = run_check(root, load_config(root), files, findings_only=findings_only)
    suppressed = [f"suppressed {f}" for f in result.report.suppressed]
    return [str(f) for f in result.findings] + suppressed


def test_a_catalog_that_knows_nothing_needs_no_titles(
    tmp_path: Path, detector_reads: list[str]
) -> None:
    root = project(tmp_path / "p")
    fast = findings(root, findings_only=True)
    assert detector_reads == []
    full = findings(root, findings_only=False)
    assert detector_reads  # the full read did read the entries beside identifiers
    assert fast == full
    rules = [f.split("rule='")[1][:5] for f in fast if f.startswith("Finding")]
    assert sorted(rules) == ["CG001", "CG002", "CG002", "CG006"]


def test_files_citing_what_the_catalog_knows_are_read_with_titles(
    tmp_path: Path, detector_reads: list[str], parsed: list[str]
) -> None:
    root = project(tmp_path / "p")
    know_papers()
    fast = findings(root, findings_only=True)
    # Only entries.py cites what the catalog knows: the other files are not read again, and
    # entries.py is read again from its first parse.
    assert detector_reads and not any("Published" in t or "Attention" in t for t in detector_reads)
    assert "entries.py" in parsed and len(parsed) == len(set(parsed))
    full = findings(root, findings_only=False)
    assert fast == full
    rules = [f.split("rule='")[1][:5] for f in fast]
    assert {"CG001", "CG002", "CG003", "CG004"} <= set(rules)
    # The mismatch beside the reference entry is at the entry's first line, as in a full read.
    assert any("CG004" in f and "line=7," in f for f in fast)
    assert any(f.startswith("suppressed") and "CG004" in f for f in fast)
    assert any(f.startswith("suppressed") and "CG001" in f and "bad.py" in f for f in fast)


@pytest.mark.parametrize("config", ['select = ["ALL"]\n', 'select = ["CG201"]\n'])
def test_rules_that_read_citations_keep_the_titles(
    tmp_path: Path, detector_reads: list[str], config: str
) -> None:
    root = project(tmp_path / "p", config)
    findings(root, findings_only=True)
    assert detector_reads


def test_a_lock_keeps_the_titles(tmp_path: Path, detector_reads: list[str]) -> None:
    root = project(tmp_path / "p", 'bibliography = "refs.bib"\n')
    (root / "refs.bib").write_text("")
    findings(root, findings_only=True, files=("entries.py",))
    assert detector_reads


def test_findings_alone_ask_git_for_no_revision(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import scanner.project

    asked: list[tuple[str, ...]] = []
    real = scanner.project.git

    def recording(cwd: Path | None, *args: str, **kwargs: float) -> bytes:
        asked.append(args)
        return real(cwd, *args, **kwargs)

    monkeypatch.setattr(scanner.project, "git", recording)
    root = project(tmp_path / "p")
    fast = findings(root, findings_only=True)
    assert not any("rev-parse" in args for args in asked)
    full = run_check(root, load_config(root), FILES, findings_only=False)
    assert any("rev-parse" in args for args in asked)  # the report names its revision
    assert fast == findings(root, findings_only=False) and full.report.repository == "p"
