"""The Papers page without a browser: the embedded data, URL checks and page size."""

from __future__ import annotations

import json
import re

from reports import large_report, small_report

from citegraph.render import RenderOptions, render
from citegraph.render.html import embed_json, page_data, safe_url, source_template


def embedded(page: str) -> dict:
    match = re.search(r'<script type="application/json" id="citegraph-data">(.*?)</script>', page)
    assert match, "no data element"
    return json.loads(match[1])


def test_embedded_json_cannot_close_its_script_element() -> None:
    text = embed_json({"title": "</script><script>alert(1)</script><!-- & -->"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text)["title"] == "</script><script>alert(1)</script><!-- & -->"


def test_page_embeds_papers_with_interned_sites() -> None:
    report = small_report()
    data = embedded(render(report, "html"))
    assert data == json.loads(json.dumps(page_data(report, RenderOptions())))
    attention = next(p for p in data["papers"] if p["id"] == "arxiv:1706.03762")
    assert len(attention["sites"]) == 3
    symbol_index, line, context = attention["sites"][1]
    name, kind, file_index = data["symbols"][symbol_index]
    assert (name, kind, data["files"][file_index], line, context) == (
        "ops::attn",
        "function",
        ["native/attn.cpp", "cpp"],
        4,
        "comment",
    )
    unresolved = next(p for p in data["papers"] if p["id"] == "arxiv:2001.00001")
    assert unresolved["resolved"] is False and unresolved["status"] == "not-found"


def test_safe_url_accepts_only_absolute_http() -> None:
    assert safe_url(" https://arxiv.org/abs/1 ") == "https://arxiv.org/abs/1"
    for bad in (
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "data:text/html,x",
        "//evil.org",
        "ftp://x.org/a",
        "https://a.org/x y",
        "http:///path",
        None,
        "",
    ):
        assert safe_url(bad) is None, bad


def test_source_template_allows_only_known_fields_and_http() -> None:
    assert source_template("https://h.org/{rev}/{path}#L{line}") == [
        "https://h.org/",
        "rev",
        "/",
        "path",
        "#L",
        "line",
    ]
    for bad in (
        "javascript:{path}",
        "https://h.org/{path.__class__}",
        "https://h.org/{line:>10}",
        "https://h.org/{other}",
        "https://h.org/{",
        None,
    ):
        assert source_template(bad) is None, bad


def test_two_thousand_papers_stay_a_small_page() -> None:
    page = render(large_report(papers=2000, citations=20000), "html")
    assert len(page.encode()) < 3_000_000  # 2.25 MB measured; server-side cards were 12 MB
    assert len(embedded(page)["papers"]) == 2000
