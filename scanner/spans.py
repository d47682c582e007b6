"""Sets of text spans with logarithmic lookups, so that work per block stays linear in its size.

Extractors mark the spans they took and test later candidates against them; with thousands of
identifiers in one block (a generated reference list) a scan of every span per candidate made
that quadratic.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Sequence
from operator import itemgetter
from typing import Generic, Protocol, TypeVar


class _Span(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


T = TypeVar("T", bound=_Span)


class SpanSet:
    """A union of half-open `[start, end)` spans, kept as sorted disjoint intervals."""

    __slots__ = ("_ends", "_starts")

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []

    def add(self, start: int, end: int) -> None:
        """Add `[start, end)`, merging it with the intervals it touches."""
        if end <= start:
            return
        low = bisect.bisect_left(self._ends, start)  # first interval ending at or after start
        high = bisect.bisect_right(self._starts, end)  # intervals starting at or before end
        if low < high:
            start = min(start, self._starts[low])
            end = max(end, self._ends[high - 1])
        self._starts[low:high] = [start]
        self._ends[low:high] = [end]

    def covers(self, position: int) -> bool:
        """Whether `position` lies inside one of the spans."""
        index = bisect.bisect_right(self._starts, position) - 1
        return index >= 0 and position < self._ends[index]


def any_starts_between(spans: Sequence[tuple[int, int]], low: int, high: int) -> bool:
    """Whether a span of `spans` (sorted by start) starts at `p` with `low <= p < high`."""
    index = bisect.bisect_left(spans, low, key=itemgetter(0))
    return index < len(spans) and spans[index][0] < high


class DisjointSpans:
    """Spans that never overlap one another, added in any order; overlap queries in log time."""

    __slots__ = ("_ends", "_starts")

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []

    def add(self, start: int, end: int) -> None:
        """Add a span that overlaps none already added."""
        index = bisect.bisect_right(self._starts, start)
        self._starts.insert(index, start)
        self._ends.insert(index, end)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether some span `s` has `s.start < end and start < s.end`."""
        # Apart and sorted by start, the spans are sorted by end too: only the last one
        # starting before `end` can reach past `start`.
        index = bisect.bisect_left(self._starts, end) - 1
        return index >= 0 and self._ends[index] > start


class SpanIndex(Generic[T]):
    """A fixed list of items with `start` and `end` (any order, overlapping or not), for
    overlap and containment queries that answer in the items' own order."""

    __slots__ = ("_apart", "_ends", "_items", "_max_end", "_order", "_starts")

    def __init__(self, items: Sequence[T]) -> None:
        self._items = items
        self._order = sorted(range(len(items)), key=lambda i: items[i].start)
        self._starts = [items[i].start for i in self._order]
        self._ends = [items[i].end for i in self._order]
        self._max_end = list(itertools.accumulate(self._ends, max))
        # Each span ends before the next one starts (zip stops at the shorter list).
        self._apart = all(a <= b for a, b in zip(self._ends, self._starts[1:], strict=False))

    def overlaps(self, start: int, end: int) -> bool:
        """Whether some item `s` has `s.start < end and start < s.end`."""
        count = bisect.bisect_left(self._starts, end)
        return count > 0 and self._max_end[count - 1] > start

    def overlapping(self, start: int, end: int) -> list[T]:
        """The items `s` with `s.start < end and start < s.end`, in their given order."""
        count = bisect.bisect_left(self._starts, end)
        if count == 0 or self._max_end[count - 1] <= start:
            return []
        if self._apart:  # sorted by end as well: one contiguous run
            first = bisect.bisect_right(self._ends, start, 0, count)
            chosen = self._order[first:count]
        else:
            chosen = [self._order[k] for k in range(count) if self._ends[k] > start]
        return [self._items[i] for i in sorted(chosen)]

    def within(self, start: int, end: int) -> list[T]:
        """The items `s` with `start <= s.start and s.end <= end`, in their given order."""
        first = bisect.bisect_left(self._starts, start)
        last = bisect.bisect_right(self._starts, end)
        chosen = [self._order[k] for k in range(first, last) if self._ends[k] <= end]
        return [self._items[i] for i in sorted(chosen)]
