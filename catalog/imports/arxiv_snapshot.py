"""Import of arXiv's metadata snapshot (`arxiv-metadata-oai-snapshot.json`, JSON lines)."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from pathlib import Path

from catalog.ids import arxiv_year, normalize_doi, parse_arxiv
from catalog.imports.common import NOT_AN_OBJECT, Skipped
from catalog.resolvers.base import build_paper
from catalog.types import Paper


def read_arxiv_snapshot(path: Path) -> Iterator[Paper | Skipped]:
    """One paper per line; a broken line, or a record without an arXiv id, is skipped (the
    file is several GB, and one bad line should not cost the rest); blank lines are no
    records."""
    with path.open("rb") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except ValueError:
                yield Skipped("not valid JSON", number)
                continue
            if not isinstance(record, Mapping):
                yield Skipped(NOT_AN_OBJECT, number)
            else:
                yield record_paper(record) or Skipped("without a valid arXiv id", number)


def record_paper(record: Mapping[str, object]) -> Paper | None:
    """A paper from one snapshot record (`id`, `title`, `authors_parsed`, `doi`, ...)."""
    ref = parse_arxiv(str(record.get("id") or ""))
    if ref is None:
        return None
    ids = {"arxiv": ref.value}
    # Authors sometimes list several DOIs separated by spaces; the first is the journal's.
    doi = normalize_doi(str(record.get("doi") or "").split(" ")[0])
    if doi:
        ids["doi"] = doi
    parsed = record.get("authors_parsed")
    if isinstance(parsed, list) and parsed:
        authors = [
            " ".join(p for p in (a[1], a[0], a[2] if len(a) > 2 else "") if p)
            for a in parsed
            if isinstance(a, list) and a
        ]
    else:
        authors = [a.strip() for a in str(record.get("authors") or "").split(",") if a.strip()]
    categories = str(record.get("categories") or "").split()
    return build_paper(
        "arxiv-snapshot",
        ids,
        title=record.get("title"),
        authors=authors,
        year=_first_year(record, ref.value),
        venue=record.get("journal-ref") or "arXiv",
        abstract=record.get("abstract"),
        url=f"https://arxiv.org/abs/{ref.value}",
        primary_category=categories[0] if categories else None,
    )


def _first_year(record: Mapping[str, object], arxiv_id: str) -> int | None:
    versions = record.get("versions")
    if isinstance(versions, list) and versions and isinstance(versions[0], Mapping):
        # "Mon, 2 Apr 2007 19:18:42 GMT": the year is the fourth word.
        words = str(versions[0].get("created") or "").split()
        if len(words) >= 4 and words[3].isdigit():
            return int(words[3])
    return arxiv_year(arxiv_id)
