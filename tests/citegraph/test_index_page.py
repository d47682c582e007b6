"""The cross-repository Papers page in headless Chromium, and the index's progress line."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from index_repos import make_repos

from citegraph.index.progress import IndexProgress
from citegraph.index.types import Outcome, Status

CHROMIUM = Path("/usr/bin/chromium")


def test_progress_is_quiet_off_a_terminal_but_for_failures() -> None:
    stream = io.StringIO()
    progress = IndexProgress(stream=stream)
    progress.on_plan(total=4, unchanged=1, failed=0)
    progress.on_start("a")
    progress.on_start("b")
    progress.on_done(Outcome("a", "a", Status.SCANNED, "r", seconds=1.0))
    assert progress.line() == "2 done, 1 running, 0 failed of 4"
    progress.on_done(Outcome("b", "b", Status.FAILED, reason="git clone failed: no such repo"))
    assert progress.line() == "2 done, 0 running, 1 failed of 4"
    progress.close()
    assert stream.getvalue() == "citegraph: b: failed: git clone failed: no such repo\n"
    quiet = io.StringIO()
    IndexProgress(quiet=True, stream=quiet).on_done(Outcome("b", "b", Status.FAILED, reason="x"))
    assert quiet.getvalue() == ""


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip("needs Chromium at /usr/bin/chromium")
    api = pytest.importorskip("playwright.sync_api")
    with api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        yield browser
        browser.close()


@pytest.mark.browser
@pytest.mark.filterwarnings("ignore:Couldn't detect a suitable IP address")
def test_the_repository_facet_in_a_browser(tmp_path: Path, chromium: Any) -> None:
    pytest.importorskip("distributed")
    from citegraph.cli import run

    repos = make_repos(tmp_path / "src")
    out = tmp_path / "out"
    argv = ["index", *map(str, repos.values()), "-o", str(out), "--offline", "-q", "--workers", "1"]
    assert run(argv) == 0
    context = chromium.new_context(offline=True)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto((out / "papers.html").as_uri(), wait_until="load")

    def cards() -> list[str]:
        return page.eval_on_selector_all(
            "#cards article.card", "c => c.map(x => x.dataset.paperId)"
        )

    assert cards()[0] == "arxiv:1412.6980"  # sorted by repositories: the shared paper first
    shared = page.locator('article[data-paper-id="arxiv:1412.6980"]')
    groups = shared.locator(".repo").evaluate_all("g => g.map(x => x.dataset.repository)")
    assert groups == ["alpha", "beta"]
    assert "2 repositories" in shared.locator("h3").first.text_content()
    alpha, beta = (shared.locator(f'.repo[data-repository="{n}"]') for n in ("alpha", "beta"))
    assert "opt.py:2" in (alpha.text_content() or "") and "alpha/" not in (
        alpha.text_content() or ""
    )
    assert "train.py:2" in (beta.text_content() or "")
    page.select_option("#facet-repository", label="gamma")
    assert cards() == ["doi:10.1145/1553374.1553516"]
    page.select_option("#facet-repository", label="beta")
    assert sorted(cards()) == ["arxiv:1412.6980", "arxiv:1512.03385"]
    assert errors == []
    context.close()
