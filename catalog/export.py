"""Catalog records as JSON-ready dicts and BibTeX entries (for `citegraph catalog export`)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from catalog.bibtex import format_entries, streamed_keys
from catalog.types import Paper


def paper_record(paper: Paper) -> dict[str, object]:
    """The JSON form of a paper: every field and every id, nothing left out."""
    return {
        "key": paper.key,
        "title": paper.title,
        "authors": list(paper.authors),
        "year": paper.year,
        "venue": paper.venue,
        "abstract": paper.abstract,
        "url": paper.url,
        "ids": dict(sorted(paper.ids.items())),
        "source": paper.source,
        "primary_category": paper.primary_category,
    }


def bibtex_entries(papers: Iterable[Paper]) -> Iterator[str]:
    """One BibTeX entry per paper, through the one writer, with keys unique over the stream
    (`kingma2014adam`, `kingma2014adamb`, ...)."""
    for key, paper in streamed_keys(papers):
        yield format_entries([(key, paper, None)])
