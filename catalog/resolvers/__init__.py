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
# Identifiers are looked up (`Resolver.fetch`); a title is matched against the store's papers
# first, then searched for (`TitleSearcher.search_title`) until one source gives a confident
# match (a book's title too); authors and a year alone are matched against the store only.
CHAINS: dict[RefKind, tuple[str, ...]] = {
    RefKind.ARXIV: ("arxiv", "semanticscholar"),
    RefKind.DOI: ("crossref", "datacite", "openalex", "semanticscholar"),
    RefKind.URL: ("semanticscholar",),
    RefKind.TITLE: ("semanticscholar", "crossref", "openalex"),
    RefKind.AUTHOR_YEAR: (),
}

# Sources asked, for identifiers another source found, for the other identifiers of the same
# work: OpenAlex links a published DOI to the arXiv preprint when neither arXiv nor Crossref
# does, so the preprint and the published paper become one record.
LINKS: dict[RefKind, tuple[str, ...]] = {RefKind.DOI: ("openalex",)}

__all__ = ["CHAINS", "LINKS", "RESOLVERS", "Resolver", "TitleSearcher"]
