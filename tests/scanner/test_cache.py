"""The scan cache: stat hits need no read, content hits survive a touch, changes invalidate,
and a file changed within its timestamps' granularity (git's racy case) is never taken as
unchanged."""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path

import pytest

import scanner.cache as cache_module
import scanner.scan as scan_module
from scanner.cache import DB_NAME, ScanCache, signature
from scanner.options import ScanOptions
from scanner.scan import scan_paths

CITING = "# See arXiv:1706.03762 for the model.\ndef f():\n    return 1\n"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    root.mkdir()
    (root / "a.py").write_text(CITING)
    (root / "b.py").write_text("x = 1\n")
    return root


def _options(tmp_path: Path, **extra: object) -> ScanOptions:
    return ScanOptions(jobs=1, cache_dir=tmp_path / "cache", **extra)


@pytest.fixture
def settled(monkeypatch: pytest.MonkeyPatch) -> None:
    """Files written before a scan count as settled: a test need not wait out the racy window
    (the files are just written, so every entry would otherwise be compared by content)."""
    monkeypatch.setattr(cache_module, "RACY_NS", 0)


def _count_reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every file the scan reads, for a cache check or a scan."""
    import scanner.reading

    seen: list[str] = []
    real = scanner.reading.read_regular

    def counting(path, max_size):  # type: ignore[no-untyped-def]
        seen.append(Path(path).name)
        return real(path, max_size)

    monkeypatch.setattr(scan_module, "read_regular", counting)
    return seen


def _count_scans(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []
    real = scan_module.scan_bytes

    def counting(root, path, data, options, language):  # type: ignore[no-untyped-def]
        seen.append(path)
        return real(root, path, data, options, language)

    monkeypatch.setattr(scan_module, "scan_bytes", counting)
    return seen


def test_warm_scan_reads_nothing(repo: Path, tmp_path: Path, monkeypatch, settled) -> None:
    first = list(scan_paths(repo, _options(tmp_path)))
    seen = _count_scans(monkeypatch)
    reads = _count_reads(monkeypatch)
    opened: list[object] = []
    real_open = Path.open
    monkeypatch.setattr(
        Path, "open", lambda self, *a, **k: opened.append(self) or real_open(self, *a, **k)
    )
    monkeypatch.setattr(scan_module, "open", lambda *a: pytest.fail(f"read {a}"), raising=False)
    assert list(scan_paths(repo, _options(tmp_path))) == first
    assert seen == [] and opened == [] and reads == []


def test_a_file_written_just_before_its_scan_is_compared_by_content(
    repo: Path, tmp_path: Path, monkeypatch
) -> None:
    # Racy: edited right after the scan read it, same size, its mtime put back. Timestamps
    # that coarse file systems keep (and a ctime in the same tick) would show nothing.
    list(scan_paths(repo, _options(tmp_path)))
    before = (repo / "a.py").stat()
    edited = CITING.replace("1706.03762", "1706.03763")
    assert len(edited) == len(CITING)
    (repo / "a.py").write_text(edited)
    os.utime(repo / "a.py", ns=(before.st_atime_ns, before.st_mtime_ns))
    seen = _count_scans(monkeypatch)
    scans = list(scan_paths(repo, _options(tmp_path)))
    assert seen == ["a.py"]
    assert [m.raw for m in scans[0].mentions] == ["arXiv:1706.03763"]


def test_an_unchanged_racy_file_is_settled_by_its_next_scan(
    repo: Path, tmp_path: Path, monkeypatch
) -> None:
    first = list(scan_paths(repo, _options(tmp_path)))  # just written: recorded unsettled
    monkeypatch.setattr(cache_module, "RACY_NS", 0)  # ... and now old enough
    reads = _count_reads(monkeypatch)
    seen = _count_scans(monkeypatch)
    assert list(scan_paths(repo, _options(tmp_path))) == first
    assert sorted(reads) == ["a.py", "b.py"] and seen == []  # compared by content
    reads.clear()
    assert list(scan_paths(repo, _options(tmp_path))) == first
    assert reads == []  # their signatures are recorded now


def test_an_edit_that_restores_mtime_is_seen_by_ctime(
    repo: Path, tmp_path: Path, monkeypatch, settled
) -> None:
    list(scan_paths(repo, _options(tmp_path)))
    before = (repo / "a.py").stat()
    time.sleep(0.05)  # past the clock tick a file system stamps ctime with
    (repo / "a.py").write_text(CITING.replace("1706.03762", "1706.03763"))
    os.utime(repo / "a.py", ns=(before.st_atime_ns, before.st_mtime_ns))
    after = (repo / "a.py").stat()
    assert (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    seen = _count_scans(monkeypatch)
    scans = list(scan_paths(repo, _options(tmp_path)))
    assert seen == ["a.py"]
    assert [m.raw for m in scans[0].mentions] == ["arXiv:1706.03763"]


def test_a_file_replaced_by_another_of_the_same_size_is_rescanned(
    repo: Path, tmp_path: Path, monkeypatch, settled
) -> None:
    list(scan_paths(repo, _options(tmp_path)))
    before = (repo / "a.py").stat()
    other = tmp_path / "other.py"
    other.write_text(CITING.replace("1706.03762", "1706.03763"))
    os.utime(other, ns=(before.st_atime_ns, before.st_mtime_ns))
    os.replace(other, repo / "a.py")
    seen = _count_scans(monkeypatch)
    scans = list(scan_paths(repo, _options(tmp_path)))
    assert seen == ["a.py"]
    assert [m.raw for m in scans[0].mentions] == ["arXiv:1706.03763"]


def test_deleted_and_renamed_files(repo: Path, tmp_path: Path, monkeypatch, settled) -> None:
    list(scan_paths(repo, _options(tmp_path)))
    (repo / "b.py").unlink()
    (repo / "a.py").rename(repo / "c.py")
    seen = _count_scans(monkeypatch)
    scans = list(scan_paths(repo, _options(tmp_path)))
    assert [s.path for s in scans] == ["c.py"] and seen == ["c.py"]
    assert scans == list(scan_paths(repo, ScanOptions(jobs=1, cache=False)))
    (repo / "c.py").rename(repo / "a.py")  # back under the old name: its entry still holds
    seen.clear()
    assert [s.path for s in scan_paths(repo, _options(tmp_path))] == ["a.py"]
    assert seen == []


def test_touch_without_change_is_not_rescanned(
    repo: Path, tmp_path: Path, monkeypatch, settled
) -> None:
    first = list(scan_paths(repo, _options(tmp_path)))
    stat = (repo / "a.py").stat()
    os.utime(repo / "a.py", ns=(stat.st_atime_ns, stat.st_mtime_ns - 10**9))
    seen = _count_scans(monkeypatch)
    reads = _count_reads(monkeypatch)
    assert list(scan_paths(repo, _options(tmp_path))) == first
    assert seen == [] and reads == ["a.py"]
    reads.clear()
    assert list(scan_paths(repo, _options(tmp_path))) == first
    assert reads == []  # the new signature was recorded


def test_changed_content_is_rescanned(repo: Path, tmp_path: Path, monkeypatch) -> None:
    list(scan_paths(repo, _options(tmp_path)))
    (repo / "b.py").write_text("# doi:10.1145/3292500.3330701\nx = 1\n")
    seen = _count_scans(monkeypatch)
    scans = list(scan_paths(repo, _options(tmp_path)))
    assert seen == ["b.py"]
    assert [m.raw for m in scans[1].mentions] == ["doi:10.1145/3292500.3330701"]


def test_options_change_invalidates(repo: Path, tmp_path: Path, monkeypatch) -> None:
    list(scan_paths(repo, _options(tmp_path)))
    seen = _count_scans(monkeypatch)
    list(scan_paths(repo, _options(tmp_path, strings=True)))
    assert sorted(seen) == ["a.py", "b.py"]


def test_concurrent_caches_both_succeed(repo: Path, tmp_path: Path) -> None:
    options = _options(tmp_path)
    sig = signature((repo / "a.py").stat())
    with ScanCache(repo, options) as one, ScanCache(repo, options) as two:
        scan = next(scan_paths(repo, ScanOptions(cache=False)))
        one.store("a.py", sig, b"d" * 16, scan)
        two.store("a.py", sig, b"d" * 16, scan)
        one.flush()
        two.flush()
    with ScanCache(repo, options) as again:
        assert again.lookup_stat("a.py", sig) == scan


def test_a_cache_of_the_previous_layout_is_replaced(repo: Path, tmp_path: Path) -> None:
    (tmp_path / "cache").mkdir()
    old = sqlite3.connect(tmp_path / "cache" / DB_NAME)
    old.execute(
        "CREATE TABLE scans (fingerprint TEXT NOT NULL, path TEXT NOT NULL, size INTEGER,"
        " mtime_ns INTEGER, inode INTEGER, digest BLOB, used REAL, result BLOB NOT NULL,"
        " PRIMARY KEY (fingerprint, path)) WITHOUT ROWID"
    )
    old.commit()
    old.close()
    first = list(scan_paths(repo, _options(tmp_path)))
    assert first == list(scan_paths(repo, ScanOptions(jobs=1, cache=False)))
    assert list(scan_paths(repo, _options(tmp_path))) == first


def test_corrupt_cache_is_rebuilt_once_with_one_warning(
    repo: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (tmp_path / "cache").mkdir()
    (tmp_path / "cache" / DB_NAME).write_bytes(b"not a database" * 100)
    expected = list(scan_paths(repo, ScanOptions(jobs=1, cache=False)))
    with caplog.at_level("WARNING"):
        assert list(scan_paths(repo, _options(tmp_path))) == expected
    assert [r.getMessage() for r in caplog.records if "rebuilt" in r.getMessage()] != []
    caplog.clear()
    with caplog.at_level("WARNING"):
        assert list(scan_paths(repo, _options(tmp_path))) == expected
    assert caplog.records == []  # rebuilt: the next run neither warns nor rescans
    db = sqlite3.connect(tmp_path / "cache" / DB_NAME)
    assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert db.execute("SELECT count(*) FROM entries").fetchone() == (2,)
    db.close()


def test_a_truncated_cache_is_rebuilt_and_nothing_is_lost(
    repo: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    for number in range(300):  # enough rows for the database to span many pages
        (repo / f"m{number:03}.py").write_text(f"# doi:10.1000/{number}\nx = {number}\n")
    expected = list(scan_paths(repo, ScanOptions(jobs=1, cache=False)))
    assert list(scan_paths(repo, _options(tmp_path))) == expected
    path = tmp_path / "cache" / DB_NAME
    assert not Path(f"{path}-wal").exists() or Path(f"{path}-wal").stat().st_size == 0
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])  # a restore or a copy cut short
    with caplog.at_level("WARNING"):
        assert list(scan_paths(repo, _options(tmp_path))) == expected
    assert any("scan cache" in r.getMessage() for r in caplog.records)
    caplog.clear()
    with caplog.at_level("WARNING"):
        assert list(scan_paths(repo, _options(tmp_path))) == expected
    assert caplog.records == []


def test_entries_are_data_never_code(repo: Path, tmp_path: Path, monkeypatch, settled) -> None:
    import pickle

    expected = list(scan_paths(repo, _options(tmp_path)))

    class Boom:
        def __reduce__(self):  # type: ignore[no-untyped-def]
            return (os.system, ("touch " + str(tmp_path / "pwned"),))

    db = sqlite3.connect(tmp_path / "cache" / DB_NAME)
    rows = db.execute("SELECT fingerprint, path, entry FROM entries").fetchall()
    for fingerprint, path, entry in rows:
        # A shared CI cache could hold anything after the signature and digest.
        poisoned = entry[: cache_module._RESULT_START] + pickle.dumps(Boom())
        db.execute(
            "UPDATE entries SET entry = ? WHERE fingerprint = ? AND path = ?",
            (poisoned, fingerprint, path),
        )
    db.commit()
    db.close()
    seen = _count_scans(monkeypatch)
    assert list(scan_paths(repo, _options(tmp_path))) == expected
    assert not (tmp_path / "pwned").exists() and sorted(seen) == ["a.py", "b.py"]


def test_names_that_are_not_utf8_are_cached(tmp_path: Path, monkeypatch) -> None:
    root = tmp_path / "repo"
    root.mkdir()
    name = os.fsdecode(b"x\xff.py")
    (root / name).write_text(CITING)
    (root / "ok|pipe.py").write_text("x = 1\n")
    first = list(scan_paths(root, _options(tmp_path)))
    assert [s.path for s in first] == ["ok|pipe.py", name] and first[1].mentions
    seen = _count_scans(monkeypatch)
    assert list(scan_paths(root, _options(tmp_path))) == first
    assert seen == []


def test_killed_writer_leaves_a_usable_cache(repo: Path, tmp_path: Path) -> None:
    import subprocess
    import sys

    script = (
        "import os, sys\n"
        "from pathlib import Path\n"
        "from scanner.options import ScanOptions\n"
        "from scanner.scan import scan_paths\n"
        "opts = ScanOptions(jobs=1, cache_dir=Path(sys.argv[2]))\n"
        "stream = scan_paths(Path(sys.argv[1]), opts)\n"
        "next(stream); next(stream)\n"
        "os.kill(os.getpid(), 9)\n"
    )
    # Killed mid-scan, with the database open and a batch pending.
    subprocess.run([sys.executable, "-c", script, str(repo), str(tmp_path / "cache")], check=False)
    db = sqlite3.connect(tmp_path / "cache" / DB_NAME)
    assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    db.close()
    assert list(scan_paths(repo, _options(tmp_path))) == list(
        scan_paths(repo, ScanOptions(jobs=1, cache=False))
    )


def test_an_entry_with_a_value_no_field_takes_is_a_miss(repo: Path, tmp_path: Path) -> None:
    from scanner.codec import CorruptEntry, dumps, loads

    scan = next(s for s in scan_paths(repo, ScanOptions(jobs=1, cache=False)) if s.mentions)
    entry = dumps(scan)
    assert loads(entry) == scan
    for bad in (
        entry.replace(b'"ok"', b'"fine"'),  # a status no FileScan has
        entry.replace(b'"comment"', b'"margin"'),  # a context no block has
        b"[" + entry[1:].split(b",", 1)[1],  # a field short
    ):
        with pytest.raises(CorruptEntry):
            loads(bad)


def test_a_run_that_stores_prunes_other_fingerprints_old_rows(repo: Path, tmp_path: Path) -> None:
    list(scan_paths(repo, _options(tmp_path)))
    path = tmp_path / "cache" / DB_NAME
    with sqlite3.connect(path) as db:
        old, recent = time.time() - 8 * 86400, time.time() - 86400
        for name, used in (("old", old), ("recent", recent)):
            db.execute("INSERT INTO entries VALUES (?,?,?,?)", (name, b"a.py", b"", used))
            db.execute("INSERT INTO memos VALUES (?,?,?,?,?,?)", (name, "s", b"k", None, b"", used))

    def fingerprints() -> list[str]:
        with sqlite3.connect(path) as db:
            rows = db.execute("SELECT fingerprint FROM entries UNION SELECT fingerprint FROM memos")
            return sorted(row[0] for row in rows if len(row[0]) < 10)

    list(scan_paths(repo, _options(tmp_path)))  # found unchanged: nothing written, nothing pruned
    assert fingerprints() == ["old", "recent"]
    (repo / "b.py").write_text("x = 2\n")
    list(scan_paths(repo, _options(tmp_path)))
    assert fingerprints() == ["recent"]


def test_source_digests_are_found_by_settled_stats_and_follow_every_edit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "pkg"
    (package / "sub").mkdir(parents=True)
    (package / "a.py").write_text("A = 1\n")
    (package / "sub" / "b.scm").write_text("(b)\n")
    files = cache_module.source_files(package)
    assert [name for name, _ in files] == ["a.py", "sub/b.scm"]
    reads: list[int] = []
    real = cache_module._content_digest

    def counting(listed):  # type: ignore[no-untyped-def]
        reads.append(len(listed))
        return real(listed)

    monkeypatch.setattr(cache_module, "_content_digest", counting)
    with ScanCache(tmp_path, _options(tmp_path)) as cache:
        reads.clear()
        first = cache.code_digest(files)
        assert cache.code_digest(files) == first and len(reads) == 2  # just written: racy
        monkeypatch.setattr(cache_module, "RACY_NS", 0)
        assert cache.code_digest(files) == first and len(reads) == 3  # settled: recorded
        assert cache.code_digest(files) == first and len(reads) == 3  # found by stat
        assert first == bytes(real(files).digest())
        # An edit of the same size, its mtime put back: the ctime tells.
        before = os.stat(package / "a.py")
        (package / "a.py").write_text("A = 2\n")
        os.utime(package / "a.py", ns=(before.st_atime_ns, before.st_mtime_ns))
        second = cache.code_digest(files)
        assert second != first and len(reads) == 4
