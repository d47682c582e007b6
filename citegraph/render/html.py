"""The "Papers" browse page: one self-contained HTML file (inline CSS and JS, no network).

Cards are rendered on the server side with Jinja2 autoescaping, so every string from scanned
code or from metadata services is escaped text; the small script only filters, sorts and
switches views by reading `data-*` attributes. Only `http(s)` URLs ever become links.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from importlib.resources import files
from urllib.parse import quote, urlsplit

from citegraph.render import RenderOptions
from citegraph.report import Citation, PaperEntry, Report

TITLE = "Papers: browse academic papers referenced in production code"
_EXCERPT = 280


@dataclass(frozen=True, slots=True)
class Site:
    """One citing place, ready for the template."""

    symbol: str
    path: str
    line: int
    href: str | None
    context: str


@dataclass(frozen=True, slots=True)
class Card:
    """One paper card: display text plus the attributes the script filters on."""

    paper: PaperEntry
    title: str
    href: str | None
    excerpt: str | None
    sites: list[Site]
    symbols: int
    languages: str
    directories: str
    search: str
    unresolved: bool


class HtmlRenderer:
    """Renders the browse page."""

    name = "html"
    extension = ".html"

    def render(self, report: Report, options: RenderOptions) -> str:
        """Return the whole page as one string."""
        from jinja2 import Environment, select_autoescape

        environment = Environment(
            autoescape=select_autoescape(default=True), trim_blocks=True, lstrip_blocks=True
        )
        template_dir = files("citegraph.render") / "templates"
        template = environment.from_string((template_dir / "papers.html.j2").read_text("utf-8"))
        cards = _cards(report, options)
        symbols = _symbol_rows(report, {c.paper.key: c for c in cards})
        return template.render(
            title=TITLE,
            report=report,
            cards=cards,
            symbols=symbols,
            kinds=sorted({c.paper.kind for c in cards}),
            languages=sorted({c.language for c in report.citations}),
            directories=sorted({d for c in cards for d in c.directories.split()}),
            years=sorted({c.paper.year for c in cards if c.paper.year}),
            style=(template_dir / "papers.css").read_text("utf-8"),
            script=(template_dir / "papers.js").read_text("utf-8"),
        )


def safe_url(url: str | None) -> str | None:
    """`url` when it is an absolute http(s) URL, else None: nothing else becomes a link."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url.strip()


def source_link(template: str | None, revision: str | None, citation: Citation) -> str | None:
    """The link to a citing line, from a template such as `.../blob/{rev}/{path}#L{line}`."""
    if not template:
        return None
    try:
        url = template.format(rev=revision or "HEAD", path=quote(citation.path), line=citation.line)
    except (KeyError, IndexError, ValueError):
        return None
    return safe_url(url)


def _cards(report: Report, options: RenderOptions) -> list[Card]:
    sites: dict[str, list[Citation]] = defaultdict(list)
    for citation in report.citations:
        sites[citation.paper].append(citation)
    cards = []
    for paper in report.papers:
        cited = sites.get(paper.key, [])
        title = paper.title or paper.title_hint or paper.key
        directories = {c.path.rsplit("/", 1)[0] if "/" in c.path else "." for c in cited}
        top_dirs = {d.split("/")[0] for d in directories}
        abstract = paper.abstract or ""
        search = " ".join(
            [
                title,
                paper.title_hint or "",
                " ".join(paper.authors),
                abstract,
                paper.key,
                " ".join(paper.ids.values()),
                paper.venue or "",
                " ".join(c.symbol for c in cited),
                " ".join(c.path for c in cited),
            ]
        )
        cards.append(
            Card(
                paper=paper,
                title=title,
                href=safe_url(paper.url),
                excerpt=(abstract[:_EXCERPT].rsplit(" ", 1)[0] + "…")
                if len(abstract) > _EXCERPT
                else None,
                sites=[
                    Site(
                        c.symbol,
                        c.path,
                        c.line,
                        source_link(options.source_url, report.revision, c),
                        c.context,
                    )
                    for c in cited
                ],
                symbols=len({c.symbol for c in cited}),
                languages=" ".join(sorted({c.language for c in cited})),
                directories=" ".join(sorted(top_dirs)),
                search=search.lower(),
                unresolved=paper.status not in ("resolved", "cached"),
            )
        )
    return cards


@dataclass(frozen=True, slots=True)
class SymbolRow:
    """One symbol (or module) with the papers it relies on."""

    symbol: str
    kind: str
    path: str
    papers: list[tuple[str, str]]  # (paper key, display title)


def _symbol_rows(report: Report, cards: dict[str, Card]) -> list[SymbolRow]:
    grouped: dict[tuple[str, str], dict[str, str]] = defaultdict(dict)
    kinds: dict[tuple[str, str], str] = {}
    for citation in report.citations:
        key = (citation.path, citation.symbol)
        card = cards.get(citation.paper)
        grouped[key][citation.paper] = card.title if card else citation.paper
        kinds[key] = citation.symbol_kind
    return [
        SymbolRow(symbol, kinds[(path, symbol)], path, sorted(papers.items()))
        for (path, symbol), papers in sorted(grouped.items())
    ]
