"""Catalog benchmark: requests to resolve 1,000 ids, import of a generated arXiv snapshot,
and title matching against it.

Run: python -m benchmarks.catalog_bench [--records 1000000] [--titles 1000]
The snapshot is generated under /tmp/citegraph-bench (reused when it already exists).
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import tempfile
import time
from pathlib import Path

from catalog.core import Catalog
from catalog.ids import ref_from_key
from catalog.imports import import_file
from catalog.types import (
    PaperRef,
    Reference,
    RefKind,
    ResolutionStatus,
)
from tests.catalog.fake_services import FakeServices, Record

_SYLLABLE_TEXT = "ka ro mi ne to la shi vo de pa gu ri se mo tan lin ber qua fex dor"
SYLLABLES = tuple(_SYLLABLE_TEXT.split())


def vocabulary(size: int, rng: random.Random) -> list[str]:
    """Pseudo-words, so generated titles look like titles without copying any."""
    words: set[str] = set()
    while len(words) < size:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(words)


def arxiv_id(n: int) -> str:
    """The n-th id of a stream of valid new-style ids from 2015 on (10,000 per month)."""
    month, number = divmod(n, 10000)
    year, mm = divmod(month, 12)
    return f"{15 + year:02d}{mm + 1:02d}.{number + 1:05d}"


def bench_requests(count: int) -> None:
    half = count // 2
    records = [
        Record(f"Synthetic arXiv paper {n}", (("A", f"Author{n}"),), 2020, arxiv=arxiv_id(n))
        for n in range(half)
    ] + [
        Record(
            f"Synthetic journal paper {n}",
            (("B", f"Writer{n}"),),
            2019,
            doi=f"10.5555/bench.{n}",
            venue="Journal",
        )
        for n in range(count - half)
    ]
    keys = [f"arxiv:{r.arxiv}" for r in records[:half]] + [f"doi:{r.doi}" for r in records[half:]]
    with FakeServices(records) as services, tempfile.TemporaryDirectory() as tmp:
        catalog = Catalog.open(Path(tmp) / "c.sqlite3", settings=services.settings())
        start = time.perf_counter()
        found = catalog.resolve([ref_from_key(k) for k in keys])
        elapsed = time.perf_counter() - start
        resolved = sum(r.status is ResolutionStatus.RESOLVED for r in found.values())
        first = len(services.log)
        catalog.resolve([ref_from_key(k) for k in keys])
        catalog.close()
    print(
        f"resolve {count} distinct ids: {first} requests "
        f"(arxiv {sum(p.startswith('/arxiv') for _, p in services.log)}, "
        f"crossref {sum(p.startswith('/crossref') for _, p in services.log)}), "
        f"{resolved} resolved, {elapsed:.2f} s without polite delays; "
        f"second run {len(services.log) - first} requests"
    )


def generate_snapshot(path: Path, records: int, seed: int = 7) -> list[dict[str, object]]:
    """Write `records` snapshot lines; returns a sample of them for title queries."""
    rng = random.Random(seed)
    words = vocabulary(20000, rng)
    # Zipf-like: a few words are in many titles. Cumulative weights keep choices() fast.
    weights = list(itertools.accumulate(1 / (i + 1) for i in range(len(words))))
    sample: list[dict[str, object]] = []
    with path.open("w", encoding="utf-8") as out:
        for n in range(records):
            title_words = rng.choices(words, cum_weights=weights, k=rng.randint(5, 11))
            title = " ".join(title_words).capitalize()
            authors = [
                [rng.choice(words).capitalize(), rng.choice(words)[:5].capitalize(), ""]
                for _ in range(rng.randint(1, 5))
            ]
            year = 2015 + n // 120000
            record = {
                "id": arxiv_id(n),
                "submitter": authors[0][1],
                "title": title,
                "authors": ", ".join(f"{a[1]} {a[0]}" for a in authors),
                "comments": None,
                "journal-ref": None,
                "doi": f"10.5555/j.{n}" if n % 3 == 0 else None,
                "report-no": None,
                "categories": "cs.LG stat.ML",
                "license": None,
                "abstract": " ".join(rng.choices(words, cum_weights=weights, k=40)),
                "versions": [{"version": "v1", "created": f"Mon, 2 Jan {year} 10:00:00 GMT"}],
                "update_date": f"{year}-01-02",
                "authors_parsed": authors,
            }
            out.write(json.dumps(record) + "\n")
            if n % max(1, records // 2000) == 0:
                sample.append(record)
    return sample


def perturb(title: str, rng: random.Random) -> str:
    """A citation-style variant: lowercase, one letter dropped, punctuation added."""
    letters = list(title.lower())
    del letters[rng.randrange(len(letters))]
    return "".join(letters).replace(" ", ": ", 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--ids", type=int, default=1000)
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--titles", type=int, default=1000)
    parser.add_argument(
        "--reuse-store", action="store_true", help="Match against the store of an earlier run."
    )
    args = parser.parse_args()
    bench_requests(args.ids)

    work = Path("/tmp/citegraph-bench")
    work.mkdir(exist_ok=True)
    snapshot = work / f"arxiv-metadata-{args.records}.json"
    sample_file = snapshot.with_suffix(".sample.json")
    if not (snapshot.exists() and sample_file.exists()):
        start = time.perf_counter()
        sample_file.write_text(json.dumps(generate_snapshot(snapshot, args.records)))
        print(
            f"generated {args.records} records ({snapshot.stat().st_size / 1e6:.0f} MB) "
            f"in {time.perf_counter() - start:.1f} s"
        )
    sample = json.loads(sample_file.read_text())

    store_path = work / f"catalog-{args.records}.sqlite3"
    if args.reuse_store and store_path.exists():
        catalog = Catalog.open(store_path, offline=True)
    else:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{store_path}{suffix}").unlink(missing_ok=True)
        catalog = Catalog.open(store_path, offline=True)
        bench_import(catalog, snapshot, args.records)
    bench_titles(catalog, sample, args.titles, args.records)
    catalog.close()


def bench_import(catalog: Catalog, snapshot: Path, records: int) -> None:
    start = time.perf_counter()
    count = import_file(catalog.store, snapshot, "arxiv-snapshot")
    elapsed = time.perf_counter() - start
    print(
        f"import {records} snapshot records: {elapsed:.1f} s "
        f"({records / elapsed:,.0f} records/s; {count.added} added, {count.merged} merged; "
        f"store {catalog.store.path.stat().st_size / 1e6:.0f} MB)"
    )


def bench_titles(catalog: Catalog, sample: list[dict], titles: int, records: int) -> None:
    """Exact titles, citation-style variants (one letter lost) and absent titles."""
    rng = random.Random(11)
    queries, truth = [], {}
    for i in range(titles):
        record = sample[i % len(sample)]
        # One key per query (the same title is asked several times, once per variant).
        ref = PaperRef(RefKind.TITLE, f"q{i}")
        key = ref.key
        if i % 4 == 3:  # a title that is not in the catalog
            queries.append(Reference(ref, f"Absent study number {i} of nothing in particular"))
            truth[key] = None
            continue
        title = record["title"] if i % 2 == 0 else perturb(record["title"], rng)
        family = record["authors_parsed"][0][0]
        year = int(record["update_date"][:4])
        queries.append(Reference(ref, title, (family,) if i % 3 == 0 else (), year))
        truth[key] = f"arxiv:{record['id']}"
    start = time.perf_counter()
    found = catalog.resolve(queries)
    elapsed = time.perf_counter() - start
    right = sum(
        (r.paper is not None and r.paper.ids.get("arxiv") == (truth[k] or "")[6:])
        if truth[k]
        else r.paper is None
        for k, r in found.items()
    )
    wrong = sum(r.paper is not None and truth[k] is None for k, r in found.items())
    print(
        f"match {titles} titles against {records} records: {elapsed:.2f} s "
        f"({elapsed / titles * 1000:.1f} ms each); {right} correct, "
        f"{wrong} false matches of absent titles"
    )


if __name__ == "__main__":
    main()
