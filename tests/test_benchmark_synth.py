"""The benchmark's synthetic tree: its size, its reuse, and regeneration when its shape changes."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.synth import generate


def _size(root: Path) -> int:
    return sum(p.stat().st_size for p in root.rglob("*") if p.is_file() and p.name != ".synth")


def test_tree_has_the_requested_size_and_is_reused(tmp_path: Path) -> None:
    root = generate(tmp_path / "synth", files=200, megabytes=1.0)
    assert len([p for p in root.rglob("*") if p.is_file()]) == 201  # and the marker
    assert abs(_size(root) - 1e6) < 0.05 * 1e6
    before = {p: p.stat().st_mtime_ns for p in root.rglob("*")}
    generate(root, files=200, megabytes=1.0)
    assert {p: p.stat().st_mtime_ns for p in root.rglob("*")} == before


def test_another_shape_regenerates_from_scratch(tmp_path: Path) -> None:
    root = generate(tmp_path / "synth", files=150, megabytes=0.5)
    generate(root, files=50, megabytes=0.5)
    assert len([p for p in root.rglob("*") if p.is_file()]) == 51


def test_a_directory_it_did_not_write_is_left_alone(tmp_path: Path) -> None:
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("keep me")
    with pytest.raises(SystemExit):
        generate(tmp_path / "mine", files=10, megabytes=0.1)
    assert (tmp_path / "mine" / "notes.txt").read_text() == "keep me"
