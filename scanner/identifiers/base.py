"""Shared pieces of the identifier extractors: URL finding and hit construction."""

from __future__ import annotations

import re

# A URL in prose or markup ends at whitespace, quotes, angle brackets, backticks or `|`;
# closing brackets and trailing punctuation are trimmed afterwards (see catalog.ids.clean_doi).
URL = re.compile(r"""(?i)\b(?:https?://|www\.)[^\s"'<>`|\\^{}]+""")
_TRAILING = ".,;:!?*"
_CLOSERS = {")": "(", "]": "[", "}": "{"}


def trim_url(url: str) -> str:
    """Remove punctuation and unbalanced closing brackets that follow a URL in prose."""
    while True:
        before = url
        url = url.rstrip(_TRAILING)
        if url and url[-1] in _CLOSERS and url.count(url[-1]) > url.count(_CLOSERS[url[-1]]):
            url = url[:-1]
        if url.endswith("&gt;"):
            url = url[:-4]
        if url == before:
            return url


def iter_urls(text: str) -> list[tuple[int, int, str]]:
    """Every URL in `text` as `(start, end, url)`, trimmed of trailing punctuation."""
    found = []
    for match in URL.finditer(text):
        url = trim_url(match.group(0))
        if url:
            found.append((match.start(), match.start() + len(url), url))
    return found
