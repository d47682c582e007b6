"""What the readers of a place share: the union-find of hits, which hits merge, an entry's reach."""

from __future__ import annotations

import re

from catalog.types import RefKind
from scanner.types import Hit


class Groups:
    """Union-find over hit indexes."""

    def __init__(self, size: int) -> None:
        self._parent = list(range(size))

    def find(self, index: int) -> int:
        while self._parent[index] != index:
            self._parent[index] = self._parent[self._parent[index]]
            index = self._parent[index]
        return index

    def join(self, first: int, second: int) -> None:
        a, b = self.find(first), self.find(second)
        if a != b:
            self._parent[max(a, b)] = min(a, b)

    def members(self) -> list[list[int]]:
        found: dict[int, list[int]] = {}
        for index in range(len(self._parent)):
            found.setdefault(self.find(index), []).append(index)
        return list(found.values())


def mergeable(hit: Hit) -> bool:
    # A malformed identifier names nothing, and its finding points at its own span.
    return hit.problem is None


# The kinds of an entry read by its title, which an identifier after it may end.
ENTRY_KINDS = frozenset({RefKind.TITLE, RefKind.BOOK})


MAX_NAMESAKES = 50  # entries of one year a mention is compared with


# What ends an entry between its text and an identifier after it: a blank line, or the start
# of the next entry (a reST, Markdown footnote `[^2]:` or numbered label, a bullet, reST's
# auto-numbered item `#.`, an HTML list item, a Doxygen or Javadoc tag).
ENTRY_BREAK = re.compile(
    r"\n[ \t]*\n|\n[ \t]*(?:\.\.[ \t]*\[|\[[^\]\n]{1,40}\]:?[ \t]|[-*•][ \t]|"
    r"(?:\d{1,3}|#)[.)][ \t]|<li\b|@see\b|@cite\b|\\cite\b)"
)


ENTRY_REACH = 400  # characters from an entry's end to an identifier that still belongs to it


def same_source(first: Hit, second: Hit) -> bool:
    """Whether two identifiers are of one kind from one source (two JSTOR pages, two DOIs, two
    arXiv ids): one after the other, they list two works (`AS 109` and its correction), not an
    entry's copies on two hosts."""
    if first.kind is not second.kind or first.ref is None or second.ref is None:
        return False
    if first.kind is not RefKind.URL:
        return True
    return _host(first.ref.key) == _host(second.ref.key)


def _host(key: str) -> str:
    host = key.split("://", 1)[-1].split("/", 1)[0].lower()
    return host.removeprefix("www.")
