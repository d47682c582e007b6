"""An entry's venue in italics after its linked title, read as a work of its own, joined to it."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from catalog.types import RefKind
from scanner.places.base import Groups, mergeable
from scanner.types import Hit

# The kinds a venue is misread as: a title (`Embedded Computer Systems: Architectures, ...`),
# a book (`Lecture Notes in ...`), a name and a year (`Preprints 2026`).
_MISREAD_AS = frozenset({RefKind.TITLE, RefKind.BOOK, RefKind.AUTHOR_YEAR})

# The opening of the HTML anchor whose target an identifier is: `<a href="` right before it.
_ANCHOR_OPENING = re.compile(r"(?i)<a\s+[^<>\n]*?href\s*=\s*[\"']?$")
# The anchor's close on the identifier's line (its text, the entry's title, before it).
_ANCHOR_CLOSE = re.compile(r"(?i)</a\s*>")
# After the anchor's close: punctuation, then the italics that hold the venue.
_TO_ITALICS = re.compile(r"(?i)[ \t]*[.,;:]?[ \t]*<(?P<tag>em|i)>")


def join_anchor_venues(text: str, hits: list[Hit], groups: Groups) -> None:
    """Join to an identifier the hit read inside the italics that follow the HTML anchor it
    is the target of: an entry of a publication list (`Authors. <a href="https://doi.org/...">
    Title.</a> <em>Journal 12, 2024,</em> May 2024.`), whose venue was read as a title, a book
    or an author-year of its own. The venue's own reading gives the entry no fields (its
    "title" and "authors" are the venue's words). A venue already joined to another
    mention (read as the head of the next entry with its link, or as the same title as a
    venue further on) is left as it is: joined to the anchor too, it would make two entries
    one."""
    sizes = Counter(groups.find(i) for i in range(len(hits)))
    for index in range(1, len(hits)):
        at, venue = _identifier_before(hits, groups, index), hits[index]
        if (
            at is not None
            and venue.ref is None
            and venue.kind in _MISREAD_AS
            and mergeable(hits[at])
            and mergeable(venue)
            and sizes[groups.find(index)] == 1
            and _in_italics_after_anchor(text, hits[at], venue)
        ):
            groups.join(at, index)
            hits[index] = replace(venue, reference=None, title_hint=None)


def _identifier_before(hits: list[Hit], groups: Groups, index: int) -> int | None:
    """The identifier right before hit `index`, or the one whose group holds the hit right
    before it (the anchor's text, read as a title and joined to its link)."""
    before = index - 1
    if hits[before].ref is not None:
        return before
    if (
        before > 0
        and hits[before - 1].ref is not None
        and groups.find(before - 1) == groups.find(before)
    ):
        return before - 1
    return None


def _in_italics_after_anchor(text: str, entry: Hit, venue: Hit) -> bool:
    """Whether `venue` starts inside the italics right after the anchor `entry` is the target
    of, on the same line."""
    line_start = text.rfind("\n", 0, entry.start) + 1
    if _ANCHOR_OPENING.search(text, line_start, entry.start) is None:
        return False
    line_end = text.find("\n", entry.start)
    line_end = len(text) if line_end < 0 else line_end
    close = _ANCHOR_CLOSE.search(text, entry.start, line_end)
    if close is None or venue.start < close.start():
        return False
    italics = _TO_ITALICS.match(text, close.end())
    if italics is None or venue.start < italics.start("tag") - 1:
        return False
    closing = text.find(f"</{italics['tag']}", italics.end(), line_end)
    return venue.start < (line_end if closing < 0 else closing)
