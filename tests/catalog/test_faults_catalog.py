"""Fault injection, catalog: budgets degrade to cached/offline results with one warning per
service, only records for the ids asked about are stored, XML bombs are refused."""

from __future__ import annotations

import json
import time

import pytest
from fake_services import (
    RECORDS,
    FakeServices,
    Fault,
    Record,
    atom_feed,
    crossref_work,
    openalex_work,
    s2_paper,
)

from catalog.ids import ref_from_key
from catalog.keys import title_ref
from catalog.types import Reference
from catalog.types import ResolutionStatus as Status

SOURCES = ("arxiv", "crossref", "datacite", "openalex", "semanticscholar")
FAST = {"read_timeout": 0.3, "request_timeout": 0.5, "service_budget": 1.0, "run_budget": 2.0}
ADAM, BERT, NATURE = "arxiv:1412.6980", "arxiv:1810.04805", "doi:10.1038/nature14539"


def refs(*keys: str):
    return [ref_from_key(key) for key in keys]


def titled(title: str) -> Reference:
    ref = title_ref(title)
    assert ref is not None
    return Reference(ref, title)


def strangers(count: int) -> list[Record]:
    """Synthetic records nobody asked for, with arXiv ids and DOIs."""
    return [
        Record(
            f"Unrequested Study Number {n}",
            (("Some", "Body"),),
            2019,
            arxiv=f"1901.{n:05d}",
            doi=f"10.5555/unrequested.{n}",
        )
        for n in range(1, count + 1)
    ]


def test_silent_source_is_dropped_and_the_next_one_answers(
    make_catalog, services: FakeServices, warnings
) -> None:
    services.fail(Fault("/arxiv", silent=True, times=100))
    start = time.monotonic()
    found = make_catalog(**FAST).resolve(refs(ADAM))[ADAM]
    assert time.monotonic() - start < 2.5
    assert found.status is Status.RESOLVED and found.paper.source == "semanticscholar"
    # Three tries of 0.3 s, or the 1 s budget if the machine is slow: either way, one warning.
    assert len(warnings) == 1 and warnings[0].startswith("arxiv: ")
    assert warnings[0].endswith("; not asked again this run")


def test_everything_silent_ends_offline_within_the_run_budget(
    make_catalog, services: FakeServices, warnings
) -> None:
    make_catalog().resolve(refs(NATURE))  # known from an earlier run
    services.fail(Fault("/", silent=True, times=1000))
    catalog = make_catalog(**FAST, ttl_days=0.0)
    start = time.monotonic()
    found = catalog.resolve(refs(ADAM, BERT, NATURE, "doi:10.9999/openalex.only"))
    titles = catalog.resolve([titled("A Title Nobody Has Catalogued Yet")])
    assert time.monotonic() - start < 3.5  # a 2 s run budget
    assert found[NATURE].status is Status.CACHED and found[NATURE].message == "stale"
    assert found[ADAM].status in (Status.FAILED, Status.OFFLINE)
    assert found["doi:10.9999/openalex.only"].status is Status.OFFLINE
    assert next(iter(titles.values())).status is Status.UNRESOLVED_TITLE
    # At most one warning per service, naming it, the last one for the run's budget.
    named = [next(s for s in SOURCES if s in w) for w in warnings]
    assert named[0] == "arxiv" and len(named) == len(set(named)), warnings
    assert "budget of 2 s for this run is used up (while asking" in warnings[-1]
    assert warnings[-1].endswith("continuing offline with the local catalog")


def test_one_warning_per_service_across_lookups_and_title_search(
    make_catalog, services: FakeServices, warnings
) -> None:
    services.fail(Fault("/s2", status=429, headers={"Retry-After": "600"}, times=100))
    catalog = make_catalog()
    found = catalog.resolve(refs(BERT))  # arXiv does not know it; Semantic Scholar is next
    catalog.resolve([titled("Deep Residual Learning for Image Recognition")])
    catalog.resolve(refs("arxiv:1810.99999"))
    assert found[BERT].status is Status.OFFLINE  # not asked, as if offline
    assert [w for w in warnings if "semanticscholar" in w] == [
        "semanticscholar: HTTP 429, asked to retry after 600 s (more than the 10 s limit); "
        "not asked again this run"
    ]
    assert services.count("/s2") == 1
    # Failures are not cached as "not found": the next run asks again.
    services.faults.clear()
    assert make_catalog().resolve(refs(BERT))[BERT].status is Status.RESOLVED


def test_a_failing_source_keeps_what_an_earlier_run_learnt(
    make_catalog, services: FakeServices, warnings
) -> None:
    make_catalog().resolve(refs(NATURE))
    for prefix in ("/crossref", "/datacite", "/openalex", "/s2"):
        services.fail(Fault(prefix, status=500, times=10))
    found = make_catalog(ttl_days=0.0).resolve(refs(NATURE))[NATURE]
    assert found.status is Status.CACHED and found.message == "stale"
    assert found.paper.title == "Deep learning"
    assert any("crossref: HTTP 500" in w for w in warnings)


def test_a_mirror_feed_adds_only_the_asked_paper(make_catalog, services: FakeServices) -> None:
    adam = next(r for r in RECORDS if r.arxiv == "1412.6980")
    feed = atom_feed([*strangers(2000), adam])
    services.fail(Fault("/arxiv", body=feed))
    catalog = make_catalog()
    found = catalog.resolve(refs(ADAM, "arxiv:1901.00001"))
    assert found[ADAM].status is Status.RESOLVED
    assert found["arxiv:1901.00001"].status is Status.RESOLVED  # asked, so stored
    assert catalog.store.stats()["papers"] == 2
    assert catalog.store.find("arxiv:1901.00002") is None


def test_batch_services_store_only_asked_dois(make_catalog, services: FakeServices) -> None:
    nature = next(r for r in RECORDS if r.doi == "10.1038/nature14539")
    extra = strangers(300)
    items = [crossref_work(r) for r in [*extra, nature]]
    body = {"status": "ok", "message": {"items": items}}
    services.fail(Fault("/crossref", body=json.dumps(body).encode()))
    works = [openalex_work(r, n) for n, r in enumerate(extra)]
    services.fail(Fault("/openalex", body=json.dumps({"results": works}).encode()))
    catalog = make_catalog()
    found = catalog.resolve(refs(NATURE, "doi:10.5555/unrequested.7", "doi:10.1234/missing"))
    assert found[NATURE].status is Status.RESOLVED
    # unrequested.7 is in the flood and was asked about, so it is stored; the other 299 are not.
    assert found["doi:10.5555/unrequested.7"].status is Status.RESOLVED
    assert catalog.store.stats()["papers"] == 2


def test_semantic_scholar_extra_entries_are_ignored(make_catalog, services: FakeServices) -> None:
    bert = next(r for r in RECORDS if r.arxiv == "1810.04805")
    entries = [s2_paper(bert, 0), *(s2_paper(r, n) for n, r in enumerate(strangers(500), 1))]
    services.fail(Fault("/s2", body=json.dumps(entries).encode()))
    catalog = make_catalog()
    found = catalog.resolve(refs(BERT))  # arXiv misses it, Semantic Scholar floods
    assert found[BERT].status is Status.RESOLVED
    assert catalog.store.stats()["papers"] == 1


def test_a_title_search_flood_stores_one_match(make_catalog, services: FakeServices) -> None:
    adam = next(r for r in RECORDS if r.arxiv == "1412.6980")
    data = [s2_paper(adam, 0), *(s2_paper(r, n) for n, r in enumerate(strangers(1000), 1))]
    services.fail(Fault("/s2/graph/v1/paper/search", body=json.dumps({"data": data}).encode()))
    catalog = make_catalog()
    found = catalog.resolve([titled(adam.title)])
    assert next(iter(found.values())).status is Status.RESOLVED
    assert catalog.store.stats()["papers"] == 1


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE feed [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>
<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>http://arxiv.org/abs/1412.6980v1</id>
<title>&d;</title></entry></feed>"""
QUADRATIC = (
    b'<?xml version="1.0"?><!DOCTYPE feed [<!ENTITY x "'
    + b"x" * 50_000
    + b'">]><feed xmlns="http://www.w3.org/2005/Atom"><entry><title>'
    + b"&x;" * 10_000
    + b"</title></entry></feed>"
)
EXTERNAL = b"""<?xml version="1.0"?>
<!DOCTYPE feed [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>http://arxiv.org/abs/1412.6980v1</id>
<title>&secret;</title></entry></feed>"""
DEEP = (
    b'<feed xmlns="http://www.w3.org/2005/Atom">'
    + b"<a>" * 100_000
    + b"</a>" * 100_000
    + b"</feed>"
)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (BILLION_LAUGHS, "refused unsafe XML"),
        (QUADRATIC, "refused unsafe XML"),
        (EXTERNAL, "refused unsafe XML"),
        (DEEP, None),
    ],
    ids=["billion-laughs", "quadratic", "external-entity", "deep-nesting"],
)
def test_xml_bombs_are_refused(
    make_catalog, services: FakeServices, warnings, body: bytes, message: str | None
) -> None:
    services.fail(Fault("/arxiv", body=body))
    # CPU time, not wall: the bound is the parser's work on the bomb, which other processes
    # on a loaded machine do not change (the fake services run in this process too)
    start = time.process_time()
    catalog = make_catalog()
    found = catalog.resolve(refs(ADAM))[ADAM]
    assert time.process_time() - start < 5
    if message is not None:
        assert any(message in w for w in warnings), warnings
    # Semantic Scholar, next in the chain, still answers; nothing from the bomb is stored.
    assert found.status is Status.RESOLVED and found.paper.source == "semanticscholar"
    assert catalog.store.stats()["papers"] == 1
