"""Writing an output: replaced whole, with an ordinary file's permissions, no file left behind."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from citegraph.output import OutputTarget, write_bytes, write_output


def test_an_output_is_an_ordinary_file_and_leaves_nothing_beside_it(tmp_path: Path) -> None:
    umask = os.umask(0o027)
    try:
        target = tmp_path / "out" / "r.json"
        write_output(OutputTarget("json", target), "{}\n")
        write_output(OutputTarget("json", target), memoryview('{"é": 1}\n'.encode()))
        assert target.read_text(encoding="utf-8") == '{"é": 1}\n'
        assert target.stat().st_mode & 0o777 == 0o640
        write_bytes(tmp_path / "x.py", b"#!/bin/sh\n", mode=0o755)
        assert (tmp_path / "x.py").stat().st_mode & 0o777 == 0o755
    finally:
        os.umask(umask)
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["out", "r.json", "x.py"]


def test_a_failed_write_leaves_the_old_output_and_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "r.json"
    target.write_text("old")

    def refused(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refused)
    with pytest.raises(OSError):
        write_bytes(target, b"new")
    assert target.read_text() == "old" and [p.name for p in tmp_path.iterdir()] == ["r.json"]
