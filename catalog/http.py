"""Polite, bounded HTTP for resolvers: spacing, retries, capped Retry-After, deadlines, budgets,
capped bodies and redirects that never carry credentials to another host."""

from __future__ import annotations

import email.utils
import json as jsonlib
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    import httpx

from catalog.budget import Budget
from catalog.records import (
    ResolverError,
    ResolverSettings,
    ResolverUnavailable,
    ServiceUnavailable,
)

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
MAX_REDIRECTS = 5
# Headers that identify us to one service; never sent to a host a redirect points at.
CREDENTIALS = frozenset({"authorization", "proxy-authorization", "cookie", "x-api-key"})
USER_AGENT = "citegraph/{version} (+https://github.com/citegraph/citegraph{contact})"
T = TypeVar("T")


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


@dataclass(frozen=True, slots=True)
class Reply:
    """A finished response: its status, final URL, Retry-After and decoded (capped) body."""

    status_code: int
    url: str
    content: bytes = b""
    retry_after: str | None = None


class HttpSession:
    """One client for all sources, with a request counter, a time budget and a 'down' flag.

    A connection failure (refused, DNS, connect timeout) stops its source for the run; one to
    a second source raises `ResolverUnavailable` and marks the session down, so a run without
    network fails fast instead of retrying everywhere, and one service out of reach (blocked,
    or a mistyped base URL) does not take the others with it.
    Every request has a wall-clock deadline; time spent on a source (waits included) counts
    against its budget and the run's. A source whose budget is spent, or that asks for a longer
    wait than `max_retry_after`, raises `ServiceUnavailable` from then on; when the run's budget
    is spent the session goes down. A `client` passed in is used as is (no deadline transport).
    """

    def __init__(
        self,
        settings: ResolverSettings,
        client: httpx.Client | None = None,
        *,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        # Loaded on first online use: offline runs never import the HTTP stack.
        import httpx

        from catalog.transport import ACCEPT_ENCODING, Deadline, deadline_client

        self.settings = settings
        self._own_client = client is None
        self._deadline = Deadline()
        self._timeout = httpx.Timeout(settings.read_timeout, connect=settings.connect_timeout)
        self.client = client or deadline_client(self._deadline, self._timeout)
        self.sleep = sleep
        self.clock = clock
        self.requests = 0
        self.down = False
        self.budget = Budget(settings.run_budget, settings.service_budget)
        self._stopped: dict[str, str] = {}
        self._unreachable: list[str] = []  # the sources a connection failed to, in order
        self._last: dict[str, float] = {}
        self._headers = {
            "User-Agent": user_agent(settings.mailto),
            "Accept-Encoding": ACCEPT_ENCODING,
        }

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
    ) -> Reply | None:
        """Send one request for `source`, politely; None for a 404 when `not_found_ok`."""
        import httpx

        if self.down:
            raise ResolverUnavailable("the network is unreachable")
        if source in self._stopped:
            raise ServiceUnavailable(self._stopped[source])
        attempt = 0
        while True:
            self._pause(source, self._spacing(source))
            self._last[source] = self.clock()
            wait: float | None = None
            try:
                reply = self._timed(
                    source, lambda: self._send(source, method, url, params, json, headers)
                )
            except (httpx.ConnectError, httpx.ConnectTimeout) as error:
                self._check_budget(source)
                if self._unreachable and source not in self._unreachable:
                    # a second service out of reach: the network itself is
                    self.down = True
                    raise ResolverUnavailable(
                        f"network unreachable: cannot connect to {', '.join(self._unreachable)}"
                        f" nor {source}: {error}"
                    ) from error
                # One service out of reach (a firewall's block, a mistyped CITEGRAPH_*_URL, its
                # host down) is that service's failure: the others are still asked. (It took
                # the whole run offline.)
                self._unreachable.append(source)
                self._stop(source, f"{source}: cannot connect ({error}); not asked again this run")
            except (httpx.TimeoutException, httpx.ReadError, httpx.RemoteProtocolError) as error:
                self._check_budget(source)
                failure = (
                    f"{source}: request timed out"
                    if isinstance(error, httpx.TimeoutException)
                    else f"{source}: connection broke off ({type(error).__name__})"
                )
            except httpx.HTTPError as error:
                raise ResolverError(f"{source}: {type(error).__name__}: {error}") from error
            else:
                if reply.status_code == 404 and not_found_ok:
                    return None
                if reply.status_code < 300:
                    return reply
                if reply.status_code not in RETRY_STATUSES:
                    raise ResolverError(f"{source}: HTTP {reply.status_code} from {url}")
                failure = f"{source}: HTTP {reply.status_code}"
                wait = retry_after_seconds(reply.retry_after, time.time())
                cap = self.settings.max_retry_after
                if wait is not None and wait > cap:
                    self._stop(
                        source,
                        f"{source}: HTTP {reply.status_code}, asked to retry after {wait:.0f} s "
                        f"(more than the {cap:g} s limit); not asked again this run",
                    )
            if attempt >= self.settings.retries:
                # Silent, crawling, overloaded or broken: its other requests would fail alike.
                tries = f"{attempt + 1} tries" if attempt else "1 try"
                self._stop(source, f"{failure} ({tries}); not asked again this run")
            attempt += 1
            self._pause(source, wait if wait is not None else self._backoff(attempt))

    def _timed(self, source: str, send: Callable[[], T]) -> T:
        """Run `send` under the request deadline, charging its time to `source`."""
        limit = min(self.settings.request_timeout, self.budget.left(source))
        if limit <= 0:
            self._exhaust(source)
        start = self.clock()
        try:
            with self._deadline.until(time.monotonic() + limit):
                return send()
        finally:
            self.budget.charge(source, self.clock() - start)

    def _send(
        self,
        source: str,
        method: str,
        url: str,
        params: Mapping[str, Any] | None,
        body: Any,
        headers: Mapping[str, str] | None,
    ) -> Reply:
        """One exchange, following redirects ourselves: credentials only go to the origin
        they were given for, and the body is read in capped chunks."""
        import httpx

        from catalog.transport import read_body

        sent = {**self._headers, **(headers or {})}
        request = self.client.build_request(
            method, url, params=params, json=body, headers=sent, timeout=self._timeout
        )
        origin = _origin(request.url)
        for _ in range(MAX_REDIRECTS + 1):
            self.requests += 1
            response = self.client.send(request, stream=True)
            try:
                location = response.headers.get("Location")
                if response.status_code in REDIRECT_STATUSES and location:
                    target = request.url.join(location)
                    if target.scheme not in ("http", "https"):
                        raise ResolverError(f"{source}: redirected to a {target.scheme} URL")
                    if response.status_code in (307, 308):
                        keep: Any = body
                    else:
                        method, keep = ("HEAD" if method == "HEAD" else "GET"), None
                    if _origin(target) != origin:
                        sent = {k: v for k, v in sent.items() if k.lower() not in CREDENTIALS}
                    request = self.client.build_request(
                        method, target, json=keep, headers=sent, timeout=self._timeout
                    )
                    continue
                content = b""
                if response.status_code < 300:
                    content = read_body(
                        response, source, self.settings.max_body_bytes, self._check_deadline
                    )
                return Reply(
                    response.status_code,
                    str(request.url),
                    content,
                    response.headers.get("Retry-After"),
                )
            finally:
                response.close()
        raise httpx.TooManyRedirects(f"more than {MAX_REDIRECTS} redirects")

    def _check_deadline(self) -> None:
        import httpx

        left = self._deadline.left()
        if left is not None and left <= 0:
            raise httpx.ReadTimeout("the request's deadline passed")

    def _pause(self, source: str, seconds: float) -> None:
        """Wait `seconds` before asking `source`, unless its budget would not outlast the wait."""
        if seconds <= 0:
            return
        if seconds >= self.budget.left(source):
            self._exhaust(source)
        self.sleep(seconds)
        self.budget.charge(source, seconds)

    def _check_budget(self, source: str) -> None:
        if self.budget.left(source) <= 0.01:
            self._exhaust(source)

    def _exhaust(self, source: str) -> None:
        # The run's budget, not the source's own share, is what ran out: stop everything.
        if self.budget.left(source) >= self.budget.run_left():
            self.down = True
            raise ResolverUnavailable(
                f"the network budget of {self.budget.run:g} s for this run is used up "
                f"(while asking {source})"
            )
        self._stop(
            source,
            f"{source}: its network budget of {self.budget.per_source:g} s is used up; "
            "not asked again this run",
        )

    def _stop(self, source: str, message: str) -> None:
        self._stopped[source] = message
        raise ServiceUnavailable(message)

    def _backoff(self, attempt: int) -> float:
        return self.settings.backoff * 2 ** (attempt - 1)

    def _spacing(self, source: str) -> float:
        interval = self.settings.interval(source)
        last = self._last.get(source)
        return 0.0 if last is None or interval <= 0 else interval - (self.clock() - last)


def _origin(url: httpx.URL) -> tuple[str, str, int | None]:
    return (url.scheme, url.host, url.port)


def json_body(response: Reply, source: str) -> Any:
    """The JSON body of `response`, or a `ResolverError` naming the source."""
    try:
        return jsonlib.loads(response.content)
    except (ValueError, UnicodeDecodeError) as error:
        if response.content.lstrip()[:1] == b"<":
            # a proxy's, a captive portal's or a CDN's error page: say so, not 'malformed'
            raise ResolverError(
                f"{source}: an HTML page instead of JSON (a proxy or login page in the way?)"
            ) from error
        raise ResolverError(f"{source}: malformed JSON response") from error
