"""`citegraph index` on a LocalCluster: one catalog, one page, incremental reruns, failures."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import signal
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from index_repos import SHARED, commit, make_repos, serve_registry

pytest.importorskip("distributed")
# distributed probes for this machine's address with a UDP socket to 8.8.8.8 (no packet is
# sent); the test guard refuses it and Dask falls back to the hostname.
pytestmark = pytest.mark.filterwarnings("ignore:Couldn't detect a suitable IP address")

from citegraph.cli import run  # noqa: E402
from citegraph.index import IndexSettings, Status, expand_sources, index_sources  # noqa: E402
from citegraph.index.outputs import summary_markdown  # noqa: E402
from citegraph.index.types import Outcome  # noqa: E402
from citegraph.report import Report  # noqa: E402

DIGEST = "90069a1cb15e6c1630822e5c6015c023"

SHARED_KEY = "arxiv:" + SHARED.split(":")[1]


def settings(**changes: Any) -> IndexSettings:
    base: dict[str, Any] = {
        "workers": 2,
        "processes": False,  # threads: fast to start; the process cluster is tested separately
        "client_overrides": {"offline": True},
    }
    return IndexSettings(**{**base, **changes})


def statuses(result: Any) -> dict[str, str]:
    return {o.name: o.status.value for o in result.outcomes}


def test_three_repositories_one_page_one_card_per_shared_paper(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    repos = make_repos(tmp_path / "src")
    out = tmp_path / "out"
    argv = ["index", *map(str, repos.values()), str(tmp_path / "missing"), "-o", str(out)]
    code = run([*argv, "--offline", "--workers", "2", "-q"])
    assert code == 1  # one source failed, the others completed

    index = json.loads((out / "index.json").read_text())
    by_name = {r["name"]: r for r in index["repositories"]}
    assert {n: r["status"] for n, r in by_name.items()} == {
        "alpha": "scanned",
        "beta": "scanned",
        "gamma": "scanned",
        "missing": "failed",
    }
    assert "no such directory" in by_name["missing"]["reason"]
    assert re.fullmatch(r"[0-9a-f]{40}", by_name["alpha"]["revision"])
    assert by_name["beta"]["counts"]["papers"] == 2
    shared = [p for p in index["papers"] if p["key"] == SHARED_KEY]
    assert len(shared) == 1 and shared[0]["repositories"] == ["alpha", "beta"]
    assert {(c["repository"], c["paper"]) for c in index["citations"]} >= {
        ("alpha", SHARED_KEY),
        ("beta", SHARED_KEY),
    }
    assert index["papers"][0]["key"] == SHARED_KEY  # most repositories first

    page = (out / "papers.html").read_text()
    data = json.loads(re.search(r'id="citegraph-data">(.*?)</script>', page, re.S).group(1))
    assert data["repositories"] == ["alpha", "beta", "gamma"]
    card = next(p for p in data["papers"] if p["id"] == SHARED_KEY)
    cited_in = {data["files"][data["symbols"][site[0]][2]][2] for site in card["sites"]}
    assert cited_in == {0, 1}
    assert sum(p["id"] == SHARED_KEY for p in data["papers"]) == 1
    assert [f["name"] for f in data["facets"]][2:4] == ["language", "repository"]
    assert data["sorts"][0] == ["count:repository", "Most repositories"]

    summary = (out / "summary.md").read_text()
    assert "| alpha | scanned |" in summary and "no such directory" in summary
    assert len(list((out / "repos").glob("*.json"))) == 3

    # the papers as BibTeX, one entry for the paper two repositories cite: `report` reads no
    # index, and `bib` one project
    bibliography = (out / "papers.bib").read_text()
    assert bibliography.count("@") == len(index["papers"])
    assert bibliography.count(f"eprint = {{{SHARED_KEY.partition(':')[2]}}}") == 1
    capsys.readouterr()
    assert run(["report", str(out / "index.json"), "-f", "bibtex"]) == 2
    assert "an index (`citegraph index`), not a scan" in capsys.readouterr().err


def test_an_unchanged_rerun_scans_nothing_and_a_change_rescans_one(tmp_path: Path) -> None:
    repos = make_repos(tmp_path / "src")
    sources = expand_sources(map(str, repos.values()))
    out = tmp_path / "out"
    first = index_sources(sources, out, settings())
    assert set(statuses(first).values()) == {"scanned"}

    again = index_sources(sources, out, settings(scheduler="tcp://127.0.0.1:9"))
    # No cluster is even contacted (the scheduler address is dead): nothing to scan.
    assert set(statuses(again).values()) == {"unchanged"}
    assert [r.stats for r in again.reports] == [r.stats for r in first.reports]

    commit(repos["gamma"], {"more.py": '"""See arXiv:1512.03385."""\n'})
    changed = index_sources(sources, out, settings())
    assert statuses(changed) == {"alpha": "unchanged", "beta": "unchanged", "gamma": "scanned"}
    gamma = next(r for r in changed.reports if r.repository == "gamma")
    assert {p.key for p in gamma.papers} >= {"arxiv:1512.03385"}

    (repos["alpha"] / "opt.py").write_text('"""Uncommitted: arXiv:1706.03762."""\n')
    dirty = index_sources(sources, out, settings())
    assert statuses(dirty)["alpha"] == "scanned"  # uncommitted changes are a new revision

    forced = index_sources(sources, out, settings(refresh=True))
    assert set(statuses(forced).values()) == {"scanned"}
    changed_options = index_sources(sources, out, settings(scan_overrides={"strings": True}))
    assert set(statuses(changed_options).values()) == {"scanned"}


def test_a_stored_result_takes_the_name_it_has_in_this_run(tmp_path: Path) -> None:
    from index_repos import FILES, make_repo

    old = make_repo(tmp_path / "old" / "lib", FILES["alpha"])
    new = make_repo(tmp_path / "new" / "lib", FILES["gamma"])
    out = tmp_path / "out"
    index_sources(expand_sources([str(old)]), out, settings())
    # a source added in front with the same directory name takes the plain name
    both = index_sources(expand_sources([str(new), str(old)]), out, settings())
    assert [(o.name, o.status.value) for o in both.outcomes] == [
        ("lib", "scanned"),
        ("lib-2", "unchanged"),
    ]
    assert [r.repository for r in both.reports] == ["lib", "lib-2"]


def test_a_scheduler_without_workers_is_one_error_not_a_hang(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from distributed import LocalCluster

    from citegraph.index import cluster

    monkeypatch.setattr(cluster, "WORKER_WAIT", 0.5, raising=False)
    repos = make_repos(tmp_path / "src")
    with LocalCluster(n_workers=0, processes=False, dashboard_address=None) as lonely:
        address = lonely.scheduler_address
        argv = ["index", str(repos["alpha"]), "-o", str(tmp_path / "out"), "--offline", "-q"]
        codes: list[int] = []
        # in a thread the test can stop waiting for: the run used to wait for ever
        runner = threading.Thread(
            target=lambda: codes.append(run([*argv, "--scheduler", address])), daemon=True
        )
        runner.start()
        runner.join(timeout=60)
        assert codes == [2]
    assert f"the Dask scheduler at {address} has no workers" in capsys.readouterr().err


@pytest.mark.parametrize("address", ["localhost", "http://127.0.0.1:8786"])
def test_a_scheduler_address_that_is_none_is_one_error(
    tmp_path: Path, address: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # `--scheduler localhost` (no port) was an internal error with Dask's traceback
    repos = make_repos(tmp_path / "src")
    argv = ["index", str(repos["alpha"]), "-o", str(tmp_path / "out"), "--offline", "-q"]
    assert run([*argv, "--scheduler", address]) == 2
    err = capsys.readouterr().err
    assert f"--scheduler {address!r} is not a scheduler's address" in err
    assert "Traceback" not in err and err.count("\n") == 1


def test_a_rerun_retries_only_the_failed_source(tmp_path: Path) -> None:
    repos = make_repos(tmp_path / "src")
    late = tmp_path / "src" / "late"
    sources = expand_sources([*map(str, repos.values()), str(late)])
    out = tmp_path / "out"
    first = index_sources(sources, out, settings())
    assert statuses(first)["late"] == "failed"
    late.mkdir()
    (late / "notes.md").write_text(f"Read {SHARED}.\n")
    second = index_sources(sources, out, settings())
    assert statuses(second) == {
        "alpha": "unchanged",
        "beta": "unchanged",
        "gamma": "unchanged",
        "late": "scanned",
    }


def test_a_repository_over_its_time_limit_fails_alone(tmp_path: Path) -> None:
    repos = make_repos(tmp_path / "src")
    sources = expand_sources(map(str, repos.values()))
    result = index_sources(sources, tmp_path / "out", settings(timeout=1e-9))
    assert {o.status for o in result.outcomes} == {Status.FAILED}
    assert all("timed out" in (o.reason or "") for o in result.outcomes)


def test_git_urls_are_cloned_shallow_into_a_reused_work_directory(tmp_path: Path) -> None:
    repos = make_repos(tmp_path / "src")
    url = repos["alpha"].as_uri()
    out = tmp_path / "out"
    result = index_sources(expand_sources([url, "file:///nonexistent/repo.git"]), out, settings())
    assert statuses(result) == {"alpha": "scanned", "repo": "failed"}
    clones = list((out / "work" / "git").iterdir())
    assert len(clones) == 1 and (clones[0] / "opt.py").is_file()
    commit(repos["alpha"], {"new.py": '"""arXiv:1512.03385"""\n'})
    again = index_sources(expand_sources([url]), out, settings())
    assert statuses(again) == {"alpha": "scanned"}
    assert list((out / "work" / "git").iterdir()) == clones  # fetched into the same clone
    assert {p.key for p in again.reports[0].papers} == {SHARED_KEY, "arxiv:1512.03385"}


def test_packages_from_pypi_and_npm_json_apis(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repos = make_repos(tmp_path / "src")
    with serve_registry() as registry:
        monkeypatch.setenv("CITEGRAPH_PYPI_URL", registry.base)
        monkeypatch.setenv("CITEGRAPH_NPM_URL", registry.base)
        registry.add_pypi(
            "demo-pkg", "1.0", {"demo_pkg-1.0/demo/core.py": f'"""Uses {SHARED}."""\n'.encode()}
        )
        registry.add_npm(
            "@scope/thing",
            "2.0.0",
            # a package's code in dist/: what it ships, read though a repository's is not
            {
                "index.js": b"// see doi:10.1145/1553374.1553516\n",
                "dist/thing.js": b"// after arXiv:1412.6980\n",
            },
        )
        registry.add_pypi("tampered", "0.1", {"t-0.1/x.py": b"# x\n"}, sha256="0" * 64)
        sources = expand_sources(
            [
                str(repos["alpha"]),
                "pypi:Demo_Pkg",
                "npm:@scope/thing@2.0.0",
                "pypi:tampered",
                "pypi:absent",
            ]
        )
        out = tmp_path / "out"
        result = index_sources(sources, out, settings())
        reasons = {o.name: o.reason for o in result.outcomes}
        assert statuses(result) == {
            "alpha": "scanned",
            "demo-pkg": "scanned",
            "@scope/thing": "scanned",
            "tampered": "failed",
            "absent": "failed",
        }
        assert "digest" in (reasons["tampered"] or "")
        assert "not found" in (reasons["absent"] or "")
        demo = next(r for r in result.reports if r.repository == "demo-pkg")
        assert [c.path for c in demo.citations] == ["demo/core.py"]
        thing = next(r for r in result.reports if r.repository == "@scope/thing")
        assert sorted(c.path for c in thing.citations) == ["dist/thing.js", "index.js"]
        assert result.outcomes[1].revision and result.outcomes[1].revision.startswith("1.0:sha256:")
        downloads = sum(1 for r in registry.requests if r.endswith((".tgz", ".tar.gz")))
        again = index_sources(sources, out, settings())
        assert statuses(again)["demo-pkg"] == "unchanged"
        assert sum(1 for r in registry.requests if r.endswith((".tgz", ".tar.gz"))) == downloads + 1
        # only the tampered artifact is fetched again (and fails again)


def test_release_archives_on_disk_are_unpacked_scanned_and_kept(tmp_path: Path) -> None:
    from index_repos import tar_bytes

    dist = tmp_path / "dist"
    dist.mkdir()
    wheel = dist / "optim-1.0-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as zipped:
        zipped.writestr("optim/adam.py", f'"""Adam ({SHARED})."""\n')
    tarball = dist / "plot-2.1.tgz"
    # an npm tarball: its code is the `dist/` it ships, which a repository's scan leaves out
    tarball.write_bytes(
        tar_bytes({"package/dist/plot.js": b"// see doi:10.1145/1553374.1553516\n"})
    )
    out = tmp_path / "out"
    sources = expand_sources([str(wheel), str(tarball), str(dist / "gone-1.0.tar.gz")])
    first = index_sources(sources, out, settings())
    assert statuses(first) == {"optim-1.0": "scanned", "plot-2.1": "scanned", "gone-1.0": "failed"}
    assert "no such file" in (first.outcomes[2].reason or "")
    papers = {r.repository: {p.key for p in r.papers} for r in first.reports}
    assert papers == {"optim-1.0": {SHARED_KEY}, "plot-2.1": {"doi:10.1145/1553374.1553516"}}
    assert first.outcomes[0].revision == "sha256:" + hashlib.sha256(wheel.read_bytes()).hexdigest()

    again = index_sources(sources[:2], out, settings(scheduler="tcp://127.0.0.1:9"))
    assert set(statuses(again).values()) == {"unchanged"}  # no cluster contacted
    with zipfile.ZipFile(wheel, "w") as zipped:  # rebuilt under the same name
        zipped.writestr("optim/adam.py", '"""Adam, see arXiv:1512.03385."""\n')
    rebuilt = index_sources(sources[:2], out, settings())
    assert statuses(rebuilt) == {"optim-1.0": "scanned", "plot-2.1": "unchanged"}
    assert {p.key for p in rebuilt.reports[0].papers} == {"arxiv:1512.03385"}


def test_sources_from_a_file(tmp_path: Path) -> None:
    listing = tmp_path / "sources.txt"
    listing.write_text("# my stack\npypi:scipy==1.17.1\n\nnpm:d3@7.9.0  # charts\n/tmp/x\n")
    sources = expand_sources([f"@{listing}", "pypi:scipy==1.17.1"])
    assert [s.spec for s in sources] == ["pypi:scipy==1.17.1", "npm:d3@7.9.0", "/tmp/x"]


def test_a_source_list_saved_with_a_byte_order_mark_and_crlf(tmp_path: Path) -> None:
    # Notepad's UTF-8: the first source became '\ufeff/tmp/x', 'no such directory'
    listing = tmp_path / "sources.txt"
    listing.write_bytes(b"\xef\xbb\xbf/tmp/x\r\nnpm:d3@7.9.0\r\n")
    assert [s.spec for s in expand_sources([f"@{listing}"])] == ["/tmp/x", "npm:d3@7.9.0"]


def test_bad_sources_are_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["index", "pypi:no spaces", "-o", str(tmp_path / "o")]) == 2
    assert "not a package name" in capsys.readouterr().err
    assert run(["index", f"@{tmp_path / 'none.txt'}", "-o", str(tmp_path / "o")]) == 2
    assert "cannot read the source list" in capsys.readouterr().err


def test_a_missing_directory_is_named_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # "failed: /src/gone: no such directory: /src/gone"
    gone = tmp_path / "gone"
    assert run(["index", str(gone), "-o", str(tmp_path / "o"), "--offline", "-q"]) == 1
    (line,) = [x for x in capsys.readouterr().out.splitlines() if "failed:" in x]
    assert line.strip() == f"failed: {gone}: no such directory"


def test_a_malformed_source_in_a_list_fails_alone(tmp_path: Path) -> None:
    repos = make_repos(tmp_path / "src")
    listing = tmp_path / "sources.txt"
    listing.write_text(f"{repos['alpha']}\npypi:no spaces\n{repos['beta']}\n")
    out = tmp_path / "out"
    assert run(["index", f"@{listing}", "-o", str(out), "--offline", "-q"]) == 1
    index = json.loads((out / "index.json").read_text())
    assert [(r["name"], r["status"]) for r in index["repositories"]] == [
        ("alpha", "scanned"),
        ("beta", "scanned"),
        ("pypi:no spaces", "failed"),
    ]
    assert "not a package name" in index["repositories"][2]["reason"]
    assert "not a package name" in (out / "summary.md").read_text()


def test_an_interrupted_run_leaves_the_directory_consistent(tmp_path: Path) -> None:
    repos = make_repos(tmp_path / "src")
    sources = expand_sources(map(str, repos.values()))
    out = tmp_path / "out"
    assert run(["index", *map(str, repos.values()), "-o", str(out), "--offline", "-q"]) == 0
    before = (out / "index.json").read_bytes()
    for repo in repos.values():
        commit(repo, {"extra.md": "See arXiv:1706.03762.\n"})

    class Interrupt:
        def on_plan(self, total: int, unchanged: int, failed: int) -> None:
            pass

        def on_start(self, spec: str) -> None:
            pass

        def on_done(self, outcome: object) -> None:
            raise KeyboardInterrupt

        def on_warning(self, message: str) -> None:
            pass

    with pytest.raises(KeyboardInterrupt):
        index_sources(sources, out, settings(workers=1), observer=Interrupt())
    assert (out / "index.json").read_bytes() == before  # outputs are written last
    assert not [p for p in out.rglob(".*") if p.is_file()]  # no temporary file left
    for stored in (out / "repos").glob("*.json"):
        json.loads(stored.read_text())
    resumed = index_sources(sources, out, settings())
    assert sorted(statuses(resumed).values()).count("scanned") <= 3
    assert {p.key for r in resumed.reports for p in r.papers} >= {"arxiv:1706.03762"}


def test_a_task_stuck_past_its_time_out_is_cancelled(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import time

    from citegraph.index import cluster, task

    def stuck(job: Any) -> Any:
        task._announce(job.source.spec)
        time.sleep(3)  # one call the task cannot interrupt

    monkeypatch.setattr(cluster, "scan_repository", stuck)
    repos = make_repos(tmp_path / "src")
    sources = expand_sources([str(repos["alpha"])])
    started = time.monotonic()
    result = index_sources(sources, tmp_path / "out", settings(timeout=0.2, grace=0.3))
    assert statuses(result) == {"alpha": "failed"}
    assert "timed out" in (result.outcomes[0].reason or "")
    assert time.monotonic() - started < 30


def test_a_worker_that_died_is_named_as_the_reason() -> None:
    from citegraph.index.cluster import _finished
    from citegraph.index.types import Job, Source, SourceKind

    class KilledWorker(Exception):
        pass

    class Future:
        status = "error"

        def exception(self) -> Exception:
            return KilledWorker("attempted to run task on 2 different workers")

    job = Job(Source("/r", SourceKind.PATH, "/r"), "rev", "r", "/w")
    assert "worker scanning it died" in (_finished(job, Future()).error or "")


def test_one_catalog_resolves_every_repository(tmp_path: Path) -> None:
    bib = tmp_path / "refs.bib"
    bib.write_text(
        "@misc{k, title = {A Synthetic Optimizer Paper}, author = {Doe, Jane},"
        " year = {2014}, eprint = {1412.6980}, archivePrefix = {arXiv}}\n"
    )
    assert run(["catalog", "import", str(bib)]) == 0
    repos = make_repos(tmp_path / "src")
    out = tmp_path / "out"
    assert run(["index", *map(str, repos.values()), "-o", str(out), "--offline", "-q"]) == 0
    index = json.loads((out / "index.json").read_text())
    shared = next(p for p in index["papers"] if p["key"] == SHARED_KEY)
    assert shared["title"] == "A Synthetic Optimizer Paper"
    assert shared["repositories"] == ["alpha", "beta"]
    counts = {r["name"]: r["counts"]["resolved"] for r in index["repositories"]}
    assert counts == {"alpha": 1, "beta": 1, "gamma": 0}
    assert "A Synthetic Optimizer Paper" in (out / "summary.md").read_text()


def test_the_largest_repositories_are_scanned_first(tmp_path: Path) -> None:
    from citegraph.index.run import _plan
    from citegraph.index.sources import Probe

    sizes = {"small": 10, "big": 5_000, "unknown": None, "middle": 300}
    sources = expand_sources([str(tmp_path / name) for name in sizes])
    plan = _plan(
        sources,
        tmp_path / "out",
        settings(),
        lambda source: Probe("rev", size=sizes[Path(source.location).name]),
    )
    assert [job.name for job in plan.jobs] == ["unknown", "big", "middle", "small"]


def test_a_directory_size_is_a_stat_walk(tmp_path: Path) -> None:
    from citegraph.index.sources import tree_size

    (tmp_path / "a.py").write_bytes(b"x" * 100)
    (tmp_path / "node_modules").mkdir()
    (tmp_path / "node_modules" / "dep.js").write_bytes(b"x" * 1000)
    assert tree_size(tmp_path) == 100


def test_names_that_are_not_utf8_and_hostile_titles_are_escaped_not_fatal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A release unpacked with a file name that is not UTF-8 (its byte read as a lone
    # surrogate), and a reference whose title hides control characters and a bidi override.
    tree = tmp_path / "src" / "pkg"
    tree.mkdir(parents=True)
    (tree / "data.bin").write_bytes(b"\x00\x01")  # a file of no known type
    with open(os.fsencode(tree) + b"/bad\xffname.py", "w", encoding="utf-8") as stream:
        stream.write('"""See arXiv:1512.03385."""\n')
    (tree / "refs.py").write_text(
        '"""Notes.\n\nReferences\n----------\n'
        '.. [1] A. Smith, "Control \x07 chars \u202e reversed", 2019, arXiv:1901.00001\n"""\n'
    )
    out = tmp_path / "out"
    argv = ["index", str(tree), "-o", str(out), "--offline", "--workers", "1", "-q"]
    assert run(argv) == 0
    assert capsys.readouterr().out.startswith("1 repository (1 scanned, 0 unchanged, 0 failed)")
    index = json.loads((out / "index.json").read_text(encoding="utf-8"))
    assert "bad\udcffname.py" in {c["path"] for c in index["citations"]}  # exact, as JSON keeps it
    for name in ("papers.html", "summary.md"):
        text = (out / name).read_text(encoding="utf-8")
        assert "\u202e" not in text and "\x07" not in text, name
        assert "\\u202e" in text, name
    page = (out / "papers.html").read_text(encoding="utf-8")
    assert "bad\\\\xffname.py" in page and "data.bin" not in page  # as `scan -f html` shows it
    assert re.search(r"<b>2</b> files scanned", page)  # data.bin is listed, not scanned
    assert run(argv) == 0  # the stored result reads back: an unchanged rerun
    again = json.loads((out / "index.json").read_text(encoding="utf-8"))
    assert again["repositories"][0]["status"] == "unchanged"
    assert again["citations"] == index["citations"]


def test_a_local_cluster_that_cannot_start_is_one_line_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # A worker process killed (or out of memory) while the cluster starts: Dask raises
    # RuntimeError('Nanny failed to start.'), which was an internal error with a traceback
    import distributed

    def refuse(*args: object, **kwargs: object) -> None:
        try:
            raise RuntimeError("Nanny failed to start worker process")
        except RuntimeError as cause:
            raise RuntimeError("Nanny failed to start.") from cause

    monkeypatch.setattr(distributed, "LocalCluster", refuse)
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "mod.py").write_text("# arXiv:1706.03762\n")
    assert run(["index", str(repo), "-o", str(tmp_path / "out"), "--offline"]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert "the local Dask cluster could not start (Nanny failed to start worker process)" in err
    # Dask's own ERROR lines ('Task citegraph-index-4-179... marked as failed because 2 workers
    # died') repeated citegraph's line naming the repository, under an internal key
    assert logging.getLogger("distributed.scheduler").getEffectiveLevel() > logging.ERROR


@pytest.fixture
def python_ctrl_c() -> Iterator[None]:
    """Ctrl-C raising KeyboardInterrupt, as in a terminal: a test process's SIGINT handler may
    be another (a test runner's worker process may ignore it), and citegraph holds Ctrl-C only
    where it is Python's own."""
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


@pytest.mark.skipif(not hasattr(signal, "pthread_sigmask"), reason="POSIX signal masks")
@pytest.mark.usefixtures("python_ctrl_c")
def test_a_ctrl_c_while_the_local_cluster_starts_closes_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Taken in the seconds the cluster starts, it left the cluster half made: Dask's exit hook
    # then failed to close it ('AssertionError: Status.init') and its workers, stopped
    # mid-import, printed their tracebacks. Held, it arrives once the cluster is up.
    import distributed

    from citegraph.index.cluster import open_client

    made: list[Any] = []
    real = distributed.LocalCluster

    def interrupted(*args: Any, **kwargs: Any) -> Any:
        made.append(real(*args, **kwargs))
        os.kill(os.getpid(), signal.SIGINT)  # Ctrl-C, as the cluster is being made
        for _ in range(100):  # Python takes a signal between two of its instructions
            pass
        return made[0]

    monkeypatch.setattr(distributed, "LocalCluster", interrupted)
    with pytest.raises(KeyboardInterrupt), open_client(None, workers=1, processes=False):
        pytest.fail("the interrupt should have stopped the run before it used the cluster")
    assert made and made[0].status.name == "closed"
    assert signal.SIGINT not in signal.pthread_sigmask(signal.SIG_BLOCK, [])


@pytest.mark.skipif(not hasattr(signal, "pthread_sigmask"), reason="POSIX signal masks")
@pytest.mark.usefixtures("python_ctrl_c")
def test_the_workers_of_a_local_cluster_leave_ctrl_c_to_citegraph() -> None:
    # A terminal sends Ctrl-C to the whole process group: the worker processes took it too and
    # printed their tracebacks; citegraph alone takes it and closes them.
    from citegraph.index.cluster import open_client

    with open_client(None, workers=1, processes=True) as client:
        held = client.submit(signal.pthread_sigmask, signal.SIG_BLOCK, [], pure=False).result()
    assert signal.SIGINT in held
    assert signal.SIGINT not in signal.pthread_sigmask(signal.SIG_BLOCK, [])


def test_the_page_names_the_repositories_that_failed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The page said "2 repositories" and nothing else: a reader could not tell that a third
    # source had failed and that its papers were missing (only summary.md and index.json said)
    repos = make_repos(tmp_path / "src")
    gone = tmp_path / "src" / "gone<b>"
    out = tmp_path / "out"
    sources = [str(repos["alpha"]), str(repos["beta"]), str(gone), "--offline", "--workers", "1"]
    assert run(["index", *sources, "-o", str(out)]) == 1
    page = (out / "papers.html").read_text()
    assert "1 repository failed" in page
    assert 'data-view="problems"' in page and "Repositories that failed" in page
    assert "gone&lt;b&gt;</code>: no such directory" in page and "gone<b>" not in page
    assert run(["index", str(repos["alpha"]), "--offline", "--workers", "1", "-o", str(out)]) == 0
    assert "failed" not in (out / "papers.html").read_text().split("<script")[0]


def test_a_glob_that_cannot_be_read_is_one_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # it failed every repository one by one, with exit 1, after starting the cluster
    repos = make_repos(tmp_path / "src")
    out = tmp_path / "out"
    sources = [str(repos["alpha"]), str(repos["beta"]), "--offline", "--workers", "1"]
    assert run(["index", *sources, "--exclude", "[z-a]", "-o", str(out)]) == 2
    assert "setting 'exclude' has a glob that cannot be read: '[z-a]'" in capsys.readouterr().err
    assert not out.exists()


def test_credentials_in_a_git_url_are_never_shown_or_stored(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # CI passes tokens in clone URLs: the index, the page, the summary and the log showed them
    repos = make_repos(tmp_path / "src")
    secret = "https://x-access-token:s3cr3t@127.0.0.1:9/org/lib.git"
    out = tmp_path / "out"
    args = [str(repos["alpha"]), secret, "file:///nonexistent/repo.git", "--offline"]
    assert run(["index", *args, "--workers", "1", "-o", str(out)]) == 1
    shown = capsys.readouterr()
    written = [p.read_text() for p in out.rglob("*") if p.is_file() and "work" not in p.parts]
    assert all("s3cr3t" not in text for text in [shown.out, shown.err, *written])
    assert "https://***@127.0.0.1:9/org/lib.git" in (out / "index.json").read_text()
    # the reason is git's 'fatal:' line, not the tail of its advice ('and the repository exists.')
    reasons = {
        r["name"]: r["reason"] for r in json.loads((out / "index.json").read_text())["repositories"]
    }
    assert reasons["repo"].startswith("git ls-remote failed: fatal:")


@pytest.mark.parametrize("in_git", [True, False])
def test_the_index_of_a_source_written_inside_it_is_no_change_of_it(
    tmp_path: Path, in_git: bool
) -> None:
    # 'citegraph index . -o index' rescanned the source every run (its own outputs changed it)
    # and scanned those outputs with it
    repos = make_repos(tmp_path / "src")
    root = repos["alpha"]
    if not in_git:
        import shutil

        shutil.rmtree(root / ".git")
    sources = expand_sources([str(root)])
    out = root / "citegraph-index"
    first = index_sources(sources, out, settings())
    assert statuses(first) == {"alpha": "scanned"}
    again = index_sources(sources, out, settings())
    assert statuses(again) == {"alpha": "unchanged"}
    assert first.reports[0].stats["files"] == again.reports[0].stats["files"]
    assert not any("citegraph-index" in c.path for c in again.reports[0].citations)
    (root / "more.py").write_text('"""See arXiv:1512.03385."""\n')
    assert statuses(index_sources(sources, out, settings())) == {"alpha": "scanned"}


def test_a_file_where_dir_keeps_its_results_is_one_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # DIR/repos as a file: every repository was scanned, then FileExistsError's traceback
    repos = make_repos(tmp_path / "src")
    out = tmp_path / "out"
    out.mkdir()
    (out / "repos").write_text("not a directory")
    assert run(["index", str(repos["alpha"]), "--offline", "--workers", "1", "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "repos is not a directory" in err and "Traceback" not in err


@pytest.mark.parametrize(
    ("revision", "shown"),
    [
        (f"3.0.1:sha512:{DIGEST}", "3.0.1:sha512:90069a1cb15e"),
        (f"2.1.0rc1:sha256:{DIGEST}", "2.1.0rc1:sha256:90069a1cb15e"),
        ("4b825dc642cb6eb9a060e54bf8d69288fbee4904", "4b825dc642cb"),
        (f"tree:{DIGEST}", "tree:90069a1cb15e"),
    ],
)
def test_the_summary_shortens_each_digest_of_a_revision_and_keeps_the_rest(
    revision: str, shown: str
) -> None:
    # A release's revision is its version and digest: cut at 12 characters, `3.0.1:sha512`
    # named no digest, and `2.1.0rc1:sha256` became `2.1.0rc1:sha`.
    outcome = Outcome("npm:pkg", "pkg", Status.SCANNED, revision=revision)
    summary = summary_markdown([outcome], [], Report(root="", repository="pkg"))
    assert f"| pkg | scanned | `{shown}` |" in summary
