"""The Papers page without a browser: the embedded data, URL checks and page size."""

from __future__ import annotations

import json
import re
from dataclasses import replace

from reports import citation, large_report, small_report

from citegraph.render import RenderOptions, render
from citegraph.render.facets import Facet, directory
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
    symbol_index, line, context, also_lines = attention["sites"][1]
    name, kind, file_index = data["symbols"][symbol_index]
    assert (name, kind, data["files"][file_index], line, context, also_lines) == (
        "ops::attn",
        "function",
        ["native/attn.cpp", "cpp"],
        4,
        "comment",
        [],
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


def test_facets_are_data_with_each_papers_options() -> None:
    report = small_report()
    data = page_data(report, RenderOptions())
    facets = {f["name"]: f for f in data["facets"]}
    assert list(facets) == ["kind", "status", "language", "directory"]
    assert facets["status"]["options"] == [
        ["resolved", "Resolved", 0],
        ["unresolved", "Unresolved", 0],
    ]
    assert [o[0] for o in facets["language"]["options"]] == ["cpp", "python", "rust"]
    attention = next(p for p in data["papers"] if p["id"] == "arxiv:1706.03762")
    language = [o[0] for o in facets["language"]["options"]]
    assert [language[i] for i in attention["facets"][2]] == ["cpp", "python"]
    assert data["sorts"][0] == ["refs", "Most referenced"]


def test_a_facet_is_one_entry() -> None:
    """What a cross-repository page adds: a facet of its own, and a sort by its count."""
    shelf = Facet("shelf", "Shelf", "All shelves", lambda paper, sites: {s.path[0] for s in sites})
    data = page_data(
        small_report(), RenderOptions(), facets=(shelf,), sorts=(("count:shelf", "Most shelves"),)
    )
    assert data["facets"] == [
        {
            "name": "shelf",
            "label": "Shelf",
            "all": "All shelves",
            "options": [["m", "m", 0], ["n", "n", 0], ["s", "s", 0]],
        }
    ]
    attention = next(p for p in data["papers"] if p["id"] == "arxiv:1706.03762")
    assert attention["facets"] == [[0, 1]] and data["sorts"] == [["count:shelf", "Most shelves"]]


def test_folder_tree_lists_branches_and_folders_with_files() -> None:
    tree = Facet(
        "dir", "Dir", "All", lambda paper, sites: [directory(s.path) for s in sites], tree=True
    )
    paths = ["top.py", "a/b/c/d/x.py", "a/b/y.py", "a/b/e/z.py", "a-b/w.py", "q/r/s/t.py"]
    report = replace(
        small_report(),
        citations=tuple(citation("arxiv:1706.03762", p, 1, p) for p in paths),
    )
    data = page_data(report, RenderOptions(), facets=(tree,))
    options = data["facets"][0]["options"]
    assert options == [
        [".", "./", 0],
        ["a", "a/", 0],
        ["a/b", "a/b/", 1],
        ["a/b/c/d", "a/b/c/d/", 2],
        ["a/b/e", "a/b/e/", 2],
        ["a-b", "a-b/", 0],
        ["q", "q/", 0],
        ["q/r/s", "q/r/s/", 1],
    ]
    attention = next(p for p in data["papers"] if p["id"] == "arxiv:1706.03762")
    assert attention["facets"] == [list(range(8))]


def test_folders_and_repositories_are_listed_with_case_ignored() -> None:
    # In code-point order every capital comes first: `Docs/` and `Zeta` stood above `api/` and
    # `alpha`, where no file browser puts them.
    paths = ["api/x.py", "Docs/y.py", "model/z.py", "Zeta/w.py"]
    report = replace(
        small_report(),
        citations=tuple(citation("arxiv:1706.03762", p, 1, p) for p in paths),
    )
    directories = Facet(
        "dir", "Dir", "All", lambda paper, sites: [directory(s.path) for s in sites], tree=True
    )
    data = page_data(report, RenderOptions(), facets=(directories,))
    assert [o[0] for o in data["facets"][0]["options"]] == ["api", "Docs", "model", "Zeta"]
    indexed = page_data(report, RenderOptions(), repositories=("model", "Zeta", "api", "Docs"))
    assert indexed["repositories"] == ["api", "Docs", "model", "Zeta"]
