"""Records of one paper merged into one: which values win, and how rows become papers."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from catalog.ids import ARXIV_DOI_PREFIX
from catalog.keys import aliases
from catalog.types import Paper


def aliases_of(paper: Paper) -> list[str]:
    """Every key the paper can be reached by, including the DOI arXiv derives from its id."""
    return aliases(paper.key, paper.ids)


_SOURCE_SEP = "+"


def published(paper: Paper) -> bool:
    """Whether a record describes the published version of a work: it has a DOI other than
    arXiv's and comes from a source other than arXiv (whose records describe the preprint,
    even when they name the published DOI)."""
    doi = paper.ids.get("doi")
    return (
        bool(doi)
        and not doi.startswith(ARXIV_DOI_PREFIX)  # type: ignore[union-attr]
        and paper.source != "arxiv"
        and paper.venue != "arXiv"
    )


def merge_papers(old: Paper, new: Paper) -> Paper:
    """One record from two: gaps are filled, a published venue replaces "arXiv", a fresh answer
    from the only source an old record came from replaces it, and all ids are kept."""
    old_sources = [s for s in (old.source or "").split(_SOURCE_SEP) if s]
    same_source = bool(new.source) and old_sources == [new.source]

    def pick(a: object, b: object) -> object:
        return b if (b and (same_source or not a)) else a

    venue = pick(old.venue, new.venue)
    if old.venue == "arXiv" and new.venue and new.venue != "arXiv":
        venue = new.venue
    year = pick(old.year, new.year)
    # The preprint and the published paper are one work; it is shown as published.
    if published(new) and not published(old):
        venue, year = new.venue or venue, new.year or year
    elif published(old) and not published(new):
        venue, year = old.venue or venue, old.year or year
    sources = old_sources + [
        s for s in (new.source or "").split(_SOURCE_SEP) if s and s not in old_sources
    ]
    ids = {**new.ids, **old.ids} if not same_source else {**old.ids, **new.ids}
    return Paper(
        key=old.key,
        title=pick(old.title, new.title),  # type: ignore[arg-type]
        authors=pick(old.authors, new.authors),  # type: ignore[arg-type]
        year=year,  # type: ignore[arg-type]
        venue=venue,  # type: ignore[arg-type]
        abstract=pick(old.abstract, new.abstract),  # type: ignore[arg-type]
        url=pick(old.url, new.url),  # type: ignore[arg-type]
        ids=ids,
        source=_SOURCE_SEP.join(sources) or None,
        primary_category=pick(old.primary_category, new.primary_category),  # type: ignore[arg-type]
    )


def row_paper(row: Sequence[Any], aliases: Sequence[str]) -> Paper:
    """A paper from a `papers` row (`id, key, title, authors, ...`) and its aliases."""
    ids: dict[str, str] = {}
    for alias in aliases:
        kind, _, value = alias.partition(":")
        # The derived arXiv DOI is an alias, not the paper's DOI; a published DOI wins.
        if kind == "doi" and value.startswith(ARXIV_DOI_PREFIX):
            continue
        ids.setdefault(kind, value)
    try:
        authors = tuple(json.loads(row[3]))
    except (TypeError, ValueError):
        authors = ()
    return Paper(
        key=row[1],
        title=row[2],
        authors=authors,
        year=row[4],
        venue=row[5],
        abstract=row[6],
        url=row[7],
        primary_category=row[8],
        ids=ids,
        source=row[9] or None,
    )
