"""Hostile trees, end to end: every file listed is scanned or skipped with a reason; nothing
crashes, hangs or vanishes (odd names, FIFOs, sockets, symlink loops, binary and huge files)."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from citegraph.cli import run
from scanner.options import ScanOptions
from scanner.walk import iter_candidates

CITING = "# See arXiv:1706.03762 for the model.\n"
BAD_NAME = os.fsdecode(b"x\xff.py")


def hostile_tree(root: Path) -> Path:
    """A tree holding one of each thing a scan must survive."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "ok.py").write_text(CITING)
    (root / BAD_NAME).write_text(CITING)
    (root / "new\nline.py").write_text(CITING)
    (root / "ctl\x1b]0;owned\x07.py").write_text(CITING)
    os.mkfifo(root / "fifo.py")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(root / "sock.py"))
    sock.close()
    (root / "sub").mkdir()
    (root / "sub" / "real.py").write_text(CITING)
    (root / "dirlink").symlink_to(root / "sub", target_is_directory=True)
    (root / "loop_a.py").symlink_to(root / "loop_b.py")
    (root / "loop_b.py").symlink_to(root / "loop_a.py")
    (root / "nul.py").write_bytes(b"# arXiv:1706.03762\n\x00\x00\x00")
    (root / "binary.c").write_bytes(bytes(range(256)) * 64)
    (root / "huge.py").write_bytes(b"# arXiv:1706.03762\n" + b"x = 1\n" * 400_000)
    (root / "badutf8.py").write_bytes(b"# arXiv:1706.03762\n" + b"\xff\xfe\xfa" * 5000)
    (root / "minified.js").write_text("var a=1;" * 20_000 + "// arXiv:1706.03762\n")
    (root / "utf16.py").write_bytes("# arXiv:1412.6980\n".encode("utf-16"))
    (root / "utf32.md").write_bytes("See arXiv:1412.6980.\n".encode("utf-32"))
    (root / "LICENSE.data").write_text("no parser reads this\n")
    return root


def scan(root: Path, *args: str, capsys: pytest.CaptureFixture[str]) -> dict:
    code = run(["scan", str(root), "--format", "json", "--no-resolve", "-q", *args])
    out = capsys.readouterr().out
    assert code == 0
    return json.loads(out)


@pytest.mark.parametrize("cache", ["--cache", "--no-cache"])
def test_a_hostile_tree_is_scanned_and_accounted_for(
    tmp_path: Path, cache: str, capsys: pytest.CaptureFixture[str]
) -> None:
    root = hostile_tree(tmp_path / "tree")
    document = scan(root, cache, "--max-file-size", "1000000", capsys=capsys)
    listed = {c.path for c in iter_candidates(root, ScanOptions())}
    cited = {c["path"] for c in document["citations"]}
    skipped = {s["path"]: s["reason"] for s in document["skipped"]}
    # files listed = files scanned + files skipped, and each skip says why.
    stats = document["stats"]
    assert stats["listed"] == len(listed) == stats["scanned"] + stats["skipped"]
    assert set(skipped) <= listed and len(skipped) == stats["skipped"]
    assert all(reason for reason in skipped.values())
    assert {"ok.py", BAD_NAME, "new\nline.py", "ctl\x1b]0;owned\x07.py", "sub/real.py"} <= cited
    assert {"utf16.py", "utf32.md", "minified.js", "badutf8.py"} <= cited | set(skipped)
    assert {"utf16.py", "utf32.md"} <= cited  # decoded before the prefilter looks
    assert skipped["fifo.py"] == "not a regular file (FIFO)"
    assert skipped["sock.py"] == "not a regular file (socket)"
    assert skipped["dirlink"].startswith("directory symlink")
    assert skipped["loop_a.py"] == skipped["loop_b.py"] == "symlink loop"
    assert skipped["nul.py"].startswith("binary")
    assert skipped["binary.c"].startswith("binary")
    assert skipped["huge.py"].startswith("too large")
    assert skipped["LICENSE.data"] == "unknown file type"


def test_a_warm_rescan_gives_the_same_answer(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = hostile_tree(tmp_path / "tree")
    first = scan(root, capsys=capsys)
    assert scan(root, capsys=capsys) == first
    assert scan(root, "--no-cache", capsys=capsys) == first


@pytest.mark.parametrize("format_name", ["terminal", "markdown", "html", "bibtex", "graphml"])
def test_people_formats_show_odd_names_escaped(
    tmp_path: Path, format_name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "tree"
    root.mkdir()
    (root / BAD_NAME).write_text(CITING)
    (root / "ctl\x1b]0;owned\x07.py").write_text("# doi:10.1145/3360572 \u202e\x1b[2J\n")
    out = tmp_path / "out.txt"
    code = run(["scan", str(root), "--offline", "-q", "-o", f"{format_name}:{out}"])
    assert code == 0
    text = out.read_text(encoding="utf-8")
    assert "\x1b" not in text and "\x07" not in text and "\u202e" not in text
    if format_name in ("terminal", "markdown"):
        assert "x\\xff" in text and "ctl\\x1b]0;owned\\x07" in text


def test_the_saved_scan_round_trips_odd_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = hostile_tree(tmp_path / "tree")
    saved = tmp_path / "scan.json"
    assert run(["scan", str(root), "--no-resolve", "-q", "-o", f"json:{saved}"]) == 0
    text = saved.read_text(encoding="utf-8")  # valid UTF-8: the odd byte is a JSON escape
    paths = {c["path"] for c in json.loads(text)["citations"]}
    assert BAD_NAME in paths and "new\nline.py" in paths
    assert run(["report", str(saved), "--format", "markdown"]) == 0
    assert "`ctl\\x1b]0;owned\\x07`" in capsys.readouterr().out


def test_check_github_output_survives_odd_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "tree"
    root.mkdir()
    (root / BAD_NAME).write_text("# arXiv:2113.01234\n")
    (root / "x\n::error::pwned.py").write_text("# arXiv:2113.01234\n")
    files = [str(root / BAD_NAME), str(root / "x\n::error::pwned.py")]
    code = run(["check", "--root", str(root), "--format", "github", *files])
    out = capsys.readouterr().out
    assert code == 1
    assert not any(line.startswith("::error::pwned") for line in out.splitlines())
    assert "x\\xff.py" in out


def test_a_fifo_never_hangs_the_scan(tmp_path: Path) -> None:
    # In a subprocess with a deadline: a hang must fail the test, not the suite.
    root = tmp_path / "tree"
    root.mkdir()
    os.mkfifo(root / "pipe.py")
    (root / "ok.py").write_text(CITING)
    done = subprocess.run(
        [sys.executable, "-m", "citegraph", "scan", str(root), "--offline", "-q", "-f", "json"],
        capture_output=True,
        timeout=60,
        env={**os.environ, "CITEGRAPH_CACHE": "0"},
    )
    assert done.returncode == 0, done.stderr
    assert {s["path"] for s in json.loads(done.stdout)["skipped"]} == {"pipe.py"}
