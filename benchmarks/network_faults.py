"""Network fault benchmark: `citegraph scan` (online, default budgets) against fake services
with one fault each; worst wall time and peak memory of the scan process per fault class.

Run: python -m benchmarks.network_faults [--only silent,trickle]
Each scan is a fresh process on a small synthetic tree citing 3 arXiv ids and 2 DOIs; memory
is that process's peak RSS (from wait4) next to the same scan with --offline.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from catalog.records import BASE_URL_ENV
from catalog.store import Store
from tests.catalog.fake_services import (
    RECORDS,
    FakeServices,
    Fault,
    Record,
    atom_feed,
    gzip_bomb,
)

GB = 1 << 30
SOURCE = (
    '"""Residual nets (arXiv:1512.03385), Adam (arXiv:1412.6980), BERT (arXiv:1810.04805),\n'
    "deep learning (doi:10.1038/nature14539) and a dataset (doi:10.5281/zenodo.1234567).\n"
    '"""\n'
)
BILLION_LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE feed [<!ENTITY a "aaaaaaaaaa">'
    + b"".join(
        f'<!ENTITY {n} "{("&" + p + ";") * 10}">'.encode()
        for p, n in zip("abcdefgh", "bcdefghi", strict=True)
    )
    + b']><feed xmlns="http://www.w3.org/2005/Atom"><entry><title>&i;</title></entry></feed>'
)


@dataclass
class Outcome:
    seconds: float
    rss_mb: float
    exit_code: int
    traceback: bool
    warnings: list[str]
    statuses: dict[str, str]
    papers_stored: int
    key_leaks: int = 0


def strangers(count: int) -> list[Record]:
    return [
        Record(
            f"Unrequested {n}", (("A", "B"),), 2019, arxiv=f"19{n // 90000 + 1:02d}.{n % 90000:05d}"
        )
        for n in range(1, count + 1)
    ]


Setup = Callable[[FakeServices, FakeServices], None]
FOREVER = 10**6
SCENARIOS: dict[str, Setup] = {
    "none (baseline)": lambda s, o: None,
    "silent": lambda s, o: s.fail(Fault("/", silent=True, times=FOREVER)),
    "trickle 1 byte / 5 s": lambda s, o: s.fail(Fault("/", trickle=5.0, times=FOREVER)),
    "429 Retry-After: 120": lambda s, o: s.fail(
        Fault("/", status=429, headers={"Retry-After": "120"}, times=FOREVER)
    ),
    "503 always": lambda s, o: s.fail(Fault("/", status=503, times=FOREVER)),
    "malformed bodies": lambda s, o: s.fail(Fault("/", body=b"{<not json", times=FOREVER)),
    "truncated bodies": lambda s, o: s.fail(
        Fault("/", body=b'{"message": {"items": []}}' * 40, truncate=100, times=FOREVER)
    ),
    "1 GB body, streamed": lambda s, o: s.fail(Fault("/", size=GB, times=FOREVER)),
    "1 GB body, declared": lambda s, o: s.fail(Fault("/", size=GB, declare=True, times=FOREVER)),
    "1 GB gzip bomb": lambda s, o: s.fail(
        Fault("/", body=gzip_bomb(GB), headers={"Content-Encoding": "gzip"}, times=FOREVER)
    ),
    "XML bomb (arXiv)": lambda s, o: s.fail(Fault("/arxiv", body=BILLION_LAUGHS, times=FOREVER)),
    "cross-host redirect (S2 key)": lambda s, o: s.fail(
        Fault(
            "/s2",
            status=307,
            headers={"Location": f"{o.url}/s2/graph/v1/paper/batch"},
            times=FOREVER,
        )
    ),
    "100,000 unrequested records": lambda s, o: s.fail(
        Fault(
            "/arxiv",
            body=atom_feed([*strangers(100_000), *[r for r in RECORDS if r.arxiv]]),
            times=FOREVER,
        )
    ),
    "6,000 unrequested records (under the cap)": lambda s, o: s.fail(
        Fault(
            "/arxiv",
            body=atom_feed([*strangers(6_000), *[r for r in RECORDS if r.arxiv]]),
            times=FOREVER,
        )
    ),
}


@contextmanager
def world(setup: Setup) -> Iterator[tuple[FakeServices, FakeServices]]:
    with FakeServices() as services, FakeServices() as other:
        setup(services, other)
        yield services, other


def measure(setup: Setup, offline: bool = False) -> Outcome:
    with tempfile.TemporaryDirectory() as tmp, world(setup) as (services, other):
        tree = Path(tmp) / "project"
        tree.mkdir()
        (tree / "model.py").write_text(SOURCE)
        catalog = Path(tmp) / "catalog.sqlite3"
        env = dict(
            os.environ,
            CITEGRAPH_CATALOG=str(catalog),
            CITEGRAPH_CACHE_DIR=str(Path(tmp) / "cache"),
            CITEGRAPH_S2_API_KEY="sekret",
        )
        for source, url in services.settings().base_urls.items():
            env[BASE_URL_ENV[source]] = url
        done, elapsed, rss = rss_of(tree, env, offline)
        warnings = [
            line.removeprefix("citegraph: warning: ")
            for line in done.stderr.splitlines()
            if line.startswith("citegraph: warning: ")
        ]
        try:
            report = json.loads(done.stdout)
            statuses = {p["key"]: p["status"] for p in report["papers"]}
        except ValueError:
            statuses = {}
        store = Store(catalog)
        papers = int(store.stats()["papers"])
        store.close()
        leaks = sum(any(k.lower() == "x-api-key" for k in headers) for headers in other.headers)
    return Outcome(
        elapsed, rss, done.returncode, "Traceback" in done.stderr, warnings, statuses, papers, leaks
    )


# The scan runs under this wrapper, which prints the process's own peak RSS (VmHWM, which
# starts afresh at exec, unlike ru_maxrss, which keeps the forked parent's pages) at exit.
WRAPPER = """
import atexit, runpy, sys
def report():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            sys.stderr.write("network-faults: " + line)
atexit.register(report)
sys.argv = ["citegraph", *sys.argv[1:]]
runpy.run_module("citegraph", run_name="__main__")
"""


def rss_of(tree: Path, env: dict[str, str], offline: bool):
    flags = ["--offline"] if offline else []
    start = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-c", WRAPPER, "scan", str(tree), "-f", "json", "--no-cache", *flags],
        env=env,
        capture_output=True,
        text=True,
    )
    elapsed = time.monotonic() - start
    peak = [line for line in done.stderr.splitlines() if line.startswith("network-faults: ")]
    rss = int(peak[-1].split()[-2]) / 1024 if peak else float("nan")
    return done, elapsed, rss


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--only", help="comma-separated scenario names (substring match)")
    args = parser.parse_args()
    chosen = {
        name: setup
        for name, setup in SCENARIOS.items()
        if not args.only or any(part in name for part in args.only.split(","))
    }
    offline = measure(SCENARIOS["none (baseline)"], offline=True)
    print(
        f"offline scan of the same tree: {offline.seconds:.1f} s, peak RSS {offline.rss_mb:.0f} MB"
    )
    print(
        "| fault | exit | traceback | resolved | stored papers | key leaks | warnings "
        "| wall time | peak RSS (offline +) |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for name, setup in chosen.items():
        outcome = measure(setup)
        resolved = sum(s == "resolved" for s in outcome.statuses.values())
        print(
            f"| {name} | {outcome.exit_code} | {'yes' if outcome.traceback else 'no'} "
            f"| {resolved}/{len(outcome.statuses)} | {outcome.papers_stored} "
            f"| {outcome.key_leaks} | {len(outcome.warnings)} | {outcome.seconds:.1f} s "
            f"| {outcome.rss_mb:.0f} MB (+{outcome.rss_mb - offline.rss_mb:.0f}) |",
            flush=True,
        )
        for warning in outcome.warnings:
            print(f"    warning: {warning}", file=sys.stderr)


if __name__ == "__main__":
    main()
