"""One work by the same identifier or title, a title cut short, a chapter in its collection."""

from __future__ import annotations

import re
from dataclasses import replace

from catalog.keys import YEAR_LETTER, author_year_ref, family_name, normalize_title, title_ref
from catalog.types import RefKind
from scanner.identifiers.urls import arxiv_alias
from scanner.places.base import ENTRY_KINDS, ENTRY_REACH, MAX_NAMESAKES, Groups, mergeable
from scanner.places.names import first_family, same_family
from scanner.types import Hit


def join_same_work(text: str, hits: list[Hit], groups: Groups) -> None:
    """Join hits with the same identifier or the same entry title."""
    first_of: dict[str, int] = {}
    titled: dict[str, list[int]] = {}  # a title's key -> the entries that give it
    two_volumes = _named_in_two_volumes(text, hits)
    for index, hit in enumerate(hits):
        if not mergeable(hit):
            continue
        keys = [f"span:{hit.start}:{hit.end}"]  # identifiers of one entry share its span
        if hit.ref is not None:
            keys.append(hit.ref.key)
            if hit.kind is RefKind.URL and (alias := arxiv_alias(hit.ref.key)) is not None:
                keys.append(alias)  # an ADS record of an arXiv e-print and its arXiv id
        title = hit.reference.title if hit.reference else None
        title_keys = []
        if title and (ref := title_ref(title)) is not None:
            title_keys.append(ref.key)
        # a link whose text is the entry's title and the copy's format (`[Fast sketches
        # (PDF)](https://.../sketches.pdf)` under the entry `Fast sketches. Journal, 2012.`)
        named_as = title or hit.title_hint
        tagged = _FORMAT_TAG.search(named_as) if named_as else None
        if named_as and tagged and (bare := title_ref(named_as[: tagged.start()])) is not None:
            title_keys.append(bare.key)
        elif (named := _mention_key(text, hit)) is not None:
            # `:footcite:`KolesEtAl1990`` twice, `Koles et al. (1990)` and `Koles et al. 1990`
            # (two volumes of one author and year are two works: `Lind 2024, JOSS, 9, 7023` and
            # `Lind et al. 2024, ApJ, 970, 51`; a mention without its volume names neither)
            volume = hit.reference.volume if hit.reference else None
            keys.append(f"{named}@{volume}" if named in two_volumes else named)
        for key in keys:
            groups.join(first_of.setdefault(key, index), index)
        for key in title_keys:
            namesakes = titled.setdefault(key, [])
            for other in namesakes:
                if not _namesakes(hits[other], hit):
                    groups.join(other, index)
            namesakes.append(index)


def _mention_key(text: str, hit: Hit) -> str | None:
    """The key of an author-year mention's first author and year, else None. `Spall (1998a)`
    and `Spall (1998b)`: the letter after the year tells two works of one author and year
    apart."""
    if hit.kind is not RefKind.AUTHOR_YEAR or hit.reference is None:
        return None
    named = author_year_ref(hit.reference.authors[:1], hit.reference.year)
    if named is None:
        return None
    suffix = YEAR_LETTER.search(text, hit.start, hit.end)
    return named.key + (suffix["letter"] if suffix else "")


def _named_in_two_volumes(text: str, hits: list[Hit]) -> frozenset[str]:
    """The keys of mentions (`_mention_key`) that the place gives two volumes of a journal."""
    volumes: dict[str, set[str]] = {}
    for hit in hits:
        volume = hit.reference.volume if hit.reference is not None else None
        if volume and mergeable(hit) and (named := _mention_key(text, hit)) is not None:
            volumes.setdefault(named, set()).add(volume)
    return frozenset(named for named, found in volumes.items() if len(found) > 1)


# A copy's format or kind written after a title in its link's text: `(PDF)`, `[pdf]`, `- preprint`.
_FORMAT_TAG = re.compile(
    r"(?i)[ \t]*(?:[(\[][ \t]*|[-–—,:][ \t]*)(?:pdf|preprint|e-?print|arxiv|html|full[ \t]+text|"
    r"free[ \t]+(?:copy|version)|author'?s'?[ \t]+(?:copy|version))[ \t]*[)\]]?[ \t]*$"
)


def join_overlapping(text: str, hits: list[Hit], groups: Groups) -> None:
    """Join a title, author-year or book citation to a hit whose text it overlaps: two readers
    read one entry. From the same line, an identifier's entry and a junk title read from its
    authors (`Micheaux, P., and F. Ouimet. 2020. “Title,” url`), or a title and one read from
    its own authors; anywhere, a title and the venue written right after it, read as another
    title (`"Title."  Collection: Proceedings of ...`). Other overlapping titles may be two
    entries of one sentence (`A, B. Title one (2008); and A, B. Title two`), each read over
    both."""
    reach = -1  # the index of the earlier hit reaching furthest
    for index, hit in enumerate(hits):
        if reach >= 0:
            other = hits[reach]
            if (
                hit.start < other.end
                and (hit.ref is None or other.ref is None)
                and mergeable(hit)
                and mergeable(other)
            ):
                if _one_entry(text, hit, other):
                    groups.join(reach, index)
                elif (venue := _venue_after_title(text, other, hit)) is not None:
                    groups.join(reach, index)
                    # the venue is no title of the work: the entry's fields keep the title
                    at = index if venue is hit else reach
                    fields = hits[at].reference
                    hits[at] = replace(
                        hits[at],
                        title_hint=None,
                        reference=replace(fields, title=None) if fields else None,
                    )
        if reach < 0 or hit.end > hits[reach].end:
            reach = index


def _one_entry(text: str, hit: Hit, other: Hit) -> bool:
    if not _same_line(text, hit.start, other.start):
        return False
    if hit.ref is not None or other.ref is not None:
        return True
    return _names_as_title(hit, other) or _names_as_title(other, hit)


# Between an entry's title and its venue read as another title: closing quotes, a full stop.
_TITLE_TO_VENUE = re.compile(r"[\s.,;:\"”'’*_]{0,8}")


def _venue_after_title(text: str, first: Hit, second: Hit) -> Hit | None:
    """The hit whose title is written right after the other's, within their spans: the
    venue of the other's entry read as a title (`"Multiple Objective Optimization."  Genetic
    Algorithms and Their Applications: Proceedings of the First Conference`); None if neither."""
    if first.ref is not None or second.ref is not None:
        return None
    start, end = min(first.start, second.start), max(first.end, second.end)
    a, b = _title_span(text, first, start, end), _title_span(text, second, start, end)
    if a is None or b is None:
        return None
    if a[1] <= b[0] and _TITLE_TO_VENUE.fullmatch(text, a[1], b[0]) is not None:
        return second
    if b[1] <= a[0] and _TITLE_TO_VENUE.fullmatch(text, b[1], a[0]) is not None:
        return first
    return None


def _title_span(text: str, hit: Hit, start: int, end: int) -> tuple[int, int] | None:
    """Where the hit's title is written between `start` and `end`, spaces and line breaks
    between its words as they may be."""
    title = hit.reference.title if hit.reference else None
    words = title.split() if title else []
    if not words:
        return None
    found = re.search(r"\s+".join(map(re.escape, words)), text[start:end])
    return (start + found.start(), start + found.end()) if found else None


def _names_as_title(junk: Hit, entry: Hit) -> bool:
    """Whether `junk`'s title was read from `entry`'s authors (it holds the first author's
    family name)."""
    title = junk.reference.title if junk.reference else None
    names = entry.reference.authors if entry.reference else ()
    if not title or not names:
        return False
    family = family_name(names[0])
    return bool(family) and family.casefold() in title.casefold().replace(",", " ").split()


def _same_line(text: str, first: int, second: int) -> bool:
    return text.rfind("\n", 0, first) == text.rfind("\n", 0, second)


_PREFIX_WORDS = 4  # a title cut short still names its work when this many words agree


def _titles_in_words(hits: list[Hit]) -> list[tuple[int, list[str]]]:
    """The mergeable hits whose title (read or hinted) is long enough to compare, each as its
    index and the title's normalised words."""
    found = []
    for index, hit in enumerate(hits):
        title = (hit.reference.title if hit.reference else None) or hit.title_hint
        if not title or not mergeable(hit):
            continue
        words = normalize_title(title).split()
        if len(words) >= _PREFIX_WORDS:
            found.append((index, words))
    return found


def join_title_prefixes(hits: list[Hit], groups: Groups) -> None:
    """Join hits whose titles agree up to where one of them stops: a quoted title cut at a
    parenthesis (`"... complexity O(n`) and the same title read whole beside its DOI."""
    buckets: dict[tuple[str, ...], list[tuple[int, list[str]]]] = {}
    for index, words in _titles_in_words(hits):
        buckets.setdefault(tuple(words[:_PREFIX_WORDS]), []).append((index, words))
    for members in buckets.values():
        if len(members) > MAX_NAMESAKES:
            continue
        for a, (first, first_words) in enumerate(members):
            for second, second_words in members[a + 1 :]:
                # A title citation against another reading; two identifiers given one quoted
                # title as their hint may be two works cited in one sentence.
                if not {hits[first].kind, hits[second].kind} & ENTRY_KINDS:
                    continue
                shorter = min(len(first_words), len(second_words))
                if first_words[:shorter] == second_words[:shorter] and not _told_apart(
                    hits[first], hits[second]
                ):
                    groups.join(first, second)


def join_titles_named_inside(hits: list[Hit], groups: Groups) -> None:
    """Join a title read from a sentence that names another hit's title inside it (`The paper
    "Title" by Smith shows ...`, `In Title, Smith and Jones show ...`, below the entry of
    Title): a mention of the same work, not another work."""
    heads: dict[tuple[str, ...], list[tuple[int, list[str]]]] = {}
    readings: list[tuple[int, list[str]]] = []
    for index, words in _titles_in_words(hits):
        heads.setdefault(tuple(words[:_PREFIX_WORDS]), []).append((index, words))
        if hits[index].ref is None and hits[index].kind in ENTRY_KINDS:
            readings.append((index, words))
    for index, words in readings:
        for at in range(1, len(words) - _PREFIX_WORDS + 1):
            named = heads.get(tuple(words[at : at + _PREFIX_WORDS]), ())
            if len(named) > MAX_NAMESAKES:
                continue
            for other, other_words in named:
                if (
                    other != index
                    and words[at : at + len(other_words)] == other_words
                    and not _told_apart(hits[index], hits[other])
                ):
                    groups.join(index, other)


def _told_apart(first: Hit, second: Hit) -> bool:
    """Whether two entries whose titles agree as far as the shorter goes are two works by
    their own fields: other first authors or another year (`Steger and Wormald, Generating
    random regular graphs quickly, 1999` and `Kim and Vu, Generating random regular graphs,
    2003`)."""
    a, b = first.reference, second.reference
    if a is None or b is None:
        return False
    if a.year is not None and b.year is not None and a.year != b.year:
        return True
    wanted, other = first_family(a), first_family(b)
    return bool(wanted and other) and not same_family(wanted, other)


def _namesakes(first: Hit, second: Hit) -> bool:
    """Whether two entries of one title are two works: other first authors and another year
    both (a paper, and the letters about it printed under its title a year later)."""
    a, b = first.reference, second.reference
    if a is None or b is None or a.year is None or b.year is None or a.year == b.year:
        return False
    wanted, other = first_family(a), first_family(b)
    return bool(wanted and other) and not same_family(wanted, other)


# Between a chapter's title and the title of the collection it is in: `Title. Chapter in
# "Collection"`, `Title. In: Collection`, `*Title,* in Collection` (the title's closing quote or
# emphasis after its comma).
_CHAPTER_IN = re.compile(
    r"(?i)[\s.,;:]*(?:[\"”»'*_`]{1,2}[\s.,;:]*)?(?:chapter\s+)?in\b[\s:]*[\"“«'*_`]{0,2}[ \t]*"
)


def join_chapter_collections(text: str, hits: list[Hit], groups: Groups) -> None:
    """Join a chapter's entry to the collection's title read right after it on its line
    (`Title. Chapter in "Collection" edited by ...`): one reference, the chapter."""
    for index in range(1, len(hits)):
        hit, entry = hits[index], hits[index - 1]
        if (
            hit.ref is None
            and entry.ref is None
            and hit.kind in ENTRY_KINDS
            and entry.kind in ENTRY_KINDS
            and mergeable(hit)
            and mergeable(entry)
            and _CHAPTER_IN.fullmatch(text, entry.end, hit.start) is not None
        ):
            groups.join(index - 1, index)
            if hit.kind is RefKind.BOOK and entry.kind is RefKind.TITLE:
                # The collection is a book, the reference its chapter: a title.
                hits[index] = replace(hit, kind=RefKind.TITLE)
            # The collection's title and editors are the chapter's venue, not its fields
            # (nor those of the chapter's identifiers that were read with them).
            collection, title = hit.reference, hit.title_hint
            for later in range(index, len(hits)):
                other = hits[later]
                if other.start - hit.end > ENTRY_REACH:
                    break
                if (collection is not None and other.reference == collection) or (
                    title and other.title_hint == title
                ):
                    hits[later] = replace(other, reference=None, title_hint=None)


# Between a volume's title and the series it belongs to, in one quote or sentence:
# `'Seminumerical Algorithms. The Art of Computer Programming'`.
_VOLUME_OF = re.compile(r"[ \t]*[.:][ \t]*\n?[ \t]*[\"“‘']?[ \t]*")


def join_volume_series(text: str, hits: list[Hit], groups: Groups) -> None:
    """Join a title to the book right after it that it is a volume of (`Knuth, D. 1969.
    'Seminumerical Algorithms. The Art of Computer Programming' vol 2`): one reference, the
    book."""
    for index in range(1, len(hits)):
        title, book = hits[index - 1], hits[index]
        if (
            title.kind is RefKind.TITLE
            and book.kind is RefKind.BOOK
            and title.ref is None
            and mergeable(title)
            and mergeable(book)
            and _VOLUME_OF.fullmatch(text, title.end, book.start) is not None
        ):
            groups.join(index - 1, index)
