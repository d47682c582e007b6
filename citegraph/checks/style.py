"""Opt-in style rules about how a paper is linked (select them in [tool.citegraph])."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from citegraph.report import Citation, Finding, Report

_ARXIV_PDF = re.compile(r"(?i)arxiv\.org/pdf/")
_ARXIV_VERSIONED_LINK = re.compile(r"(?i)arxiv\.org/(?:abs|pdf|html)/[^\s]*v\d+")
# A link in a citation's text: a reference entry's text holds its authors and title too.
_LINK = re.compile(r"(?i)\bhttps?://[^\s<>\"'`]+")
_LINK_END = ".,;:)]}>"


@dataclass(frozen=True, slots=True)
class _Span:
    line: int
    column: int
    end_line: int
    end_column: int


def style_findings(report: Report) -> list[Finding]:
    """CG201 `http://` links, CG202 arXiv PDF links, CG203 versioned arXiv links: each at the
    link itself, so that `--fix` and a code-scanning fix can rewrite it, also inside a
    reference entry that spans several lines."""
    findings = []
    for citation in report.citations:
        links = _links(citation)
        plain = _where(citation, links, lambda text: text.lower().startswith("http://"))
        if plain is not None:
            https = plain[1].replace("http://", "https://", 1)
            findings.append(
                _finding("CG201", citation, plain[0], f"link over http://; use {https}")
            )
        if citation.kind != "arxiv":
            continue
        if (pdf := _where(citation, links, _ARXIV_PDF.search)) is not None:
            abstract = citation.id.split(":", 1)[1] if citation.id else ""
            message = f"PDF link; the abstract page is https://arxiv.org/abs/{abstract}"
            findings.append(_finding("CG202", citation, pdf[0], message))
        if (versioned := _where(citation, links, _ARXIV_VERSIONED_LINK.search)) is not None:
            message = f"link pins version {citation.version} of {citation.id}"
            findings.append(_finding("CG203", citation, versioned[0], message))
    return findings


def _where(
    citation: Citation, links: list[tuple[_Span, str]], test: Callable[[str], object]
) -> tuple[Any, str] | None:
    """The first link that `test` accepts, with its span; else the whole citation when its
    text passes (a link written without its scheme, `arxiv.org/pdf/...`)."""
    for span, url in links:
        if test(url):
            return span, url
    raw = citation.raw.strip()
    return (citation, raw) if test(raw) else None


def _links(citation: Citation) -> list[tuple[_Span, str]]:
    """The links in the citation's text, each with its own span in the file (`raw` is the
    file's text from the citation's start)."""
    raw = citation.raw
    found = []
    for match in _LINK.finditer(raw):
        url = match[0].rstrip(_LINK_END)
        start = match.start()
        before = raw.count("\n", 0, start)
        # on a later line of the text, the column counts from that line's start
        column = start - raw.rindex("\n", 0, start) if before else citation.column + start
        line = citation.line + before
        found.append((_Span(line, column, line, column + len(url)), url))
    return found


def _finding(code: str, citation: Citation, span: Any, message: str) -> Finding:
    return Finding.at(code, message, citation.path, span, citation.paper)
