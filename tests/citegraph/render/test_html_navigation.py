"""The Papers page in Chromium: forgiving search, the view in the URL, the folder tree, phones."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from reports import citation, small_report

from citegraph.report import PaperEntry, Report

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason="needs Chromium at /usr/bin/chromium (apt-get install chromium)",
    ),
]
playwright_api = pytest.importorskip("playwright.sync_api")
expect = playwright_api.expect

ATTENTION = "arxiv:1706.03762"
BLOOM = "doi:10.1145/362686.362692"
WELFORD = "title:note on a method for calculating corrected sums"
LONG_PATH = "src/main/java/org/example/very/deeply/nested/package/WithAnExtremelyLongName.java"
LONG_SYMBOL = "org.example.very.deeply.nested.package.WithAnExtremelyLongName.aMethodNamedAtLength"


def nested_report() -> Report:
    """The small report with accented authors, an arXiv DOI alias and nested, long paths."""
    base = small_report()
    papers = []
    for paper in base.papers:
        if paper.key == ATTENTION:
            paper = replace(
                paper,
                authors=("Théophile Ünal", "Łukasz Kaiser", *paper.authors),
                ids={"arxiv": "1706.03762", "doi": "10.48550/arXiv.1706.03762"},
            )
        papers.append(paper)
    sites = (
        citation(BLOOM, "lib/core/hash/bloom.py", 5, "lib.core.hash.bloom.Filter"),
        citation(WELFORD, "lib/core/stats/var.py", 9, "lib.core.stats.var.welford"),
        citation(WELFORD, LONG_PATH, 12, LONG_SYMBOL, language="java"),
    )
    return replace(base, papers=tuple(papers), citations=(*base.citations, *sites))


@pytest.fixture
def page(open_page: Callable[..., Any]) -> Any:
    return open_page(nested_report())


def visible_ids(page: Any) -> list[str]:
    return page.eval_on_selector_all(
        "#cards article.card", "cards => cards.map(c => c.dataset.paperId)"
    )


def search(page: Any, text: str) -> list[str]:
    page.fill("#q", text)
    return visible_ids(page)


@pytest.mark.parametrize("query", ["Theophile", "THEOPHILE unal", "théophile", "lukasz kaiser"])
def test_search_ignores_case_and_accents(page: Any, query: str) -> None:
    assert search(page, query) == [ATTENTION]


@pytest.mark.parametrize(
    ("query", "paper"),
    [
        ("1706.03762v5", ATTENTION),
        ("arXiv:1706.03762", ATTENTION),
        ("arXiv:1706.03762v5", ATTENTION),
        ("https://arxiv.org/abs/1706.03762", ATTENTION),
        ("https://arxiv.org/abs/1706.03762v2", ATTENTION),
        ("http://arxiv.org/pdf/1706.03762v1.pdf", ATTENTION),
        ("https://doi.org/10.48550/arXiv.1706.03762", ATTENTION),
        ("10.48550/ARXIV.1706.03762", ATTENTION),
        ("https://doi.org/10.1145/362686.362692", BLOOM),
        ("https://dx.doi.org/10.1145%2F362686.362692", BLOOM),
        ("doi:10.1145/362686.362692", BLOOM),
        ("DOI:10.1145/362686.362692", BLOOM),
    ],
)
def test_search_finds_a_paper_by_any_form_of_its_ids(page: Any, query: str, paper: str) -> None:
    assert search(page, query) == [paper]


def test_directory_filter_offers_the_folder_tree(page: Any) -> None:
    options = page.eval_on_selector_all(
        "#facet-directory option", "os => os.map(o => [o.value, o.textContent])"
    )
    labels = dict(options)
    # Nested folders are offered, indented under their parents; `lib` has one child, so
    # `lib/core` is where the tree branches and the chain is one entry.
    assert labels["lib"] == "lib/"
    assert labels["lib/core"] == "\u00a0\u00a0lib/core/"
    assert labels["lib/core/stats"] == "\u00a0\u00a0\u00a0\u00a0lib/core/stats/"
    java = "src/main/java/org/example/very/deeply/nested/package"
    assert labels[java] == f"\u00a0\u00a0{java}/" and "src/main" not in labels
    page.select_option("#facet-directory", "lib/core/stats")
    assert visible_ids(page) == [WELFORD]
    page.select_option("#facet-directory", "lib")  # a parent folder covers its subfolders
    assert sorted(visible_ids(page)) == [BLOOM, WELFORD]
    page.select_option("#facet-directory", "model")
    assert sorted(visible_ids(page)) == [ATTENTION, "arxiv:2001.00001"]


def hash_of(page: Any) -> str:
    # location.hash, not page.url: Playwright learns of history.replaceState a moment later.
    return str(page.evaluate("location.hash")).removeprefix("#")


def settled_hash(page: Any, expected: str) -> str:
    """The hash once it is `expected` (a toggle event arrives a task later), or after 5 s."""
    deadline = time.monotonic() + 5
    while hash_of(page) != expected and time.monotonic() < deadline:
        page.wait_for_timeout(50)
    return hash_of(page)


def test_the_view_lives_in_the_url(page: Any, open_page: Callable[..., Any]) -> None:
    assert hash_of(page) == ""
    page.fill("#q", "Théophile")
    page.select_option("#facet-language", "cpp")
    page.select_option("#facet-directory", "native")
    page.select_option("#sort", "year")
    page.fill("#year-min", "2000")
    state = hash_of(page)
    assert state == "q=Th%C3%A9ophile&language=cpp&directory=native&from=2000&sort=year"
    again = open_page(nested_report(), "#" + state)
    assert again.input_value("#q") == "Théophile"
    assert again.input_value("#facet-language") == "cpp"
    assert again.input_value("#facet-directory") == "native"
    assert again.input_value("#sort") == "year" and again.input_value("#year-min") == "2000"
    assert visible_ids(again) == [ATTENTION]
    assert again.text_content("#count") == "1 of 4 papers" and again.errors == []


def test_tabs_are_in_the_url_and_in_history(page: Any, open_page: Callable[..., Any]) -> None:
    page.fill("#q", "bloom")
    page.click("button[data-view=code]")
    assert hash_of(page) == "view=code&q=bloom"
    page.go_back()
    expect(page.locator("#papers")).to_be_visible()
    assert hash_of(page) == "q=bloom" and not page.is_visible("#code")
    again = open_page(nested_report(), "#view=code&q=bloom")
    assert again.is_visible("#code") and not again.is_visible("#papers")
    expect(again.locator("#modules .module")).to_have_count(2)  # native/bloom.rs and lib/...
    unknown = open_page(nested_report(), "#view=nonsense&language=cobol&sort=evil&from=x")
    assert unknown.is_visible("#papers") and len(visible_ids(unknown)) == 4
    assert unknown.errors == []


def test_an_open_card_is_in_the_url(page: Any, open_page: Callable[..., Any]) -> None:
    card = page.locator(f'[data-paper-id="{ATTENTION}"]')
    card.locator("details.abstract summary").click()  # reading the abstract opens the card
    assert settled_hash(page, f"paper={ATTENTION}") == f"paper={ATTENTION}"
    page.fill("#q", "attention")
    assert hash_of(page) == f"q=attention&paper={ATTENTION}"
    page.fill("#q", "bloom")  # the open card is filtered out: it is no longer open
    assert hash_of(page) == "q=bloom"
    page.locator(f'[data-paper-id="{BLOOM}"] a.permalink').click()
    assert hash_of(page) == f"q=bloom&paper={BLOOM}"
    # A link opens the card wherever it is, expanded, even under other filters.
    again = open_page(nested_report(), "#q=welford&paper=arXiv:1706.03762v5")
    opened = again.locator(f'[data-paper-id="{ATTENTION}"]')
    expect(opened).to_be_visible()
    assert opened.locator("details.abstract p").is_visible()


LONG_URL = "https://example.org/~user/" + "averylongpathsegmentwithoutanybreak" * 4


def phone_report() -> Report:
    """The nested report plus an unresolved link with a long URL, cited from a long path."""
    base = nested_report()
    paper = PaperEntry(key=f"url:{LONG_URL}", kind="url", status="offline", url=LONG_URL)
    site = citation(paper.key, LONG_PATH, 30, LONG_SYMBOL, language="java", kind="url")
    return replace(base, papers=(*base.papers, paper), citations=(*base.citations, site))


@pytest.mark.parametrize("view", ["papers", "code", "problems"])
def test_no_sideways_scrolling_at_phone_width(open_page: Callable[..., Any], view: str) -> None:
    page = open_page(phone_report(), f"#view={view}", width=390)
    assert page.is_visible(f"#{view}")
    widths = page.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert widths == [390, 390] and page.errors == []
    # Nothing runs past the right edge either (cards clip their overflow, so scrollWidth alone
    # would not tell).
    overflowing = page.evaluate(
        """() => Array.from(document.querySelectorAll("main *, header *"))
            .filter((e) => e.offsetParent !== null && e.getBoundingClientRect().right > 391)
            .map((e) => e.tagName + " " + e.textContent.slice(0, 40))"""
    )
    assert overflowing == []


@pytest.mark.parametrize("width", [320, 390, 720, 1040, 1280])
def test_the_search_placeholder_is_read_whole_at_any_width(
    open_page: Callable[..., Any], width: int
) -> None:
    # "Search titles, authors, abstracts, identifiers, symbols" was cut at every width, on a
    # phone and beside the filters of a desktop page alike (396 px of text in 222 px to 370 px)
    page = open_page(phone_report(), width=width)
    text, room = page.evaluate(
        """() => {
            const box = document.getElementById("q"), style = getComputedStyle(box);
            const pen = document.createElement("canvas").getContext("2d");
            pen.font = style.font;
            const room = box.clientWidth - parseFloat(style.paddingLeft)
                - parseFloat(style.paddingRight);
            return [pen.measureText(box.placeholder).width, room];
        }"""
    )
    assert text <= room
    assert "identifiers" in page.get_attribute("#q", "title")  # the long form, on hovering


def test_an_index_page_has_a_repository_facet_and_sort(open_page: Callable[..., Any]) -> None:
    base = small_report()
    sites = (
        citation(ATTENTION, "alpha/model.py", 3, "model.Attention"),
        citation(ATTENTION, "beta/ops/attn.py", 8, "ops.attn.run"),
        citation(ATTENTION, "beta-extra/nn.py", 2, "nn.block"),
        citation(BLOOM, "beta/ops/bloom.py", 5, "ops.bloom.Filter"),
        citation(BLOOM, "beta/ops/bloom.py", 9, "ops.bloom.Filter.add"),
    )
    report = replace(base, citations=sites)
    # Given out of order (an @FILE's order): the filter and the groups list them by name.
    page = open_page(report, "#repository=beta-extra", repositories=("beta", "beta-extra", "alpha"))
    assert page.input_value("#facet-repository") == "beta-extra"
    options = page.locator("#facet-repository option").all_text_contents()
    assert options == ["All repositories", "alpha", "beta", "beta-extra"]
    assert visible_ids(page) == [ATTENTION] and page.errors == []
    card = page.locator(f'[data-paper-id="{ATTENTION}"]')
    assert "in 3 places in 3 repositories" in card.text_content()
    groups = card.locator(".repo h4 strong").all_text_contents()
    assert groups == ["alpha", "beta", "beta-extra"]
    page.select_option("#facet-repository", "")
    assert page.input_value("#sort") == "count:repository"  # the default on an index page
    assert visible_ids(page)[:2] == [ATTENTION, BLOOM]
    page.select_option("#facet-directory", "beta/ops")
    assert visible_ids(page) == [ATTENTION, BLOOM]
    assert hash_of(page) == "directory=beta/ops"
