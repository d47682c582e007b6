"""Fault injection, transport: silent and trickling services, 429/5xx, truncated, compressed and
huge bodies, redirects. Each ends in bounded time and memory with a `ResolverError`."""

from __future__ import annotations

import gzip
import json
import time
import tracemalloc
from collections.abc import Callable, Iterator

import pytest
from fake_services import RECORDS, FakeServices, Fault, atom_feed, gzip_bomb

from catalog.http import HttpSession
from catalog.records import ResolverError, ResolverUnavailable, ServiceUnavailable

GB = 1 << 30
# Small limits so that faults finish in a fraction of a second; the defaults are 20/30/45 s.
FAST = {"read_timeout": 0.3, "request_timeout": 0.5, "service_budget": 1.0, "run_budget": 2.0}


@pytest.fixture
def session(services: FakeServices) -> Iterator[Callable[..., HttpSession]]:
    made: list[HttpSession] = []

    def make(sleep: Callable[[float], None] = lambda s: None, **settings: object) -> HttpSession:
        made.append(HttpSession(services.settings(**settings), sleep=sleep))
        return made[-1]

    yield make
    for one in made:
        one.close()


def arxiv_query(services: FakeServices) -> str:
    return f"{services.url}/arxiv/api/query"


def failure(call: Callable[[], object]) -> tuple[ResolverError, float]:
    start = time.monotonic()
    with pytest.raises(ResolverError) as caught:
        call()
    return caught.value, time.monotonic() - start


def test_silent_service_times_out_within_the_request_deadline(services, session) -> None:
    services.fail(Fault("/arxiv", silent=True, times=10))
    http = session(**{**FAST, "read_timeout": 5.0, "retries": 0})
    error, elapsed = failure(lambda: http.request("arxiv", "GET", arxiv_query(services)))
    assert "arxiv: request timed out" in str(error)
    assert elapsed < 1.5  # the 0.5 s deadline, not the 5 s read timeout


def test_trickled_bytes_cannot_stretch_a_request(services, session) -> None:
    # One byte every 50 ms never trips a 0.3 s read timeout; only the wall-clock deadline
    # stops it (the whole answer would take over a minute).
    services.fail(Fault("/arxiv", trickle=0.05, times=10))
    http = session(**{**FAST, "retries": 0})
    error, elapsed = failure(lambda: http.request("arxiv", "GET", arxiv_query(services)))
    assert "timed out" in str(error)
    assert elapsed < 1.5


def test_a_spent_service_budget_stops_the_service_not_the_run(services, session) -> None:
    services.fail(Fault("/arxiv", silent=True, times=10))
    http = session(**{**FAST, "read_timeout": 5.0, "retries": 5})
    error, elapsed = failure(lambda: http.request("arxiv", "GET", arxiv_query(services)))
    assert isinstance(error, ServiceUnavailable)
    assert str(error) == "arxiv: its network budget of 1 s is used up; not asked again this run"
    # Two tries of 0.5 s spend the 1 s budget; six (no budget) would take 3 s. The tries are
    # counted on the client's side: the fake service logs a request when its handler thread
    # gets to it, which on a loaded machine can be after the client has given up.
    assert elapsed < 2.9 and http.requests == 2
    again, _ = failure(lambda: http.request("arxiv", "GET", arxiv_query(services)))
    assert str(again) == str(error) and http.requests == 2
    assert not http.down
    assert http.request("crossref", "GET", f"{services.url}/crossref/works") is not None


def test_a_spent_run_budget_takes_the_session_down(services, session) -> None:
    services.fail(Fault("/", silent=True, times=50))
    http = session(**{**FAST, "service_budget": 0.6, "run_budget": 1.0})
    start = time.monotonic()
    with pytest.raises(ServiceUnavailable):
        http.request("arxiv", "GET", arxiv_query(services))
    with pytest.raises(ResolverUnavailable, match=r"budget of 1 s for this run .*crossref"):
        http.request("crossref", "GET", f"{services.url}/crossref/works")
    assert http.down and time.monotonic() - start < 2.0
    with pytest.raises(ResolverUnavailable):
        http.request("openalex", "GET", f"{services.url}/openalex/works")


def test_long_retry_after_is_not_waited_and_stops_the_service(services, session) -> None:
    services.fail(Fault("/arxiv", status=429, headers={"Retry-After": "120"}, times=10))
    slept: list[float] = []
    http = session(sleep=slept.append)
    error, _ = failure(lambda: http.request("arxiv", "GET", arxiv_query(services)))
    assert isinstance(error, ServiceUnavailable)
    assert "retry after 120 s (more than the 10 s limit)" in str(error)
    assert slept == []
    failure(lambda: http.request("arxiv", "GET", arxiv_query(services)))
    assert services.count("/arxiv") == 1


def test_short_retry_after_is_honoured_within_the_budget(services, session) -> None:
    services.fail(Fault("/arxiv", status=429, headers={"Retry-After": "3"}, times=1))
    slept: list[float] = []
    assert session(sleep=slept.append).request("arxiv", "GET", arxiv_query(services))
    assert slept == [3.0]
    # The same wait with only two seconds of budget left is not worth starting.
    services.fail(Fault("/arxiv", status=429, headers={"Retry-After": "3"}, times=1))
    http = session(sleep=slept.append, service_budget=2.0)
    error, _ = failure(lambda: http.request("arxiv", "GET", arxiv_query(services)))
    assert "budget of 2 s is used up" in str(error) and slept == [3.0]


def test_server_errors_back_off_inside_the_budget(services, session) -> None:
    services.fail(Fault("/crossref", status=503, times=100))
    slept: list[float] = []
    http = session(sleep=slept.append, backoff=0.4, retries=10, service_budget=1.0)
    error, elapsed = failure(lambda: http.request("crossref", "GET", f"{services.url}/crossref"))
    assert "budget of 1 s is used up" in str(error)
    assert slept == [0.4] and elapsed < 1.0  # the 0.8 s backoff would overrun the budget
    assert services.count("/crossref") == 2


def test_truncated_body_is_an_error(services, session) -> None:
    body = json.dumps([None, None]).encode()
    services.fail(Fault("/s2", body=body, truncate=5, times=3))
    http = session(retries=2)
    url = f"{services.url}/s2/graph/v1/paper/batch"
    error, _ = failure(lambda: http.request("semanticscholar", "POST", url, json={"ids": []}))
    assert "semanticscholar: connection broke off" in str(error)
    assert services.count("/s2") == 3


@pytest.mark.parametrize(
    ("body", "encoding", "message"),
    [
        (b"not gzip at all", "gzip", "malformed compressed response"),
        (gzip.compress(b"[null]" * 1000, mtime=0)[:-12], "gzip", "truncated compressed response"),
        (b"\x00\x01", "br", "unsupported Content-Encoding 'br'"),
    ],
    ids=["malformed", "truncated", "unsupported"],
)
def test_bad_compressed_bodies_are_errors(services, session, body, encoding, message) -> None:
    services.fail(Fault("/s2", body=body, headers={"Content-Encoding": encoding}))
    url = f"{services.url}/s2/graph/v1/paper/batch"
    error, _ = failure(lambda: session().request("semanticscholar", "POST", url, json={}))
    assert message in str(error)


def test_compressed_answers_are_read(services, session) -> None:
    feed = gzip.compress(atom_feed([RECORDS[1]]))
    services.fail(Fault("/arxiv", body=feed, headers={"Content-Encoding": "gzip"}))
    reply = session().request("arxiv", "GET", arxiv_query(services))
    assert reply is not None and reply.content == atom_feed([RECORDS[1]])


def peak_memory(call: Callable[[], object]) -> tuple[object, int]:
    tracemalloc.start()
    try:
        try:
            result: object = call()
        except ResolverError as error:
            result = error
        return result, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize("declare", [False, True], ids=["streamed", "declared"])
def test_a_1gb_body_costs_a_few_mb(services, session, declare: bool) -> None:
    services.fail(Fault("/openalex", size=GB, declare=declare))
    http = session()
    start = time.monotonic()
    url = f"{services.url}/openalex/works"
    error, peak = peak_memory(lambda: http.request("openalex", "GET", url))
    assert isinstance(error, ResolverError) and "refused" in str(error)
    assert "4 MB limit" in str(error)
    assert peak < 10 * 2**20  # the 4 MB cap, one chunk, and the copy of neither
    assert time.monotonic() - start < 10


def test_a_compression_bomb_never_expands(services, session) -> None:
    bomb = gzip_bomb(128 * 2**20)  # 128 MB of zeros in about 130 kB
    services.fail(Fault("/openalex", body=bomb, headers={"Content-Encoding": "gzip"}))
    http = session()
    url = f"{services.url}/openalex/works"
    error, peak = peak_memory(lambda: http.request("openalex", "GET", url))
    assert "response body refused" in str(error)
    assert peak < 10 * 2**20


def test_api_key_never_follows_a_redirect_to_another_host(services, session) -> None:
    with FakeServices() as other:
        target = f"{other.url}/s2/graph/v1/paper/batch"
        services.fail(Fault("/s2", status=307, headers={"Location": target}))
        http = session()
        reply = http.request(
            "semanticscholar",
            "POST",
            f"{services.url}/s2/graph/v1/paper/batch",
            json={"ids": ["ARXIV:1810.04805"]},
            headers={"x-api-key": "sekret"},
        )
        assert reply is not None and json.loads(reply.content)[0]["title"].startswith("BERT")
        assert reply.url == target
        assert {k.lower() for k in services.headers[0]} >= {"x-api-key"}
        assert other.log == [("POST", "/s2/graph/v1/paper/batch")]
        assert "x-api-key" not in {k.lower() for k in other.headers[0]}
        assert http.requests == 2


def test_same_host_redirect_keeps_the_key(services, session) -> None:
    services.fail(Fault("/s2/old", status=308, headers={"Location": "/s2/graph/v1/paper/batch"}))
    reply = session().request(
        "semanticscholar",
        "POST",
        f"{services.url}/s2/old",
        json={"ids": ["ARXIV:1810.04805"]},
        headers={"x-api-key": "sekret"},
    )
    assert reply is not None and json.loads(reply.content)[0] is not None
    assert all(h.get("x-api-key") == "sekret" for h in services.headers)


def test_redirect_loops_and_odd_schemes_are_errors(services, session) -> None:
    services.fail(Fault("/crossref", status=302, headers={"Location": "/crossref/a"}, times=20))
    http = session()
    error, _ = failure(lambda: http.request("crossref", "GET", f"{services.url}/crossref/a"))
    assert "TooManyRedirects" in str(error) and http.requests == 6
    services.faults.clear()
    services.fail(Fault("/crossref", status=302, headers={"Location": "file:///etc/passwd"}))
    error, _ = failure(lambda: http.request("crossref", "GET", f"{services.url}/crossref/a"))
    assert "redirected to a file URL" in str(error)


@pytest.fixture
def names(monkeypatch: pytest.MonkeyPatch) -> None:
    """A resolver for made-up names: `slow.example` never answers (for 10 s), `two.example`
    has a dead address before the live one, anything else is looked up as usual."""
    import socket

    real = socket.getaddrinfo

    def getaddrinfo(host: str, port: int, *args: object, **kwargs: object) -> list:
        if host == "slow.example":
            time.sleep(10)
        if host == "two.example":
            return [
                (socket.AF_INET, socket.SOCK_STREAM, 6, "", (ip, port))
                for ip in ("127.0.0.2", "127.0.0.1")
            ]
        return real(host, port, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)


def test_a_name_lookup_that_never_answers_is_bounded(services, session, names) -> None:
    http = session(**FAST)
    port = services.server.server_address[1]
    start = time.monotonic()
    with pytest.raises(ServiceUnavailable, match=r"looking up slow\.example took too long"):
        http.request("arxiv", "GET", f"http://slow.example:{port}/arxiv/api/query")
    assert time.monotonic() - start < 1.5 and not http.down  # one service out of reach
    with pytest.raises(ResolverUnavailable, match=r"cannot connect to arxiv nor crossref"):
        http.request("crossref", "GET", f"http://slow.example:{port}/crossref/works")
    assert time.monotonic() - start < 3.0 and http.down  # two: the network is


def test_one_service_out_of_reach_stops_that_service_alone(services, session) -> None:
    # A firewall's block or a mistyped CITEGRAPH_S2_URL took every service offline for the
    # run ('network unreachable'), though the others answered
    import socket

    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    closed = probe.getsockname()[1]
    probe.close()  # nothing listens there now: connections are refused
    http = session(**FAST)
    dead = f"http://127.0.0.1:{closed}/s2/graph/v1/paper/batch"
    with pytest.raises(ServiceUnavailable, match=r"^semanticscholar: cannot connect \("):
        http.request("semanticscholar", "POST", dead, json={"ids": []})
    assert not http.down
    reply = http.request("crossref", "GET", f"{services.url}/crossref/works")
    assert reply is not None and reply.status_code == 200
    with pytest.raises(ServiceUnavailable, match="semanticscholar: cannot connect"):
        http.request("semanticscholar", "POST", dead, json={"ids": []})


def test_every_address_of_a_name_is_tried(services, session, names) -> None:
    port = services.server.server_address[1]
    reply = session(**FAST).request("arxiv", "GET", f"http://two.example:{port}/arxiv/api/query")
    assert reply is not None and reply.status_code == 200


def test_the_deadline_holds_through_a_proxy(services, monkeypatch) -> None:
    # The fake services answer absolute-URI requests too, so they can stand in for a proxy.
    for name in ("NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HTTP_PROXY", services.url)
    services.fail(Fault("/arxiv", trickle=0.05, times=10))
    http = HttpSession(services.settings(**{**FAST, "retries": 0}))
    try:
        error, elapsed = failure(
            lambda: http.request("arxiv", "GET", "http://arxiv.invalid/arxiv/api/query")
        )
    finally:
        http.close()
    assert "timed out" in str(error) and elapsed < 1.5
    assert services.log == [("GET", "/arxiv/api/query")]  # it did go through the proxy
