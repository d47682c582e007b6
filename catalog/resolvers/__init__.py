"""Metadata sources behind one interface; `RESOLVERS` maps a source name to its class.

Entries are `"module:Class"` strings loaded on first use (`resolver_class`), so an offline run
(a pre-commit hook) never imports the HTTP stack or the XML parser behind them.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING

from catalog.types import RefKind

if TYPE_CHECKING:
    from catalog.records import ResolverSettings
    from catalog.resolvers.base import Resolver, TitleSearcher

RESOLVERS: dict[str, str] = {
    "arxiv": "catalog.resolvers.arxiv:ArxivResolver",
    "crossref": "catalog.resolvers.crossref:CrossrefResolver",
    "datacite": "catalog.resolvers.datacite:DataciteResolver",
    "openalex": "catalog.resolvers.openalex:OpenalexResolver",
    "semanticscholar": "catalog.resolvers.semanticscholar:SemanticScholarResolver",
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


def resolver_class(name: str) -> type[Resolver]:
    """The class registered under `name`, imported on first use."""
    module_name, _, attribute = RESOLVERS[name].partition(":")
    cls: type[Resolver] = getattr(importlib.import_module(module_name), attribute)
    return cls


class Resolvers(Mapping[str, "Resolver"]):
    """One instance of every registered source, each made (and imported) when first asked for."""

    def __init__(self, settings: ResolverSettings) -> None:
        self.settings = settings
        self._made: dict[str, Resolver] = {}

    def __getitem__(self, name: str) -> Resolver:
        if name not in self._made:
            if name not in RESOLVERS:
                raise KeyError(name)
            self._made[name] = resolver_class(name)(self.settings)
        return self._made[name]

    def __iter__(self) -> Iterator[str]:
        return iter(RESOLVERS)

    def __len__(self) -> int:
        return len(RESOLVERS)


class TitleSearchers:
    """The title searchers of a chain, in order; each is made when first searched with."""

    def __init__(self, resolvers: Mapping[str, Resolver], names: tuple[str, ...]) -> None:
        self.resolvers = resolvers
        self.names = names

    def __iter__(self) -> Iterator[TitleSearcher]:
        for name in self.names:
            yield self.resolvers[name]  # type: ignore[misc]


__all__ = ["CHAINS", "LINKS", "RESOLVERS", "Resolvers", "TitleSearchers", "resolver_class"]
