"""The default terminal summary: papers ranked by how many symbols cite them."""

from __future__ import annotations

import io
from collections import defaultdict

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from citegraph.render import RenderOptions
from citegraph.report import Citation, PaperEntry, Report

_MAX_SYMBOLS = 3


class TerminalRenderer:
    """A readable summary for people at a terminal."""

    name = "terminal"
    extension = ".txt"

    def render(self, report: Report, options: RenderOptions) -> str:
        """Return the summary; colour only when `options.color` is set."""
        buffer = io.StringIO()
        console = Console(
            file=buffer,
            width=options.width,
            force_terminal=options.color,
            color_system="standard" if options.color else None,
            highlight=False,
            soft_wrap=False,
        )
        sites: dict[str, list[Citation]] = defaultdict(list)
        for citation in report.citations:
            sites[citation.paper].append(citation)
        stats = report.stats
        console.print(
            f"[bold]{escape(report.repository)}[/bold]"
            + (f" @ {report.revision[:12]}" if report.revision else "")
            + f": {len(report.papers)} papers, {len(report.citations)} citations "
            f"in {stats.get('files', 0)} files"
            + (f", {len(report.skipped)} skipped" if report.skipped else "")
        )
        if report.papers:
            console.print(_papers_table(report.papers, sites))
        if report.findings:
            console.print(f"\n[bold]Findings ({len(report.findings)})[/bold]")
            for finding in report.findings:
                console.print(
                    f"  {escape(finding.path)}:{finding.line}:{finding.column}: "
                    f"{finding.rule} {escape(finding.message)}"
                )
        if report.skipped:
            console.print(f"\n[bold]Skipped ({len(report.skipped)})[/bold]")
            for skipped in report.skipped[:20]:
                console.print(f"  {escape(skipped.path)}: {escape(skipped.reason)}")
            if len(report.skipped) > 20:
                console.print(f"  ... and {len(report.skipped) - 20} more (see --format json)")
        for warning in report.warnings:
            console.print(f"[yellow]warning:[/yellow] {escape(warning)}")
        return buffer.getvalue()


def _papers_table(papers: tuple[PaperEntry, ...], sites: dict[str, list[Citation]]) -> Table:
    table = Table(box=None, pad_edge=False, show_edge=False, header_style="bold")
    table.add_column("#", justify="right")
    table.add_column("paper", overflow="fold", ratio=3)
    table.add_column("cited by", overflow="fold", ratio=2)
    for paper in papers:
        citing = sites.get(paper.key, [])
        symbols = sorted({c.symbol for c in citing})
        shown = ", ".join(symbols[:_MAX_SYMBOLS])
        if len(symbols) > _MAX_SYMBOLS:
            shown += f" +{len(symbols) - _MAX_SYMBOLS}"
        table.add_row(str(len(symbols)), escape(_describe(paper)), escape(shown))
    return table


def _describe(paper: PaperEntry) -> str:
    title = paper.title or (f'"{paper.title_hint}"' if paper.title_hint else None)
    if paper.kind in ("title", "author-year"):
        label = "title" if paper.kind == "title" else "author-year"
        who = _authors(paper)
        text = title or who or paper.key
        extra = " ".join(x for x in (who if title else "", str(paper.year or "")) if x)
        status = "" if paper.status in ("resolved", "cached") else " [unresolved]"
        return f"{label}: {text}" + (f" ({extra})" if extra else "") + status
    parts = [paper.key]
    if title:
        parts.append(title)
    if paper.year:
        parts.append(f"({paper.year})")
    return "  ".join(parts)


def _authors(paper: PaperEntry) -> str:
    if not paper.authors:
        return ""
    first = paper.authors[0]
    return first + (
        " et al."
        if len(paper.authors) > 2
        else f" & {paper.authors[1]}"
        if len(paper.authors) == 2
        else ""
    )
