"""The HTTP transport under `HttpSession`: a wall-clock deadline on every socket operation, and
response bodies read in chunks, decoded by us and capped in size."""

from __future__ import annotations

import ipaddress
import socket
import threading
import time
import zlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

import httpcore
import httpx

from catalog.records import ResolverError

CHUNK = 64 * 1024
# Only what `decoder` can decode with a bounded output; no brotli or zstd.
ACCEPT_ENCODING = "gzip, deflate"


class Deadline:
    """The wall-clock deadline of the request in progress on this thread (monotonic seconds)."""

    def __init__(self) -> None:
        self._local = threading.local()

    @contextmanager
    def until(self, when: float) -> Iterator[None]:
        """Bound every socket operation inside the block by `when`."""
        previous = getattr(self._local, "when", None)
        self._local.when = when
        try:
            yield
        finally:
            self._local.when = previous

    def left(self) -> float | None:
        """Seconds left, or None outside `until`."""
        when = getattr(self._local, "when", None)
        return None if when is None else when - time.monotonic()

    def bound(self, timeout: float | None, expired: type[Exception]) -> float | None:
        """`timeout` shortened to the time left; `expired` is raised when none is left."""
        left = self.left()
        if left is None:
            return timeout
        if left <= 0:
            raise expired("the request's deadline passed")
        return left if timeout is None else min(timeout, left)


class _DeadlineStream(httpcore.NetworkStream):
    """A socket stream whose reads and writes never wait past the deadline. A server that
    trickles one byte every few seconds never trips a per-read timeout; this bound does."""

    def __init__(self, inner: httpcore.NetworkStream, deadline: Deadline) -> None:
        self._inner = inner
        self._deadline = deadline

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, self._deadline.bound(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, self._deadline.bound(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self, ssl_context: Any, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        bounded = self._deadline.bound(timeout, httpcore.ConnectTimeout)
        return _DeadlineStream(
            self._inner.start_tls(ssl_context, server_hostname, bounded), self._deadline
        )

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class _DeadlineBackend(httpcore.NetworkBackend):
    def __init__(self, inner: httpcore.NetworkBackend, deadline: Deadline) -> None:
        self._inner = inner
        self._deadline = deadline

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        error: Exception = httpcore.ConnectError(f"{host} has no address")
        for address in self._addresses(host, port, timeout):
            bounded = self._deadline.bound(timeout, httpcore.ConnectTimeout)
            try:
                stream = self._inner.connect_tcp(
                    address, port, bounded, local_address, socket_options
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as failure:
                error = failure
                continue
            return _DeadlineStream(stream, self._deadline)
        raise error

    def _addresses(self, host: str, port: int, timeout: float | None) -> list[str]:
        """The addresses of `host`, looked up in a helper thread: `getaddrinfo` takes no
        timeout, and a resolver that never answers must not outlast the deadline."""
        try:
            ipaddress.ip_address(host)
            return [host]
        except ValueError:
            pass
        answer: list[object] = []
        lookup = threading.Thread(
            target=_lookup, args=(host, port, answer), name="citegraph-dns", daemon=True
        )
        lookup.start()
        lookup.join(self._deadline.bound(timeout, httpcore.ConnectTimeout))
        if not answer:
            raise httpcore.ConnectTimeout(f"looking up {host} took too long")
        if isinstance(answer[0], OSError):
            raise httpcore.ConnectError(f"cannot look up {host}: {answer[0]}")
        return [str(info[4][0]) for info in answer[0]]  # type: ignore[attr-defined]

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.NetworkStream:
        bounded = self._deadline.bound(timeout, httpcore.ConnectTimeout)
        stream = self._inner.connect_unix_socket(path, bounded, socket_options)
        return _DeadlineStream(stream, self._deadline)

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


def _lookup(host: str, port: int, answer: list[object]) -> None:
    try:
        answer.append(socket.getaddrinfo(host, port, type=socket.SOCK_STREAM))
    except OSError as error:
        answer.append(error)


def deadline_client(deadline: Deadline, timeout: httpx.Timeout) -> httpx.Client:
    """An httpx client whose connections obey `deadline`, proxied ones (from the environment)
    included. Redirects are not followed here: the session follows them itself, so that
    credentials stay with the host they were meant for."""
    # No transport of our own: httpx honours the environment's proxies only for its own.
    client = httpx.Client(timeout=timeout, follow_redirects=False)
    for transport in [client._transport, *client._mounts.values()]:
        pool = getattr(transport, "_pool", None)
        # httpcore takes a network backend only in its constructor, which httpx does not
        # expose; wrapping the pool's backend keeps httpx's proxy, TLS and error handling.
        if pool is not None and hasattr(pool, "_network_backend"):
            pool._network_backend = _DeadlineBackend(pool._network_backend, deadline)
    return client


def read_body(
    response: httpx.Response, source: str, limit: int, check: Callable[[], None]
) -> bytes:
    """The decoded body of a streamed `response`, refused beyond `limit` bytes (declared or
    read) and `check`ed between chunks, so memory stays bounded by `limit`."""
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > limit:
        raise ResolverError(f"{source}: response of {int(declared):,} bytes refused ({_mb(limit)})")
    decode = decoder(response.headers.get("Content-Encoding", ""), source)
    body = bytearray()
    for chunk in response.iter_raw(CHUNK):
        for piece in decode(chunk, limit + 1 - len(body)):
            body += piece
            if len(body) > limit:
                raise ResolverError(f"{source}: response body refused ({_mb(limit)})")
        check()
    for piece in decode(b"", limit + 1 - len(body)):
        body += piece
        if len(body) > limit:
            raise ResolverError(f"{source}: response body refused ({_mb(limit)})")
    return bytes(body)


def _mb(limit: int) -> str:
    return f"more than the {limit / 1048576:g} MB limit"


Decoder = Callable[[bytes, int], Iterator[bytes]]


def decoder(encoding: str, source: str) -> Decoder:
    """A chunk decoder for a Content-Encoding that yields at most `room` bytes beyond which
    the caller stops, so a compression bomb never expands in memory; b"" ends the stream."""
    name = encoding.strip().lower()
    if name in ("", "identity"):
        return lambda chunk, room: iter((chunk,) if chunk else ())
    if name not in ("gzip", "x-gzip", "deflate"):
        raise ResolverError(f"{source}: unsupported Content-Encoding {encoding!r}")
    # wbits 47 reads gzip or zlib headers; 'deflate' is zlib-wrapped by the standard.
    inflater = zlib.decompressobj(47)

    def decode(chunk: bytes, room: int) -> Iterator[bytes]:
        try:
            if not chunk:
                if not inflater.eof:
                    raise ResolverError(f"{source}: truncated compressed response")
                return
            data = chunk
            while data and room > 0 and not inflater.eof:
                piece = inflater.decompress(data, min(room, CHUNK))
                room -= len(piece)
                yield piece
                data = inflater.unconsumed_tail
        except zlib.error as error:
            raise ResolverError(f"{source}: malformed compressed response ({error})") from error

    return decode
