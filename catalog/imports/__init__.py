"""Bulk imports into the store; `IMPORTERS` maps a format name to a streaming reader."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from catalog.imports.arxiv_snapshot import read_arxiv_snapshot
from catalog.imports.bibtex import read_bibtex
from catalog.imports.csljson import read_csl_json
from catalog.store import ImportCount, Store
from catalog.types import Paper

Reader = Callable[[Path], Iterator[Paper]]

IMPORTERS: dict[str, Reader] = {
    "bibtex": read_bibtex,
    "csl-json": read_csl_json,
    "arxiv-snapshot": read_arxiv_snapshot,
}


def detect_format(path: Path) -> str:
    """The import format of `path` from its name, then its first non-blank character."""
    name = path.name.lower()
    if name.endswith((".bib", ".bibtex")):
        return "bibtex"
    if "arxiv-metadata" in name or name.endswith((".jsonl", ".ndjson")):
        return "arxiv-snapshot"
    with path.open(encoding="utf-8", errors="replace") as handle:
        head = handle.read(4096).lstrip()
    if head.startswith("@") or head.startswith("%"):
        return "bibtex"
    if head.startswith("["):
        return "csl-json"
    if head.startswith("{") and ('"authors_parsed"' in head or '"categories"' in head):
        return "arxiv-snapshot"
    if head.startswith("{"):
        return "csl-json"
    raise ValueError(f"cannot tell the format of {path}; pass --format")


def import_file(
    store: Store, path: Path, fmt: str | None = None, *, batch: int = 5000
) -> ImportCount:
    """Stream `path` into `store` in batched transactions; returns what was added/merged."""
    reader = IMPORTERS[fmt or detect_format(path)]
    return store.import_papers(reader(path), batch=batch)


__all__ = ["IMPORTERS", "ImportCount", "detect_format", "import_file"]
