"""The default terminal summary: papers ranked by how many symbols cite them."""

from __future__ import annotations

import io
from collections import defaultdict

from rich.console import Console
from rich.markup import escape

from citegraph.render import RenderOptions
from citegraph.render.names import author_list
from citegraph.report import Citation, PaperEntry, Report, counted, files_scanned

_MAX_SITES = 3
_MAX_SKIPPED = 20
_UNWRAPPED = 1_000_000


class TerminalRenderer:
    """A readable summary for people at a terminal."""

    name = "terminal"
    extension = ".txt"

    def render(self, report: Report, options: RenderOptions) -> str:
        """Return the summary; colour only when `options.color` is set, wrapped at
        `options.width` columns when that is set."""
        buffer = io.StringIO()
        # No width: no wrapping at all, one record per line (pipes, files, CI logs).
        console = Console(
            file=buffer,
            width=options.width or _UNWRAPPED,
            soft_wrap=options.width is None,
            force_terminal=options.color,
            color_system="standard" if options.color else None,
            highlight=False,
        )
        sites: dict[str, list[Citation]] = defaultdict(list)
        for citation in report.citations:
            sites[citation.paper].append(citation)
        console.print(_headline(report))
        for paper in report.papers:
            console.print()
            _print_paper(console, paper, sites.get(paper.key, []))
        if report.findings:
            console.print(f"\n[bold]Findings ({len(report.findings)})[/bold]")
            for finding in report.findings:
                console.print(
                    f"  {escape(finding.path)}:{finding.line}:{finding.column}: "
                    f"[red]{finding.rule}[/red] {escape(finding.message)}"
                )
        if report.skipped:
            console.print(f"\n[bold]Skipped ({len(report.skipped)})[/bold]")
            for skipped in report.skipped[:_MAX_SKIPPED]:
                console.print(f"  {escape(skipped.path)}: {escape(skipped.reason)}")
            if len(report.skipped) > _MAX_SKIPPED:
                more = len(report.skipped) - _MAX_SKIPPED
                console.print(f"  ... and {more} more (see --format json)")
        for warning in report.warnings:
            console.print(f"[yellow]warning:[/yellow] {escape(warning)}")
        return buffer.getvalue()


def _headline(report: Report) -> str:
    revision = f" @ {report.revision[:10]}" if report.revision else ""
    parts = [
        counted(len(report.papers), "paper"),
        counted(len(report.citations), "citation"),
        counted(files_scanned(report), "file") + " scanned",
    ]
    if report.skipped:
        parts.append(f"{len(report.skipped)} skipped")
    resolved = sum(1 for p in report.papers if p.title)
    if resolved:
        parts.append(f"{resolved} resolved")
    return f"[bold]{escape(report.repository)}[/bold]{revision}: " + ", ".join(parts)


def _print_paper(console: Console, paper: PaperEntry, sites: list[Citation]) -> None:
    symbols = sorted({c.symbol for c in sites})
    count = f"{len(symbols)} symbol{'s' if len(symbols) != 1 else ''}"
    authors = author_list(paper.authors, 3)
    title = paper.title or (f'"{paper.title_hint}"' if paper.title_hint else "")
    # a work known only by its authors and year is named by them, as the code names it
    named_by_authors = not title and bool(authors)
    if named_by_authors:
        title = authors
    year = f" ({paper.year})" if paper.year else ""
    label = paper.key if paper.kind not in ("title", "author-year", "book") else paper.kind
    quiet_statuses = ("resolved", "cached", "unresolved")  # "unresolved": nobody asked
    # A work cited by its authors and year had no title to look up: "[unresolved-title]" said
    # a lookup failed (the Papers page and Markdown say how it is cited, and its kind does).
    quiet = paper.status in quiet_statuses or (named_by_authors and paper.kind == "author-year")
    status = "" if quiet else f" [dim]\\[{paper.status}][/dim]"
    # A work with no title and no year (an arXiv id offline) has its status after the key.
    named = f"  {escape(title)}{year}" if title or year else ""
    console.print(f"[cyan]{count:>10}[/cyan]  [bold]{escape(label)}[/bold]{named}{status}")
    if authors and not named_by_authors:
        console.print(f"{'':12}[dim]{escape(authors)}[/dim]")
    for citation in sites[:_MAX_SITES]:
        also = ", ".join(map(str, citation.also_lines))
        where = (
            f"[dim]{escape(citation.path)}:{citation.line}{f' (also {also})' if also else ''}[/dim]"
        )
        symbol = "" if citation.symbol == citation.path else f"{escape(citation.symbol)}  "
        console.print(f"{'':12}-> {symbol}{where}")
    if len(sites) > _MAX_SITES:
        console.print(f"{'':12}   ... {len(sites) - _MAX_SITES} more")
