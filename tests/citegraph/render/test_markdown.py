"""The Markdown job summary: escaping, ordering and the size limit."""

from __future__ import annotations

from dataclasses import replace

from reports import large_report, small_report

from citegraph.render import RENDERERS, RenderOptions, render
from citegraph.render.markdown import escape_md
from citegraph.report import PaperEntry, Report


def test_every_registered_format_renders_the_small_report() -> None:
    for name in RENDERERS["report"]:
        assert render(small_report(), name).strip(), name


def test_summary_has_counts_findings_and_papers_most_cited_first() -> None:
    text = render(small_report(), "markdown")
    assert "4 papers, 6 citations, 9 files scanned, 1 skipped, 1 finding." in text
    assert "- **CG003** `model/typo.py:7`" in text
    rows = [line for line in text.splitlines() if line.startswith("| ") and "---" not in line]
    assert rows[1].startswith("| [Attention Is All You Need](<https://arxiv.org/abs/1706.03762>)")
    assert "_(unresolved title)_" in text and "_(not found)_" in text


def test_untrusted_text_cannot_break_the_table_or_inject_html() -> None:
    hostile = PaperEntry(
        key="arxiv:1706.03762",
        kind="arxiv",
        status="resolved",
        title="A | B <script>alert(1)</script> [x](javascript:y) `code`\n| new row",
        url="javascript:alert(1)",
    )
    text = render(Report(root="/", repository="r", papers=(hostile,)), "markdown")
    row = next(line for line in text.splitlines() if "alert" in line)
    assert "<script>" not in text and "](javascript" not in text
    assert row.count("|") - row.count("\\|") == 5  # still four cells
    assert escape_md("a&b <i>") == "a&amp;b \\<i\\>"


def test_truncates_to_max_bytes_with_a_note() -> None:
    report = large_report(papers=3000, citations=3000)
    text = render(report, "markdown", RenderOptions(max_bytes=20_000))
    assert len(text.encode()) <= 20_000
    assert "Truncated to fit 20,000 bytes" in text and "of 3000 papers are not shown" in text
    full = render(report, "markdown")
    assert len(full.encode()) <= 1024 * 1024 and "Truncated" not in full


def test_mentions_and_issue_references_in_untrusted_text_notify_no_one() -> None:
    # a summary or diff may be posted as a pull-request comment
    escaped = escape_md("Thanks @someone and @org/team, see #12")
    assert "@someone" not in escaped and "@org/team" not in escaped and "#12" not in escaped
    assert (
        escaped.replace("&#8203;", "").replace("\\", "") == "Thanks @someone and @org/team, see #12"
    )


def test_a_paper_known_by_its_authors_alone_shows_them() -> None:
    mention = PaperEntry(
        key="author-year:moraglio-2012",
        kind="author-year",
        status="unresolved-title",
        authors=("Moraglio", "Krawiec", "Johnson", "Doe"),
        year=2012,
    )
    text = render(Report(root="/", repository="r", papers=(mention,)), "markdown")
    # named as the code cites it, without a status that only says no title was looked up
    assert "| Moraglio, Krawiec, Johnson et al. _(cited by author and year)_ | 2012 |" in text
    # a paper of another kind whose entry gave authors and no title says so, and its status
    untitled = replace(mention, key="doi:10.1234/x", kind="doi", status="not-found")
    text = render(Report(root="/", repository="r", papers=(untitled,)), "markdown")
    assert "| Moraglio, Krawiec, Johnson et al. _(no title)_ _(not found)_ | 2012 |" in text


def test_citing_sites_come_first_one_a_line_and_link_to_the_code() -> None:
    # In GitHub's job summary the four sites ran together before the identifier, and a long
    # key pushed them out of sight; the action's --source-url made no links
    template = "https://example.org/r/blob/{rev}/{path}#L{line}"
    text = render(small_report(), "markdown", RenderOptions(source_url=template))
    assert "| Paper | Year | Cited by | Id |" in text
    row = next(line for line in text.splitlines() if "Attention Is All" in line)
    cells = row.split(" | ")
    assert cells[-1] == "`arxiv:1706.03762` |"
    sites = cells[2].split("<br>")
    assert len(sites) == 3
    assert sites[0] == (
        "`model.attention.Attention` [`model/attention.py:10`]"
        "(<https://example.org/r/blob/0123456789abcdef/model/attention.py#L10>)"
    )
    # A subdirectory's scan names its files from the repository's top, as the page does.
    text = render(
        replace(small_report(), prefix="src"), "markdown", RenderOptions(source_url=template)
    )
    assert "(<https://example.org/r/blob/0123456789abcdef/src/model/attention.py#L10>)" in text
    # Without a template, the sites are plain.
    assert "](<https://example.org" not in render(small_report(), "markdown")
