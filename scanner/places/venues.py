"""An entry's venue in italics after its linked or quoted title, read as a work of its own,
joined to it."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from catalog.types import RefKind
from scanner.places.base import Groups, mergeable
from scanner.types import EntryFields, Hit

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


# Between a title read on its own and the italics after it: the close of the anchor the title
# was the text of and the quote around it (`&ldquo;<a href="...">Title</a>&rdquo;, <i>Sci.
# Comput. Programming</i>, 54(1):3-23, 2005`), the comma, and perhaps a line break.
_QUOTE_CLOSE = r"(?:&rdquo;|&quot;|[\"”]|'')"
_TITLE_TO_ITALICS = re.compile(
    rf"(?i)(?:</a\s*>[ \t]*{_QUOTE_CLOSE}?|{_QUOTE_CLOSE})[ \t]*[,.;:]?[ \t]*"
    r"(?:\n[ \t*#/!]*)?<(?P<tag>em|i)>"
)
_TITLE_KINDS = frozenset({RefKind.TITLE, RefKind.BOOK})


def join_quoted_title_venues(text: str, hits: list[Hit], groups: Groups) -> None:
    """Join to the title right before it the hit read inside the italics that follow that
    title's closing quote or anchor: an entry's venue (`Ann Lind, &ldquo;<a href="...">Title</a>
    &rdquo;, <i>Proc. of the 7th Workshop on Tides</i>, pages 1-9, 2008.`), read as a title of
    its own. The entry takes the venue's words, year, volume and pages where it has none; as
    for an anchor's venue, a venue already joined to another mention is left as it is."""
    sizes = Counter(groups.find(i) for i in range(len(hits)))
    for index in range(1, len(hits)):
        title, venue = hits[index - 1], hits[index]
        if (
            title.ref is None
            and title.kind in _TITLE_KINDS
            and venue.ref is None
            and venue.kind in _MISREAD_AS
            and mergeable(title)
            and mergeable(venue)
            and sizes[groups.find(index)] == 1
            and _in_italics_after_title(text, title, venue)
        ):
            groups.join(index - 1, index)
            hits[index - 1] = _with_venue(title, venue)
            hits[index] = replace(venue, reference=None, title_hint=None)


def _with_venue(title: Hit, venue: Hit) -> Hit:
    """The title's entry given what the venue's reading holds and the entry lacks: the words in
    the italics as its venue, and the year, volume and pages after them."""
    entry, read = title.reference or EntryFields(), venue.reference or EntryFields()
    return replace(
        title,
        reference=replace(
            entry,
            venue=entry.venue or read.title or read.venue,
            year=entry.year or read.year,
            volume=entry.volume or read.volume,
            pages=entry.pages or read.pages,
        ),
    )


def _in_italics_after_title(text: str, title: Hit, venue: Hit) -> bool:
    """Whether `venue` starts at or just inside the italics that follow `title`'s close."""
    italics = _TITLE_TO_ITALICS.match(text, title.end)
    return italics is not None and italics.start("tag") - 1 <= venue.start <= italics.end()
