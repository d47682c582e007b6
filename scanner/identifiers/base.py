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


# Cached: the arXiv, DOI and link extractors each read a block's URLs, one after the other.
@lru_cache(maxsize=8)
def iter_urls(text: str) -> tuple[tuple[int, int, str], ...]:
    """Every URL in `text` as `(start, end, url)`, cleaned of what follows it in prose."""
    found: list[tuple[int, int, str]] = []
    lowered = text.lower()
    if "http" not in lowered and "www." not in lowered and "ftp://" not in lowered:
        return ()  # a substring test is far cheaper than running the pattern
    position = 0
    while (match := URL.search(text, position)) is not None:
        url = clean(match.group(0))
        if url:
            found.append((match.start(), match.start() + len(url), url))
        # Resume where the cleaned URL ends, not where the greedy match did: in
        # `[https://x.org/a](https://x.org/a)` the second URL starts inside the first match.
        position = match.start() + max(len(url), 1)
    return tuple(found)
