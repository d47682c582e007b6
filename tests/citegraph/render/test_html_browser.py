"""The Papers page, driven in headless Chromium from file:// (no network)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from reports import citation, small_report

from citegraph.render import RenderOptions, render
from citegraph.render.html import TITLE, safe_url
from citegraph.report import PaperEntry, Report

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
pytestmark = pytest.mark.browser

XSS_TITLE = '<img src=x onerror="window.__pwned=1">Title with <b>markup</b>'


def hostile_report() -> Report:
    base = small_report()
    evil = PaperEntry(
        key="url:javascript:window.__pwned=2",
        kind="url",
        status="resolved",
        title=XSS_TITLE,
        authors=("<script>window.__pwned=3</script>",),
        year=2001,
        url="javascript:window.__pwned=4",
        abstract='"><script>window.__pwned=5</script>',
    )
    site = replace(
        citation(evil.key, "evil/x.py", 3, "<script>window.__pwned=6</script>"),
        raw="<img src=x onerror=window.__pwned=7>",
    )
    return replace(base, papers=(*base.papers, evil), citations=(*base.citations, site))


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium is missing: .ci/run installs it (apt-get install chromium)")
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser: object, tmp_path: Path) -> Iterator[object]:
    path = tmp_path / "papers.html"
    path.write_text(
        render(
            hostile_report(),
            "html",
            RenderOptions(source_url="https://example.org/repo/blob/{rev}/{path}#L{line}"),
        )
    )
    context = browser.new_context(offline=True)  # type: ignore[attr-defined]
    page = context.new_page()
    errors: list[str] = []
    dialogs: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    page.errors, page.dialogs = errors, dialogs  # type: ignore[attr-defined]
    yield page
    context.close()


def visible_ids(page: object) -> list[str]:
    return page.eval_on_selector_all(  # type: ignore[attr-defined]
        "article.card:not([hidden])", "cards => cards.map(c => c.dataset.paperId)"
    )


def test_page_loads_offline_without_errors(page: object) -> None:
    assert page.title() == TITLE  # type: ignore[attr-defined]
    assert page.errors == []  # type: ignore[attr-defined]
    assert len(visible_ids(page)) == 5
    assert "demo" in page.inner_text("header")  # type: ignore[attr-defined]


def test_search_narrows_the_cards(page: object) -> None:
    page.fill("#q", "bloom")  # type: ignore[attr-defined]
    assert visible_ids(page) == ["doi:10.1145/362686.362692"]
    page.fill("#q", "ops::attn")  # a symbol name  # type: ignore[attr-defined]
    assert visible_ids(page) == ["arxiv:1706.03762"]
    page.fill("#q", "sequence model attention")  # abstract words  # type: ignore[attr-defined]
    assert visible_ids(page) == ["arxiv:1706.03762"]
    page.fill("#q", "no such paper anywhere")  # type: ignore[attr-defined]
    assert visible_ids(page) == [] and page.is_visible("#empty")  # type: ignore[attr-defined]
    page.fill("#q", "")  # type: ignore[attr-defined]
    assert len(visible_ids(page)) == 5


def test_filters(page: object) -> None:
    page.select_option("#kind", "doi")  # type: ignore[attr-defined]
    assert visible_ids(page) == ["doi:10.1145/362686.362692"]
    page.select_option("#kind", "")  # type: ignore[attr-defined]
    page.select_option("#language", "cpp")  # type: ignore[attr-defined]
    assert visible_ids(page) == ["arxiv:1706.03762"]
    page.select_option("#language", "")  # type: ignore[attr-defined]
    page.select_option("#directory", "stats")  # type: ignore[attr-defined]
    assert visible_ids(page) == ["title:note on a method for calculating corrected sums"]
    page.select_option("#directory", "")  # type: ignore[attr-defined]
    page.fill("#year-min", "1960")  # type: ignore[attr-defined]
    page.fill("#year-max", "1999")  # type: ignore[attr-defined]
    assert sorted(visible_ids(page)) == [
        "doi:10.1145/362686.362692",
        "title:note on a method for calculating corrected sums",
    ]


def test_sorting(page: object) -> None:
    assert visible_ids(page)[0] == "arxiv:1706.03762"  # most referenced first
    page.select_option("#sort", "year")  # type: ignore[attr-defined]
    assert visible_ids(page)[:2] == ["arxiv:1706.03762", "url:javascript:window.__pwned=2"]
    page.select_option("#sort", "title")  # type: ignore[attr-defined]
    titles = page.eval_on_selector_all(  # type: ignore[attr-defined]
        "article.card", "cards => cards.map(c => c.dataset.title)"
    )
    assert titles == sorted(titles)


def test_citing_symbols_are_listed_with_source_links(page: object) -> None:
    card = page.locator('[data-paper-id="arxiv:1706.03762"]')  # type: ignore[attr-defined]
    text = card.text_content()
    assert "Cited by 3 symbols" in text and "ops::attn" in text and "native/attn.cpp:4" in text
    href = card.locator("a", has_text="native/attn.cpp:4").get_attribute("href")
    assert href == "https://example.org/repo/blob/0123456789abcdef/native/attn.cpp#L4"


def test_unresolved_papers_are_shown_honestly(page: object) -> None:
    card = page.locator('[data-paper-id="arxiv:2001.00001"]')  # type: ignore[attr-defined]
    assert "not found" in card.inner_text()
    title_only = page.locator(  # type: ignore[attr-defined]
        '[data-paper-id="title:note on a method for calculating corrected sums"]'
    )
    assert "unresolved title" in title_only.inner_text()


def test_code_view_lists_symbols_and_their_papers(page: object) -> None:
    page.click("button[data-view=symbols]")  # type: ignore[attr-defined]
    assert page.is_visible("#symbols") and not page.is_visible("#papers")  # type: ignore[attr-defined]
    assert "crate::Bloom" in page.inner_text("#symbols")  # type: ignore[attr-defined]
    page.click("#symbols a[data-goto='doi:10.1145/362686.362692']")  # type: ignore[attr-defined]
    assert page.is_visible('[data-paper-id="doi:10.1145/362686.362692"]')  # type: ignore[attr-defined]


def test_untrusted_text_stays_inert(page: object) -> None:
    assert page.evaluate("window.__pwned") is None  # type: ignore[attr-defined]
    assert page.dialogs == [] and page.errors == []  # type: ignore[attr-defined]
    card = page.locator('[data-paper-id="url:javascript:window.__pwned=2"]')  # type: ignore[attr-defined]
    assert XSS_TITLE in card.inner_text()  # shown as text
    assert card.locator("img, script, b").count() == 0
    hrefs = page.eval_on_selector_all("a[href]", "as => as.map(a => a.getAttribute('href'))")  # type: ignore[attr-defined]
    assert not [h for h in hrefs if h.lower().startswith("javascript")]


def test_safe_url_accepts_only_http() -> None:
    assert safe_url("https://arxiv.org/abs/1") == "https://arxiv.org/abs/1"
    for bad in ("javascript:alert(1)", "data:text/html,x", "//evil.org", "ftp://x", None, ""):
        assert safe_url(bad) is None
