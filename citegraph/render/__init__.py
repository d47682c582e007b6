"""Every output citegraph writes: `RENDERERS` maps what is rendered (a scan's report, a check's
findings, a diff) and a format name to the renderer that writes it.

Each renderer is one class with one signature, `render(subject, options) -> str`; the
commands' `--format` choices are the registry's names. Renderers are imported lazily, so
`citegraph check` in a pre-commit hook never pays for Jinja2 or networkx's writers.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Any, Literal, Protocol, TypeVar


@dataclass(frozen=True, slots=True)
class RenderOptions:
    """Knobs shared by renderers; each reads only the ones it needs.

    `source_url` is a template such as `https://github.com/ORG/REPO/blob/{rev}/{path}#L{line}`
    that turns citation sites into links; `max_bytes` caps size-limited outputs (the Markdown job
    summary); `color` enables terminal colours; `width` wraps the terminal summary at that many
    columns (None: one record per line, never wrapped); `rules` are the codes of the rules the
    run checked, after `select` and `ignore` (None: the rules on by default), which SARIF lists.
    """

    source_url: str | None = None
    max_bytes: int | None = None
    color: bool = False
    width: int | None = None
    rules: tuple[str, ...] | None = None


_Subject = TypeVar("_Subject", contravariant=True)


class Renderer(Protocol[_Subject]):
    """Turns one subject (a `Report`, or a `ReportDiff`) into the text of one output format."""

    name: str
    extension: str  # the usual file extension, for `-o DIR` style outputs

    def render(self, subject: _Subject, options: RenderOptions) -> str:
        """Return the whole document."""
        ...


# What is rendered: a scan's `Report` (`scan`, `report`), the same `Report` as a check's
# findings (`check`), or a `ReportDiff` (`diff`).
Kind = Literal["report", "findings", "diff"]

# kind -> format name -> "module:class"; the class takes no arguments.
RENDERERS: dict[Kind, dict[str, str]] = {
    "report": {
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
    },
    "findings": {
        "text": "citegraph.render.findings:FindingsTextRenderer",
        "json": "citegraph.render.findings:FindingsJsonRenderer",
        "sarif": "citegraph.render.findings:FindingsSarifRenderer",
        "github": "citegraph.render.findings:GithubRenderer",
        "codequality": "citegraph.render.findings:CodeQualityRenderer",
    },
    "diff": {
        "text": "citegraph.render.diff:DiffTextRenderer",
        "json": "citegraph.render.diff:DiffJsonRenderer",
        "markdown": "citegraph.render.diff:DiffMarkdownRenderer",
    },
}


def format_names(kind: Kind = "report") -> list[str]:
    """The formats `kind` can be written in, sorted: a command's `--format` choices."""
    return sorted(RENDERERS[kind])


def get_renderer(name: str, kind: Kind = "report") -> Renderer[Any]:
    """The renderer of `kind` registered under `name`; raises `KeyError` for an unknown one."""
    module_name, class_name = RENDERERS[kind][name].split(":")
    renderer: Renderer[Any] = getattr(importlib.import_module(module_name), class_name)()
    return renderer


# The formats of a check's findings that read nothing of the report but its findings (SARIF
# also gives each finding the citation it is about).
FINDINGS_ALONE = frozenset({"text", "json", "github", "codequality"})

# Formats read by programs: JSON escapes control characters itself and keeps the exact text.
# Every other format is read by people (or is XML, which cannot hold control characters), so
# it gets the report with its untrusted text escaped (`citegraph.textsafe`).
DATA_FORMATS = frozenset({"json", "jsonl", "sarif", "csl-json", "node-link"})
# BibTeX drops control and bidi characters itself (`catalog.bibtex.latex_text`): written as
# escapes for people (`\x1b`, `\u202e`) they would be TeX commands in the bibliography.
_OWN_ESCAPES = frozenset({"bibtex"})
# The saved scan lists every file passed over; summaries leave out files of no known type.
_COMPLETE_FORMATS = frozenset({"json", "jsonl"})


def render(
    subject: Any,
    format_name: str,
    options: RenderOptions | None = None,
    *,
    kind: Kind = "report",
) -> str:
    """Render `subject`, of the given kind (a scan's `Report` by default), as `format_name`."""
    # Imported here: the commands' option choices read this registry, and a rescan that
    # renders nothing (its texts kept in the scan cache) needs neither.
    from citegraph.report import without_unknown_types
    from citegraph.textsafe import displayable, escape_surrogates

    renderer = get_renderer(format_name, kind)
    if kind == "report":
        if format_name not in _COMPLETE_FORMATS:
            subject = without_unknown_types(subject)
        if format_name not in DATA_FORMATS | _OWN_ESCAPES:
            subject = displayable(subject)
    elif kind == "diff" and format_name not in DATA_FORMATS:
        # titles, symbols and paths of the code: a bidi override in a title reached the
        # pull-request comment and the terminal as it was
        subject = displayable(subject)
    return escape_surrogates(renderer.render(subject, options or RenderOptions()))
