"""The incremental scan cache: a file's `FileScan`, keyed by its content and the scanner's setup.

One SQLite database (WAL mode, so readers never block and a killed writer leaves the last
committed state) holds one row per scanned file: its stat signature (size, mtime_ns, ctime_ns,
inode, device), a digest of its bytes and the serialised result, packed into one `entry` blob.
A row is reused when the stat signature still matches (no read at all, as git's index and
ruff's cache do) or, failing that, when the content digest does. A signature is recorded only
when the file's timestamps are safely older than the moment it was read (git's "racy" rule): a
file written within `RACY_NS` of that moment could change again without its timestamps showing
it, so its entry gets a signature no stat matches and the next scan compares content. Rows
belong to a fingerprint of the scanner's source code and options, so any change to the
scanner or its configuration starts afresh. The database lives in the user cache directory,
never in the scanned repository. CI jobs restore it from shared caches, so it is untrusted
input: entries are data only (`scanner.codec`, no pickle), a malformed entry is a miss, and a
database that is not one is rebuilt once, with one warning.

Beside the files' rows, a memo keeps what a caller made from the results of a whole tree (the
rendered report of a scan), under a key digesting every file's result: a rescan that finds no
file changed gives it back instead of decoding, assembling and rendering again. A memo made
when every file's stat signature was the one its entry was recorded with is kept under a
second, quick key as well, a digest of the walk and the signatures alone, so that the next
rescan finds it without loading a row. It is written in one statement, so an interrupted run
leaves the previous memo or the new one, never half.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import struct
import sys
import time
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from scanner.options import ScanOptions

if TYPE_CHECKING:
    from scanner.types import FileScan

try:  # CPython's own BLAKE2: hashlib would load OpenSSL, which a warm rescan never needs
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - another interpreter
    from hashlib import blake2b

logger = logging.getLogger(__name__)

CACHE_ENV = "CITEGRAPH_CACHE_DIR"
DB_NAME = "scan-cache.sqlite3"
_SCHEMA = 7
_BUSY_TIMEOUT_MS = 30_000
_COMMIT_EVERY = 512
# Schema 1 kept the signature's fields and the digest in columns of their own; the sqlite3
# module spends about a microsecond per column of each row, so a warm scan of 20,000 files
# took 60 ms to load them. An entry is `signature + digest + result`, loaded as (path, entry)
# pairs straight into a dict. Schema 2 held pickles; schema 3 holds data only, and paths as
# their file-system bytes (a name that is not UTF-8 cannot be SQLite text); schema 4 adds the
# ctime and device to the signature; schema 5 the memos, one per fingerprint and slot (what
# was made, say the JSON report), with the key of the results it was made from; schema 6 a
# second key for each memo, of the files' stat signatures (`quick`: see `recall`); schema 7 the
# digests of source code (the scanner's, which the fingerprint holds) by their files' stats.
_CREATE = f"""
BEGIN IMMEDIATE;
DROP TABLE IF EXISTS scans;
DROP TABLE IF EXISTS entries;
DROP TABLE IF EXISTS memos;
DROP TABLE IF EXISTS sources;
CREATE TABLE IF NOT EXISTS entries (fingerprint TEXT NOT NULL, path TEXT NOT NULL,
    entry BLOB NOT NULL, used REAL NOT NULL, PRIMARY KEY (fingerprint, path)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS entries_used ON entries (used);
CREATE TABLE IF NOT EXISTS memos (fingerprint TEXT NOT NULL, slot TEXT NOT NULL,
    key BLOB NOT NULL, quick BLOB, memo BLOB NOT NULL, used REAL NOT NULL,
    PRIMARY KEY (fingerprint, slot)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS sources (key BLOB PRIMARY KEY, digest BLOB NOT NULL,
    used REAL NOT NULL) WITHOUT ROWID;
PRAGMA user_version = {_SCHEMA};
COMMIT;
"""
_SIGNATURE = struct.Struct("<QqqQQ")  # size, mtime_ns, ctime_ns, inode, device
_DIGEST_SIZE = 16
_RESULT_START = _SIGNATURE.size + _DIGEST_SIZE
# Timestamps within this many nanoseconds of the moment a file was read do not prove that it
# has not changed since: file systems keep them at coarse granularity (a clock tick on Linux, 2 s
# on FAT), so a write just after the read can leave them as they were.
RACY_NS = 2_000_000_000
# Recorded for a racy file: no stat packs to this (its size field would be 2**64 - 1).
_UNSETTLED = b"\xff" * _SIGNATURE.size

Signature = bytes  # (size, mtime_ns, ctime_ns, inode, device), packed


def default_cache_dir() -> Path:
    """Where the scan cache lives: `$CITEGRAPH_CACHE_DIR`, else the user cache directory."""
    override = os.environ.get(CACHE_ENV)
    if override:
        return Path(override)
    from platformdirs import user_cache_dir  # imported here: only cached scans need it

    return Path(user_cache_dir("citegraph")) / "scan"


def signature(stat: os.stat_result) -> Signature:
    """The stat fields that change whenever a file's content may have changed: a write moves
    mtime and ctime, restoring mtime afterwards still moves ctime, and a file moved in place
    of another has another inode."""
    # Some file systems have inode and device numbers wider than 64 bits; the low bits, with
    # the size and times, still tell files apart.
    return _SIGNATURE.pack(
        stat.st_size,
        stat.st_mtime_ns,
        stat.st_ctime_ns,
        stat.st_ino & 0xFFFF_FFFF_FFFF_FFFF,
        stat.st_dev & 0xFFFF_FFFF_FFFF_FFFF,
    )


def settled_signature(stat: os.stat_result, moment_ns: int) -> Signature:
    """The signature to record for a file read under `stat` at `moment_ns` (`time.time_ns()`
    taken before the stat): its own when its timestamps are safely older than that moment,
    else one that no stat matches, so that the next scan compares the content instead."""
    recent = moment_ns - RACY_NS
    if stat.st_mtime_ns >= recent or stat.st_ctime_ns >= recent:
        return _UNSETTLED
    return signature(stat)


# Where a cached entry (see `ScanCache.entry`) holds its file's content digest.
DIGEST_SPAN = (_SIGNATURE.size, _RESULT_START)


def digest(data: bytes) -> bytes:
    """A short content digest. SHA-1 runs at about 2 GB/s on CPUs with SHA instructions, twice
    BLAKE2b's speed; a cache key needs no collision resistance against an attacker."""
    return _sha1()(data).digest()[:_DIGEST_SIZE]


@cache
def _sha1() -> Callable[[bytes], Any]:
    """`hashlib.sha1`, imported by the first file read (see `blake2b` above) and kept: an import
    statement for every file cost more than digesting a small one."""
    from hashlib import sha1

    return sha1


# The scanner's own code (its parsers, queries and title model) and the catalog's vocabulary,
# part of every stored result's layout: an edit to either, even in an editable install, makes
# another fingerprint.
_SCANNER = Path(__file__).resolve().parent
_SCANNER_SUFFIXES = frozenset({".py", ".scm", ".crfsuite"})


def _scanner_sources() -> list[tuple[str, str]]:
    return [
        *source_files(_SCANNER, _SCANNER_SUFFIXES),
        ("", str(_SCANNER.parent / "catalog" / "types.py")),
    ]


def source_files(package: Path, suffixes: frozenset[str] | None = None) -> list[tuple[str, str]]:
    """The package's files (those with one of `suffixes`, or all; `__pycache__` left out) in
    a fixed order, each as (its path in the package, its path on disk)."""
    files: list[tuple[str, str]] = []
    # os.scandir, not Path.rglob: a third of the time, paid by every warm rescan.
    directories = [(str(package), "")]
    while directories:
        directory, prefix = directories.pop()
        with os.scandir(directory) as listing:
            entries = sorted(listing, key=lambda entry: entry.name)
        for entry in reversed(entries):
            if entry.is_dir():
                if entry.name != "__pycache__":
                    directories.append((entry.path, f"{prefix}{entry.name}/"))
            elif suffixes is None or os.path.splitext(entry.name)[1] in suffixes:
                files.append((f"{prefix}{entry.name}", entry.path))
    return files


def source_digest(package: Path, suffixes: frozenset[str] | None = None) -> Any:
    """A BLAKE2b hasher fed the package's files (see `source_files`), each by its relative
    path and content."""
    return _content_digest(source_files(package, suffixes))


def _content_digest(files: list[tuple[str, str]]) -> Any:
    hasher = blake2b(digest_size=16)
    for name, path in files:
        if name:
            hasher.update(name.encode())
        with open(path, "rb") as handle:
            hasher.update(handle.read())
    return hasher


def _stat_digest(files: list[tuple[str, str]]) -> tuple[bytes, bool]:
    """A digest of the files' names and stat signatures, and whether every one is settled
    (its timestamps older than `RACY_NS`): then an equal digest later means equal contents."""
    hasher = blake2b(digest_size=16)
    recent = time.time_ns() - RACY_NS
    settled = True
    for name, path in files:
        status = os.stat(path)
        hasher.update(f"{name}\0".encode())
        hasher.update(signature(status))
        settled = settled and status.st_mtime_ns < recent and status.st_ctime_ns < recent
    return hasher.digest(), settled


def fingerprint(root: Path, options: ScanOptions, scanner: str | None = None) -> str:
    """Identifies results that are interchangeable: same root, scanner code (`scanner`: the
    hex digest of its sources, computed when not given) and options."""
    # Only the options that change a file's result; include/exclude choose files, not results.
    relevant = (
        options.max_file_size,
        options.strings,
        options.prefilter,
        options.titles.value,
        options.generated,
    )
    if scanner is None:
        scanner = _content_digest(_scanner_sources()).hexdigest()
    # The scanner's source digest stands for its version: the installed distribution's version
    # (importlib.metadata, a sixth of a warm rescan's imports) adds nothing to it.
    text = f"{_SCHEMA}|{scanner}|{relevant}|{root}"
    return blake2b(text.encode(), digest_size=16).hexdigest()


class ScanCache:
    """Cached `FileScan`s of one scan root under one fingerprint.

    Lookups read from a snapshot loaded at open time; stores are batched into transactions.
    Use as a context manager so the last batch is committed.
    """

    def __init__(self, root: Path, options: ScanOptions, directory: Path | None = None) -> None:
        directory = directory or options.cache_dir or default_cache_dir()
        directory.mkdir(parents=True, exist_ok=True)
        self.path = directory / DB_NAME
        self._pending: list[tuple[str, bytes, bytes, float]] = []
        self._wrote = False  # whether this run stored anything (see `close`)
        self._damage = ""
        # The rows are loaded on first use: a rescan that its memo answers (see `recall`)
        # never needs them.
        self._loaded: dict[str, bytes] | None = None
        try:
            self._db = self._open()
        except sqlite3.DatabaseError as error:
            if self.path.is_dir() or not self.path.exists():
                raise  # not ours to remove: the caller scans without a cache
            self._db = self._rebuild(error)
        try:
            scanner = self.code_digest(_scanner_sources()).hex()
            self._fingerprint = fingerprint(root, options, scanner)
        except BaseException:
            self._db.close()
            raise

    def _rebuild(self, error: sqlite3.DatabaseError) -> sqlite3.Connection:
        # Not a database, or a damaged one: it only ever held results that can be
        # recomputed, so it is rebuilt (once: the new file is sound).
        logger.warning("scan cache %s was unreadable (%s); rebuilt it", self.path, error)
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{self.path}{suffix}").unlink(missing_ok=True)
        return self._open()

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=_BUSY_TIMEOUT_MS / 1000)
        try:
            db.execute(f"PRAGMA busy_timeout={_BUSY_TIMEOUT_MS}")
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            if db.execute("PRAGMA user_version").fetchone()[0] != _SCHEMA:
                db.executescript(_CREATE)
        except BaseException:
            db.close()
            raise
        return db

    @property
    def _entries(self) -> dict[str, bytes]:
        """Every row of this fingerprint, path -> entry, loaded on first use."""
        if self._loaded is None:
            try:
                self._loaded = self._load()
            except sqlite3.DatabaseError as error:  # damage the opening did not see
                self._db.close()
                self._db = self._rebuild(error)
                self._loaded = {}
        return self._loaded

    def _load(self) -> dict[str, bytes]:
        # Results stay serialised until used: memory holds compact bytes rather than object
        # graphs, and only what the caller consumes is decoded.
        rows = self._db.execute(
            "SELECT path, entry FROM entries WHERE fingerprint = ?", (self._fingerprint,)
        )
        # bytes.decode as os.fsdecode does, without its call per row.
        encoding = sys.getfilesystemencoding()
        return {
            path.decode(encoding, "surrogateescape"): entry
            for path, entry in rows
            if type(path) is bytes and type(entry) is bytes
        }

    def __enter__(self) -> ScanCache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def fingerprint(self) -> str:
        """The fingerprint of the scanner's code and options the rows belong to."""
        return self._fingerprint

    def holds_results(self) -> bool:
        """Whether any result of this fingerprint is cached (a cold scan finds none), asked
        without loading the rows."""
        if self._loaded is not None:
            return bool(self._loaded)
        try:
            row = self._db.execute(
                "SELECT 1 FROM entries WHERE fingerprint = ? LIMIT 1", (self._fingerprint,)
            ).fetchone()
        except sqlite3.DatabaseError:
            return True  # damage: found and handled where the rows are loaded
        return row is not None

    def entry(self, path: str, sig: Signature) -> bytes | None:
        """The cached entry, still encoded (see `decode`), when the file's stat signature is
        still `sig`: a warm rescan decodes only the results its caller reads."""
        entry = self._entries.get(path)
        if entry is None or not entry.startswith(sig):
            return None
        return entry

    def entry_by_digest(self, path: str, sig: Signature, content: bytes) -> bytes | None:
        """`entry` for a file whose stat changed but not its content (see `lookup_digest`)."""
        entry = self._entries.get(path)
        if entry is None or entry[_SIGNATURE.size : _RESULT_START] != content:
            return None
        if not entry.startswith(sig):
            self._queue(path, sig + entry[_SIGNATURE.size :])
        return entry

    def decode(self, path: str, entry: bytes) -> FileScan | None:
        """The result held in an `entry` of `path`; None (and the entry forgotten) when it is
        damaged, so that the file is scanned again."""
        return self._result(path, entry)

    def recall(self, slot: str, key: bytes) -> bytes | None:
        """The memo kept in `slot` when it was made under `key`, or when `key` is the quick key
        it was kept with (see `remember`); else None."""
        try:
            row = self._db.execute(
                "SELECT key, quick, memo FROM memos WHERE fingerprint = ? AND slot = ?",
                (self._fingerprint, slot),
            ).fetchone()
        except sqlite3.DatabaseError:
            return None  # a memo is only an aid: the caller makes it again
        if row is None or key not in (row[0], row[1]) or type(row[2]) is not bytes:
            return None
        return row[2]

    def remember(self, slot: str, key: bytes, memo: bytes, quick: bytes | None = None) -> None:
        """Keep `memo` in `slot` under `key`, in place of the slot's previous memo; `quick` is
        a second key found before `key` is (the caller's digest of the files' stat signatures,
        say), to be given only when it proves the same results as `key`."""
        self._write(
            "INSERT OR REPLACE INTO memos VALUES (?,?,?,?,?,?)",
            (self._fingerprint, slot, key, quick, memo, time.time()),
        )

    def confirm(self, slot: str, key: bytes, quick: bytes) -> None:
        """Add `quick` to the memo of `slot` made under `key` (see `remember`)."""
        self._write(
            "UPDATE memos SET quick = ? WHERE fingerprint = ? AND slot = ? AND key = ?",
            (quick, self._fingerprint, slot, key),
        )

    def code_digest(self, files: list[tuple[str, str]]) -> bytes:
        """A digest of the files' names and contents (see `source_files`), found by their stat
        signatures when these were recorded settled: reading and hashing the scanner's,
        citegraph's and the catalog's sources (2 MB) cost a warm rescan 5 ms."""
        key, settled = _stat_digest(files)
        try:
            row = self._db.execute("SELECT digest FROM sources WHERE key = ?", (key,)).fetchone()
        except sqlite3.DatabaseError:
            row = None
        if row is not None and type(row[0]) is bytes and len(row[0]) == 16:
            return row[0]
        digest = bytes(_content_digest(files).digest())
        if settled:
            self._write("INSERT OR REPLACE INTO sources VALUES (?,?,?)", (key, digest, time.time()))
        return digest

    def _write(self, statement: str, values: tuple[object, ...]) -> None:
        self._wrote = True
        try:
            with self._db:
                self._db.execute(statement, values)
        except sqlite3.OperationalError:
            pass  # another scan held the lock past the timeout
        except sqlite3.DatabaseError as error:
            self._damage = str(error)

    def lookup_stat(self, path: str, sig: Signature) -> FileScan | None:
        """The cached result when the file's stat signature is unchanged."""
        entry = self._entries.get(path)
        if entry is None or not entry.startswith(sig):
            return None
        return self._result(path, entry)

    def lookup(self, path: str, stat: os.stat_result) -> FileScan | None:
        """`lookup_stat` for the file's stat: the per-file step of a warm rescan, so one call
        rather than three."""
        entry = self._entries.get(path)
        if entry is None or not entry.startswith(signature(stat)):
            return None
        return self._result(path, entry)

    def lookup_digest(self, path: str, sig: Signature, content: bytes) -> FileScan | None:
        """The cached result when the content is unchanged though its stat is not (a touch, a
        checkout, a file that was racy when recorded); `sig` (see `settled_signature`) is
        recorded so the next scan needs no read."""
        entry = self._entries.get(path)
        if entry is None or entry[_SIGNATURE.size : _RESULT_START] != content:
            return None
        scan = self._result(path, entry)
        if scan is not None and not entry.startswith(sig):
            self._queue(path, sig + entry[_SIGNATURE.size :])
        return scan

    def _result(self, path: str, entry: bytes) -> FileScan | None:
        # The codec (with the results' types and json) loads with the first result decoded
        # or stored: a rescan that its memo answers needs neither.
        from scanner.codec import CorruptEntry, loads

        try:
            scan = loads(entry, _RESULT_START)
        except CorruptEntry:
            scan = None
        if scan is None or scan.path != path:
            del self._entries[path]  # a miss: the file is scanned and its entry rewritten
            return None
        return scan

    def has(self, path: str) -> bool:
        """Whether any result, current or stale, is cached for `path`."""
        return path in self._entries

    def store(self, path: str, sig: Signature, content: bytes, scan: FileScan) -> None:
        """Remember `scan` as the result for a file with this signature and content digest."""
        from scanner.codec import dumps

        self._queue(path, sig + content + dumps(scan))

    def _queue(self, path: str, entry: bytes) -> None:
        self._pending.append((self._fingerprint, os.fsencode(path), entry, time.time()))
        if len(self._pending) >= _COMMIT_EVERY:
            self.flush()

    def flush(self) -> None:
        """Commit pending stores in one transaction; a busy database only loses the batch."""
        if not self._pending:
            return
        batch, self._pending = self._pending, []
        self._wrote = True
        try:
            with self._db:
                self._db.executemany("INSERT OR REPLACE INTO entries VALUES (?,?,?,?)", batch)
        except sqlite3.OperationalError:
            pass  # another scan held the lock past the timeout: the cache is only an aid
        except sqlite3.DatabaseError as error:
            self._damage = str(error)  # damage the load did not touch: rebuilt at close

    def close(self) -> None:
        """Commit what is pending, drop other fingerprints' stale rows when this run wrote
        any (a run that wrote nothing, like a rescan its memo answered, takes no write lock),
        and close."""
        self.flush()
        if self._wrote:
            # Results of old scanner versions or options are never read again; a week's grace
            # lets two configurations (say CI and a local run) share the cache.
            week = time.time() - 7 * 86400
            for table in ("entries", "memos"):
                self._write(
                    f"DELETE FROM {table} WHERE used < ? AND fingerprint != ?",
                    (week, self._fingerprint),
                )
            self._write("DELETE FROM sources WHERE used < ?", (week,))
        self._db.close()
        if self._damage:
            logger.warning("scan cache %s is damaged (%s); removed it", self.path, self._damage)
            for suffix in ("", "-wal", "-shm", "-journal"):
                Path(f"{self.path}{suffix}").unlink(missing_ok=True)
