"""Identifiers to papers: the store's answer when it holds, else the sources of `CHAINS` in turn."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from catalog.online import Online
from catalog.records import Policy, ResolverError, ResolverUnavailable, ServiceUnavailable
from catalog.resolvers import CHAINS, LINKS
from catalog.store import Store
from catalog.types import Paper, PaperRef, Reference, RefKind, Resolution
from catalog.types import ResolutionStatus as Status

if TYPE_CHECKING:
    from catalog.resolvers.base import Resolver


class IdentifierChain:
    """Resolves written identifiers (arXiv ids, DOIs, URLs, ISBNs).

    Every answer (found or not) is stored, so a second run over the same identifiers makes no
    requests until the TTL passes; each source is asked once per run for all it accepts.
    """

    def __init__(
        self,
        store: Store,
        online: Online,
        policy: Policy,
        resolvers: Mapping[str, Resolver],
        chains: Mapping[RefKind, Sequence[str]] = CHAINS,
    ) -> None:
        self.store = store
        self.online = online
        self.policy = policy
        self.resolvers = resolvers
        self.chains = chains

    def resolve(self, references: Sequence[Reference]) -> dict[str, Resolution]:
        """A `Resolution` per distinct key: from the store when it knows the answer, else from
        the online sources in chain order (batched per source)."""
        unique = list({r.key: r.ref for r in references}.values())
        keys = [ref.key for ref in unique]
        known = self.store.find_many(keys)
        cached = self.store.lookups(keys)
        by_id = self.store.papers_by_id(sorted({p for p, _ in cached.values() if p is not None}))
        results: dict[str, Resolution] = {}
        todo: list[PaperRef] = []
        unsourced: list[PaperRef] = []  # no source of its kind's chain could be asked
        for ref in unique:
            entry = cached.get(ref.key)
            if entry is not None and self.policy.fresh(entry[1], entry[0] is not None):
                paper = by_id.get(entry[0]) if entry[0] is not None else None
                results[ref.key] = _from_store(ref.key, paper, "cached lookup")
            elif entry is None and ref.key in known:
                results[ref.key] = Resolution(ref.key, Status.CACHED, known[ref.key])
            elif not self.chains.get(ref.kind):
                unsourced.append(ref)
            else:
                todo.append(ref)
        if todo and self.online.available:
            fetched, unaccepted = self._fetch(todo)
            self._link(fetched)
            results.update(_current(self.store, fetched))
            unsourced += unaccepted
        for ref in todo:
            result, paper = results.get(ref.key), known.get(ref.key)
            if paper is not None and (result is None or result.status is Status.FAILED):
                # A source failing now does not erase what an earlier run learnt.
                results[ref.key] = Resolution(ref.key, Status.CACHED, paper, message="stale")
            elif result is None:
                results[ref.key] = Resolution(ref.key, Status.OFFLINE, message="not in the catalog")
        for ref in unsourced:
            results[ref.key] = self._unsourced(ref, known.get(ref.key))
        return {key: results[key] for key in keys}

    def _unsourced(self, ref: PaperRef, stored: Paper | None) -> Resolution:
        """What is known of a ref no source could be asked about (an ISBN, a link to a host no
        service reads): the stored paper; else, offline, offline as the other kinds are (it
        said 'not found', as if asked), and online not found."""
        if stored is not None:
            return Resolution(ref.key, Status.CACHED, stored)
        if not self.online.available:
            return Resolution(ref.key, Status.OFFLINE, message="not in the catalog")
        return Resolution(
            ref.key, Status.NOT_FOUND, message=f"no metadata source for {ref.kind.value}"
        )

    def _link(self, results: dict[str, Resolution]) -> None:
        """Ask the `LINKS` sources for the other identifiers of works found elsewhere (the
        arXiv id of a published DOI); a record that links them is stored, merging the
        preprint's record and the published paper's into one."""
        for kind, sources in LINKS.items():
            prefix = f"{kind.value}:"
            unlinked = {
                PaperRef(kind, key[len(prefix) :]): r.paper
                for key, r in sorted(results.items())
                if key.startswith(prefix) and r.paper is not None and "arxiv" not in r.paper.ids
            }
            for source in sources:
                resolver = self.resolvers[source]
                ask = [
                    ref
                    for ref, paper in unlinked.items()
                    if source not in (paper.source or "").split("+") and resolver.accepts(ref)
                ]
                if not ask or not self.online.available:
                    continue
                found = self._ask(resolver, ask, "preprints are not linked this run")
                if isinstance(found, ResolverUnavailable):
                    return
                if isinstance(found, ResolverError):
                    continue
                links = [(p, ()) for _, p in sorted(found.items()) if "arxiv" in p.ids]
                if links:
                    self.store.save_many(links)

    def _ask(
        self, resolver: Resolver, refs: list[PaperRef], consequence: str
    ) -> dict[str, Paper] | ResolverError:
        """The answers of `resolver` to `refs` (only to those: a service may send more), or
        the error it failed with, said once (`consequence` tells the user what it costs)."""
        try:
            found = resolver.fetch(self.online.session, refs)
        except ResolverUnavailable as error:
            self.online.network_down(error)
            return error
        except ResolverError as error:
            self.online.source_failed(error, consequence)
            return error
        asked = {ref.key for ref in refs}
        return {key: paper for key, paper in found.items() if key in asked}

    def _fetch(self, refs: list[PaperRef]) -> tuple[dict[str, Resolution], list[PaperRef]]:
        """What the sources answered, and the refs none of them accepts (a link to a host no
        service reads): those were not asked, so they are neither answered nor recorded."""
        results: dict[str, Resolution] = {}
        unaccepted: list[PaperRef] = []
        failed: dict[str, str] = {}
        skipped: set[str] = set()  # a source dropped for the run: left for the caller (offline)
        by_kind: dict[RefKind, list[PaperRef]] = {}
        for ref in refs:
            by_kind.setdefault(ref.kind, []).append(ref)
        for kind, group in by_kind.items():
            resolvers = [self.resolvers[source] for source in self.chains[kind]]
            accepted = {ref.key for ref in group if any(r.accepts(ref) for r in resolvers)}
            pending = [ref for ref in group if ref.key in accepted]
            unaccepted += [ref for ref in group if ref.key not in accepted]
            for resolver in resolvers:
                ask = [ref for ref in pending if resolver.accepts(ref)]
                if not ask or not self.online.available:
                    continue
                found = self._ask(resolver, ask, "its references stay unresolved this run")
                if isinstance(found, ResolverUnavailable):
                    break
                if isinstance(found, ServiceUnavailable):
                    skipped.update(ref.key for ref in ask)
                    continue
                if isinstance(found, ResolverError):
                    failed.update((ref.key, str(found)) for ref in ask)
                    continue
                items = [(paper, [key]) for key, paper in sorted(found.items())]
                for (_, (key,)), stored in zip(items, self.store.save_many(items), strict=True):
                    results[key] = Resolution(key, Status.RESOLVED, stored)
                pending = [ref for ref in pending if ref.key not in found]
            if not self.online.available:
                continue  # left for the caller to mark offline
            unanswered = failed.keys() | skipped
            missing = [ref.key for ref in pending if ref.key not in unanswered]
            self.store.record_missing(missing)
            results.update((k, Resolution(k, Status.NOT_FOUND)) for k in missing)
            results.update(
                (ref.key, Resolution(ref.key, Status.FAILED, message=failed[ref.key]))
                for ref in pending
                if ref.key in failed
            )
        return results, unaccepted


def _current(store: Store, results: dict[str, Resolution]) -> dict[str, Resolution]:
    """`results` with each paper as stored now: a later answer may have merged two records."""
    found = [key for key, r in results.items() if r.paper is not None]
    now = store.find_many(found) if found else {}
    return {k: replace(r, paper=now.get(k, r.paper)) for k, r in results.items()}


def _from_store(key: str, paper: Paper | None, note: str) -> Resolution:
    if paper is None:
        return Resolution(key, Status.NOT_FOUND, message=f"not found ({note})")
    return Resolution(key, Status.CACHED, paper)
