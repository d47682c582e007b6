"""Renderers turn a finished `Report` into text; `RENDERERS` maps a format name to one.

Each renderer is one module. They are imported lazily, so `citegraph scan` in a pre-commit hook
never pays for Jinja2 or networkx's writers.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Protocol

from citegraph.report import Report, without_unknown_types
from citegraph.textsafe import displayable, escape_surrogates


@dataclass(frozen=True, slots=True)
class RenderOptions:
    """Knobs shared by renderers; each reads only the ones it needs.

    `source_url` is a template such as `https://github.com/ORG/REPO/blob/{rev}/{path}#L{line}`
    that turns citation sites into links; `max_bytes` caps size-limited outputs (the Markdown job
    summary); `color` enables terminal colours; `width` wraps the terminal summary at that many
    columns (None: one record per line, never wrapped).
    """

    source_url: str | None = None
    max_bytes: int | None = None
    color: bool = False
    width: int | None = None


class Renderer(Protocol):
    """Turns a report into the text of one output format."""

    name: str
    extension: str  # the usual file extension, for `-o DIR` style outputs

    def render(self, report: Report, options: RenderOptions) -> str:
        """Return the whole document."""
        ...


# format name -> "module:class"; the class takes no arguments.
RENDERERS: dict[str, str] = {
    "terminal": "citegraph.render.terminal:TerminalRenderer",
    "json": "citegraph.render.json:JsonRenderer",
    "jsonl": "citegraph.render.json:JsonLinesRenderer",
    "html": "citegraph.render.html:HtmlRenderer",
    "markdown": "citegraph.render.markdown:MarkdownRenderer",
    "bibtex": "citegraph.render.bibtex:BibtexRenderer",
    "csl-json": "citegraph.render.csljson:CslJsonRenderer",
    "sarif": "citegraph.render.sarif:SarifRenderer",
    "graphml": "citegraph.render.graphs:GraphmlRenderer",
    "gexf": "citegraph.render.graphs:GexfRenderer",
    "node-link": "citegraph.render.graphs:NodeLinkRenderer",
    "dot": "citegraph.render.graphs:DotRenderer",
}


def get_renderer(name: str) -> Renderer:
    """The renderer registered under `name`; raises `KeyError` for an unknown format."""
    module_name, class_name = RENDERERS[name].split(":")
    renderer: Renderer = getattr(importlib.import_module(module_name), class_name)()
    return renderer


# Formats read by programs: JSON escapes control characters itself and keeps the exact text.
# Every other format is read by people (or is XML, which cannot hold control characters), so
# it gets the report with its untrusted text escaped (`citegraph.textsafe`).
DATA_FORMATS = frozenset({"json", "jsonl", "sarif", "csl-json", "node-link"})
# The saved scan lists every file passed over; summaries leave out files of no known type.
_COMPLETE_FORMATS = frozenset({"json", "jsonl"})


def render(report: Report, format_name: str, options: RenderOptions | None = None) -> str:
    """Render `report` as `format_name`."""
    renderer = get_renderer(format_name)
    if format_name not in _COMPLETE_FORMATS:
        report = without_unknown_types(report)
    if format_name not in DATA_FORMATS:
        report = displayable(report)
    return escape_surrogates(renderer.render(report, options or RenderOptions()))
