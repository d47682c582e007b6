"""Works named by title or by authors and year: the store's candidates first, then the online
title searchers, scored."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from catalog.keys import lookup_key
from catalog.online import Online
from catalog.records import Policy, ResolverError, ResolverUnavailable
from catalog.store import Store
from catalog.titles import best_match, fts_queries, significant_words
from catalog.types import Paper, Reference, Resolution
from catalog.types import ResolutionStatus as Status

if TYPE_CHECKING:
    from catalog.resolvers.base import TitleSearcher


class TitleMatcher:
    """Resolves references keyed by title or by authors and year.

    A match scoring below `policy.threshold` stays `UNRESOLVED_TITLE` with the cited text and
    its best candidate. Answers are stored under the lookup key of what was asked
    (`catalog.keys.lookup_key`), so the same citation anywhere is searched for once per TTL.
    """

    def __init__(
        self, store: Store, online: Online, policy: Policy, searchers: Iterable[TitleSearcher]
    ) -> None:
        self.store = store
        self.online = online
        self.policy = policy
        self.searchers = searchers

    def resolve(self, references: Sequence[Reference]) -> dict[str, Resolution]:
        """A `Resolution` per distinct key."""
        results: dict[str, Resolution] = {}
        for reference in references:
            if reference.key not in results:
                results[reference.key] = self._match(reference)
        return results

    def _match(self, reference: Reference) -> Resolution:
        key = lookup_key(reference.title, reference.authors, reference.year)
        threshold = self.policy.threshold
        cached = self.store.lookup(key)
        if cached is not None and self.policy.fresh(cached.fetched_at, cached.paper is not None):
            if cached.paper is not None and (cached.confidence or 0) >= threshold:
                return Resolution(reference.key, Status.CACHED, cached.paper, cached.confidence)
            return _unresolved(reference, None)
        best = self.local_match(reference)
        if best and best[1] >= threshold:
            return Resolution(reference.key, Status.CACHED, best[0], best[1])
        if not reference.title or not self.online.available:
            return _unresolved(reference, best)
        failed = False
        for searcher in self.searchers:
            try:
                hits = searcher.search_title(self.online.session, reference)
            except ResolverUnavailable as error:
                self.online.network_down(error)
                return _unresolved(reference, best)
            except ResolverError as error:
                self.online.source_failed(error, "title search continues with other sources")
                failed = True
                continue
            online = best_match(reference, hits)
            if online and online[1] >= threshold:
                stored = self.store.save(online[0], lookup_keys=[key], confidence=online[1])
                return Resolution(reference.key, Status.RESOLVED, stored, online[1])
            if online and (best is None or online[1] > best[1]):
                best = online
        if not failed:
            self.store.record_missing([key])
        return _unresolved(reference, best)

    def local_match(self, reference: Reference) -> tuple[Paper, float] | None:
        """The best stored candidate, trying precise FTS5 queries before loose ones."""
        best: tuple[Paper, float] | None = None
        year = reference.year if not reference.title else None
        counts = self.store.title_term_counts(significant_words(reference.title or ""))
        for fts in fts_queries(reference, counts):
            try:
                candidates = self.store.search(fts, year=year, limit=20)
            except sqlite3.OperationalError:
                continue  # a query FTS5 cannot parse finds nothing rather than failing the run
            found = best_match(reference, candidates)
            if found and (best is None or found[1] > best[1]):
                best = found
            if best and best[1] >= self.policy.threshold:
                break
        return best


def _unresolved(reference: Reference, best: tuple[Paper, float] | None) -> Resolution:
    text = reference.title or " & ".join(reference.authors) + (
        f" ({reference.year})" if reference.year else ""
    )
    note = f"; best candidate {best[0].key} at {best[1]:.2f}" if best else ""
    return Resolution(
        reference.key,
        Status.UNRESOLVED_TITLE,
        confidence=best[1] if best else None,
        message=f"{text}{note}",
    )
