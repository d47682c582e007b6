"""Helpers shared by importers: ids from loose fields, a paper from plain values, a record
left out."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from catalog.ids import ARXIV_URL, isbn13, normalize_doi, normalize_url, parse_arxiv
from catalog.keys import title_ref
from catalog.resolvers.base import build_paper
from catalog.types import Paper

# Why a record was left out, as the import's summary says it after a count ('2 skipped (1 not
# valid BibTeX, 1 with neither a title nor an identifier)').
UNKEYED = "with neither a title nor an identifier"
PLACEHOLDER = "with citegraph's no-metadata note"  # `catalog.bibtex.placeholder_note`
NOT_AN_OBJECT = "not a JSON object"


@dataclass(frozen=True, slots=True)
class Skipped:
    """A record an importer read and left out, why (one of the phrases above, or the
    importer's own), and the line of the file it starts on, where the format has lines."""

    reason: str
    line: int | None = None


def collect_ids(
    *,
    doi: str | None = None,
    arxiv: str | None = None,
    url: str | None = None,
    isbn: str | None = None,
    pmid: str | None = None,
) -> dict[str, str]:
    """The normalized ids among loose field values (invalid ones are dropped)."""
    ids: dict[str, str] = {}
    if doi and (value := normalize_doi(doi)):
        ids["doi"] = value
    if url and not arxiv and (match := ARXIV_URL.match(url.strip())):
        arxiv = match["id"]
    if arxiv and (ref := parse_arxiv(arxiv)):
        ids["arxiv"] = ref.value
    if isbn and (value := isbn13(isbn.split(",")[0].split(" ")[0])):
        ids["isbn"] = value
    if pmid and pmid.strip().isdigit():
        ids["pmid"] = pmid.strip()
    if url and url.startswith(("http://", "https://")) and "arxiv" not in ids:
        ids["url"] = normalize_url(url)
    return ids


def paper_from(
    source: str,
    ids: dict[str, str],
    *,
    title: str | None,
    authors: Sequence[str] = (),
    year: object = None,
    venue: str | None = None,
    abstract: str | None = None,
    url: str | None = None,
    primary_category: str | None = None,
) -> Paper | None:
    """A paper for the store; one known only by title is keyed `title:<normalized title>`."""
    if not ids:
        ref = title_ref(title) if title else None
        if ref is None:
            return None
        ids = {ref.kind.value: ref.value}
    return build_paper(
        source,
        ids,
        title=title,
        authors=authors,
        year=year,
        venue=venue,
        abstract=abstract,
        url=url,
        primary_category=primary_category,
    )
