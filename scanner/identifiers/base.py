"""Shared pieces of the identifier extractors: finding URLs in prose."""

from __future__ import annotations

import re
from functools import lru_cache

from scanner.identifiers.cleaning import clean

# A URL in prose or markup ends at whitespace, quotes, angle brackets, backticks, `|` or the
# full-width punctuation of CJK prose (never raw in a URL); what is left of trailing
# punctuation and closing brackets is cleaned off afterwards. It starts at a word boundary
# (`\b`), written as a lookbehind after a first letter of `[hfw]` so that the engine skips
# to those letters in C: a leading `\b` was tried at every character (twice the time).
URL = re.compile(
    r"""(?i)[hfw](?<!\w[hfw])(?:(?<=h)ttps?://|(?<=f)tp://|(?<=w)ww\.)"""
    r"""[^\s"'<>`|\\^{}。，、；：！？（）]+"""
)


# Where a URL may start, as the lowercased text spells it: every start of a `URL` match is one.
_URL_STARTS = ("http", "ftp://", "www.")


# Cached: the arXiv, DOI and link extractors each read a block's URLs, one after the other.
@lru_cache(maxsize=8)
def iter_urls(text: str) -> tuple[tuple[int, int, str], ...]:
    """Every URL in `text` as `(start, end, url)`, cleaned of what follows it in prose."""
    lowered = text.lower()
    if "http" not in lowered and "www." not in lowered and "ftp://" not in lowered:
        return ()  # a substring test is far cheaper than running the pattern
    if len(lowered) != len(text):  # a letter lowercased to two: offsets differ
        return _searched_urls(text)
    # The pattern tried only where `find` (at C speed) sees a URL's start: a case-insensitive
    # search stops at every h, f and w of the prose, and took most of the extractors' time.
    starts = []
    for needle in _URL_STARTS:
        at = lowered.find(needle)
        while at >= 0:
            starts.append(at)
            at = lowered.find(needle, at + 1)
    found: list[tuple[int, int, str]] = []
    position = 0
    for start in sorted(starts):
        if start < position:
            continue
        match = URL.match(text, start)
        if match is None:
            continue
        url = clean(match.group(0))
        if url:
            found.append((start, start + len(url), url))
        # Resume where the cleaned URL ends, not where the greedy match did: in
        # `[https://x.org/a](https://x.org/a)` the second URL starts inside the first match.
        position = start + max(len(url), 1)
    return tuple(found)


def _searched_urls(text: str) -> tuple[tuple[int, int, str], ...]:
    """`iter_urls` by searching the pattern through `text`."""
    found: list[tuple[int, int, str]] = []
    position = 0
    while (match := URL.search(text, position)) is not None:
        url = clean(match.group(0))
        if url:
            found.append((match.start(), match.start() + len(url), url))
        position = match.start() + max(len(url), 1)
    return tuple(found)
