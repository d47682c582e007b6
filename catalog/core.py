"""The catalog facade: open a store, resolve references, close."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from catalog.chain import IdentifierChain
from catalog.matching import TitleMatcher
from catalog.online import Online
from catalog.records import Policy, ResolverSettings
from catalog.resolvers import CHAINS, Resolvers, TitleSearchers
from catalog.store import Store, default_catalog_path
from catalog.types import PaperRef, Reference, RefKind, Resolution

if TYPE_CHECKING:  # httpx loads with the session, on the first online request
    import httpx

    from catalog.http import HttpSession


class Catalog:
    """Papers known locally plus, unless offline, the online sources behind them.

    `resolve` is the one entry point: written identifiers go through `IdentifierChain`, works
    named by title or by authors and year through `TitleMatcher`, each given the store, the
    run's `Online` side and the lookup `Policy`.
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
        self.settings = settings or ResolverSettings.from_environment()
        self.online = Online(
            self.settings, offline=offline, client=client, on_warning=on_warning, sleep=sleep
        )
        self.policy = Policy(threshold, self.settings.ttl_days, self.settings.not_found_ttl_days)
        # Each source is made, and its module imported, when a lookup first needs it.
        self.resolvers = Resolvers(self.settings)
        searchers = TitleSearchers(self.resolvers, CHAINS[RefKind.TITLE])
        self.identifiers = IdentifierChain(store, self.online, self.policy, self.resolvers)
        self.titles = TitleMatcher(store, self.online, self.policy, searchers)

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

    def close(self) -> None:
        """Close the store and the HTTP client."""
        self.online.close()
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
    def session(self) -> HttpSession:
        """The HTTP session, created on first use."""
        return self.online.session

    @property
    def requests(self) -> int:
        """HTTP requests made so far (benchmarks and tests count them)."""
        return self.online.requests

    @property
    def threshold(self) -> float:
        """The confidence a title match needs."""
        return self.policy.threshold

    def resolve(self, references: Iterable[Reference | PaperRef]) -> dict[str, Resolution]:
        """A `Resolution` for every distinct reference, keyed by `reference.key`, in the order
        first given; a bare `PaperRef` is a reference with nothing read beside it.

        Identifiers are answered from the store when it knows them, else by the sources of
        `CHAINS` (batched per source); they go first, so that titles can match the papers
        they bring. A title or authors-and-year match below the confidence threshold stays
        `UNRESOLVED_TITLE` with the cited text.
        """
        given = (r if isinstance(r, Reference) else Reference(r) for r in references)
        unique = list({r.key: r for r in given}.values())
        identifiers = [r for r in unique if r.ref.kind.is_identifier]
        named = [r for r in unique if not r.ref.kind.is_identifier]
        results = self.identifiers.resolve(identifiers) if identifiers else {}
        if named:
            results.update(self.titles.resolve(named))
        return {r.key: results[r.key] for r in unique}
