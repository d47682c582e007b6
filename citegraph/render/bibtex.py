"""A BibTeX bibliography of the codebase, through the one BibTeX writer (`catalog.bibtex`).

Keys are stable (`firstauthorYEARfirstword`, suffixed `a`, `b`, ... on collisions in key order)
so regenerating the file produces no churn. Papers without metadata still get a valid `@misc`
entry with their identifier and a note saying so.
"""

from __future__ import annotations

from collections.abc import Iterable

from catalog import Paper, format_entries, placeholder_note
from catalog import citation_keys as paper_citation_keys
from citegraph.render import RenderOptions
from citegraph.report import PaperEntry, Report


class BibtexRenderer:
    """Renders one entry per paper."""

    name = "bibtex"
    extension = ".bib"

    def render(self, report: Report, options: RenderOptions) -> str:
        """Return the .bib document."""
        return bibtex_document(report.papers)


def bibtex_document(papers: Iterable[PaperEntry], taken: Iterable[str] = ()) -> str:
    """Entries for `papers`, with keys unique among themselves and against `taken`."""
    keyed = citation_keys(papers, taken)
    if not keyed:
        return ""
    return format_entries((key, as_paper(entry), note(entry)) for key, entry in keyed.items())


def citation_keys(papers: Iterable[PaperEntry], taken: Iterable[str] = ()) -> dict[str, PaperEntry]:
    """Stable, unique citation keys for cited papers (see `catalog.bibtex.citation_keys`)."""
    entries = {p.key: p for p in papers}
    keyed = paper_citation_keys((as_paper(p) for p in entries.values()), taken)
    return {key: entries[paper.key] for key, paper in keyed.items()}


def as_paper(entry: PaperEntry) -> Paper:
    """The catalog's view of a cited paper; a title hint stands in for a missing title."""
    return Paper(
        key=entry.key,
        title=entry.title or entry.title_hint,
        authors=entry.authors,
        year=entry.year,
        venue=entry.venue,
        abstract=entry.abstract,
        url=entry.url,
        ids=entry.ids,
        source=entry.source,
        primary_category=entry.primary_category,
    )


def note(entry: PaperEntry) -> str | None:
    """Why an entry has no metadata, for a paper that was not resolved."""
    if entry.status in ("resolved", "cached"):
        return None
    return placeholder_note(entry.status, entry.key)
