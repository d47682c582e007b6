"""The hook benchmark: a git copy of the tree, the citing files it stages, and a timed check."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks import bench_check
from benchmarks.bench_check import citing_files, git_copy


def test_the_copy_is_a_committed_git_repository(tmp_path: Path) -> None:
    (tmp_path / "source").mkdir()
    (tmp_path / "source" / "a.py").write_text("x = 1\n", encoding="utf-8")
    root = git_copy(tmp_path / "source", tmp_path / "repo")
    listed = subprocess.run(
        ["git", "ls-files"], cwd=root, capture_output=True, text=True, check=True
    ).stdout.split()
    assert listed == ["a.py"]
    assert not (tmp_path / "source" / ".git").exists()


def test_only_python_files_that_cite_are_staged() -> None:
    report = {"citations": [{"path": "b.py"}, {"path": "a.py"}, {"path": "a.py"}, {"path": "c.h"}]}
    assert citing_files(report) == ["a.py", "b.py"]


def test_a_check_of_the_staged_files_is_timed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "source"
    source.mkdir()
    (source / "a.py").write_text('"""See arXiv:1706.03762 and doi:11.1234/abcd."""\n')
    (source / "b.py").write_text("# Published as doi:10.1234/abcd.\n", encoding="utf-8")
    (source / "plain.py").write_text("x = 1\n", encoding="utf-8")
    argv = ["bench_check", "--repo", str(source), "--every", "1", "--runs", "1"]
    monkeypatch.setattr(sys, "argv", argv)
    bench_check.main()
    out = capsys.readouterr().out
    assert "2 of 2 citing files (one in 1, by path):\n  a.py\n  b.py\n" in out
    assert "citegraph check --force-exclude FILE...  cpu " in out
    assert "Found 1 problem (CG002 x1)." in out
