"""Opt-in style rules about how a paper is linked (select them in [tool.citegraph])."""

from __future__ import annotations

import re

from citegraph.report import Citation, Finding, Report

_ARXIV_PDF = re.compile(r"(?i)arxiv\.org/pdf/")
_ARXIV_VERSIONED_LINK = re.compile(r"(?i)arxiv\.org/(?:abs|pdf|html)/[^\s]*v\d+")


def style_findings(report: Report) -> list[Finding]:
    """CG201 `http://` links, CG202 arXiv PDF links, CG203 versioned arXiv links."""
    findings = []
    for citation in report.citations:
        raw = citation.raw.strip()
        if raw.lower().startswith("http://"):
            findings.append(
                _finding(
                    "CG201",
                    citation,
                    f"link over http://; use {raw.replace('http://', 'https://', 1)}",
                )
            )
        if citation.kind == "arxiv" and _ARXIV_PDF.search(raw):
            findings.append(
                _finding(
                    "CG202",
                    citation,
                    f"PDF link; the abstract page is https://arxiv.org/abs/"
                    f"{citation.id.split(':', 1)[1] if citation.id else ''}",
                )
            )
        if citation.kind == "arxiv" and _ARXIV_VERSIONED_LINK.search(raw):
            findings.append(
                _finding(
                    "CG203", citation, f"link pins version {citation.version} of {citation.id}"
                )
            )
    return findings


def _finding(code: str, citation: Citation, message: str) -> Finding:
    return Finding.at(code, message, citation.path, citation, citation.paper)
