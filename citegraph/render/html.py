"""The "Papers" browse page: one self-contained HTML file (inline CSS and JS, no network).

The page embeds the report once, as JSON in a `<script type="application/json">` element, and a
small script builds the cards from it with `textContent`, so every string from scanned code or
from metadata services stays text. Cards are built on demand, a page at a time, which keeps a
2,000-paper report quick to open, search and sort. The header, counts and problem lists are
rendered on the server with Jinja2 autoescaping. Only `http(s)` URLs ever become links.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from importlib.resources import files
from string import Formatter
from typing import Any
from urllib.parse import quote, urlsplit

from citegraph.render import RenderOptions
from citegraph.render.facets import (
    FACETS,
    SORTS,
    Facet,
    by_name,
    facet_data,
    repository_facet,
    repository_of,
    resolved,
)
from citegraph.report import Citation, Report, files_scanned
from scanner import GENERATED_MARKER

TITLE = "Papers: browse academic papers referenced in production code"
_SOURCE_FIELDS = {"rev", "path", "line"}
# `<`, `>` and `&` as JSON escapes: no `</script>` or `<!--` can end the data element early.
_JSON_ESCAPES = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


class HtmlRenderer:
    """Renders the browse page."""

    name = "html"
    extension = ".html"

    def render(
        self,
        report: Report,
        options: RenderOptions,
        repositories: Sequence[str] = (),
        failed: Sequence[tuple[str, str]] = (),
    ) -> str:
        """Return the whole page as one string. With `repositories` (an index of several), each
        citation's path starts with its repository's name and the page gets a repository
        facet; `failed` names the index's sources that gave no result, with the reason (the
        header counts them and Problems lists them: their papers are not on the page)."""
        from jinja2 import Environment, select_autoescape
        from markupsafe import Markup

        environment = Environment(
            autoescape=select_autoescape(default=True), trim_blocks=True, lstrip_blocks=True
        )
        templates = files("citegraph.render") / "templates"
        template = environment.from_string((templates / "papers.html.j2").read_text("utf-8"))
        data = page_data(report, options, repositories)
        return template.render(
            title=TITLE,
            generated=Markup(GENERATED_MARKER + " -->"),
            report=report,
            failed=failed,
            scanned=files_scanned(report),
            unresolved=sum(1 for p in report.papers if not resolved(p)),
            years=sorted({p.year for p in report.papers if p.year}),
            # Markup: the JSON is escaped by embed_json; the style and script are our own files.
            data=Markup(embed_json(data)),
            style=Markup((templates / "papers.css").read_text("utf-8")),
            script=Markup((templates / "papers.js").read_text("utf-8")),
        )


def embed_json(data: object) -> str:
    """`data` as JSON that is safe inside a `<script>` element."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_JSON_ESCAPES)


def safe_url(url: str | None) -> str | None:
    """`url` when it is an absolute http(s) URL, else None: nothing else becomes a link."""
    if not url:
        return None
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    if any(ord(char) < 0x21 for char in url):  # control characters and spaces
        return None
    return url


def source_template(template: str | None) -> list[str] | None:
    """`template` split for the page's script: literal text and field names, alternating.

    Only `{rev}`, `{path}` and `{line}` are allowed, without format specs, and the URL must be
    http(s); anything else yields None and the page shows plain `path:line` text.
    """
    if not template:
        return None
    pieces: list[str] = []
    try:
        for literal, field, spec, conversion in Formatter().parse(template):
            if field is not None and (field not in _SOURCE_FIELDS or spec or conversion):
                return None
            pieces += [literal, field or ""]
        sample = template.format(rev="0", path="a", line=1)
    except ValueError:
        return None
    return pieces if safe_url(sample) else None


def report_source_template(report: Report, template: str | None) -> list[str] | None:
    """`source_template` of `template` for the files of `report`: a subdirectory's scan names
    its files from the repository's top, as the code host does."""
    if template and report.prefix:
        template = template.replace(
            "{path}", quote(report.prefix.rstrip("/"), safe="/") + "/{path}"
        )
    return source_template(template)


def source_link(pieces: list[str], revision: str | None, path: str, line: int) -> str | None:
    """The code host's URL of `path` at `line` from `report_source_template`'s pieces, as the
    page's script builds it (`sourceUrl`); None unless http(s)."""
    values = {"rev": revision or "HEAD", "path": quote(path, safe="/"), "line": str(line)}
    url = "".join(values.get(piece, "") if i % 2 else piece for i, piece in enumerate(pieces))
    return safe_url(url)


def page_data(
    report: Report,
    options: RenderOptions,
    repositories: Sequence[str] = (),
    facets: tuple[Facet, ...] = FACETS,
    sorts: tuple[tuple[str, str], ...] = SORTS,
) -> dict[str, Any]:
    """The JSON the page's script renders: papers, symbols and files, strings shared by index.

    A citation is `[symbol index, line, context]`; a symbol is `[name, kind, file index]`; a
    file is `[path, language]`, plus its repository's index in `repositories` (sorted by
    name) when the report spans several (which adds the repository facet and sort). Interning
    keeps 20,000 citations to about a megabyte. Each paper's `facets` holds, per facet, the
    indices of the options it has.
    """
    # By name, as the directory facet lists their folders: in the order the sources were given
    # (an @FILE's, a shell glob's), a long repository filter was in no order a reader could use.
    repositories = sorted(repositories, key=by_name)
    if repositories:
        facets = (*facets[:3], repository_facet(repositories), *facets[3:])
        sorts = (("count:repository", "Most repositories"), *sorts)
    file_index: dict[str, int] = {}
    symbol_index: dict[tuple[str, str], int] = {}
    files_: list[list[str]] = []
    symbols: list[list[Any]] = []
    sites: dict[str, list[list[Any]]] = defaultdict(list)
    by_paper: dict[str, list[Citation]] = defaultdict(list)
    for citation in report.citations:
        sites[citation.paper].append(_site(citation, file_index, symbol_index, files_, symbols))
        by_paper[citation.paper].append(citation)
    if repositories:
        for file_entry in files_:
            owner = repository_of(file_entry[0], repositories)
            file_entry.append(None if owner is None else repositories.index(owner))  # type: ignore[arg-type]
    described, memberships = facet_data(facets, report.papers, by_paper)
    papers = []
    for paper, membership in zip(report.papers, memberships, strict=True):
        entry: dict[str, Any] = {
            "id": paper.key,
            "kind": paper.kind,
            "status": paper.status,
            "resolved": resolved(paper),
            "title": paper.title or "",
            "hint": paper.title_hint or "",
            "authors": list(paper.authors),
            "year": paper.year,
            "venue": paper.venue or "",
            "abstract": paper.abstract or "",
            "url": safe_url(paper.url),
            "ids": sorted(f"{k}:{v}" for k, v in paper.ids.items() if f"{k}:{v}" != paper.key),
            "sites": sites.get(paper.key, []),
            "facets": membership,
        }
        if paper.confidence is not None:
            entry["confidence"] = round(paper.confidence, 2)
        papers.append(entry)
    data: dict[str, Any] = {
        "revision": report.revision or "HEAD",
        "source": report_source_template(report, options.source_url),
        "files": files_,
        "symbols": symbols,
        "facets": described,
        "sorts": [list(sort) for sort in sorts],
        "papers": papers,
    }
    if repositories:
        data["repositories"] = list(repositories)
    return data


def _site(
    citation: Citation,
    file_index: dict[str, int],
    symbol_index: dict[tuple[str, str], int],
    files_: list[list[str]],
    symbols: list[list[Any]],
) -> list[Any]:
    if citation.path not in file_index:
        file_index[citation.path] = len(files_)
        files_.append([citation.path, citation.language])
    key = (citation.path, citation.symbol)
    if key not in symbol_index:
        symbol_index[key] = len(symbols)
        symbols.append([citation.symbol, citation.symbol_kind, file_index[citation.path]])
    return [symbol_index[key], citation.line, citation.context, list(citation.also_lines)]
