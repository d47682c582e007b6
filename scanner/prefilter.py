"""A cheap test that a file can hold a citation at all, before any parser runs.

Lowercasing the bytes and testing a few substrings runs at about the speed of reading the file
(see docs/architecture.md); only files that pass reach libcst or tree-sitter. The needles cover
every identifier kind and the cues of title-only citations (a year, `et al`, reference-section
words), so the prefilter trades a little speed on files with years in them for zero lost
citations.
"""

from __future__ import annotations

import re

# Each needle costs one pass over the file, so shared stems stand in for families of cues
# ("cite" for "@cite", "\\cite", "cited in").
NEEDLES: tuple[bytes, ...] = (
    b"arxiv",
    b"doi",
    b"http",
    b"www.",
    b"isbn",
    b"et al",
    b"openreview",
    b"proceedings",
    b"proc.",
    b"journal",
    b"transactions",
    b"conference",
    b"symposium",
    b"communications of",
    b"ieee",
    b"acm ",
    b"siam",
    b"reference",
    b" paper",
    b"cite",
)
_NOT_CITATION_LINES = (b"copyright", b"(c)", b"\xc2\xa9", b"spdx", b"license")
_DOI_PREFIX = re.compile(rb"10\.\d{4,9}/")
# The "not after a digit or dot" test is done by hand: a leading lookbehind would stop the
# regex engine from skipping ahead to candidate digits, and costs several times more.
_YEAR = re.compile(rb"(?:1[89]\d|20[0-3])\d(?!\d|\.\d)")


def may_cite(data: bytes) -> bool:
    """True when `data` contains anything a citation could be made of."""
    lowered = data.lower()
    if any(needle in lowered for needle in NEEDLES):
        return True
    if _DOI_PREFIX.search(data) is not None:
        return True
    # A year counts unless every year in the file sits on a copyright or license line: those
    # headers are in most files and never make a citation.
    for match in _YEAR.finditer(lowered):
        if match.start() and lowered[match.start() - 1] in b"0123456789.":
            continue
        start = lowered.rfind(b"\n", 0, match.start()) + 1
        end = lowered.find(b"\n", match.end())
        line = lowered[start : end if end >= 0 else len(lowered)]
        if not any(word in line for word in _NOT_CITATION_LINES):
            return True
    return False
