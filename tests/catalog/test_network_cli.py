"""End to end: `citegraph scan` (online by default) against metadata services that accept
connections and never answer ends in bounded time with the offline result and one warning
per service it gave up on."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from fake_services import FakeServices, Fault

from catalog.records import BASE_URL_ENV

SOURCE = '"""Optimiser from arXiv:1412.6980; see also doi:10.1038/nature14539."""\n'


def scan(tree: Path, env: dict[str, str], *flags: str) -> tuple[dict, list[str], float]:
    """The JSON report, the warnings and the wall time of one `citegraph scan` process."""
    start = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "citegraph", "scan", str(tree), "-f", "json", "--no-cache", *flags],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    elapsed = time.monotonic() - start
    assert done.returncode == 0, done.stderr
    warnings = [
        line.removeprefix("citegraph: warning: ")
        for line in done.stderr.splitlines()
        if line.startswith("citegraph: warning: ")
    ]
    return json.loads(done.stdout), warnings, elapsed


def silent_world(tmp_path: Path, services: FakeServices, config: str = "") -> tuple[Path, dict]:
    services.fail(Fault("/", silent=True, times=10**6))
    tree = tmp_path / "project"
    tree.mkdir()
    (tree / "model.py").write_text(SOURCE)
    (tree / "pyproject.toml").write_text(f"[tool.citegraph]\n{config}")
    env = dict(os.environ, CITEGRAPH_CATALOG=str(tmp_path / "catalog.sqlite3"))
    for source, url in services.settings().base_urls.items():
        env[BASE_URL_ENV[source]] = url
    return tree, env


def papers(report: dict) -> list[dict]:
    return report["papers"]


def test_silent_services_end_with_the_offline_result(tmp_path: Path) -> None:
    with FakeServices() as services:
        tree, env = silent_world(
            tmp_path,
            services,
            "network-budget = 1.5\nnetwork-service-budget = 1\nnetwork-request-timeout = 0.5\n",
        )
        online, warnings, elapsed = scan(tree, env)
        asked = len(services.log)
    offline, offline_warnings, _ = scan(tree, env, "--offline")
    assert elapsed < 15  # 1.5 s of network budget plus start-up on a busy machine
    assert asked >= 2
    assert papers(online) == papers(offline) and not offline_warnings
    assert {p["status"] for p in papers(online)} == {"offline"}
    assert online["warnings"] == warnings
    assert len(warnings) == 2, warnings
    assert warnings[0] == "arxiv: its network budget of 1 s is used up; not asked again this run"
    assert warnings[1] == (
        "the network budget of 1.5 s for this run is used up (while asking semanticscholar); "
        "continuing offline with the local catalog"
    )


@pytest.mark.slow
def test_silent_services_with_default_budgets_end_within_a_minute(tmp_path: Path) -> None:
    with FakeServices() as services:
        tree, env = silent_world(tmp_path, services)
        online, warnings, elapsed = scan(tree, env)
    offline, _, _ = scan(tree, env, "--offline")
    assert elapsed < 60, elapsed
    assert papers(online) == papers(offline)
    assert len(warnings) == 2 and "arxiv" in warnings[0] and "45 s" in warnings[1]


def test_a_bad_budget_is_a_usage_error(tmp_path: Path) -> None:
    tree = tmp_path / "project"
    tree.mkdir()
    env = dict(os.environ, CITEGRAPH_NETWORK_BUDGET="soon")
    done = subprocess.run(
        [sys.executable, "-m", "citegraph", "scan", str(tree), "-f", "json"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "CITEGRAPH_NETWORK_BUDGET" in done.stderr and "number" in done.stderr
