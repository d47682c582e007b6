"""The store's SQL schema as numbered migrations, applied in order under `PRAGMA user_version`."""

from __future__ import annotations

import re
import sqlite3

# Each entry upgrades the schema from version i to i + 1. Append; never edit a released step.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE papers (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,
        title TEXT,
        authors TEXT NOT NULL DEFAULT '[]',
        year INTEGER,
        venue TEXT,
        abstract TEXT,
        url TEXT,
        primary_category TEXT,
        sources TEXT NOT NULL DEFAULT '',
        updated_at REAL NOT NULL
    );
    CREATE TABLE aliases (
        alias TEXT PRIMARY KEY,
        paper_id INTEGER NOT NULL REFERENCES papers(id) ON DELETE CASCADE
    ) WITHOUT ROWID;
    CREATE INDEX aliases_paper ON aliases(paper_id);
    CREATE TABLE provenance (
        paper_id INTEGER NOT NULL REFERENCES papers(id) ON DELETE CASCADE,
        source TEXT NOT NULL,
        fetched_at REAL NOT NULL,
        PRIMARY KEY (paper_id, source)
    ) WITHOUT ROWID;
    CREATE TABLE lookups (
        key TEXT PRIMARY KEY,
        paper_id INTEGER REFERENCES papers(id) ON DELETE SET NULL,
        confidence REAL,
        fetched_at REAL NOT NULL
    ) WITHOUT ROWID;
    CREATE VIRTUAL TABLE titles USING fts5(
        title, authors, content='papers', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER papers_ai AFTER INSERT ON papers BEGIN
        INSERT INTO titles(rowid, title, authors) VALUES (new.id, new.title, new.authors);
    END;
    CREATE TRIGGER papers_ad AFTER DELETE ON papers BEGIN
        INSERT INTO titles(titles, rowid, title, authors)
        VALUES ('delete', old.id, old.title, old.authors);
    END;
    CREATE TRIGGER papers_au AFTER UPDATE OF title, authors ON papers BEGIN
        INSERT INTO titles(titles, rowid, title, authors)
        VALUES ('delete', old.id, old.title, old.authors);
        INSERT INTO titles(rowid, title, authors) VALUES (new.id, new.title, new.authors);
    END;
    """,
    # 2: term instances, so title matching can tell misspelled words (no instance) and
    # common ones (many) from selective ones; 'instance' rows are read lazily, so a capped
    # count stays cheap where 'row'/'col' tables would walk a word's whole posting list.
    """
    CREATE VIRTUAL TABLE titles_terms USING fts5vocab('titles', 'instance');
    """,
)

SCHEMA_VERSION = len(MIGRATIONS)
# What a step creates, read from its SQL: a catalog at that step missing one of them (a table
# dropped by hand or by another program) is damaged, not empty. It was read as holding no
# papers, or stopped a command with a traceback, while `catalog check` called it sound.
_CREATED = re.compile(r"\bCREATE\s+(?:VIRTUAL\s+)?(TABLE|INDEX|TRIGGER)\s+(\w+)", re.IGNORECASE)


class SchemaTooNew(Exception):
    """The store was written by a newer citegraph."""


class ForeignDatabase(Exception):
    """The file is a SQLite database, but another program's: never taken over."""


class SchemaDamaged(Exception):
    """The catalog lacks a table, index or trigger its schema version has."""


def missing_objects(connection: sqlite3.Connection, version: int) -> list[str]:
    """The tables, indexes and triggers the first `version` steps create that the file
    lacks, as `table papers`."""
    present = {name for (name,) in connection.execute("SELECT name FROM sqlite_master")}
    return [
        f"{kind.lower()} {name}"
        for step in MIGRATIONS[:version]
        for kind, name in _CREATED.findall(step)
        if name not in present
    ]


def _require_complete(connection: sqlite3.Connection, version: int) -> None:
    missing = missing_objects(connection, version)
    if missing:
        raise SchemaDamaged(f"is damaged (missing {', '.join(missing)})")


def migrate(connection: sqlite3.Connection) -> int:
    """Bring the schema up to date inside one write transaction; returns the version."""
    if connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION:
        _require_complete(connection, SCHEMA_VERSION)
        return SCHEMA_VERSION  # the common case takes no write lock
    connection.execute("BEGIN IMMEDIATE")
    try:
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        if version == 0:
            tables = [
                name
                for (name,) in connection.execute(
                    "SELECT name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name"
                )
            ]
            if tables:
                shown = ", ".join(tables[:5]) + (", ..." if len(tables) > 5 else "")
                raise ForeignDatabase(
                    f"is another program's SQLite database (tables: {shown}), not a citegraph "
                    "catalog"
                )
        if version > SCHEMA_VERSION:
            raise SchemaTooNew(
                f"was written by a newer citegraph (schema version {version}; this one reads "
                f"up to {SCHEMA_VERSION})"
            )
        _require_complete(connection, version)  # the steps taken build on what earlier made
        for step in range(version, SCHEMA_VERSION):
            for statement in _statements(MIGRATIONS[step]):
                connection.execute(statement)
            connection.execute(f"PRAGMA user_version = {step + 1}")
        connection.execute("COMMIT")
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    return SCHEMA_VERSION


def _statements(script: str) -> list[str]:
    # executescript() would commit the open transaction, so statements run one by one;
    # complete_statement() keeps trigger bodies (with inner semicolons) whole.
    statements, current = [], ""
    for line in script.splitlines(keepends=True):
        current += line
        if sqlite3.complete_statement(current):
            statements.append(current.strip())
            current = ""
    return [s for s in statements if s]
