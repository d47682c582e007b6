"""Indexing many repositories on Dask distributed into one catalog, one index and one page."""

from __future__ import annotations

from citegraph.index.run import IndexObserver, IndexResult, IndexSettings, index_sources
from citegraph.index.sources import expand_sources, parse_source
from citegraph.index.types import Outcome, Source, SourceKind, Status

__all__ = [
    "IndexObserver",
    "IndexResult",
    "IndexSettings",
    "Outcome",
    "Source",
    "SourceKind",
    "Status",
    "expand_sources",
    "index_sources",
    "parse_source",
]
