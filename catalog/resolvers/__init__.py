"""Metadata sources behind one interface; `RESOLVERS` maps a source name to its class."""

from __future__ import annotations

from catalog.resolvers.arxiv import ArxivResolver
from catalog.resolvers.base import Resolver, TitleSearcher
from catalog.resolvers.crossref import CrossrefResolver
from catalog.resolvers.datacite import DataciteResolver
from catalog.resolvers.openalex import OpenalexResolver
from catalog.resolvers.semanticscholar import SemanticScholarResolver
from catalog.types import RefKind

RESOLVERS: dict[str, type[Resolver]] = {
    "arxiv": ArxivResolver,
    "crossref": CrossrefResolver,
    "datacite": DataciteResolver,
    "openalex": OpenalexResolver,
    "semanticscholar": SemanticScholarResolver,
}

# Sources tried in turn for each kind of reference; later ones only see what earlier ones missed.
CHAINS: dict[RefKind, tuple[str, ...]] = {
    RefKind.ARXIV: ("arxiv", "semanticscholar"),
    RefKind.DOI: ("crossref", "datacite", "openalex", "semanticscholar"),
    RefKind.URL: ("semanticscholar",),
}

# Sources asked for title-only citations, in order, until one gives a confident match.
TITLE_SEARCHERS: tuple[str, ...] = ("semanticscholar", "crossref", "openalex")

__all__ = ["CHAINS", "RESOLVERS", "TITLE_SEARCHERS", "Resolver", "TitleSearcher"]
