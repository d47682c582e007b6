"""BibTeX import, streamed: entries are cut from the file in chunks and read by the one
BibTeX reader (`catalog.bibtex`)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from catalog.bibtex import parse_entries, placeholder_key
from catalog.imports.common import PLACEHOLDER, UNKEYED, Skipped
from catalog.types import Paper

_ENTRY_START = re.compile(r"^\s*@\s*\w+\s*[{(]")
_CHUNK = 200  # entries per parse call: bounded memory, few parser start-ups


def read_bibtex(path: Path) -> Iterator[Paper | Skipped]:
    """Every entry with a title or identifier, as a paper; the others (and the placeholders
    citegraph writes for papers without metadata), and blocks that do not parse, as skipped
    at their line."""
    lines: list[str] = []
    entries = first = 0  # `first`: lines of the file before the chunk
    with path.open(encoding="utf-8", errors="replace") as handle:
        for line in handle:
            if _ENTRY_START.match(line):
                entries += 1
                if entries > _CHUNK:
                    yield from _parse("".join(lines), first)
                    first += len(lines)
                    lines, entries = [], 1
            lines.append(line)
    yield from _parse("".join(lines), first)


def _parse(text: str, first: int) -> Iterator[Paper | Skipped]:
    if text.strip():
        entries, failures = parse_entries(text)
        for entry in entries:
            if placeholder_key(entry.fields.get("note", "")) is not None:
                yield Skipped(PLACEHOLDER, first + entry.line)  # no metadata, only the code's
            else:
                yield entry.paper or Skipped(UNKEYED, first + entry.line)
        yield from (Skipped(why, None if at is None else first + at) for why, at in failures)
