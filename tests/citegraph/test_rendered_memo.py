"""A rescan of an unchanged tree gives the texts kept in the scan cache, exactly as made again."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

import citegraph.pipeline
from citegraph.cli import run
from scanner.cache import DB_NAME, default_cache_dir

OLD = 1_600_000_000_000_000_000  # an mtime far from "now": the files are settled, not racy


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    (root / "pkg").mkdir(parents=True)
    files = {
        "pkg/optim.py": 'class RAdam:\n    """See https://arxiv.org/abs/1908.03265v2."""\n',
        "pkg/bad.py": "def bad():\n    # arXiv:2113.01234 is a typo\n    pass\n",
        "native.cc": "// doi:10.1145/3360572\nint f();\n",
        "notes.txt": "Vaswani et al. (2017), Attention is all you need.\n",
        "data.bin": "",
    }
    for name, text in files.items():
        path = root / name
        path.write_text(text)
        os.utime(path, ns=(OLD, OLD))
    return root


@pytest.fixture
def assembled(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The roots whose report was assembled (not given back from the cache)."""
    roots: list[Path] = []
    real = citegraph.pipeline.run_scan

    def recording(root: Path, *args: object, **kwargs: object) -> object:
        roots.append(root)
        return real(root, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(citegraph.pipeline, "run_scan", recording)
    return roots


def scan(repo: Path, tmp_path: Path, *args: str) -> list[bytes]:
    """The files a scan writes with `args` (each `-o` target's bytes, in order)."""
    outputs = [tmp_path / f"out{i}.{fmt}" for i, fmt in enumerate(("json", "md", "sarif"))]
    targets = ["-o", f"json:{outputs[0]}", "-o", f"markdown:{outputs[1]}"]
    targets += ["-o", f"sarif:{outputs[2]}"]
    assert run(["scan", str(repo), "--no-resolve", "--quiet", *targets, *args]) == 0
    return [path.read_bytes() for path in outputs]


def fresh(repo: Path, tmp_path: Path) -> list[bytes]:
    return scan(repo, tmp_path, "--no-cache")


def memos() -> list[tuple[str, bytes]]:
    with sqlite3.connect(default_cache_dir() / DB_NAME) as db:
        return db.execute("SELECT slot, memo FROM memos").fetchall()


def test_an_unchanged_tree_gives_back_its_texts(
    repo: Path, tmp_path: Path, assembled: list[Path]
) -> None:
    first = scan(repo, tmp_path)
    assert memos() == []  # files were read: a run after a change writes none
    assert scan(repo, tmp_path) == first
    assert len(assembled) == 2 and len(memos()) == 1  # unchanged: kept for the next run
    assert scan(repo, tmp_path) == first == fresh(repo, tmp_path)
    assert len(assembled) == 3  # the --no-cache run only
    assert b"arxiv:1908.03265" in first[0] and b"RAdam" in first[1]


def test_a_changed_file_a_new_file_or_other_targets_make_them_again(
    repo: Path, tmp_path: Path, assembled: list[Path]
) -> None:
    scan(repo, tmp_path)
    scan(repo, tmp_path)
    (repo / "pkg" / "optim.py").write_text('"""See arXiv:1706.03762."""\n')
    changed = scan(repo, tmp_path)
    assert b"arxiv:1706.03762" in changed[0] and b"1908.03265" not in changed[0]
    assert changed == fresh(repo, tmp_path)
    (repo / "pkg" / "more.py").write_text("# doi:10.1000/182\n")
    added = scan(repo, tmp_path)
    assert b"doi:10.1000/182" in added[0] and added == fresh(repo, tmp_path)
    assert len(assembled) == 6
    # Another source URL: other texts, so another memo (the first stays for its own targets).
    linked = scan(repo, tmp_path, "--source-url", "https://example.org/{path}#L{line}")
    assert linked == scan(repo, tmp_path, "--source-url", "https://example.org/{path}#L{line}")
    assert len(assembled) == 7 and len(memos()) == 2
    assert scan(repo, tmp_path) == added and len(assembled) == 8  # its memo was of the old tree


def test_a_new_commit_makes_them_again(repo: Path, tmp_path: Path) -> None:
    identity = ["-c", "user.name=t", "-c", "user.email=t@example.invalid"]
    git = ["git", *identity, "-C", str(repo)]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "one"], check=True)
    first = scan(repo, tmp_path)
    assert scan(repo, tmp_path) == first and len(memos()) == 1
    subprocess.run([*git, "commit", "-q", "--allow-empty", "-m", "two"], check=True)
    second = scan(repo, tmp_path)
    assert first != second  # the revision is in the report
    assert second == fresh(repo, tmp_path)


def test_a_damaged_memo_is_made_again(repo: Path, tmp_path: Path, assembled: list[Path]) -> None:
    first = scan(repo, tmp_path)
    scan(repo, tmp_path)
    with sqlite3.connect(default_cache_dir() / DB_NAME) as db:
        for memo in (b"", b"\xff" * 12, first[0][:100], b"\x08" + b"\x00" * 7 + b"\xff" * 8):
            db.execute("UPDATE memos SET memo = ?", (memo,))
            db.commit()
            assert scan(repo, tmp_path) == first
    assert len(assembled) == 6
    assert scan(repo, tmp_path) == first and len(assembled) == 6  # the last run kept it again


def test_a_failed_render_keeps_no_memo(
    repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import citegraph.render.markdown

    def broken(*args: object) -> str:
        raise RuntimeError("renderer bug")

    scan(repo, tmp_path)
    with monkeypatch.context() as patch:
        patch.setattr(citegraph.render.markdown.MarkdownRenderer, "render", broken)
        assert run(["scan", str(repo), "--no-resolve", "--quiet", "-o", "x.md"]) != 0
    assert memos() == []
    assert scan(repo, tmp_path) == fresh(repo, tmp_path)


def test_resolution_no_cache_or_a_format_of_other_packages_keeps_no_memo(
    repo: Path, tmp_path: Path
) -> None:
    fresh(repo, tmp_path)
    assert run(["scan", str(repo), "--quiet", "-f", "json", "-o", str(tmp_path / "r.json")]) == 0
    for _ in range(2):  # rendered by rich
        assert run(["scan", str(repo), "--no-resolve", "-q", "-o", str(tmp_path / "t.txt")]) == 0
    assert memos() == []


def test_a_run_killed_while_writing_its_memo_leaves_the_previous_one(
    repo: Path, tmp_path: Path
) -> None:
    first = scan(repo, tmp_path)
    assert scan(repo, tmp_path) == first
    before = memos()
    # The memo of other targets: its row written, its transaction not committed, and the
    # process killed.
    script = (
        "import os, sys\n"
        "import scanner.cache\n"
        "def remember(self, slot, key, memo, quick=None):\n"
        "    self._db.execute('BEGIN')\n"
        "    self._db.execute('INSERT OR REPLACE INTO memos VALUES (?,?,?,?,?,0)',\n"
        "                     (self.fingerprint, slot, key, quick, memo))\n"
        "    os.kill(os.getpid(), 9)\n"
        "scanner.cache.ScanCache.remember = remember\n"
        "from citegraph.cli import run\n"
        "run(sys.argv[1:])\n"
    )
    json_only = ["scan", str(repo), "--no-resolve", "--quiet", "-f", "json"]
    killed = subprocess.run([sys.executable, "-c", script, *json_only], check=False)
    assert killed.returncode == -9
    with sqlite3.connect(default_cache_dir() / DB_NAME) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert memos() == before and len(before) == 1
    assert scan(repo, tmp_path) == first == fresh(repo, tmp_path)
    done = subprocess.run([sys.executable, "-m", "citegraph", *json_only], capture_output=True)
    assert done.returncode == 0 and done.stdout == first[0] and len(memos()) == 2


@pytest.fixture
def loads(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many rows each load of the scan cache's rows gave (one entry per load)."""
    import scanner.cache

    counts: list[int] = []
    real = scanner.cache.ScanCache._load

    def counting(self: scanner.cache.ScanCache) -> dict[str, bytes]:
        rows = real(self)
        counts.append(len(rows))
        return rows

    monkeypatch.setattr(scanner.cache.ScanCache, "_load", counting)
    return counts


def quick_keys() -> list[bytes | None]:
    with sqlite3.connect(default_cache_dir() / DB_NAME) as db:
        return [row[0] for row in db.execute("SELECT quick FROM memos")]


def test_an_unchanged_tree_is_answered_by_its_stats_alone(
    repo: Path, tmp_path: Path, assembled: list[Path], loads: list[int], monkeypatch
) -> None:
    import scanner.cache

    monkeypatch.setattr(scanner.cache, "RACY_NS", 0)  # files just written count as settled
    first = scan(repo, tmp_path)
    assert scan(repo, tmp_path) == first and len(loads) == 2 and loads[1] == 4
    assert [key is not None for key in quick_keys()] == [True]
    assert scan(repo, tmp_path) == first == fresh(repo, tmp_path)
    assert len(loads) == 2 and len(assembled) == 3  # found by stat: no row loaded
    # A file touched, its content as it was: found by the results' key, then by stat again.
    os.utime(repo / "notes.txt", ns=(OLD + 10**9, OLD + 10**9))
    assert scan(repo, tmp_path) == first and len(loads) == 3 and len(assembled) == 3
    assert scan(repo, tmp_path) == first and len(loads) == 4  # its new stat recorded
    assert scan(repo, tmp_path) == first and len(loads) == 4  # and the memo found by it
    # A changed file is never taken for the memo's.
    (repo / "pkg" / "optim.py").write_text('"""See arXiv:1706.03762."""\n')
    os.utime(repo / "pkg" / "optim.py", ns=(OLD, OLD))
    changed = scan(repo, tmp_path)
    assert changed != first and changed == fresh(repo, tmp_path)


def test_a_file_settled_by_its_content_gives_the_memo_no_quick_key(
    repo: Path, tmp_path: Path, loads: list[int]
) -> None:
    first = scan(repo, tmp_path)
    # Written just now: within the racy window, its stat proves nothing, so every rescan
    # compares its content, and the memo is kept (and found) by the results alone.
    (repo / "notes.txt").write_text((repo / "notes.txt").read_text())
    for number in range(3):
        assert scan(repo, tmp_path) == first
        assert quick_keys() == [None] and len(loads) == number + 2


def test_a_memo_is_checked_as_utf8_across_its_pieces() -> None:
    from citegraph.memo import _decode, _encode

    straddling = "a" * ((1 << 16) - 1) + "é€😀" * 3  # characters across a piece's end
    texts = _decode(_encode([straddling, "", "plain"]), 3)
    assert texts is not None and [str(t, "utf-8") for t in texts] == [straddling, "", "plain"]
    broken = _encode([straddling]).replace("€".encode(), b"\xe2\x82A", 1)
    assert _decode(broken, 1) is None and _decode(_encode(["x"]), 2) is None
