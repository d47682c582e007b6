"""The catalog facade the pipeline uses: open a store, resolve refs, match titles, close."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from catalog.matching import match_titles
from catalog.records import (
    ResolverError,
    ResolverSettings,
    ResolverUnavailable,
    ServiceUnavailable,
    TitleQuery,
)
from catalog.resolvers import CHAINS, RESOLVERS, Resolver
from catalog.store import Store, default_catalog_path
from catalog.types import Paper, PaperRef, Resolution
from catalog.types import ResolutionStatus as Status

if TYPE_CHECKING:
    import httpx

    from catalog.http import HttpSession

DAY = 86400.0


class Catalog:
    """Papers known locally plus, unless offline, the online sources behind them.

    Every answer (found or not) is stored, so a second run over the same refs makes no
    requests until the TTL passes. When the network is unreachable, the first connection
    failure switches the rest of the run to offline with one warning.
    """

    def __init__(
        self,
        store: Store,
        *,
        offline: bool = False,
        settings: ResolverSettings | None = None,
        client: httpx.Client | None = None,
        on_warning: Callable[[str], None] | None = None,
        sleep: Callable[[float], None] = time.sleep,
        threshold: float = 0.85,
    ) -> None:
        self.store = store
        self.offline = offline
        self.settings = settings or ResolverSettings.from_environment()
        # The HTTP stack (httpx) loads on the first online request: offline runs, such as the
        # pre-commit hook, never pay for it.
        self._client = client
        self._sleep = sleep
        self._session: HttpSession | None = None
        self.resolvers: dict[str, Resolver] = {n: c(self.settings) for n, c in RESOLVERS.items()}
        self.threshold = threshold
        self._on_warning = on_warning
        self._warned: set[str] = set()

    @classmethod
    def open(
        cls,
        path: Path | None = None,
        *,
        offline: bool = False,
        mailto: str | None = None,
        client: httpx.Client | None = None,
        on_warning: Callable[[str], None] | None = None,
        settings: ResolverSettings | None = None,
        sleep: Callable[[float], None] = time.sleep,
        threshold: float = 0.85,
    ) -> Catalog:
        """Open (creating or migrating) the store at `path`, default `default_catalog_path()`.

        `mailto` overrides `CITEGRAPH_MAILTO`; `settings` replaces the environment-derived
        resolver settings entirely (tests use it for base URLs and zero rate limits).
        """
        if settings is None:
            settings = ResolverSettings.from_environment(mailto=mailto)
        elif mailto:
            settings = replace(settings, mailto=mailto)
        store = Store(path or default_catalog_path())
        return cls(
            store,
            offline=offline,
            settings=settings,
            client=client,
            on_warning=on_warning,
            sleep=sleep,
            threshold=threshold,
        )

    @property
    def session(self) -> HttpSession:
        """The HTTP session, created on first use."""
        if self._session is None:
            from catalog.http import HttpSession

            self._session = HttpSession(self.settings, self._client, sleep=self._sleep)
        return self._session

    def close(self) -> None:
        """Close the store and the HTTP client."""
        if self._session is not None:
            self._session.close()
        self.store.close()

    def __enter__(self) -> Catalog:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def requests(self) -> int:
        """HTTP requests made so far (benchmarks and tests count them)."""
        return self._session.requests if self._session is not None else 0

    @property
    def online(self) -> bool:
        """Whether online sources may still be asked in this run."""
        return not self.offline and not (self._session is not None and self._session.down)

    def warn(self, message: str) -> None:
        """Report a warning once per run through the observer."""
        if message not in self._warned:
            self._warned.add(message)
            if self._on_warning is not None:
                self._on_warning(message)

    def network_down(self, error: ResolverUnavailable) -> None:
        """Switch to offline for the rest of the run, saying so once."""
        self.warn(f"{error}; continuing offline with the local catalog")

    def source_failed(self, error: ResolverError, consequence: str) -> None:
        """Warn that a source failed; a source stopped for the run is named in one warning."""
        self.warn(
            str(error) if isinstance(error, ServiceUnavailable) else f"{error}; {consequence}"
        )

    def fresh(self, fetched_at: float, found: bool) -> bool:
        """Whether a cached answer is still within its TTL."""
        days = self.settings.ttl_days if found else self.settings.not_found_ttl_days
        return time.time() - fetched_at < days * DAY

    def resolve(self, refs: Sequence[PaperRef]) -> dict[str, Resolution]:
        """A `Resolution` for every ref, keyed by `ref.key`: from the store when it knows the
        answer, else from the online sources in `CHAINS` order (batched per source)."""
        unique = list({ref.key: ref for ref in refs}.values())
        keys = [ref.key for ref in unique]
        known = self.store.find_many(keys)
        cached = self.store.lookups(keys)
        by_id = self.store.papers_by_id(sorted({p for p, _ in cached.values() if p is not None}))
        results: dict[str, Resolution] = {}
        todo: list[PaperRef] = []
        for ref in unique:
            entry = cached.get(ref.key)
            if entry is not None and self.fresh(entry[1], entry[0] is not None):
                paper = by_id.get(entry[0]) if entry[0] is not None else None
                results[ref.key] = _from_store(ref.key, paper, "cached lookup")
            elif entry is None and ref.key in known:
                results[ref.key] = Resolution(ref.key, Status.CACHED, known[ref.key])
            elif ref.kind not in CHAINS:
                results[ref.key] = Resolution(
                    ref.key, Status.NOT_FOUND, message=f"no metadata source for {ref.kind.value}"
                )
            else:
                todo.append(ref)
        if todo and self.online:
            results.update(self._fetch(todo))
        for ref in todo:
            result, paper = results.get(ref.key), known.get(ref.key)
            if paper is not None and (result is None or result.status is Status.FAILED):
                # A source failing now does not erase what an earlier run learnt.
                results[ref.key] = Resolution(ref.key, Status.CACHED, paper, message="stale")
            elif result is None:
                results[ref.key] = Resolution(ref.key, Status.OFFLINE, message="not in the catalog")
        return {key: results[key] for key in keys}

    def _fetch(self, refs: list[PaperRef]) -> dict[str, Resolution]:
        results: dict[str, Resolution] = {}
        failed: dict[str, str] = {}
        skipped: set[str] = set()  # a source stopped for the run: left for the caller (offline)
        by_kind: dict[object, list[PaperRef]] = {}
        for ref in refs:
            by_kind.setdefault(ref.kind, []).append(ref)
        for kind, group in by_kind.items():
            pending = group
            for source in CHAINS[kind]:  # type: ignore[index]
                resolver = self.resolvers[source]
                ask = [ref for ref in pending if resolver.accepts(ref)]
                if not ask or not self.online:
                    continue
                try:
                    found = resolver.fetch(self.session, ask)
                except ResolverUnavailable as error:
                    self.network_down(error)
                    break
                except ServiceUnavailable as error:
                    self.warn(str(error))
                    skipped.update(ref.key for ref in ask)
                    continue
                except ResolverError as error:
                    self.warn(f"{error}; its references stay unresolved this run")
                    failed.update((ref.key, str(error)) for ref in ask)
                    continue
                # Only answers to questions asked are stored, whatever a service sends back.
                asked = {ref.key for ref in ask}
                found = {key: paper for key, paper in found.items() if key in asked}
                items = [(paper, [key]) for key, paper in sorted(found.items())]
                for (_, (key,)), stored in zip(items, self.store.save_many(items), strict=True):
                    results[key] = Resolution(key, Status.RESOLVED, stored)
                pending = [ref for ref in pending if ref.key not in found]
            if not self.online:
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
        return results

    def match_titles(self, queries: Sequence[TitleQuery]) -> dict[str, Resolution]:
        """Resolutions for title-only citations keyed by `query.key`; a match below the
        confidence threshold stays `UNRESOLVED_TITLE` with the cited text."""
        return match_titles(self, queries)


def _from_store(key: str, paper: Paper | None, note: str) -> Resolution:
    if paper is None:
        return Resolution(key, Status.NOT_FOUND, message=f"not found ({note})")
    return Resolution(key, Status.CACHED, paper)
