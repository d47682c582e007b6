"""A compact Markdown summary for a CI job summary or a pull-request comment.

Untrusted text (titles, symbols, paths, messages) is escaped so it cannot break the table,
start a link or inject HTML, and the document stays under `max_bytes` (GitHub's step summary
limit is 1 MiB) by dropping the least-cited rows with a note saying how many.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from urllib.parse import quote

from citegraph.render import RenderOptions
from citegraph.render.html import report_source_template, safe_url, source_link
from citegraph.render.names import author_list
from citegraph.report import Citation, PaperEntry, Report, counted, files_scanned
from scanner import GENERATED_MARKER

DEFAULT_MAX_BYTES = 1024 * 1024
_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+!|~])")
_MAX_SITES = 4
_NOTE_ROOM = 200  # bytes kept free for the truncation note
_MAX_FINDINGS = 500  # the SARIF and JSON outputs carry all of them
_URL_SAFE = ":/?#[]@!$&'()*+,;=%~"


# An @-mention or a #-reference in a comment notifies people or links issues: text from the
# scanned code (a title, a symbol) may be posted as a pull-request comment, so a zero-width
# space keeps "@org/team" and "#123" from pinging anyone.
_MENTION = re.compile(r"(?<=[@#])(?=[\w-])")


def escape_md(text: str) -> str:
    """Escape Markdown and HTML metacharacters and break @-mentions and #-references;
    newlines become spaces."""
    text = " ".join(text.split())
    return _MENTION.sub("&#8203;", _SPECIAL.sub(r"\\\1", text.replace("&", "&amp;")))


def _code(text: str) -> str:
    # Inside a code span only backticks and (in a table) pipes need care.
    return " ".join(text.split()).replace("`", "'").replace("|", "\\|")


class MarkdownRenderer:
    """Renders the counts, the findings and the table of papers, most cited first."""

    name = "markdown"
    extension = ".md"

    def render(self, report: Report, options: RenderOptions) -> str:
        """Return the Markdown document, truncated to fit `options.max_bytes`."""
        sites: dict[str, list[Citation]] = defaultdict(list)
        for citation in report.citations:
            sites[citation.paper].append(citation)
        # The marker keeps a saved summary out of later scans (it quotes every citation).
        head = [
            GENERATED_MARKER + " -->",
            "## Papers referenced in this code",
            "",
            _counts(report),
            "",
        ]
        findings = []
        if report.findings:
            findings = [f"### Findings ({len(report.findings)})", ""]
            findings += [
                f"- **{f.rule}** `{_code(f.path)}:{f.line}`: {escape_md(f.message)}"
                for f in report.findings[:_MAX_FINDINGS]
            ]
            if len(report.findings) > _MAX_FINDINGS:
                findings.append(f"- ... and {len(report.findings) - _MAX_FINDINGS} more")
            findings.append("")
        table = [f"### Papers ({len(report.papers)})", "", "| Paper | Year | Cited by | Id |"]
        table.append("|---|---|---|---|")
        ranked = sorted(report.papers, key=lambda p: (-len(sites.get(p.key, [])), p.key))
        link = _site_links(report, options.source_url)
        rows = [_row(paper, sites.get(paper.key, []), link) for paper in ranked]
        return _fit(head + findings + table, rows, options.max_bytes or DEFAULT_MAX_BYTES)


def _counts(report: Report) -> str:
    parts = [
        counted(len(report.papers), "paper"),
        counted(len(report.citations), "citation"),
        counted(files_scanned(report), "file") + " scanned",
    ]
    if report.skipped:
        parts.append(f"{len(report.skipped)} skipped")
    if report.findings:
        parts.append(counted(len(report.findings), "finding"))
    where = f"**{escape_md(report.repository)}**"
    if report.revision:
        where += f" at `{_code(report.revision[:12])}`"
    return f"{where}: {', '.join(parts)}."


# Each citing site on a line of its own (run together, a site's symbol and path were split
# over lines wherever the column ran out). The sites come before the identifier: GitHub's job
# summary scrolls a wide table sideways, and a long key (a title, a URL) had pushed the code
# citing the paper, what the summary is read for, out of sight.
_SITE_BREAK = "<br>"


def _site_links(report: Report, template: str | None) -> Callable[[Citation], str | None]:
    """Where each citing site is on the code host (`--source-url`), or nothing."""
    pieces = report_source_template(report, template)
    if pieces is None:
        return lambda _: None
    return lambda citation: source_link(pieces, report.revision, citation.path, citation.line)


def _row(paper: PaperEntry, cited: list[Citation], link: Callable[[Citation], str | None]) -> str:
    title = escape_md(paper.title or paper.title_hint or "") or _untitled(paper)
    url = safe_url(paper.url)
    if url:
        # Angle-bracket destinations allow any URL once `<`, `>` and spaces are encoded.
        title = f"[{title}](<{quote(url, safe=_URL_SAFE)}>)"
    if paper.status not in ("resolved", "cached") and not _named_by_authors(paper):
        title += f" _({escape_md(paper.status.replace('-', ' '))})_"
    sites = sorted(cited, key=lambda c: (c.path, c.line, c.symbol))
    shown = _SITE_BREAK.join(_site(c, link(c)) for c in sites[:_MAX_SITES])
    if len(sites) > _MAX_SITES:
        shown += f"{_SITE_BREAK}+{len(sites) - _MAX_SITES} more"
    return f"| {title} | {paper.year or ''} | {shown} | `{_code(paper.key)}` |"


def _untitled(paper: PaperEntry) -> str:
    """A paper known by no title: its authors as the code names them ("Moraglio et al."),
    else no metadata."""
    if not paper.authors:
        return "_no metadata_"
    names = author_list(paper.authors, 3)
    if _named_by_authors(paper):
        return f"{escape_md(names)} _(cited by author and year)_"
    return f"{escape_md(names)} _(no title)_"


def _named_by_authors(paper: PaperEntry) -> bool:
    """Whether the row names a paper the code cites by its authors and year alone: its
    status (no title to look up) says nothing more than that."""
    return paper.kind == "author-year" and not (paper.title or paper.title_hint)


def _site(citation: Citation, url: str | None) -> str:
    """One citation: its symbol, where it starts (a link to it on the code host, if `url`),
    and the other lines of the same reference in that place (an entry's in-text mention or
    label)."""
    where = f"`{_code(f'{citation.path}:{citation.line}')}`"
    if url:
        where = f"[{where}](<{quote(url, safe=_URL_SAFE)}>)"
    if citation.also_lines:
        where += f" (also {', '.join(map(str, citation.also_lines))})"
    if citation.symbol == citation.path:  # a document's citation names no symbol
        return where
    return f"`{_code(citation.symbol)}` {where}"


def _fit(head: list[str], rows: list[str], limit: int) -> str:
    document = "\n".join(head + rows) + "\n"
    if len(document.encode("utf-8")) <= limit:
        return document
    size = len("\n".join(head).encode("utf-8")) + 1 + _NOTE_ROOM
    kept: list[str] = []
    for row in rows:
        size += len(row.encode("utf-8")) + 1
        if size > limit:
            break
        kept.append(row)
    note = (
        f"_Truncated to fit {limit:,} bytes: {len(rows) - len(kept)} of {len(rows)} papers "
        "are not shown; see the JSON or HTML report for all of them._"
    )
    return "\n".join(head + kept) + "\n\n" + note + "\n"
