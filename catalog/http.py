"""Polite HTTP for resolvers: per-source spacing, retries with backoff, Retry-After, fail-fast."""

from __future__ import annotations

import email.utils
import time
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import httpx

from catalog.records import ResolverError, ResolverSettings, ResolverUnavailable

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
USER_AGENT = "citegraph/{version} (+https://github.com/citegraph/citegraph{contact})"


def user_agent(mailto: str | None) -> str:
    """The User-Agent every request sends; a contact address admits us to polite pools."""
    try:
        from importlib.metadata import version

        ver = version("citegraph")
    except Exception:  # the package may run from a source tree without metadata
        ver = "0"
    return USER_AGENT.format(version=ver, contact=f"; mailto:{mailto}" if mailto else "")


def retry_after_seconds(value: str | None, now: float) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date), else None."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - now)


class HttpSession:
    """One shared client for all sources, with a request counter and a 'network down' flag.

    Connection failures (refused, DNS, connect timeout) raise `ResolverUnavailable` at once and
    mark the session down, so a run without network fails fast instead of retrying everywhere.
    """

    def __init__(
        self,
        settings: ResolverSettings,
        client: httpx.Client | None = None,
        *,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.settings = settings
        self._own_client = client is None
        import httpx  # loaded on first online use: offline runs never import the HTTP stack

        self.client = client or httpx.Client(
            timeout=httpx.Timeout(settings.read_timeout, connect=settings.connect_timeout),
            follow_redirects=True,
        )
        self.sleep = sleep
        self.clock = clock
        self.requests = 0
        self.down = False
        self._last: dict[str, float] = {}
        self._headers = {"User-Agent": user_agent(settings.mailto)}

    def close(self) -> None:
        """Close the client if this session created it."""
        if self._own_client:
            self.client.close()

    def request(
        self,
        source: str,
        method: str,
        url: str,
        *,
        params: Mapping[str, Any] | None = None,
        json: Any = None,
        headers: Mapping[str, str] | None = None,
        not_found_ok: bool = False,
    ) -> httpx.Response | None:
        """Send one request for `source`, politely; None for a 404 when `not_found_ok`."""
        import httpx

        if self.down:
            raise ResolverUnavailable("the network is unreachable")
        attempt = 0
        while True:
            self._wait_turn(source)
            try:
                self.requests += 1
                response = self.client.request(
                    method,
                    url,
                    params=params,
                    json=json,
                    headers={**self._headers, **(headers or {})},
                    timeout=httpx.Timeout(
                        self.settings.read_timeout, connect=self.settings.connect_timeout
                    ),
                )
            except (httpx.ConnectError, httpx.ConnectTimeout) as error:
                self.down = True
                raise ResolverUnavailable(f"cannot connect to {source}: {error}") from error
            except httpx.TimeoutException as error:
                failure = f"{source}: request timed out"
                if attempt >= self.settings.retries:
                    raise ResolverError(failure) from error
                attempt += 1
                self.sleep(self._backoff(attempt))
                continue
            except httpx.HTTPError as error:
                raise ResolverError(f"{source}: {type(error).__name__}: {error}") from error
            if response.status_code == 404 and not_found_ok:
                return None
            if response.status_code < 400:
                return response
            if response.status_code not in RETRY_STATUSES or attempt >= self.settings.retries:
                raise ResolverError(f"{source}: HTTP {response.status_code} from {url}")
            attempt += 1
            wait = retry_after_seconds(response.headers.get("Retry-After"), time.time())
            if wait is not None and wait > self.settings.max_retry_after:
                raise ResolverError(
                    f"{source}: HTTP {response.status_code}, asked to retry after {wait:.0f} s"
                )
            self.sleep(wait if wait is not None else self._backoff(attempt))

    def _backoff(self, attempt: int) -> float:
        return self.settings.backoff * 2 ** (attempt - 1)

    def _wait_turn(self, source: str) -> None:
        interval = self.settings.interval(source)
        last = self._last.get(source)
        now = self.clock()
        if last is not None and interval > 0 and now - last < interval:
            self.sleep(interval - (now - last))
            now = self.clock()
        self._last[source] = now


def json_body(response: httpx.Response, source: str) -> Any:
    """The JSON body of `response`, or a `ResolverError` naming the source."""
    try:
        return response.json()
    except ValueError as error:
        raise ResolverError(f"{source}: malformed JSON response") from error
