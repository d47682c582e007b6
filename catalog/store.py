"""The embedded SQLite catalog: papers, their aliases, provenance, cached lookups, FTS titles."""

from __future__ import annotations

import json
import os
import sqlite3
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from catalog.guard import NEWER_ADVICE, CatalogUnusable, connect, quick_check
from catalog.merge import aliases_of, merge_papers, row_paper
from catalog.schema import ForeignDatabase, SchemaDamaged, SchemaTooNew, migrate
from catalog.types import Paper

_COLUMNS = "id, key, title, authors, year, venue, abstract, url, primary_category, sources"
_CHUNK = 500  # stays far below SQLite's limit on bound parameters


def default_catalog_path() -> Path:
    """`CITEGRAPH_CATALOG`, else `catalog.sqlite3` in the user cache directory."""
    env = os.environ.get("CITEGRAPH_CATALOG")
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_cache_dir("citegraph", appauthor=False)) / "catalog.sqlite3"


@dataclass(frozen=True, slots=True)
class Lookup:
    """A cached answer for a key: the paper (None if it was not found), confidence and age."""

    paper: Paper | None
    confidence: float | None
    fetched_at: float


@dataclass(frozen=True, slots=True)
class ImportCount:
    """How an import went: new records, records merged into existing ones, and the records
    left out: (why, how many, the lines of the first few), most first."""

    added: int = 0
    merged: int = 0
    skipped: tuple[tuple[str, int, tuple[int, ...]], ...] = ()


def _write_ahead(db: sqlite3.Connection, busy_timeout: float) -> None:
    """Put the file in WAL mode, waiting up to `busy_timeout` for other processes.

    Switching the journal mode escalates a read lock to an exclusive one, and while another
    connection writes (a concurrent import creating the same new catalog) SQLite answers
    "database is locked" at once, without its busy handler, to avoid a deadlock: the switch
    is tried again until the timeout, as any other statement waits."""
    deadline = time.monotonic() + busy_timeout
    pause = 0.01
    while True:
        try:
            db.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() + pause > deadline:
                raise
        time.sleep(pause)
        pause = min(pause * 2, 0.2)


class Store:
    """A catalog file. Every write runs in one `BEGIN IMMEDIATE` transaction; WAL mode and a
    busy timeout let several processes share the file."""

    def __init__(self, path: Path, *, busy_timeout: float = 60.0) -> None:
        self.path = path
        self._checked = False  # whether the file was checked for damage before a first write
        # A missing folder is made (the default lives in the user's cache directory). A file
        # that cannot be made, a damaged file, another kind of file or another program's
        # database is refused with one error naming it (`CatalogUnusable`), on opening or at
        # any later query.
        self.db: sqlite3.Connection = connect(path, timeout=busy_timeout, isolation_level=None)
        try:
            _write_ahead(self.db, busy_timeout)
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            # 64 MiB of page cache: alias and FTS index pages stay hot during large imports.
            self.db.execute("PRAGMA cache_size=-65536")
            self.version = migrate(self.db)
        except (ForeignDatabase, SchemaDamaged) as error:
            self.db.close()
            raise CatalogUnusable(path, str(error)) from error
        except SchemaTooNew as error:
            # A pre-commit hook pinned to an older commit shares the user's catalog with a
            # newer CLI: every command it ran stopped with a traceback.
            self.db.close()
            raise CatalogUnusable(path, str(error), NEWER_ADVICE) from error
        except BaseException:
            self.db.close()
            raise

    def close(self) -> None:
        """Close the connection."""
        self.db.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """A write transaction, committed on success and rolled back on any error.

        Before the first write of this connection, every page of the file is checked
        (`PRAGMA quick_check`, 0.2-0.3 s for 100,000 papers): damage in pages a run never
        reads would otherwise let it write on into a broken file. Read-only runs (an offline
        scan, `check` in a pre-commit hook) never pay for it; damage they meet in a page they
        read is reported by the query that meets it."""
        if not self._checked:
            problem = quick_check(self.db)
            if problem is not None:
                raise CatalogUnusable(self.path, problem)
            self._checked = True
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    # Reading ----------------------------------------------------------------------------------

    def find(self, alias: str) -> Paper | None:
        """The paper reachable by `alias` (a ref key such as `arxiv:1908.03265`)."""
        row = self.db.execute(
            f"SELECT {_COLUMNS} FROM papers WHERE id = "
            "(SELECT paper_id FROM aliases WHERE alias = ?)",
            (alias,),
        ).fetchone()
        return self._papers([row])[0] if row else None

    def find_many(self, aliases: Sequence[str]) -> dict[str, Paper]:
        """The papers reachable by each of `aliases`, keyed by alias (absent: unknown)."""
        ids: dict[str, int] = {}
        for start in range(0, len(aliases), _CHUNK):
            part = aliases[start : start + _CHUNK]
            marks = ",".join("?" * len(part))
            ids.update(
                self.db.execute(
                    f"SELECT alias, paper_id FROM aliases WHERE alias IN ({marks})", part
                ).fetchall()
            )
        papers = self.papers_by_id(sorted(set(ids.values())))
        return {alias: papers[pid] for alias, pid in ids.items() if pid in papers}

    def papers_by_id(self, ids: Sequence[int]) -> dict[int, Paper]:
        """Papers by row id."""
        rows = []
        for start in range(0, len(ids), _CHUNK):
            part = ids[start : start + _CHUNK]
            marks = ",".join("?" * len(part))
            rows += self.db.execute(
                f"SELECT {_COLUMNS} FROM papers WHERE id IN ({marks})", part
            ).fetchall()
        return {row[0]: paper for row, paper in zip(rows, self._papers(rows), strict=True)}

    def iter_papers(self, batch: int = 1000) -> Iterator[Paper]:
        """Every paper in insertion order, read in batches so memory stays flat."""
        last = 0
        while True:
            rows = self.db.execute(
                f"SELECT {_COLUMNS} FROM papers WHERE id > ? ORDER BY id LIMIT ?", (last, batch)
            ).fetchall()
            if not rows:
                return
            yield from self._papers(rows)
            last = rows[-1][0]

    def search(self, match: str, *, year: int | None = None, limit: int = 20) -> list[Paper]:
        """Papers whose FTS5 index matches `match` (FTS5 query syntax), best first; with
        `year`, only papers within a year of it."""
        sql = (
            f"SELECT {', '.join('p.' + c.strip() for c in _COLUMNS.split(','))} "
            "FROM titles JOIN papers p ON p.id = titles.rowid WHERE titles MATCH ?"
        )
        params: list[object] = [match]
        if year is not None:
            sql += " AND p.year BETWEEN ? AND ?"
            params += [year - 1, year + 1]
        rows = self.db.execute(sql + " ORDER BY rank LIMIT ?", [*params, limit]).fetchall()
        return self._papers(rows)

    def title_term_counts(self, terms: Sequence[str], cap: int = 5000) -> dict[str, int]:
        """How many times each (normalized, lowercase) term occurs in stored titles, counted
        up to `cap` + 1 only, so a word in half the catalog costs no more than a rare one."""
        counts = {}
        for term in terms:
            counts[term] = self.db.execute(
                "SELECT COUNT(*) FROM (SELECT 1 FROM titles_terms "
                "WHERE term = ? AND col = 'title' LIMIT ?)",
                (term, cap + 1),
            ).fetchone()[0]
        return counts

    def lookup(self, key: str) -> Lookup | None:
        """The cached answer for `key`, if any."""
        row = self.db.execute(
            "SELECT paper_id, confidence, fetched_at FROM lookups WHERE key = ?", (key,)
        ).fetchone()
        if row is None:
            return None
        paper = self.papers_by_id([row[0]]).get(row[0]) if row[0] is not None else None
        return Lookup(paper, row[1], row[2])

    def lookups(self, keys: Sequence[str]) -> dict[str, tuple[int | None, float]]:
        """`(paper id or None, fetched_at)` of each cached key."""
        found: dict[str, tuple[int | None, float]] = {}
        for start in range(0, len(keys), _CHUNK):
            part = keys[start : start + _CHUNK]
            marks = ",".join("?" * len(part))
            for key, pid, at in self.db.execute(
                f"SELECT key, paper_id, fetched_at FROM lookups WHERE key IN ({marks})", part
            ):
                found[key] = (pid, at)
        return found

    def _papers(self, rows: Sequence[tuple]) -> list[Paper]:
        ids = [row[0] for row in rows]
        aliases: dict[int, list[str]] = {}
        for start in range(0, len(ids), _CHUNK):
            part = ids[start : start + _CHUNK]
            marks = ",".join("?" * len(part))
            for alias, pid in self.db.execute(
                f"SELECT alias, paper_id FROM aliases WHERE paper_id IN ({marks}) ORDER BY alias",
                part,
            ):
                aliases.setdefault(pid, []).append(alias)
        return [row_paper(row, aliases.get(row[0], [])) for row in rows]

    # Writing ----------------------------------------------------------------------------------

    def save(
        self, paper: Paper, *, lookup_keys: Iterable[str] = (), confidence: float | None = None
    ) -> Paper:
        """Insert or merge `paper` (records sharing any alias become one) and record that
        `lookup_keys` resolved to it; returns the stored, merged paper."""
        return self.save_many([(paper, tuple(lookup_keys))], confidence=confidence)[0]

    def save_many(
        self, items: Sequence[tuple[Paper, Sequence[str]]], *, confidence: float | None = None
    ) -> list[Paper]:
        """`save` for many papers in one transaction; returns the stored papers in order."""
        pids = []
        with self.transaction():
            now = time.time()
            for paper, keys in items:
                pid = self._upsert(paper, now)
                pids.append(pid)
                for key in keys:
                    self._record(key, pid, confidence)
            # A later paper in the batch may have merged an earlier one away.
            pids = [self._current(pid, paper) for pid, (paper, _) in zip(pids, items, strict=True)]
        stored = self.papers_by_id(sorted(set(pids)))
        return [stored[pid] for pid in pids]

    def _current(self, pid: int, paper: Paper) -> int:
        row = self.db.execute(
            "SELECT paper_id FROM aliases WHERE alias = ?", (aliases_of(paper)[0],)
        ).fetchone()
        return row[0] if row else pid

    def record_missing(self, keys: Iterable[str]) -> None:
        """Remember that `keys` were not found, so the next run does not ask again."""
        with self.transaction():
            for key in keys:
                self._record(key, None, None)

    def _record(self, key: str, pid: int | None, confidence: float | None) -> None:
        self.db.execute(
            "INSERT OR REPLACE INTO lookups(key, paper_id, confidence, fetched_at) "
            "VALUES (?, ?, ?, ?)",
            (key, pid, confidence, time.time()),
        )

    def _upsert(self, paper: Paper, now: float) -> int:
        aliases = aliases_of(paper)
        marks = ",".join("?" * len(aliases))
        existing = sorted(
            {
                pid
                for (pid,) in self.db.execute(
                    f"SELECT paper_id FROM aliases WHERE alias IN ({marks})", aliases
                )
            }
        )
        if not existing:
            pid = self._insert_rows([paper], now)[0]
        else:
            pid, others = existing[0], existing[1:]
            merged = self.papers_by_id(existing)
            result = merged[pid]
            for other in others:
                result = merge_papers(result, merged[other])
                self.db.execute(
                    "UPDATE OR IGNORE aliases SET paper_id = ? WHERE paper_id = ?", (pid, other)
                )
                self.db.execute(
                    "UPDATE OR IGNORE provenance SET paper_id = ? WHERE paper_id = ?", (pid, other)
                )
                self.db.execute("UPDATE lookups SET paper_id = ? WHERE paper_id = ?", (pid, other))
                self.db.execute("DELETE FROM papers WHERE id = ?", (other,))
            result = merge_papers(result, paper)
            self.db.execute(
                "UPDATE papers SET title=?, authors=?, year=?, venue=?, abstract=?, url=?, "
                "primary_category=?, sources=?, updated_at=? WHERE id=?",
                (
                    result.title,
                    json.dumps(list(result.authors)),
                    result.year,
                    result.venue,
                    result.abstract,
                    result.url,
                    result.primary_category,
                    result.source,
                    now,
                    pid,
                ),
            )
            self.db.executemany(
                "INSERT OR IGNORE INTO aliases(alias, paper_id) VALUES (?, ?)",
                [(a, pid) for a in aliases],
            )
        self.db.execute(
            "INSERT OR REPLACE INTO provenance(paper_id, source, fetched_at) VALUES (?, ?, ?)",
            (pid, paper.source or "unknown", now),
        )
        return pid

    def _insert_rows(self, papers: Sequence[Paper], now: float) -> list[int]:
        start = self.db.execute("SELECT COALESCE(MAX(id), 0) FROM papers").fetchone()[0] + 1
        ids = list(range(start, start + len(papers)))
        self.db.executemany(
            "INSERT INTO papers(id, key, title, authors, year, venue, abstract, url, "
            "primary_category, sources, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            [
                (
                    pid,
                    p.key,
                    p.title,
                    json.dumps(list(p.authors)),
                    p.year,
                    p.venue,
                    p.abstract,
                    p.url,
                    p.primary_category,
                    p.source or "",
                    now,
                )
                for pid, p in zip(ids, papers, strict=True)
            ],
        )
        self.db.executemany(
            "INSERT OR IGNORE INTO aliases(alias, paper_id) VALUES (?, ?)",
            [(a, pid) for pid, p in zip(ids, papers, strict=True) for a in aliases_of(p)],
        )
        self.db.executemany(
            "INSERT OR REPLACE INTO provenance(paper_id, source, fetched_at) VALUES (?, ?, ?)",
            [(pid, p.source or "unknown", now) for pid, p in zip(ids, papers, strict=True)],
        )
        return ids

    def import_papers(self, papers: Iterable[Paper], *, batch: int = 5000) -> ImportCount:
        """Add many papers, one transaction per `batch`; papers that share an alias with a
        stored one (or an earlier one in the batch) are merged instead of duplicated."""
        added = merged = 0
        pending: list[Paper] = []

        def flush() -> None:
            nonlocal added, merged
            with self.transaction():
                now = time.time()
                known = self._known_aliases([a for p in pending for a in aliases_of(p)])
                fresh: list[Paper] = []
                seen: set[str] = set()
                for paper in pending:
                    aliases = aliases_of(paper)
                    if known.isdisjoint(aliases) and seen.isdisjoint(aliases):
                        fresh.append(paper)
                        seen.update(aliases)
                        continue
                    if fresh:  # keep order: earlier papers must exist before merging into them
                        self._insert_rows(fresh, now)
                        added += len(fresh)
                        fresh = []
                    self._upsert(paper, now)
                    known.update(aliases)
                    merged += 1
                if fresh:
                    self._insert_rows(fresh, now)
                    added += len(fresh)
            pending.clear()

        for paper in papers:
            pending.append(paper)
            if len(pending) >= batch:
                flush()
        if pending:
            flush()
        return ImportCount(added, merged)

    def _known_aliases(self, aliases: Sequence[str]) -> set[str]:
        known: set[str] = set()
        for start in range(0, len(aliases), _CHUNK):
            part = aliases[start : start + _CHUNK]
            marks = ",".join("?" * len(part))
            known.update(
                a
                for (a,) in self.db.execute(
                    f"SELECT alias FROM aliases WHERE alias IN ({marks})", part
                )
            )
        return known

    def stats(self) -> dict[str, object]:
        """Counts for `citegraph catalog stats`."""
        one = lambda sql: self.db.execute(sql).fetchone()[0]  # noqa: E731
        kinds = dict(
            self.db.execute(
                "SELECT substr(alias, 1, instr(alias, ':') - 1) AS kind, COUNT(*) FROM aliases "
                "GROUP BY kind ORDER BY kind"
            ).fetchall()
        )
        sources = dict(
            self.db.execute(
                "SELECT source, COUNT(*) FROM provenance GROUP BY source ORDER BY source"
            ).fetchall()
        )
        return {
            "path": str(self.path),
            "schema_version": self.version,
            "papers": one("SELECT COUNT(*) FROM papers"),
            "aliases": kinds,
            "sources": sources,
            "cached_lookups": one("SELECT COUNT(*) FROM lookups"),
            "cached_not_found": one("SELECT COUNT(*) FROM lookups WHERE paper_id IS NULL"),
            "bytes": self.path.stat().st_size if self.path.exists() else 0,
        }
