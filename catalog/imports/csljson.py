"""CSL-JSON import, streamed: a top-level array (or JSON lines) is decoded item by item."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from catalog.imports.common import NOT_AN_OBJECT, UNKEYED, Skipped, collect_ids, paper_from
from catalog.resolvers.base import field_list, field_map
from catalog.types import Paper

_READ = 1 << 20


def iter_json_items(path: Path) -> Iterator[object]:
    """The elements of a top-level JSON array, or the values of a JSON-lines file, decoded one
    at a time from a sliding buffer so the whole file never sits in memory."""
    decoder = json.JSONDecoder()
    buffer, position, started = "", 0, False
    with path.open(encoding="utf-8") as handle:
        eof = False
        while True:
            while position < len(buffer) and buffer[position] in " \t\r\n,":
                position += 1
            if not started and position < len(buffer) and buffer[position] == "[":
                started, position = True, position + 1
                continue
            if position < len(buffer) and buffer[position] == "]":
                return
            try:
                if position >= len(buffer):
                    raise ValueError("need more")
                item, end = decoder.raw_decode(buffer, position)
            except ValueError:
                if eof:
                    if buffer[position:].strip():
                        raise ValueError(f"malformed JSON near offset {position}") from None
                    return
                chunk = handle.read(_READ)
                eof = not chunk
                buffer, position = buffer[position:] + chunk, 0
                continue
            yield item
            position = end


def read_csl_json(path: Path) -> Iterator[Paper | Skipped]:
    """Every CSL-JSON item with a title or identifier, as a paper; the others as skipped."""
    for item in iter_json_items(path):
        if not isinstance(item, Mapping):
            yield Skipped(NOT_AN_OBJECT)
        else:
            yield item_paper(item) or Skipped(UNKEYED)


def item_paper(item: Mapping[str, Any]) -> Paper | None:
    """A paper from one CSL-JSON item."""

    def text(name: str) -> str | None:
        value = item.get(name)
        return str(value).strip() if isinstance(value, (str, int)) and str(value).strip() else None

    authors = []
    for person in field_list(item, "author"):
        if isinstance(person, Mapping):
            names = [person.get(k) for k in ("given", "non-dropping-particle", "family")]
            authors.append(" ".join(str(n) for n in names if n) or str(person.get("literal") or ""))
    issued = field_map(item, "issued")
    parts = field_list(issued, "date-parts")
    year: object = parts[0][0] if parts and isinstance(parts[0], list) and parts[0] else None
    if year is None:
        year = issued.get("raw") or issued.get("literal")
    ids = collect_ids(
        doi=text("DOI"), url=text("URL"), isbn=text("ISBN"), pmid=text("PMID"), arxiv=text("arxiv")
    )
    return paper_from(
        "csl-json",
        ids,
        title=text("title"),
        authors=authors,
        year=year,
        venue=text("container-title") or text("publisher"),
        abstract=text("abstract"),
        url=text("URL"),
    )
