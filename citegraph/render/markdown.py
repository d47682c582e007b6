"""A compact Markdown summary for a CI job summary or a pull-request comment.

Untrusted text (titles, symbols, paths) is escaped so it cannot break the table or inject
HTML, and the document stays under `max_bytes` (GitHub's step summary limit is 1 MiB) by
dropping rows with a note.
"""

from __future__ import annotations

import re
from collections import defaultdict

from citegraph.render import RenderOptions
from citegraph.report import Citation, Report

DEFAULT_MAX_BYTES = 1024 * 1024
_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+!|~])")
_MAX_SYMBOLS = 4


def escape_md(text: str) -> str:
    """Escape Markdown and HTML metacharacters; newlines become spaces."""
    text = " ".join(text.split())
    return _SPECIAL.sub(r"\\\1", text).replace("&", "&amp;")


class MarkdownRenderer:
    """Renders the summary table of papers, counts and findings."""

    name = "markdown"
    extension = ".md"

    def render(self, report: Report, options: RenderOptions) -> str:
        """Return the Markdown document, truncated to fit `options.max_bytes`."""
        limit = options.max_bytes or DEFAULT_MAX_BYTES
        sites: dict[str, list[Citation]] = defaultdict(list)
        for citation in report.citations:
            sites[citation.paper].append(citation)
        head = [
            "## Papers referenced in this code",
            "",
            f"**{escape_md(report.repository)}**"
            + (f" at `{report.revision[:12]}`" if report.revision else "")
            + f": {len(report.papers)} papers, {len(report.citations)} citations, "
            f"{report.stats.get('files', 0)} files scanned"
            + (f", {len(report.skipped)} skipped" if report.skipped else "")
            + (f", {len(report.findings)} findings" if report.findings else "")
            + ".",
            "",
        ]
        rows = ["| Paper | Year | Id | Cited by |", "|---|---|---|---|"]
        for paper in report.papers:
            cited = sites.get(paper.key, [])
            symbols = sorted({c.symbol for c in cited})
            shown = ", ".join(f"`{_code(s)}`" for s in symbols[:_MAX_SYMBOLS])
            if len(symbols) > _MAX_SYMBOLS:
                shown += f" +{len(symbols) - _MAX_SYMBOLS} more"
            title = escape_md(paper.title or paper.title_hint or "(untitled)")
            if paper.status not in ("resolved", "cached"):
                title += " _(unresolved)_"
            rows.append(f"| {title} | {paper.year or ''} | `{_code(paper.key)}` | {shown} |")
        findings = []
        if report.findings:
            findings = ["", f"### Findings ({len(report.findings)})", ""]
            findings += [
                f"- `{_code(f.path)}:{f.line}` **{f.rule}** {escape_md(f.message)}"
                for f in report.findings
            ]
        return _fit(head, rows, findings, limit)


def _code(text: str) -> str:
    # Inside a code span only backticks and pipes (table cells) need care.
    return " ".join(text.split()).replace("`", "'").replace("|", "\\|")


def _fit(head: list[str], rows: list[str], findings: list[str], limit: int) -> str:
    document = "\n".join(head + rows + findings) + "\n"
    if len(document.encode("utf-8")) <= limit:
        return document
    note_room = 200
    kept: list[str] = []
    size = len("\n".join(head).encode("utf-8")) + note_room
    for line in rows + findings:
        line_size = len(line.encode("utf-8")) + 1
        if size + line_size > limit:
            break
        kept.append(line)
        size += line_size
    dropped = len(rows) + len(findings) - len(kept)
    note = f"\n_Truncated: {dropped} more lines did not fit; see the full JSON or HTML report._"
    return "\n".join(head + kept) + "\n" + note + "\n"
