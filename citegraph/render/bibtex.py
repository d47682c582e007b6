"""A BibTeX bibliography of the codebase, written through bibtexparser.

arXiv papers get `eprint`, `archivePrefix` and `primaryClass`; DOI papers `doi`; every entry
carries `url` when known. Keys are stable (`firstauthorYEARfirstword`, suffixed `a`, `b`, ...
on collisions in key order) so regenerating the file produces no churn. Papers without
metadata still get a valid `@misc` entry with their identifier.
"""

from __future__ import annotations

import re
import unicodedata

from citegraph.render import RenderOptions
from citegraph.report import PaperEntry, Report

_STOP = {"a", "an", "the", "on", "of", "in", "for", "and", "to", "with", "from", "by"}


class BibtexRenderer:
    """Renders one entry per paper."""

    name = "bibtex"
    extension = ".bib"

    def render(self, report: Report, options: RenderOptions) -> str:
        """Return the .bib document."""
        import bibtexparser
        from bibtexparser.model import Entry, Field

        library = bibtexparser.Library()
        for key, paper in citation_keys(report.papers).items():
            entry_type, fields = bibtex_fields(paper)
            library.add(Entry(entry_type, key, [Field(k, v) for k, v in fields.items()]))
        return bibtexparser.write_string(library)


def citation_keys(papers: tuple[PaperEntry, ...]) -> dict[str, PaperEntry]:
    """Stable, unique keys for `papers`, in key order."""
    base: dict[str, list[PaperEntry]] = {}
    for paper in sorted(papers, key=lambda p: p.key):
        base.setdefault(_base_key(paper), []).append(paper)
    keys: dict[str, PaperEntry] = {}
    for stem, group in sorted(base.items()):
        if len(group) == 1:
            keys[stem] = group[0]
        else:
            for index, paper in enumerate(group):
                keys[stem + chr(ord("a") + index % 26) + ("" if index < 26 else str(index))] = paper
    return keys


def _ascii(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]", "", folded.lower())


def _base_key(paper: PaperEntry) -> str:
    author = paper.authors[0] if paper.authors else ""
    surname = author.split(",")[0] if "," in author else (author.split() or [""])[-1]
    words = [
        w
        for w in re.findall(r"[^\W_]+", (paper.title or paper.title_hint or "").lower())
        if w not in _STOP
    ]
    stem = (
        _ascii(surname)
        + (str(paper.year) if paper.year else "")
        + (_ascii(words[0]) if words else "")
    )
    return stem or _ascii(paper.key) or "paper"


def _braced(text: str) -> str:
    # Balanced braces only: an unbalanced one from metadata would break the whole file.
    text = " ".join(text.split())
    if text.count("{") != text.count("}"):
        text = text.replace("{", "(").replace("}", ")")
    return text.replace("\\", "\\textbackslash{}")


def bibtex_fields(paper: PaperEntry) -> tuple[str, dict[str, str]]:
    """The entry type and brace-safe fields of one paper."""
    fields: dict[str, str] = {}
    title = paper.title or paper.title_hint
    if title:
        fields["title"] = title
    if paper.authors:
        fields["author"] = " and ".join(paper.authors)
    if paper.year:
        fields["year"] = str(paper.year)
    arxiv, doi = paper.ids.get("arxiv"), paper.ids.get("doi")
    entry_type = "misc"
    if paper.venue and doi and not arxiv:
        entry_type = "article"
        fields["journal"] = paper.venue
    elif paper.venue:
        fields["howpublished"] = paper.venue
    if arxiv:
        fields["eprint"] = arxiv
        fields["archivePrefix"] = "arXiv"
    if doi:
        fields["doi"] = doi
    if "isbn" in paper.ids:
        fields["isbn"] = paper.ids["isbn"]
    if paper.url:
        fields["url"] = paper.url
    if paper.abstract:
        fields["abstract"] = paper.abstract
    if paper.status not in ("resolved", "cached"):
        fields["note"] = f"citegraph: {paper.status.replace('-', ' ')} ({paper.key})"
    if arxiv and paper.primary_category:
        fields["primaryClass"] = paper.primary_category
    # bibtexparser's writer adds the outer braces.
    return entry_type, {k: _braced(v) for k, v in fields.items()}
