"""Shared pieces of the identifier extractors: finding URLs in prose."""

from __future__ import annotations

import bisect
import re

from scanner.identifiers.cleaning import clean

# A URL in prose or markup ends at whitespace, quotes, angle brackets, backticks or `|`;
# what is left of trailing punctuation and closing brackets is cleaned off afterwards.
URL = re.compile(r"""(?i)\b(?:https?://|www\.)[^\s"'<>`|\\^{}]+""")


def iter_urls(text: str) -> list[tuple[int, int, str]]:
    """Every URL in `text` as `(start, end, url)`, cleaned of what follows it in prose."""
    found: list[tuple[int, int, str]] = []
    lowered = text.lower()
    if "http" not in lowered and "www." not in lowered:
        return found  # a substring test is far cheaper than running the pattern
    position = 0
    while (match := URL.search(text, position)) is not None:
        url = clean(match.group(0))
        if url:
            found.append((match.start(), match.start() + len(url), url))
        # Resume where the cleaned URL ends, not where the greedy match did: in
        # `[https://x.org/a](https://x.org/a)` the second URL starts inside the first match.
        position = match.start() + max(len(url), 1)
    return found


class TakenSpans:
    """The spans an extractor has already claimed in a block, so that a later, looser pattern
    does not report a second hit inside one. Kept sorted, so each test is a binary search
    and a block with 100,000 identifiers costs no more than its size."""

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []

    def add(self, start: int, end: int) -> None:
        """Claim `[start, end)`."""
        index = bisect.bisect_right(self._starts, start)
        self._starts.insert(index, start)
        self._ends.insert(index, end)

    def covers(self, position: int) -> bool:
        """Whether `position` falls inside a claimed span."""
        index = bisect.bisect_right(self._starts, position)
        # Spans do not nest deeply: the closest few starts to the left decide.
        return any(self._ends[i] > position for i in range(index - 1, max(-1, index - 9), -1))
