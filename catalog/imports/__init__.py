"""Bulk imports into the store; `IMPORTERS` maps a format name to a streaming reader."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

from catalog.imports.arxiv_snapshot import read_arxiv_snapshot
from catalog.imports.bibtex import read_bibtex
from catalog.imports.common import Skipped
from catalog.imports.csljson import read_csl_json
from catalog.store import ImportCount, Store
from catalog.types import Paper

Reader = Callable[[Path], Iterator[Paper | Skipped]]
SKIPPED_LINES = 3  # lines named per reason a record was skipped: where to start fixing

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
    """Stream `path` into `store` in batched transactions; returns what was added, merged and
    skipped (with why)."""
    reader = IMPORTERS[fmt or detect_format(path)]
    skipped: Counter[str] = Counter()
    lines: dict[str, list[int]] = defaultdict(list)

    def papers() -> Iterator[Paper]:
        for record in reader(path):
            if isinstance(record, Skipped):
                skipped[record.reason] += 1
                if record.line is not None and len(lines[record.reason]) < SKIPPED_LINES:
                    lines[record.reason].append(record.line)
            else:
                yield record

    count = store.import_papers(papers(), batch=batch)
    tally = sorted(skipped.items(), key=lambda kv: (-kv[1], kv[0]))
    return replace(count, skipped=tuple((why, n, tuple(lines[why])) for why, n in tally))


__all__ = ["IMPORTERS", "ImportCount", "Skipped", "detect_format", "import_file"]
