"""Title-only citations: local FTS5 candidates first, then online title search, scored."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import TYPE_CHECKING

from catalog.keys import lookup_key
from catalog.records import ResolverError, ResolverUnavailable, TitleQuery
from catalog.resolvers import TITLE_SEARCHERS
from catalog.titles import best_match, fts_queries, significant_words
from catalog.types import Paper, Resolution
from catalog.types import ResolutionStatus as Status

if TYPE_CHECKING:
    from catalog.core import Catalog


def match_titles(catalog: Catalog, queries: Sequence[TitleQuery]) -> dict[str, Resolution]:
    """Resolve each query against the store, then online sources; see `Catalog.match_titles`."""
    results: dict[str, Resolution] = {}
    for query in queries:
        results[query.key] = _match_one(catalog, query)
    return results


def _unresolved(query: TitleQuery, best: tuple[Paper, float] | None) -> Resolution:
    text = query.title or " & ".join(query.authors) + (f" ({query.year})" if query.year else "")
    note = f"; best candidate {best[0].key} at {best[1]:.2f}" if best else ""
    return Resolution(
        query.key,
        Status.UNRESOLVED_TITLE,
        confidence=best[1] if best else None,
        message=f"{text}{note}",
    )


def _match_one(catalog: Catalog, query: TitleQuery) -> Resolution:
    key = lookup_key(query.title, query.authors, query.year)
    cached = catalog.store.lookup(key)
    if cached is not None and catalog.fresh(cached.fetched_at, cached.paper is not None):
        if cached.paper is not None and (cached.confidence or 0) >= catalog.threshold:
            return Resolution(query.key, Status.CACHED, cached.paper, cached.confidence)
        return _unresolved(query, None)
    best = local_match(catalog, query)
    if best and best[1] >= catalog.threshold:
        return Resolution(query.key, Status.CACHED, best[0], best[1])
    if not query.title or not catalog.online:
        return _unresolved(query, best)
    failed = False
    for name in TITLE_SEARCHERS:
        searcher = catalog.resolvers[name]
        try:
            hits = searcher.search_title(catalog.session, query)  # type: ignore[attr-defined]
        except ResolverUnavailable as error:
            catalog.network_down(error)
            return _unresolved(query, best)
        except ResolverError as error:
            catalog.source_failed(error, "title search continues with other sources")
            failed = True
            continue
        online = best_match(query, hits)
        if online and online[1] >= catalog.threshold:
            stored = catalog.store.save(online[0], lookup_keys=[key], confidence=online[1])
            return Resolution(query.key, Status.RESOLVED, stored, online[1])
        if online and (best is None or online[1] > best[1]):
            best = online
    if not failed:
        catalog.store.record_missing([key])
    return _unresolved(query, best)


def local_match(catalog: Catalog, query: TitleQuery) -> tuple[Paper, float] | None:
    """The best stored candidate for `query`, trying precise FTS5 queries before loose ones."""
    best: tuple[Paper, float] | None = None
    year = query.year if not query.title else None
    counts = catalog.store.title_term_counts(significant_words(query.title or ""))
    for fts in fts_queries(query, counts):
        try:
            candidates = catalog.store.search(fts, year=year, limit=20)
        except sqlite3.OperationalError:
            continue  # a query FTS5 cannot parse finds nothing rather than failing the run
        found = best_match(query, candidates)
        if found and (best is None or found[1] > best[1]):
            best = found
        if best and best[1] >= catalog.threshold:
            break
    return best
