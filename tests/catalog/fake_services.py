"""A local stand-in for arXiv, Crossref, DataCite, OpenAlex and Semantic Scholar.

Serves synthetic records in each service's real response format on 127.0.0.1, counts requests,
and can be told to misbehave (status codes, Retry-After, delays, silence, trickled bytes,
malformed, truncated, compressed, huge or hostile bodies, redirects).
Used by the catalog tests and by benchmarks/catalog_bench.py.
"""

from __future__ import annotations

import json
import threading
import time
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, unquote, urlsplit
from xml.sax.saxutils import escape

from catalog.records import DEFAULT_INTERVALS, ResolverSettings


@dataclass
class Record:
    """One synthetic paper, with the ids each service knows it by."""

    title: str
    authors: tuple[tuple[str, str], ...]  # (given, family)
    year: int
    arxiv: str | None = None
    doi: str | None = None
    venue: str | None = None
    abstract: str = "We study a synthetic problem and report synthetic results."
    services: frozenset[str] = frozenset({"arxiv", "crossref", "openalex", "semanticscholar"})
    # The services whose record links the arXiv id and the published DOI.
    links: frozenset[str] = frozenset({"arxiv", "crossref", "openalex", "semanticscholar"})
    preprint_year: int | None = None  # the year on arXiv, when the paper appeared later


@dataclass
class Fault:
    """A canned misbehaviour for the next `times` requests whose path starts with `prefix`.

    `body` replaces the service's answer (else the real answer is sent, e.g. slowly);
    `silent` accepts the request and never answers; `trickle` sends the whole response, status
    line included, one byte every `trickle` seconds; `truncate` sends that many bytes of the
    body under the full Content-Length and hangs up; `size` streams a body of that many bytes
    (`declare`: with its Content-Length, else delimited by closing the connection).
    """

    prefix: str
    status: int = 200
    body: bytes | None = None
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    times: int = 1
    silent: bool = False
    trickle: float = 0.0
    truncate: int | None = None
    size: int = 0
    declare: bool = False


RECORDS = [
    Record(
        "Deep Residual Learning for Image Recognition",
        (("Kaiming", "He"), ("Xiangyu", "Zhang"), ("Shaoqing", "Ren"), ("Jian", "Sun")),
        2015,
        arxiv="1512.03385",
        doi="10.1109/cvpr.2016.90",
        venue="CVPR",
    ),
    Record(
        "Adam: A Method for Stochastic Optimization",
        (("Diederik P.", "Kingma"), ("Jimmy", "Ba")),
        2014,
        arxiv="1412.6980",
    ),
    Record(
        "Deep learning",
        (("Yann", "LeCun"), ("Yoshua", "Bengio"), ("Geoffrey", "Hinton")),
        2015,
        doi="10.1038/nature14539",
        venue="Nature",
        services=frozenset({"crossref", "openalex", "semanticscholar"}),
    ),
    Record(
        "A Synthetic Benchmark Dataset",
        (("Ada", "Lovelace"),),
        2021,
        doi="10.5281/zenodo.1234567",
        venue="Zenodo",
        services=frozenset({"datacite"}),
    ),
    Record(
        "Attention Is All You Need",
        (("Ashish", "Vaswani"), ("Noam", "Shazeer")),
        2017,
        doi="10.48550/arxiv.1706.03762",
        services=frozenset({"datacite"}),
    ),
    Record(
        "BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding",
        (("Jacob", "Devlin"), ("Ming-Wei", "Chang")),
        2018,
        arxiv="1810.04805",
        services=frozenset({"semanticscholar"}),
    ),
    Record(
        "An OpenAlex-only Study of Citation Graphs",
        (("Grace", "Hopper"),),
        2020,
        doi="10.9999/openalex.only",
        venue="Journal of Synthetic Results",
        abstract="Citation graphs are synthetic here",
        services=frozenset({"openalex"}),
    ),
    Record(
        "Sparse Synthetic Graphs Converge Slowly",
        (("Emmy", "Noether"), ("Alan", "Turing")),
        2020,
        arxiv="1905.01234",
        doi="10.1145/3300001.3300002",
        venue="Journal of Synthetic Graphs",
        preprint_year=2019,
        services=frozenset({"arxiv", "crossref", "openalex"}),
        links=frozenset({"openalex"}),  # arXiv and Crossref do not know they are one work
    ),
]


class FakeServices:
    """The server, its records and a log of every request it answered."""

    def __init__(self, records: list[Record] | None = None) -> None:
        self.records = list(RECORDS if records is None else records)
        self.log: list[tuple[str, str]] = []
        self.headers: list[dict[str, str]] = []
        self.queries: list[str] = []
        self.faults: list[Fault] = []
        self.lock = threading.Lock()
        self.stopping = threading.Event()  # releases silent handlers at shutdown
        handler = type("Handler", (_Handler,), {"services": self})
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    def __enter__(self) -> FakeServices:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stopping.set()
        self.server.shutdown()
        self.server.server_close()

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def settings(self, **overrides: object) -> ResolverSettings:
        """Resolver settings pointing every source here, with no polite delays."""
        base = self.url
        values: dict[str, object] = {
            "base_urls": {
                "arxiv": f"{base}/arxiv/api",
                "crossref": f"{base}/crossref",
                "datacite": f"{base}/datacite",
                "openalex": f"{base}/openalex",
                "semanticscholar": f"{base}/s2/graph/v1",
            },
            "intervals": dict.fromkeys(DEFAULT_INTERVALS, 0.0),
            "retries": 2,
            "backoff": 0.0,
            "read_timeout": 2.0,
            "connect_timeout": 1.0,
        }
        values.update(overrides)
        return ResolverSettings(**values)  # type: ignore[arg-type]

    def count(self, prefix: str = "/") -> int:
        """Requests answered whose path starts with `prefix`."""
        return sum(path.startswith(prefix) for _, path in self.log)

    def fail(self, fault: Fault) -> None:
        """Queue a misbehaviour."""
        self.faults.append(fault)

    def known(self, service: str) -> list[Record]:
        return [r for r in self.records if service in r.services]


class _Handler(BaseHTTPRequestHandler):
    services: FakeServices

    def log_message(self, format: str, *args: object) -> None:
        """Quiet."""

    def do_GET(self) -> None:
        self._dispatch("GET")

    def do_POST(self) -> None:
        self._dispatch("POST")

    def _dispatch(self, method: str) -> None:
        parts = urlsplit(self.path)
        path, query = parts.path, {k: v[-1] for k, v in parse_qs(parts.query).items()}
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        with self.services.lock:
            self.services.log.append((method, path))
            self.services.headers.append(dict(self.headers))
            self.services.queries.append(parts.query)
            fault = next((f for f in self.services.faults if path.startswith(f.prefix)), None)
            if fault is not None:
                fault.times -= 1
                if fault.times <= 0:
                    self.services.faults.remove(fault)
        fault = fault or Fault(path)
        if fault.silent:
            self.services.stopping.wait()
            return
        time.sleep(fault.delay)
        if fault.size:
            self._stream(fault)
            return
        if fault.body is not None or fault.status != 200:
            status, payload, kind = fault.status, fault.body or b"", "application/json"
        else:
            status, payload, kind = _route(self.services, path, query, body)
        self._send(status, payload, kind, fault)

    def _head(self, status: int, kind: str, headers: dict[str, str], length: int | None) -> bytes:
        lines = [f"{self.protocol_version} {status} {self.responses.get(status, ('',))[0]}"]
        lines += [f"Content-Type: {kind}", *(f"{k}: {v}" for k, v in headers.items())]
        if length is not None:
            lines.append(f"Content-Length: {length}")
        return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")

    def _send(self, status: int, payload: bytes, kind: str, fault: Fault) -> None:
        data = self._head(status, kind, fault.headers, len(payload))
        data += payload if fault.truncate is None else payload[: fault.truncate]
        try:
            if fault.trickle:
                for i in range(len(data)):
                    if self.services.stopping.wait(fault.trickle):
                        return
                    self.wfile.write(data[i : i + 1])
                    self.wfile.flush()
            else:
                self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (a timeout or size test)
        self.close_connection = True

    def _stream(self, fault: Fault) -> None:
        """A body of `fault.size` bytes made on the fly, so the server itself stays small."""
        try:
            self.wfile.write(
                self._head(
                    200, "application/json", fault.headers, fault.size if fault.declare else None
                )
            )
            for chunk in _filler(fault.size):
                self.wfile.write(chunk)
        except (BrokenPipeError, ConnectionResetError):
            pass
        self.close_connection = True


def _filler(size: int, chunk: int = 1 << 16) -> Iterator[bytes]:
    block = b" " * chunk
    for start in range(0, size, chunk):
        yield block[: min(chunk, size - start)]


def gzip_bomb(size: int) -> bytes:
    """`size` zero bytes gzipped (about 1,000 times smaller), made without holding them."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    parts = [packer.compress(chunk.replace(b" ", b"0")) for chunk in _filler(size, 1 << 20)]
    return b"".join([*parts, packer.flush()])


def _route(services: FakeServices, path: str, query: dict[str, str], body: bytes):
    for prefix, route in ROUTES.items():
        if path.startswith(prefix):
            return route(services, path[len(prefix) :], query, body)
    return 404, b"{}", "application/json"


def _json(status: int, value: object) -> tuple[int, bytes, str]:
    return status, json.dumps(value).encode(), "application/json"


def _arxiv(services: FakeServices, path: str, query: dict[str, str], body: bytes):
    wanted = set(query.get("id_list", "").split(","))
    return 200, atom_feed([r for r in services.known("arxiv") if r.arxiv in wanted]), ATOM_TYPE


ATOM_TYPE = "application/atom+xml"


def atom_feed(records: list[Record]) -> bytes:
    """An arXiv API Atom feed with one entry per record."""
    entries = []
    for r in records:
        authors = "".join(
            f"<author><name>{escape(g)} {escape(f)}</name></author>" for g, f in r.authors
        )
        doi = f"<arxiv:doi>{r.doi}</arxiv:doi>" if r.doi and "arxiv" in r.links else ""
        year = r.preprint_year or r.year
        entries.append(
            f"<entry><id>http://arxiv.org/abs/{r.arxiv}v2</id>"
            f"<updated>{year}-06-01T00:00:00Z</updated>"
            f"<published>{year}-01-15T00:00:00Z</published>"
            f"<title>{escape(r.title)}</title><summary>  {escape(r.abstract)}\n</summary>"
            f'{authors}{doi}<link href="http://arxiv.org/abs/{r.arxiv}v2" rel="alternate"'
            f' type="text/html"/><arxiv:primary_category term="cs.LG"'
            f' scheme="http://arxiv.org/schemas/atom"/></entry>'
        )
    feed = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" '
        'xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" '
        'xmlns:arxiv="http://arxiv.org/schemas/atom"><title>arXiv Query</title>'
        f"<opensearch:totalResults>{len(entries)}</opensearch:totalResults>"
        + "".join(entries)
        + "</feed>"
    )
    return feed.encode()


def crossref_work(r: Record) -> dict:
    work = {
        "DOI": r.doi.upper(),
        "type": "journal-article",
        "title": [r.title],
        "author": [{"given": g, "family": f, "sequence": "first"} for g, f in r.authors],
        "issued": {"date-parts": [[r.year, 5, 1]]},
        "container-title": [r.venue or ""],
        "abstract": f"<jats:p>{r.abstract}</jats:p>",
        "URL": f"https://doi.org/{r.doi}",
    }
    if r.arxiv and "crossref" in r.links:
        work["relation"] = {
            "has-preprint": [
                {"id-type": "doi", "id": f"10.48550/arXiv.{r.arxiv}", "asserted-by": "object"}
            ]
        }
    return work


def _crossref(services: FakeServices, path: str, query: dict[str, str], body: bytes):
    known = services.known("crossref")
    if path.startswith("/works/"):
        doi = unquote(path[len("/works/") :]).lower()
        hit = next((r for r in known if r.doi == doi), None)
        if hit is None:
            return 404, b"Resource not found.", "text/plain"
        return _json(200, {"status": "ok", "message-type": "work", "message": crossref_work(hit)})
    if "filter" in query:
        dois = {d.removeprefix("doi:").lower() for d in query["filter"].split(",")}
        items = [crossref_work(r) for r in known if r.doi in dois]
    else:
        text = query.get("query.bibliographic", "").lower()
        items = [crossref_work(r) for r in known if r.title.lower()[:20] in text]
    return _json(
        200,
        {
            "status": "ok",
            "message-type": "work-list",
            "message": {"total-results": len(items), "items": items},
        },
    )


def _datacite(services: FakeServices, path: str, query: dict[str, str], body: bytes):
    doi = unquote(path.removeprefix("/dois/")).lower()
    hit = next((r for r in services.known("datacite") if r.doi == doi), None)
    if hit is None:
        return _json(
            404,
            {
                "errors": [
                    {"status": "404", "title": "The resource you are looking for doesn't exist."}
                ]
            },
        )
    attributes = {
        "doi": hit.doi,
        "titles": [{"title": hit.title}],
        "creators": [
            {"name": f"{f}, {g}", "givenName": g, "familyName": f, "nameType": "Personal"}
            for g, f in hit.authors
        ],
        "publicationYear": hit.year,
        "publisher": hit.venue or "arXiv",
        "descriptions": [{"description": hit.abstract, "descriptionType": "Abstract"}],
        "url": f"https://example.org/{hit.doi}",
    }
    return _json(200, {"data": {"id": hit.doi, "type": "dois", "attributes": attributes}})


def openalex_work(r: Record, number: int) -> dict:
    index: dict[str, list[int]] = {}
    for position, word in enumerate(r.abstract.split()):
        index.setdefault(word, []).append(position)
    locations = [{"landing_page_url": f"https://doi.org/{r.doi}"}]
    if r.arxiv and "openalex" in r.links:
        locations.append({"landing_page_url": f"http://arxiv.org/abs/{r.arxiv}"})
    return {
        "id": f"https://openalex.org/W{number}",
        "doi": f"https://doi.org/{r.doi}",
        "title": r.title,
        "display_name": r.title,
        "publication_year": r.year,
        "authorships": [{"author": {"display_name": f"{g} {f}"}} for g, f in r.authors],
        "primary_location": {"source": {"display_name": r.venue}},
        "locations": locations,
        "ids": {"openalex": f"https://openalex.org/W{number}", "doi": f"https://doi.org/{r.doi}"},
        "abstract_inverted_index": index,
    }


def _openalex(services: FakeServices, path: str, query: dict[str, str], body: bytes):
    known = services.known("openalex")
    flt = query.get("filter", "")
    if flt.startswith("doi:"):
        dois = set(flt[4:].lower().split("|"))
        hits = [(i, r) for i, r in enumerate(known) if r.doi in dois]
    else:
        text = flt.removeprefix("title.search:").lower()
        hits = [(i, r) for i, r in enumerate(known) if r.title.lower()[:20] in text]
    return _json(
        200,
        {"meta": {"count": len(hits)}, "results": [openalex_work(r, 1000 + i) for i, r in hits]},
    )


def s2_paper(r: Record, number: int) -> dict:
    external: dict[str, object] = {"CorpusId": number}
    if r.arxiv:
        external["ArXiv"] = r.arxiv
    if r.doi and not r.doi.startswith("10.48550"):
        external["DOI"] = r.doi
    return {
        "paperId": f"{number:040x}",
        "externalIds": external,
        "title": r.title,
        "authors": [{"authorId": str(i), "name": f"{g} {f}"} for i, (g, f) in enumerate(r.authors)],
        "year": r.year,
        "venue": r.venue or "",
        "abstract": r.abstract,
        "url": f"https://www.semanticscholar.org/paper/{number:040x}",
    }


def _s2(services: FakeServices, path: str, query: dict[str, str], body: bytes):
    known = list(enumerate(services.known("semanticscholar")))
    if path == "/paper/batch":
        answer = []
        for wanted in json.loads(body)["ids"]:
            prefix, _, value = wanted.partition(":")
            hit = next(
                (
                    s2_paper(r, i)
                    for i, r in known
                    if (prefix == "ARXIV" and r.arxiv == value)
                    or (prefix == "DOI" and r.doi == value)
                ),
                None,
            )
            answer.append(hit)
        return _json(200, answer)
    if path == "/paper/search/match":
        text = query.get("query", "").lower()
        for i, r in known:
            if r.title.lower()[:20] in text:
                return _json(200, {"data": [{**s2_paper(r, i), "matchScore": 180.5}]})
        return _json(404, {"error": "Title match not found"})
    return _json(404, {"error": "Not found"})


ROUTES = {
    "/arxiv/api/query": _arxiv,
    "/crossref": _crossref,
    "/datacite": _datacite,
    "/openalex/works": _openalex,
    "/s2/graph/v1": _s2,
}
