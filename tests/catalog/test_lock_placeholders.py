"""End to end: the entries `citegraph bib` writes for papers without metadata are placeholders,
never metadata. A lock written offline (a pre-commit hook's `check --fix`) listed a DOI with
only the code's own words; read back into the catalog, its paper counted as resolved, and an
online scan never asked about the identifier the store thus "knew"."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from fake_services import FakeServices

from catalog.records import BASE_URL_ENV


def citegraph(tree: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "citegraph", *args],
        cwd=tree,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        check=True,
    )


def test_a_lock_written_offline_does_not_stand_in_for_the_metadata(tmp_path: Path) -> None:
    tree = tmp_path / "project"
    (tree / ".git").mkdir(parents=True)
    (tree / "pyproject.toml").write_text('[tool.citegraph]\nbibliography = "refs.bib"\n')
    (tree / "net.py").write_text('"""Residual blocks, as in doi:10.1109/cvpr.2016.90."""\n')
    env = dict(os.environ, CITEGRAPH_CATALOG=str(tmp_path / "catalog.sqlite3"))
    citegraph(tree, env, "bib")  # offline: the entry has the DOI and a note, nothing more
    assert (
        "note = {citegraph: offline (doi:10.1109/cvpr.2016.90)}" in (tree / "refs.bib").read_text()
    )
    offline = json.loads(citegraph(tree, env, "scan", ".", "--offline", "-f", "json").stdout)
    assert offline["papers"][0]["status"] == "offline" and offline["stats"]["resolved"] == 0
    with FakeServices() as services:
        for source, url in services.settings().base_urls.items():
            env[BASE_URL_ENV[source]] = url
        online = json.loads(citegraph(tree, env, "scan", ".", "-f", "json").stdout)
    paper = online["papers"][0]
    assert paper["title"] == "Deep Residual Learning for Image Recognition"
    assert paper["status"] == "resolved"
    imported = citegraph(tree, env, "catalog", "import", "refs.bib")
    assert "1 skipped (1 with citegraph's no-metadata note at line 1)" in imported.stdout
