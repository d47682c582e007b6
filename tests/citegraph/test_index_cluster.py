"""`citegraph index --scheduler`: a real `dask scheduler` and `dask worker`, separate processes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from index_repos import SHARED, make_repos

pytest.importorskip("distributed")

from citegraph.cli import run

pytestmark = [
    pytest.mark.slow,
    pytest.mark.filterwarnings("ignore:Couldn't detect a suitable IP address"),
]
DASK = Path(sys.executable).with_name("dask")


@pytest.fixture
def scheduler(tmp_path: Path) -> Iterator[str]:
    """A scheduler and one worker on 127.0.0.1, as a user would start them."""
    if not DASK.exists():
        pytest.skip("the dask command is not installed beside this Python")
    info = tmp_path / "scheduler.json"
    env = dict(os.environ)  # the test's isolated cache and catalog paths
    common = {"env": env, "stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    processes = [
        subprocess.Popen(
            [
                str(DASK),
                "scheduler",
                "--host",
                "127.0.0.1",
                "--port",
                "0",
                "--no-dashboard",
                "--scheduler-file",
                str(info),
            ],
            **common,  # type: ignore[arg-type]
        )
    ]
    try:
        deadline = time.monotonic() + 60
        while not info.exists() or not info.read_text().strip():
            assert time.monotonic() < deadline, "the scheduler did not start"
            assert processes[0].poll() is None, "the scheduler exited"
            time.sleep(0.1)
        address = json.loads(info.read_text())["address"]
        processes.append(
            subprocess.Popen(
                [
                    str(DASK),
                    "worker",
                    address,
                    "--host",
                    "127.0.0.1",
                    "--nworkers",
                    "1",
                    "--nthreads",
                    "1",
                    "--no-dashboard",
                    "--local-directory",
                    str(tmp_path / "dw"),
                ],
                **common,  # type: ignore[arg-type]
            )
        )
        yield address
    finally:
        for process in reversed(processes):
            process.terminate()
        for process in reversed(processes):
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()


def test_index_on_an_existing_cluster(tmp_path: Path, scheduler: str) -> None:
    repos = make_repos(tmp_path / "src")
    out = tmp_path / "out"
    listing = tmp_path / "sources.txt"
    listing.write_text(
        "\n".join([*map(str, repos.values()), "file:///nonexistent/broken.git"]) + "\n"
    )
    argv = ["index", f"@{listing}", "-o", str(out), "--scheduler", scheduler, "--offline", "-q"]
    assert run(argv) == 1

    index = json.loads((out / "index.json").read_text())
    assert [(r["name"], r["status"]) for r in index["repositories"]] == [
        ("alpha", "scanned"),
        ("beta", "scanned"),
        ("gamma", "scanned"),
        ("broken", "failed"),
    ]
    shared = next(p for p in index["papers"] if p["key"] == "arxiv:" + SHARED.split(":")[1])
    assert shared["repositories"] == ["alpha", "beta"]
    page = (out / "papers.html").read_text()
    assert page.count('"id":"arxiv:1412.6980"') == 1

    assert run(argv) == 1
    again = json.loads((out / "index.json").read_text())
    assert [r["status"] for r in again["repositories"]] == ["unchanged"] * 3 + ["failed"]
