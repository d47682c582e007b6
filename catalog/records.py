"""Catalog-side values beyond the shared vocabulary: errors, settings and the lookup policy."""

from __future__ import annotations

import os
import time
from collections.abc import Mapping
from dataclasses import dataclass, field

# The network's time limits live apart: every run's configuration reads them, without the
# dataclasses of this module.
from catalog.limits import DEFAULT_REQUEST_TIMEOUT, DEFAULT_RUN_BUDGET, DEFAULT_SERVICE_BUDGET


class ResolverError(Exception):
    """A metadata source answered badly (HTTP error after retries, malformed or unsafe body)."""


class ResolverUnavailable(ResolverError):
    """The network itself is unreachable, or the run's network budget is spent: further
    online work in this run is pointless."""


class ServiceUnavailable(ResolverError):
    """One source is done for this run (its time budget is spent, or it asked us to wait
    longer than we would); the message names it and is the same every time it is raised."""


DAY = 86400.0


@dataclass(frozen=True, slots=True)
class Policy:
    """When a stored answer still holds, and how sure a title match must be."""

    threshold: float = 0.85  # a title match scoring below it stays unresolved
    ttl_days: float = 30.0
    not_found_ttl_days: float = 7.0

    def fresh(self, fetched_at: float, found: bool) -> bool:
        """Whether a stored answer (found or not) is still within its TTL."""
        days = self.ttl_days if found else self.not_found_ttl_days
        return time.time() - fetched_at < days * DAY


# Environment variables that override each source's base URL (tests point them at a fake server).
BASE_URL_ENV: Mapping[str, str] = {
    "arxiv": "CITEGRAPH_ARXIV_URL",
    "crossref": "CITEGRAPH_CROSSREF_URL",
    "datacite": "CITEGRAPH_DATACITE_URL",
    "openalex": "CITEGRAPH_OPENALEX_URL",
    "semanticscholar": "CITEGRAPH_S2_URL",
}

DEFAULT_BASE_URLS: Mapping[str, str] = {
    "arxiv": "https://export.arxiv.org/api",
    "crossref": "https://api.crossref.org",
    "datacite": "https://api.datacite.org",
    "openalex": "https://api.openalex.org",
    "semanticscholar": "https://api.semanticscholar.org/graph/v1",
}

# Polite spacing between requests to one source, in seconds (arXiv's terms ask for 3 s).
DEFAULT_INTERVALS: Mapping[str, float] = {
    "arxiv": 3.0,
    "crossref": 0.34,
    "datacite": 0.3,
    "openalex": 0.1,
    "semanticscholar": 1.0,
}


@dataclass(frozen=True, slots=True)
class ResolverSettings:
    """How the resolvers reach their services: base URLs, contact, limits and retries."""

    base_urls: Mapping[str, str] = field(default_factory=lambda: dict(DEFAULT_BASE_URLS))
    intervals: Mapping[str, float] = field(default_factory=lambda: dict(DEFAULT_INTERVALS))
    mailto: str | None = None
    s2_api_key: str | None = None
    connect_timeout: float = 5.0
    read_timeout: float = 10.0  # longest wait for any one read from the socket
    # Wall clock for a whole request (connect, headers, body); a trickle cannot stretch it.
    request_timeout: float = DEFAULT_REQUEST_TIMEOUT
    # Seconds of network time, waits included, per source and per run (all sources together).
    service_budget: float = DEFAULT_SERVICE_BUDGET
    run_budget: float = DEFAULT_RUN_BUDGET
    retries: int = 2
    backoff: float = 1.0
    max_retry_after: float = 10.0  # a longer Retry-After stops asking that source this run
    max_body_bytes: int = 4 * 1024 * 1024  # decoded; the largest real batch answer is ~1 MB
    ttl_days: float = 30.0
    not_found_ttl_days: float = 7.0

    @classmethod
    def from_environment(
        cls, environ: Mapping[str, str] | None = None, **overrides: object
    ) -> ResolverSettings:
        """Defaults, overridden by `CITEGRAPH_*_URL`, `CITEGRAPH_MAILTO`, `CITEGRAPH_S2_API_KEY`,
        then by keyword arguments that are not None."""
        env = os.environ if environ is None else environ
        urls = dict(DEFAULT_BASE_URLS)
        for source, var in BASE_URL_ENV.items():
            if env.get(var):
                urls[source] = env[var].rstrip("/")
        values: dict[str, object] = {
            "base_urls": urls,
            "mailto": env.get("CITEGRAPH_MAILTO") or None,
            "s2_api_key": env.get("CITEGRAPH_S2_API_KEY") or None,
        }
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)  # type: ignore[arg-type]

    def base_url(self, source: str) -> str:
        """The base URL of `source`, without a trailing slash."""
        return self.base_urls.get(source, DEFAULT_BASE_URLS[source]).rstrip("/")

    def interval(self, source: str) -> float:
        """Seconds to leave between two requests to `source`."""
        return self.intervals.get(source, DEFAULT_INTERVALS.get(source, 1.0))
