"""BibTeX import, streamed: entries are cut from the file in chunks and read by the one
BibTeX reader (`catalog.bibtex`)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from catalog.bibtex import read_entries
from catalog.types import Paper

_ENTRY_START = re.compile(r"^\s*@\s*\w+\s*[{(]")
_CHUNK = 200  # entries per parse call: bounded memory, few parser start-ups


def read_bibtex(path: Path) -> Iterator[Paper]:
    """Every entry with a title or identifier, as a paper; unparsable entries are skipped."""
    lines: list[str] = []
    entries = 0
    with path.open(encoding="utf-8", errors="replace") as handle:
        for line in handle:
            if _ENTRY_START.match(line):
                entries += 1
                if entries > _CHUNK:
                    yield from _parse("".join(lines))
                    lines, entries = [], 1
            lines.append(line)
    yield from _parse("".join(lines))


def _parse(text: str) -> Iterator[Paper]:
    if text.strip():
        yield from (entry.paper for entry in read_entries(text) if entry.paper is not None)
