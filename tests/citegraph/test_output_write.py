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


def test_standard_output_in_a_legacy_encoding_takes_every_script(tmp_path: Path) -> None:
    # Windows output redirected to a file is cp1252: a title in Chinese or Greek raised
    # UnicodeEncodeError after the whole scan, and the result was lost.
    import subprocess
    import sys

    (tmp_path / "mod.py").write_text(
        '"""\nReferences\n----------\n'
        '.. [1] Li Wei, "视觉的方法 of Ωmega sketches", Journal of Sketches, 2019.\n"""\n',
        encoding="utf-8",
    )
    command = [sys.executable, "-m", "citegraph", "scan", str(tmp_path), "--offline", "-q"]
    for format_name in ("terminal", "json"):
        done = subprocess.run(
            [*command, "-f", format_name],
            capture_output=True,
            env={**os.environ, "PYTHONIOENCODING": "cp1252"},
            timeout=120,
        )
        assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
        # Sent to a pipe, it is UTF-8, as every file citegraph writes, so it reads back.
        assert "视觉的方法 of Ωmega sketches" in done.stdout.decode("utf-8")


def test_a_terminal_in_a_legacy_encoding_shows_what_it_cannot_print_escaped() -> None:
    import io

    from citegraph.output import stdout_for_any_text

    class Terminal(io.TextIOWrapper):
        def isatty(self) -> bool:
            return True

    raw = io.BytesIO()
    terminal = Terminal(raw, encoding="cp1252")
    stdout_for_any_text(terminal)
    terminal.write("Théo 视觉\n")
    terminal.flush()
    assert raw.getvalue() == "Théo \\u89c6\\u89c9\n".encode("cp1252")
