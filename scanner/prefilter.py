"""A cheap test that a file can hold a citation at all, before any parser runs.

Lowercasing the bytes and testing a few substrings runs at about the speed of reading the file
(see docs/architecture.md); only files that pass reach libcst or tree-sitter. The needles cover
every identifier kind and the cues of title-only citations (a year, `et al`, reference-section
words), so the prefilter trades a little speed on files with years in them for zero lost
citations.
"""

from __future__ import annotations

import re

NEEDLES: tuple[bytes, ...] = (
    b"arxiv",
    b"doi",
    b"http",
    b"www.",
    b"isbn",
    b"et al",
    b"openreview",
    b"proceedings",
    b"journal",
    b"@cite",
    b"\\cite",
)
_DOI_PREFIX = re.compile(rb"10\.\d{4,9}/")
_YEAR = re.compile(rb"(?<![\d.])(?:1[89]|20)\d\d(?![\d.])")


def may_cite(data: bytes) -> bool:
    """True when `data` contains anything a citation could be made of."""
    lowered = data.lower()
    if any(needle in lowered for needle in NEEDLES):
        return True
    return _DOI_PREFIX.search(data) is not None or _YEAR.search(data) is not None
