"""BibTeX import, streamed: entries are cut from the file in chunks and parsed by bibtexparser."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import bibtexparser
from bibtexparser.middlewares import LatexDecodingMiddleware, SeparateCoAuthors, SplitNameParts
from bibtexparser.model import Entry

from catalog.imports.common import collect_ids, paper_from
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
    if not text.strip():
        return
    library = bibtexparser.parse_string(
        text, append_middleware=[LatexDecodingMiddleware(), SeparateCoAuthors(), SplitNameParts()]
    )
    for entry in library.entries:
        paper = entry_paper(entry)
        if paper is not None:
            yield paper


def entry_paper(entry: Entry) -> Paper | None:
    """A paper from one parsed BibTeX entry."""
    fields = {f.key.lower(): f.value for f in entry.fields}

    def text(name: str) -> str | None:
        value = fields.get(name)
        return value.strip() if isinstance(value, str) and value.strip() else None

    eprint = text("eprint")
    is_arxiv = (text("archiveprefix") or text("eprinttype") or "").lower() == "arxiv"
    ids = collect_ids(
        doi=text("doi"),
        arxiv=eprint if is_arxiv else text("arxiv"),
        url=text("url"),
        isbn=text("isbn"),
        pmid=text("pmid"),
    )
    authors = []
    for name in fields.get("author") or []:
        if isinstance(name, str):
            authors.append(name)
        else:
            authors.append(" ".join([*name.first, *name.von, *name.last, *name.jr]))
    return paper_from(
        "bibtex",
        ids,
        title=text("title"),
        authors=authors,
        year=text("year"),
        venue=text("journal") or text("booktitle") or text("publisher"),
        abstract=text("abstract"),
        url=text("url"),
    )
