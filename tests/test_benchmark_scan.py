"""The scan benchmark's set-up: copies of a tree for `--scale`, and the runs' environment."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.bench_scan import copy_tree, scan_environment


def _tree(root: Path) -> Path:
    (root / "pkg").mkdir(parents=True)
    (root / "pkg" / "a.py").write_text('"""Doc."""\n', encoding="utf-8")
    (root / "b.c").write_text("/* c */\n", encoding="utf-8")
    return root


def _files(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


def test_one_copy_is_the_tree_itself(tmp_path: Path) -> None:
    source = _tree(tmp_path / "source")
    target = copy_tree(source, tmp_path / "repo", 1)
    assert _files(target) == ["b.c", "pkg/a.py"]


def test_scaled_copies_sit_side_by_side(tmp_path: Path) -> None:
    source = _tree(tmp_path / "source")
    target = copy_tree(source, tmp_path / "repo", 2)
    assert _files(target) == ["copy-1/b.c", "copy-1/pkg/a.py", "copy-2/b.c", "copy-2/pkg/a.py"]


def test_runs_keep_bytecode_in_the_work_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PYTHONDONTWRITEBYTECODE", "1")
    env = scan_environment(tmp_path, tmp_path / "cache")
    assert "PYTHONDONTWRITEBYTECODE" not in env
    assert env["PYTHONPYCACHEPREFIX"] == str(tmp_path / "bytecode")
    assert env["CITEGRAPH_CACHE_DIR"] == str(tmp_path / "cache")
    assert env["CITEGRAPH_OFFLINE"] == "1"
