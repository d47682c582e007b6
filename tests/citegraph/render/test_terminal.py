"""The terminal summary names every paper by what is known of it."""

from __future__ import annotations

import re
from dataclasses import replace

from reports import citation, small_report

from citegraph.render import RenderOptions, render
from citegraph.render.terminal import TerminalRenderer
from citegraph.report import PaperEntry


def test_a_work_known_only_by_authors_and_year_is_named_by_them() -> None:
    report = small_report()
    key = "author-year:nguyen park 2003"
    paper = PaperEntry(
        key=key,
        kind="author-year",
        status="unresolved-title",
        authors=("Nguyen", "Park"),
        year=2003,
    )
    site = citation(key, "stats/smooth.py", 2, "stats.smooth.f", kind="author-year", raw="x")
    report = replace(
        report, papers=(paper,), citations=(replace(site, id=None),), findings=(), skipped=()
    )
    text = TerminalRenderer().render(report, RenderOptions())
    heading = next(line for line in text.splitlines() if "author-year" in line)
    # the heading names the work, not an empty title slot before its year
    assert "author-year  Nguyen, Park (2003)" in heading
    # ... and its authors are not printed a second time under it
    assert text.count("Nguyen, Park") == 1
    # ... nor a lookup said to have failed: it had no title to look up
    assert heading.rstrip().endswith("Nguyen, Park (2003)")


def test_a_titled_work_keeps_its_authors_under_its_title() -> None:
    text = TerminalRenderer().render(small_report(), RenderOptions())
    lines = text.splitlines()
    heading = next(i for i, line in enumerate(lines) if "Attention Is All You Need" in line)
    assert lines[heading + 1].strip() == "Ashish Vaswani, Noam Shazeer"


def test_the_counts_say_how_many_files_were_read_in_every_summary() -> None:
    # Four files of a known language listed; three of them skipped (a FIFO, two symlinks out
    # of the root), so one was scanned. Counts of one take the singular.
    report = small_report()
    paper = report.papers[0]
    site = next(c for c in report.citations if c.paper == paper.key)
    report = replace(
        report,
        papers=(paper,),
        citations=(site,),
        findings=(),
        stats={"listed": 4, "files": 4, "scanned": 1, "skipped": 3, "papers": 1},
    )
    counts = "1 paper, 1 citation, 1 file scanned, 1 skipped"
    assert counts in render(report, "terminal")
    assert counts + "." in render(report, "markdown")
    page = " ".join(re.sub(r"<[^>]+>", " ", render(report, "html")).split())
    assert "1 paper 1 citation 1 file scanned" in page
    assert "files scanned" not in page


def test_a_work_without_title_or_year_has_no_gap_before_its_status() -> None:
    report = small_report()
    paper = PaperEntry(key="arxiv:2105.06074", kind="arxiv", status="offline")
    site = citation(paper.key, "ops/gates.py", 3, "ops.gates.f", raw="arXiv:2105.06074")
    report = replace(report, papers=(paper,), citations=(site,), findings=(), skipped=())
    text = TerminalRenderer().render(report, RenderOptions())
    heading = next(line for line in text.splitlines() if "arxiv:2105.06074" in line)
    assert heading.endswith("arxiv:2105.06074 [offline]")
