"""The SQLite store: schema, merging records by alias, crash safety and sharing."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from catalog.guard import CatalogUnusable
from catalog.merge import merge_papers
from catalog.schema import SCHEMA_VERSION, SchemaTooNew
from catalog.store import Store, default_catalog_path
from catalog.types import Paper

PREPRINT = Paper(
    key="arxiv:1512.03385",
    title="Deep Residual Learning for Image Recognition",
    authors=("Kaiming He",),
    year=2015,
    venue="arXiv",
    ids={"arxiv": "1512.03385"},
    source="arxiv",
)
PUBLISHED = Paper(
    key="doi:10.1109/cvpr.2016.90",
    title="Deep residual learning",
    year=2016,
    venue="CVPR",
    abstract="Residual nets.",
    ids={"doi": "10.1109/cvpr.2016.90"},
    source="crossref",
)


@pytest.fixture
def store(tmp_path: Path):
    opened = Store(tmp_path / "store.sqlite3")
    yield opened
    opened.close()


def test_schema_version_and_wal(store: Store) -> None:
    assert store.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite3"
    sqlite3.connect(path).execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(CatalogUnusable, match="written by a newer citegraph") as raised:
        Store(path)
    assert isinstance(raised.value.__cause__, SchemaTooNew)


def test_reopening_keeps_data(tmp_path: Path) -> None:
    first = Store(tmp_path / "s.sqlite3")
    first.save(PREPRINT)
    first.close()
    second = Store(tmp_path / "s.sqlite3")
    assert second.find("arxiv:1512.03385").title == PREPRINT.title
    # The arXiv DOI is an alias of the record, though not its DOI.
    assert second.find("doi:10.48550/arxiv.1512.03385").key == PREPRINT.key
    assert "doi" not in second.find("arxiv:1512.03385").ids
    second.close()


def test_bridge_record_merges_two(store: Store) -> None:
    store.save(PREPRINT)
    store.save(PUBLISHED)
    assert store.stats()["papers"] == 2
    bridge = Paper(
        key="doi:10.1109/cvpr.2016.90",
        title="Deep Residual Learning",
        ids={"doi": "10.1109/cvpr.2016.90", "arxiv": "1512.03385", "s2": "abc"},
        source="semanticscholar",
    )
    merged = store.save(bridge, lookup_keys=["url:https://example.org/resnet"])
    assert store.stats()["papers"] == 1
    assert merged.ids == {"arxiv": "1512.03385", "doi": "10.1109/cvpr.2016.90", "s2": "abc"}
    assert merged.title == PREPRINT.title  # the first record's title stays
    assert merged.venue == "CVPR" and merged.abstract == "Residual nets."
    assert store.find("doi:10.1109/cvpr.2016.90") == store.find("arxiv:1512.03385") == merged
    assert store.lookup("url:https://example.org/resnet").paper == merged
    assert store.db.execute("PRAGMA foreign_key_check").fetchall() == []


def test_same_source_refresh_replaces_fields() -> None:
    newer = Paper(
        key=PREPRINT.key, title="Deep Residual Learning (v2)", ids=PREPRINT.ids, source="arxiv"
    )
    assert merge_papers(PREPRINT, newer).title == "Deep Residual Learning (v2)"
    other = Paper(key=PREPRINT.key, title="Something else", ids=PREPRINT.ids, source="crossref")
    assert merge_papers(PREPRINT, other).title == PREPRINT.title


def test_fts_search(store: Store) -> None:
    store.save(PREPRINT)
    store.save(PUBLISHED)
    hits = store.search('title : ("residual" AND "recognition")')
    assert [p.key for p in hits] == [PREPRINT.key]
    assert store.search('authors : ("he")', year=2030) == []


def test_import_dedupes_within_and_across_batches(store: Store) -> None:
    papers = [
        Paper(
            key=f"arxiv:2101.{n:05d}",
            title=f"Paper {n}",
            ids={"arxiv": f"2101.{n:05d}"},
            source="import",
        )
        for n in range(1, 11)
    ]
    duplicate = Paper(
        key="doi:10.1/x",
        title="Paper 3 published",
        ids={"doi": "10.1/x", "arxiv": "2101.00003"},
        source="import2",
    )
    count = store.import_papers([*papers, duplicate, papers[0]], batch=4)
    assert (count.added, count.merged) == (10, 2)
    assert store.stats()["papers"] == 10
    assert store.find("doi:10.1/x").key == "arxiv:2101.00003"
    assert [p.key for p in store.iter_papers(batch=3)] == [p.key for p in papers]


def test_default_path(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("CITEGRAPH_CATALOG", str(tmp_path / "x.db"))
    assert default_catalog_path() == tmp_path / "x.db"
    monkeypatch.delenv("CITEGRAPH_CATALOG")
    path = default_catalog_path()
    assert path.name == "catalog.sqlite3" and "citegraph" in path.parts


WRITER = textwrap.dedent("""
    import sys, itertools
    from pathlib import Path
    from catalog.store import Store
    from catalog.types import Paper
    store = Store(Path(sys.argv[1]))
    print("ready", flush=True)
    for n in itertools.count():
        store.import_papers(
            [Paper(key=f"url:https://x.org/{sys.argv[2]}/{n}/{i}", title=f"Title {n} {i}",
                   ids={"url": f"https://x.org/{sys.argv[2]}/{n}/{i}"}, source="w")
             for i in range(50)], batch=25)
        store.save(Paper(key="doi:10.1/shared", title=f"Shared {n}",
                         ids={"doi": "10.1/shared"}, source="w"), lookup_keys=[f"k{n}"])
        if n == 0:
            print("wrote", flush=True)
""")


def _start_writer(path: Path, name: str) -> subprocess.Popen[str]:
    process = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path), name], stdout=subprocess.PIPE, text=True
    )
    assert process.stdout is not None and process.stdout.readline().strip() == "ready"
    return process


def test_sigkill_mid_write_leaves_a_usable_store(tmp_path: Path) -> None:
    path = tmp_path / "killed.sqlite3"
    writer = _start_writer(path, "a")
    time.sleep(0.8)
    os.kill(writer.pid, signal.SIGKILL)
    writer.wait()
    store = Store(path)
    assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert store.db.execute("INSERT INTO titles(titles) VALUES ('integrity-check')") is not None
    papers = store.stats()["papers"]
    shared = store.find("doi:10.1/shared") is not None
    assert papers > 0
    # Whole transactions only: each holds 25 imported papers; the shared record is one more.
    assert (papers - shared) % 25 == 0
    store.save(PREPRINT)
    store.close()


def test_two_processes_share_the_store(tmp_path: Path) -> None:
    path = tmp_path / "shared.sqlite3"
    writers = [_start_writer(path, name) for name in ("a", "b")]
    # Each writer says when its first batch is committed: on a loaded machine a fixed sleep
    # could end before the second writer got that far, which is not what this test is about.
    for writer in writers:
        assert writer.stdout is not None and writer.stdout.readline().strip() == "wrote"
    time.sleep(0.5)  # both now write side by side
    for writer in writers:
        writer.terminate()
        writer.wait()
        assert writer.returncode == -signal.SIGTERM  # stopped by us, not by "database locked"
    store = Store(path)
    assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    keys = {p.key.split("/")[3] for p in store.iter_papers() if p.key.startswith("url:")}
    assert keys == {"a", "b"}
    shared = store.find("doi:10.1/shared") is not None
    assert (store.stats()["papers"] - shared) % 25 == 0
    store.close()


def test_migration_runs_once_and_upgrades_old_files(tmp_path: Path, monkeypatch) -> None:
    import catalog.schema as schema

    path = tmp_path / "old.sqlite3"
    Store(path).close()
    extra = "CREATE TABLE notes (paper_id INTEGER, text TEXT);"
    monkeypatch.setattr(schema, "MIGRATIONS", (*schema.MIGRATIONS, extra))
    monkeypatch.setattr(schema, "SCHEMA_VERSION", len(schema.MIGRATIONS))
    upgraded = Store(path)
    assert upgraded.version == SCHEMA_VERSION + 1
    assert upgraded.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 1
    upgraded.db.execute("SELECT * FROM notes").fetchall()
    upgraded.close()
    Store(path).close()  # opening again applies nothing twice


@pytest.mark.parametrize("preprint_first", [True, False])
def test_a_merged_paper_shows_the_published_venue_and_year(preprint_first: bool) -> None:
    preprint = Paper(
        key="arxiv:1905.01234",
        title="Sparse Graphs",
        year=2019,
        venue="arXiv",
        ids={"arxiv": "1905.01234", "doi": "10.1145/3300001.3300002"},  # arXiv names the DOI
        source="arxiv",
    )
    published = Paper(
        key="doi:10.1145/3300001.3300002",
        title="Sparse Graphs",
        year=2020,
        venue="Journal of Synthetic Graphs",
        ids={"doi": "10.1145/3300001.3300002"},
        source="crossref",
    )
    old, new = (preprint, published) if preprint_first else (published, preprint)
    merged = merge_papers(old, new)
    assert (merged.venue, merged.year) == ("Journal of Synthetic Graphs", 2020)


def test_opening_waits_for_a_writer_while_the_file_turns_to_wal(tmp_path: Path) -> None:
    """Switching to WAL mode while another process writes is refused at once by SQLite (it
    skips its busy handler to avoid a deadlock): opening the catalog waits and tries again, as
    concurrent imports creating one new catalog need."""
    import threading

    path = tmp_path / "catalog.sqlite3"
    Store(path).close()
    plain = sqlite3.connect(path, isolation_level=None)
    plain.execute("PRAGMA journal_mode=DELETE")  # as a file is before its first opening
    plain.close()
    writing, done = threading.Event(), threading.Event()

    def write() -> None:
        writer = sqlite3.connect(path, isolation_level=None)
        writer.execute("BEGIN IMMEDIATE")
        writing.set()
        time.sleep(0.3)
        writer.execute("COMMIT")
        writer.close()
        done.set()

    thread = threading.Thread(target=write)
    thread.start()
    writing.wait()
    store = Store(path, busy_timeout=10)
    assert done.is_set()  # it waited for the writer instead of failing
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    store.close()
    thread.join()
