"""Resolving identifiers through every source against the fake services."""

from __future__ import annotations

import time

import pytest
from fake_services import FakeServices, Fault

from catalog.ids import ref_from_key
from catalog.types import ResolutionStatus as Status


def refs(*keys: str):
    return [ref_from_key(key) for key in keys]


def test_arxiv_id_resolves_with_metadata(make_catalog, services: FakeServices) -> None:
    result = make_catalog().resolve(refs("arxiv:1412.6980"))["arxiv:1412.6980"]
    assert result.status is Status.RESOLVED
    paper = result.paper
    assert paper.title == "Adam: A Method for Stochastic Optimization"
    assert paper.authors == ("Diederik P. Kingma", "Jimmy Ba")
    assert paper.year == 2014
    assert paper.abstract.startswith("We study")
    assert paper.ids["arxiv"] == "1412.6980"
    assert paper.primary_category == "cs.LG"
    assert paper.source == "arxiv"
    assert services.count("/arxiv") == 1


def test_arxiv_and_published_doi_become_one_record(make_catalog) -> None:
    catalog = make_catalog()
    found = catalog.resolve(refs("arxiv:1512.03385", "doi:10.1109/cvpr.2016.90"))
    by_arxiv, by_doi = found["arxiv:1512.03385"].paper, found["doi:10.1109/cvpr.2016.90"].paper
    assert by_arxiv.key == by_doi.key
    assert by_arxiv.ids["doi"] == "10.1109/cvpr.2016.90"
    assert catalog.store.stats()["papers"] == 1
    merged = catalog.store.find("doi:10.1109/cvpr.2016.90")
    assert merged.venue == "CVPR"  # the published venue replaces "arXiv"
    assert set(merged.source.split("+")) == {"arxiv", "crossref"}


def test_doi_sources_in_order(make_catalog, services: FakeServices) -> None:
    keys = ("doi:10.1038/nature14539", "doi:10.5281/zenodo.1234567", "doi:10.9999/openalex.only")
    found = make_catalog().resolve(refs(*keys))
    assert {k: r.paper.source for k, r in found.items()} == {
        keys[0]: "crossref",
        keys[1]: "datacite",
        keys[2]: "openalex",
    }
    assert (
        found[keys[0]].paper.abstract
        == "We study a synthetic problem and report synthetic results."
    )
    assert found[keys[2]].paper.abstract == "Citation graphs are synthetic here"
    assert found[keys[1]].paper.authors == ("Ada Lovelace",)
    # One batched Crossref call; DataCite only for what Crossref missed.
    assert services.count("/crossref") == 1
    assert services.count("/datacite") == 2


def test_arxiv_doi_goes_to_datacite(make_catalog, services: FakeServices) -> None:
    from catalog.types import PaperRef, RefKind

    ref = PaperRef(RefKind.DOI, "10.48550/arxiv.1706.03762")
    result = make_catalog().resolve([ref])[ref.key]
    assert result.status is Status.RESOLVED
    assert result.paper.ids == {"arxiv": "1706.03762"}
    assert services.count("/crossref") == 0


def test_semantic_scholar_fallback_and_not_found(make_catalog, services: FakeServices) -> None:
    found = make_catalog().resolve(refs("arxiv:1810.04805", "arxiv:2001.00001"))
    assert found["arxiv:1810.04805"].paper.source == "semanticscholar"
    assert found["arxiv:1810.04805"].paper.ids["s2"]
    assert found["arxiv:2001.00001"].status is Status.NOT_FOUND
    assert services.count("/s2/graph/v1/paper/batch") == 1


def test_second_resolve_makes_no_requests(make_catalog, services: FakeServices) -> None:
    keys = ("arxiv:1412.6980", "arxiv:2001.00001", "doi:10.1038/nature14539", "doi:10.1234/missing")
    first = make_catalog().resolve(refs(*keys))
    before = len(services.log)
    assert before > 0
    second = make_catalog().resolve(refs(*keys))
    assert len(services.log) == before
    assert second["arxiv:1412.6980"].status is Status.CACHED
    assert second["arxiv:1412.6980"].paper == first["arxiv:1412.6980"].paper
    assert second["doi:10.1234/missing"].status is Status.NOT_FOUND


def test_expired_cache_asks_again(make_catalog, services: FakeServices) -> None:
    make_catalog().resolve(refs("doi:10.1234/missing"))
    before = len(services.log)
    make_catalog(not_found_ttl_days=0.0).resolve(refs("doi:10.1234/missing"))
    assert len(services.log) > before


def test_batches_many_ids(make_catalog, services: FakeServices) -> None:
    keys = [f"arxiv:2101.{n:05d}" for n in range(1, 251)]
    found = make_catalog().resolve(refs(*keys))
    assert all(r.status is Status.NOT_FOUND for r in found.values())
    assert services.count("/arxiv") == 3  # 100 ids per request
    assert services.count("/s2") == 1  # 500 ids per request


def test_retry_after_is_honoured(make_catalog, services: FakeServices, sleeps) -> None:
    services.fail(Fault("/arxiv", status=429, headers={"Retry-After": "7"}))
    result = make_catalog().resolve(refs("arxiv:1412.6980"))["arxiv:1412.6980"]
    assert result.status is Status.RESOLVED
    assert 7.0 in sleeps
    assert services.count("/arxiv") == 2


def test_server_error_warns_and_fails(make_catalog, services: FakeServices, warnings) -> None:
    services.fail(Fault("/crossref", status=500, times=10))
    catalog = make_catalog()
    result = catalog.resolve(refs("doi:10.1038/nature14539"))["doi:10.1038/nature14539"]
    assert services.count("/crossref") == 3  # first try and two retries
    assert any("crossref: HTTP 500" in w for w in warnings)
    # OpenAlex still answers for it, so the paper resolves despite Crossref.
    assert result.status is Status.RESOLVED and result.paper.source == "openalex"


def test_failure_is_not_cached_as_missing(make_catalog, services: FakeServices) -> None:
    services.fail(Fault("/arxiv", status=503, times=3))
    services.fail(Fault("/s2", status=503, times=3))
    first = make_catalog().resolve(refs("arxiv:1412.6980"))["arxiv:1412.6980"]
    # Both sources gave up after their retries and are dropped for the run: offline.
    assert first.status is Status.OFFLINE
    second = make_catalog().resolve(refs("arxiv:1412.6980"))["arxiv:1412.6980"]
    assert second.status is Status.RESOLVED


def test_timeout_warns(make_catalog, services: FakeServices, warnings) -> None:
    services.fail(Fault("/arxiv", delay=1.0, body=b"", times=3))
    start = time.monotonic()
    catalog = make_catalog(read_timeout=0.2, retries=1)
    catalog.resolve(refs("arxiv:1412.6980"))
    assert time.monotonic() - start < 5
    assert any("arxiv: request timed out" in w for w in warnings)


def test_malformed_json_warns(make_catalog, services: FakeServices, warnings) -> None:
    services.fail(Fault("/s2", body=b"{not json"))
    result = make_catalog().resolve(refs("arxiv:1810.04805"))["arxiv:1810.04805"]
    assert result.status is Status.FAILED
    assert any("semanticscholar: malformed JSON" in w for w in warnings)


def test_malformed_atom_warns(make_catalog, services: FakeServices, warnings) -> None:
    services.fail(Fault("/arxiv", body=b"<feed><entry>"))
    make_catalog().resolve(refs("arxiv:1412.6980"))
    assert any("arxiv: malformed Atom" in w for w in warnings)


BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>
<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>http://arxiv.org/abs/1412.6980v1</id>
<title>&lol4;</title></entry></feed>"""


def test_xml_bomb_is_refused(make_catalog, services: FakeServices, warnings) -> None:
    services.fail(Fault("/arxiv", body=BOMB))
    catalog = make_catalog()
    result = catalog.resolve(refs("arxiv:1412.6980"))["arxiv:1412.6980"]
    assert any("refused unsafe XML" in w for w in warnings)
    assert result.paper is None or "lol" not in (result.paper.title or "")


def test_network_down_fails_fast(tmp_path, warnings) -> None:
    import socket

    from catalog.core import Catalog
    from catalog.records import ResolverSettings

    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()  # nothing listens there now: connections are refused
    urls = {
        name: f"http://127.0.0.1:{port}"
        for name in ("arxiv", "crossref", "datacite", "openalex", "semanticscholar")
    }
    settings = ResolverSettings(base_urls=urls, intervals={}, backoff=0.0)
    start = time.monotonic()
    with Catalog.open(tmp_path / "c.db", settings=settings, on_warning=warnings.append) as catalog:
        # A link no source reads, first: it was 'not found' (and cached so) before any
        # service was found out of reach.
        found = catalog.resolve(refs(LAB_PDF, "arxiv:1412.6980", "doi:10.1038/nature14539"))
        # one refused connection stops its service; a second, to another, the network
        assert catalog.requests == 2
        assert catalog.store.lookups([LAB_PDF]) == {}
    assert time.monotonic() - start < 3
    assert {r.status for r in found.values()} == {Status.OFFLINE}
    assert "cannot connect" in warnings[0] and "not asked again this run" in warnings[0]
    assert len(warnings) == 2 and "continuing offline" in warnings[1]


def test_offline_uses_store_only(make_catalog, services: FakeServices) -> None:
    make_catalog().resolve(refs("arxiv:1412.6980"))
    before = len(services.log)
    found = make_catalog(offline=True).resolve(refs("arxiv:1412.6980", "arxiv:1512.03385"))
    assert len(services.log) == before
    assert found["arxiv:1412.6980"].status is Status.CACHED
    assert found["arxiv:1512.03385"].status is Status.OFFLINE


def test_isbn_has_no_online_source(make_catalog, services: FakeServices) -> None:
    found = make_catalog().resolve(refs("isbn:9780262035613"))
    assert found["isbn:9780262035613"].status is Status.NOT_FOUND
    assert not services.log


LAB_PDF = "url:https://lab.example.edu/~ada/papers/sorting.pdf"  # a host no service reads


def test_what_no_source_reads_is_offline_offline(make_catalog, services: FakeServices) -> None:
    # An ISBN said 'not found' offline, where an arXiv id says 'offline'.
    found = make_catalog(offline=True).resolve(refs("isbn:9780262035613", LAB_PDF))
    assert {r.status for r in found.values()} == {Status.OFFLINE}
    assert not services.log


def test_a_link_no_source_reads_is_not_asked_nor_recorded(
    make_catalog, services: FakeServices
) -> None:
    catalog = make_catalog()
    found = catalog.resolve(refs(LAB_PDF))[LAB_PDF]
    assert found.status is Status.NOT_FOUND and found.message == "no metadata source for url"
    assert not services.log
    assert catalog.store.lookups([LAB_PDF]) == {}  # nobody answered: no 'not found' to cache


def test_contact_and_api_key_are_sent(make_catalog, services: FakeServices) -> None:
    catalog = make_catalog(mailto="dev@example.org", s2_api_key="sekret")
    catalog.resolve(refs("doi:10.1038/nature14539", "arxiv:1810.04805"))
    assert all("mailto:dev@example.org" in h["User-Agent"] for h in services.headers)
    crossref = [
        q
        for (_, p), q in zip(services.log, services.queries, strict=True)
        if p.startswith("/crossref")
    ]
    assert "mailto=dev%40example.org" in crossref[0]
    s2 = [
        h for (_, p), h in zip(services.log, services.headers, strict=True) if p.startswith("/s2")
    ]
    assert s2 and all(h.get("x-api-key") == "sekret" for h in s2)


def test_polite_interval_between_requests(make_catalog, services: FakeServices, sleeps) -> None:
    keys = [f"arxiv:2101.{n:05d}" for n in range(1, 202)]
    make_catalog(intervals={"arxiv": 3.0}).resolve(refs(*keys))
    assert services.count("/arxiv") == 3
    assert len([s for s in sleeps if 2.0 < s <= 3.0]) == 2


@pytest.mark.parametrize("published_first", [False, True])
def test_only_openalex_links_preprint_and_published_paper(
    make_catalog, services: FakeServices, published_first: bool
) -> None:
    """arXiv's record names no DOI and Crossref's no preprint; OpenAlex's work of the DOI lists
    the arXiv page, so the arXiv id, the arXiv DOI and the published DOI reach one paper, shown
    with the published venue and year."""
    keys = ["arxiv:1905.01234", "doi:10.1145/3300001.3300002"]
    catalog = make_catalog()
    found = catalog.resolve(refs(*(keys[::-1] if published_first else keys)))
    by_arxiv, by_doi = found[keys[0]].paper, found[keys[1]].paper
    assert by_arxiv == by_doi
    assert catalog.store.stats()["papers"] == 1
    assert catalog.store.find("doi:10.48550/arxiv.1905.01234") == by_arxiv
    assert (by_arxiv.venue, by_arxiv.year) == ("Journal of Synthetic Graphs", 2020)
    assert by_arxiv.ids["arxiv"] == "1905.01234"
    assert by_arxiv.ids["doi"] == "10.1145/3300001.3300002"
    assert set(by_arxiv.source.split("+")) == {"arxiv", "crossref", "openalex"}
    assert services.count("/openalex") == 1
    # The next run answers both from the store, as one paper.
    again = make_catalog().resolve(refs(*keys))
    assert again[keys[0]].paper == again[keys[1]].paper == by_arxiv
    assert services.count("/openalex") == 1


def test_openalex_is_not_asked_for_links_it_cannot_add(make_catalog, services) -> None:
    """A DOI whose record already names its preprint, or that OpenAlex itself answered, needs
    no link; one that OpenAlex knows no preprint of stays as Crossref gave it."""
    found = make_catalog().resolve(
        refs("doi:10.1109/cvpr.2016.90", "doi:10.9999/openalex.only", "doi:10.1038/nature14539")
    )
    assert services.count("/openalex") == 2  # openalex.only (missed by Crossref), then nature
    assert found["doi:10.1038/nature14539"].paper.source == "crossref"
