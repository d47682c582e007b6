"""The index benchmark: artifacts unpacked for the scans, indexed as trees or as they are."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def wheel(path: Path, module: str, text: str) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(f"{module}/__init__.py", text)


def test_the_index_of_the_archives_finds_what_the_scans_of_their_trees_find(
    tmp_path: Path,
) -> None:
    pytest.importorskip("distributed")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    wheel(corpus / "alpha-1.0-py3-none-any.whl", "alpha", '"""Adam: arXiv:1412.6980."""\n')
    wheel(corpus / "beta-2.0-py3-none-any.whl", "beta", "# doi:10.1145/362686.362692\n")
    argv = [sys.executable, str(ROOT / "benchmarks" / "bench_index.py"), "--corpus", str(corpus)]
    argv += ["--runs", "1", "--workers", "1", "--archives"]
    done = subprocess.run(argv, capture_output=True, text=True, timeout=600, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert "2 packages" in done.stdout
    assert "citations: 2 from the scans, 2 in the index" in done.stdout
    assert "MISMATCH" not in done.stdout
    assert sorted(p.name for p in (corpus / "tree").iterdir()) == ["alpha-1.0", "beta-2.0"]
