"""Copies of a file take the first copy's result: exactly what scanning each copy gives."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from scanner import memo
from scanner import scan as scan_module
from scanner.languages import LANGUAGES
from scanner.options import ScanOptions
from scanner.scan import scan_file, scan_paths
from scanner.types import FileScan, FileStatus, Mention, Symbol, SymbolKind

SOURCES = Path(__file__).parents[1] / "fixtures" / "sources"
# Citations at the file's top (owned by the file: the path is the symbol) and in a function.
HEADER = """\
// See arXiv:1706.03762 for the model.
#include <stdio.h>

/* Implements Knuth, The Art of Computer Programming, Vol. 2 (1981). */
int uniform(int n) {
  // doi:10.1145/355744.355749
  return n;
}
"""


@pytest.fixture(autouse=True)
def empty_memo(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(memo, "_scans", {})
    monkeypatch.setattr(memo, "_options", None)


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """The multi-language fixture tree twice over, and a C header in three places."""
    root = tmp_path / "tree"
    for copy in ("one", "two"):
        shutil.copytree(SOURCES, root / copy, ignore=shutil.ignore_patterns("*.json"))
    for place in ("a/rng.h", "b/vendored/rng.h", "c/rng.hpp"):
        (root / place).parent.mkdir(parents=True, exist_ok=True)
        (root / place).write_text(HEADER)
    return root


def _counting(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    scanned: list[str] = []
    real = scan_module.scan_bytes

    def counted(root: Path, path: str, *args: object, **kwargs: object) -> FileScan:
        scanned.append(path)
        return real(root, path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(scan_module, "scan_bytes", counted)
    return scanned


def test_copies_scan_as_each_file_alone(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    options = ScanOptions(jobs=1, cache=False)
    counted = _counting(monkeypatch)
    scans = list(scan_paths(tree, options))
    scanned = list(counted)
    alone = [scan_file(tree, s.path, options) if s.language else s for s in scans]
    assert scans == alone
    by_path = {s.path: s for s in scans}
    header = by_path["b/vendored/rng.h"]
    assert {m.symbol for m in header.mentions} >= {Symbol("b/vendored/rng.h", SymbolKind.FILE)}
    assert any(m.symbol.kind is SymbolKind.FUNCTION for m in header.mentions)
    # The second copy of a C header, of Markdown and of C files came from the memo;
    # every Python file was scanned (its module name is its path's).
    assert "b/vendored/rng.h" not in scanned and "a/rng.h" in scanned
    assert "c/rng.hpp" in scanned  # the same bytes in another language: C++
    copied = {p.removeprefix("two/") for p in by_path if p.startswith("two/")}
    from_memo = {p for p in copied if f"two/{p}" not in scanned}
    assert any(p.endswith(".md") for p in from_memo) and any(p.endswith(".c") for p in from_memo)
    assert all(f"two/{p}" in scanned for p in copied if p.endswith(".py"))


def test_parallel_copies_equal_serial(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(scan_module, "PARALLEL_MIN_FILES", 2)
    serial = list(scan_paths(tree, ScanOptions(jobs=1, cache=False)))
    assert list(scan_paths(tree, ScanOptions(jobs=2, cache=False))) == serial


def test_other_options_scan_again(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    list(scan_paths(tree, ScanOptions(jobs=1, cache=False)))
    counted = _counting(monkeypatch)
    strings = list(scan_paths(tree, ScanOptions(jobs=1, cache=False, strings=True)))
    scanned = list(counted)
    assert "b/vendored/rng.h" not in scanned and "a/rng.h" in scanned
    assert strings == [
        scan_file(tree, s.path, ScanOptions(strings=True)) if s.language else s for s in strings
    ]


def test_skipped_and_path_named_files_are_not_kept() -> None:
    options = ScanOptions()
    c, python, rust = LANGUAGES["c"], LANGUAGES["python"], LANGUAGES["rust"]
    memo.remember(options, b"1", c, FileScan("a.h", "c", FileStatus.SKIPPED, reason="timed out"))
    memo.remember(options, b"2", python, FileScan("a.py", "python", FileStatus.OK))
    memo.remember(options, b"3", rust, FileScan("a.rs", "rust", FileStatus.OK))
    memo.remember(options, b"4", c, FileScan("a.h", "c", FileStatus.OK, blocks=3))
    assert memo.recall(options, b"1", c, "b.h") is None
    assert memo.recall(options, b"2", python, "b.py") is None
    assert memo.recall(options, b"3", rust, "b.rs") is None
    assert memo.recall(options, b"4", c, "b.h") == FileScan("b.h", "c", FileStatus.OK, blocks=3)
    assert memo.recall(options, b"4", LANGUAGES["cpp"], "b.hpp") is None
    assert memo.recall(ScanOptions(strings=True), b"4", c, "b.h") is None


def test_relocate_moves_only_the_file_symbol() -> None:
    def mention(symbol: Symbol) -> Mention:
        return Mention(*(None,) * 9, symbol=symbol)  # type: ignore[arg-type]

    function = Symbol("rng::uniform", SymbolKind.FUNCTION, 4)
    scan = FileScan(
        "a/x.h",
        "c",
        FileStatus.OK,
        (mention(Symbol("a/x.h", SymbolKind.FILE)), mention(function)),
    )
    moved = memo.relocate(scan, "b/x.h")
    assert moved.path == "b/x.h"
    assert [m.symbol for m in moved.mentions] == [Symbol("b/x.h", SymbolKind.FILE), function]


def test_copies_go_together_and_come_back_in_order() -> None:
    jobs = [
        ("a/rng.h", "c"),
        ("a/x.py", "python"),
        ("b/notes.md", "markdown"),
        ("b/rng.h", "c"),
        ("c/rng.h", "cpp"),
        ("c/x.py", "python"),
        ("d/notes.md", "markdown"),
        ("e/rng.h", "c"),
    ]
    order = memo.copies_together(jobs)
    # Each name's later copies right after its first (Python files keep their places: the memo
    # does not serve them); another language is another group.
    assert order == [0, 3, 7, 1, 2, 6, 4, 5]
    results = iter([jobs[index][0] for index in order])
    assert list(memo.in_job_order(results, order)) == [path for path, _ in jobs]
