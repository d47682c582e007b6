"""A catalog file that cannot be used, found on opening it or at any later query, reported as
one error that names the file and what to do, never as a traceback or a silent takeover."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from catalog.schema import missing_objects

_ADVICE = (
    "run `citegraph catalog check` for details, `citegraph catalog rebuild` to move it aside "
    "and start an empty catalog, or choose another file with --catalog"
)
# For a file that does not exist and cannot be made: checking or rebuilding it helps nothing.
CREATE_ADVICE = "choose another file with --catalog (or CITEGRAPH_CATALOG)"
# A catalog a newer citegraph wrote is sound: never checked, rebuilt or moved aside.
NEWER_ADVICE = (
    "upgrade citegraph (and a pre-commit hook's `rev`), or choose another file with --catalog "
    "(or CITEGRAPH_CATALOG)"
)
# A text file (a bibliography or notes given as the catalog by mistake) is the user's, not a
# damaged catalog: nothing to check or rebuild, and never moved aside.
TEXT_FILE = "is a text file, not a catalog"
TEXT_ADVICE = (
    "choose the catalog file with --catalog (or CITEGRAPH_CATALOG); "
    "`citegraph catalog import FILE` adds a bibliography's papers to it"
)
_SQLITE_HEADER = b"SQLite format 3\0"
# SQLite's words for a file that is not, or no longer, a sound database.
_DAMAGE = ("malformed", "not a database", "unable to open", "disk i/o", "corrupt")


class CatalogUnusable(Exception):
    """The catalog file is damaged, is not a database, or is another program's database."""

    def __init__(self, path: Path, problem: str, advice: str = _ADVICE) -> None:
        self.path = path
        self.problem = problem
        self.advice = advice
        super().__init__(f"catalog {path} {problem}; {advice}")

    def __reduce__(self) -> tuple[type[CatalogUnusable], tuple[Path, str, str]]:
        # Raised in an index worker, it crosses a process boundary: rebuilt from its fields.
        return type(self), (self.path, self.problem, self.advice)


def describe(error: sqlite3.Error) -> str | None:
    """What a SQLite error says about the file, or None when it is not about the file (a lock,
    a constraint, a mistake in SQL)."""
    text = str(error)
    lowered = text.lower()
    if isinstance(error, (sqlite3.IntegrityError, sqlite3.ProgrammingError)):
        return None
    if "not a database" in lowered:
        return "is not a SQLite database (damaged, or another kind of file)"
    if "malformed" in lowered or "corrupt" in lowered:
        return f"is damaged ({text})"
    if "unable to open" in lowered:
        return f"cannot be opened ({text})"
    if "disk i/o" in lowered:
        return f"cannot be read ({text})"
    if type(error) is sqlite3.DatabaseError:
        return f"is unusable ({text})"
    return None


def _translated(path: Path, error: sqlite3.Error) -> BaseException:
    problem = describe(error)
    return error if problem is None else CatalogUnusable(path, problem)


class GuardedCursor(sqlite3.Cursor):
    """A cursor whose damage errors name the catalog file."""

    def _path(self) -> Path:
        return getattr(self.connection, "path", Path("?"))

    def execute(self, sql: str, parameters: Any = (), /) -> GuardedCursor:
        try:
            super().execute(sql, parameters)
        except sqlite3.Error as error:
            raise _translated(self._path(), error) from error
        return self

    def executemany(self, sql: str, seq_of_parameters: Iterable[Any], /) -> GuardedCursor:
        try:
            super().executemany(sql, seq_of_parameters)
        except sqlite3.Error as error:
            raise _translated(self._path(), error) from error
        return self

    def fetchone(self) -> Any:
        try:
            return super().fetchone()
        except sqlite3.Error as error:
            raise _translated(self._path(), error) from error

    def fetchmany(self, size: int | None = None) -> list[Any]:
        try:
            return super().fetchmany(self.arraysize if size is None else size)
        except sqlite3.Error as error:
            raise _translated(self._path(), error) from error

    def fetchall(self) -> list[Any]:
        try:
            return super().fetchall()
        except sqlite3.Error as error:
            raise _translated(self._path(), error) from error

    def __next__(self) -> Any:
        try:
            return super().__next__()
        except sqlite3.Error as error:
            raise _translated(self._path(), error) from error


class GuardedConnection(sqlite3.Connection):
    """A connection to a catalog file: every statement runs on a `GuardedCursor`."""

    path: Path = Path("?")

    def cursor(self, factory: Any = GuardedCursor) -> Any:  # type: ignore[override]
        return super().cursor(factory)

    def execute(self, sql: str, parameters: Any = (), /) -> GuardedCursor:  # type: ignore[override]
        cursor: GuardedCursor = self.cursor()
        return cursor.execute(sql, parameters)

    def executemany(self, sql: str, parameters: Iterable[Any], /) -> GuardedCursor:  # type: ignore[override]
        cursor: GuardedCursor = self.cursor()
        return cursor.executemany(sql, parameters)


def is_text_file(path: Path) -> bool:
    """Whether `path` is a file of text rather than a database, sound or damaged: no SQLite
    header and no NUL byte in its first 4 KiB (a SQLite file's first page always has some)."""
    try:
        with open(path, "rb") as stream:
            head = stream.read(4096)
    except OSError:  # a directory, a missing or unreadable file: not this question
        return False
    return bool(head) and not head.startswith(_SQLITE_HEADER) and b"\0" not in head


def connect(path: Path, **options: Any) -> GuardedConnection:
    """Open `path` as a catalog; a file that cannot be opened raises `CatalogUnusable`."""
    if path.is_dir():
        raise CatalogUnusable(path, "is a directory", CREATE_ADVICE)  # nothing to move aside
    if is_text_file(path):  # `--catalog references.bib`: said so, and pointed to `import`
        raise CatalogUnusable(path, TEXT_FILE, TEXT_ADVICE)
    new = not path.exists()
    if new:
        _check_creatable(path)
    try:
        connection = sqlite3.connect(path, factory=GuardedConnection, **options)
    except sqlite3.Error as error:
        if new and not path.exists():
            raise CatalogUnusable(path, f"cannot be created ({error})", CREATE_ADVICE) from error
        raise _translated(path, error) from error
    connection.path = path
    return connection


def _check_creatable(path: Path) -> None:
    """Refuse a new catalog file that cannot be made, saying why (SQLite only says "unable to
    open database file", and the damage advice would send the user the wrong way)."""
    parent = path.parent
    if parent.exists() and not parent.is_dir():
        raise CatalogUnusable(
            path, f"cannot be created ({parent} is not a directory)", CREATE_ADVICE
        )
    try:
        parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        reason = error.strerror or str(error)
        raise CatalogUnusable(
            path, f"cannot be created ({parent}: {reason.lower()})", CREATE_ADVICE
        ) from error
    if not os.access(parent, os.W_OK | os.X_OK):
        raise CatalogUnusable(
            path, f"cannot be created ({parent} is not a writable directory)", CREATE_ADVICE
        )


def quick_check(connection: sqlite3.Connection) -> str | None:
    """What SQLite's quick check (every page, without comparing indexes to tables) finds
    wrong with the open catalog, as a problem for `CatalogUnusable`; None when it is sound."""
    try:
        rows = [row[0] for row in connection.execute("PRAGMA quick_check(1)")]
    except CatalogUnusable as error:
        return error.problem
    except sqlite3.Error as error:
        return describe(error) or f"is unusable ({error})"
    if rows == ["ok"]:
        return None
    first = " ".join(str(rows[0]).split()) if rows else "no answer"
    return f"is damaged (quick check: {first})"


def inspect(path: Path) -> list[str]:
    """The problems of the catalog file at `path` (read-only; SQLite's full integrity check):
    an empty list when it is sound or does not exist yet."""
    if path.is_dir():
        return ["is a directory"]
    if not path.exists():
        return []
    if is_text_file(path):
        return [TEXT_FILE]
    try:
        db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as error:
        return [describe(error) or str(error)]
    try:
        version = db.execute("PRAGMA user_version").fetchone()[0]
        names = [n for (n,) in db.execute("SELECT name FROM sqlite_master")]
        if version == 0 and names:
            return [f"is another program's SQLite database (tables: {', '.join(names[:5])})"]
        rows = [row[0] for row in db.execute("PRAGMA integrity_check(20)")]
        missing = [f"missing {name}" for name in missing_objects(db, version)]
        return missing + ([] if rows == ["ok"] else rows)
    except sqlite3.Error as error:
        return [describe(error) or str(error)]
    finally:
        db.close()


def move_aside(path: Path, stamp: str) -> Path:
    """Rename the catalog file (and its WAL and shared-memory files) to `<name>.broken-<stamp>`;
    returns the new name of the main file."""
    aside = path.with_name(f"{path.name}.broken-{stamp}")
    for suffix in ("-wal", "-shm", "-journal"):
        companion = Path(f"{path}{suffix}")
        if companion.exists():
            companion.rename(Path(f"{aside}{suffix}"))
    path.rename(aside)
    return aside
