"""The one work a place names and the one bare link it gives for it, as one reference.

A comment that cites one work by its entry or its authors and year, then, after a blank line,
gives one link with nothing of its own (`Based on:` an entry, then `https://doi.org/...`; a
JSDoc description citing `(Heitz, 2018)` above `@see {@link url}`; `Available at:` then the
link; `<p>Reference: url</p>` under `the paper "Title" by Authors`) names that work twice.
Only when the place holds nothing else: with a second work anywhere in it, which of them the
link is cannot be told from the layout. Nor when the link dates itself (an arXiv id) years after
the work's year: a preprint is posted before its paper or the year after. A paragraph between
them with words of its own (`See also this more recent document:`) makes the link another work.
"""

from __future__ import annotations

import re

from catalog.types import RefKind
from scanner.places.base import ENTRY_KINDS, ENTRY_REACH, Groups, mergeable
from scanner.places.copies import labels_a_copy
from scanner.places.layout import BLANK_LINE, see_for, starts_paragraph
from scanner.places.preprints import dated_years
from scanner.places.words import WORD
from scanner.types import Hit

_NAMED_KINDS = frozenset({RefKind.TITLE, RefKind.AUTHOR_YEAR, RefKind.BOOK})

# The words that may label the link's own paragraph: `Reference:`, `See`, `Available at:`,
# `PDF:`, `@see {@link`. Not `also`: `See also` points at another work.
_SLOT_WORDS = frozenset(
    [
        *("see", "reference", "references", "ref", "refs", "paper", "article", "pdf", "url"),
        *("doi", "link", "links", "available", "online", "at", "from", "arxiv", "preprint"),
        *("full", "text", "source", "original", "publication", "citation", "cite", "via", "p"),
        # the reST directive a Doxygen block's link paragraph opens with (`.. seealso::`)
        "seealso",
    ]
)
_LINKS_AND_TAGS = re.compile(r"\S*(?:://|www\.)\S*|</?[A-Za-z][^<>\n]{0,40}>")
# What may follow the link on its line: a JSDoc link's text, closing marks and tags.
_LINE_END = re.compile(
    r"[^\S\n]*(?:\|[^\n}]*\})?[>}\])`_'\".,;:]*[^\S\n]*(?:</[A-Za-z]+>)?[^\S\n]*(?:\n|$)"
)


def join_sole_pair(text: str, hits: list[Hit], groups: Groups) -> set[int]:
    """Join the place's one named work to its one bare link after it; the indexes of an
    entry so joined are returned (the reference's text starts at the entry)."""
    if len(hits) < 2 or not all(mergeable(h) for h in hits):
        return set()
    members = groups.members()
    if len(members) != 2:
        return set()
    named, linked = sorted(members, key=lambda m: hits[m[0]].ref is not None)
    if not all(hits[i].ref is None and hits[i].kind in _NAMED_KINDS for i in named):
        return set()
    if not all(hits[i].ref is not None for i in linked):
        return set()
    if _posted_later([hits[i] for i in named], [hits[i] for i in linked]):
        return set()
    if _see_tag_anchor(text, [hits[i] for i in named], [hits[i] for i in linked]):
        groups.join(named[0], linked[0])
        # an entry's reference starts at the entry; a mention's at its link, as before
        return {named[0]} if hits[named[0]].kind is RefKind.TITLE else set()
    if not all(_bare(hits[i]) for i in linked):
        return set()
    last = max(named, key=lambda i: hits[i].end)
    link = min(linked, key=lambda i: hits[i].start)
    if _dated_doi_item(text, [hits[i] for i in named], [hits[i] for i in linked]):
        groups.join(named[0], linked[0])
        return set()
    first = min(named, key=lambda i: hits[i].start)
    final = max(linked, key=lambda i: hits[i].end)
    if hits[final].end <= hits[first].start:
        # the link first, alone in its paragraph, then the work's entry
        if _link_then_entry(text, hits[final], hits[first]):
            groups.join(first, final)
        return set()
    if not 0 <= hits[link].start - hits[last].end <= ENTRY_REACH:
        return set()
    if not _link_paragraph(text, hits[last].end, hits[link].start):
        return set()
    if _LINE_END.match(text, hits[link].end) is None and not see_for(
        text, hits[link].start, hits[link].end
    ):
        return set()
    groups.join(last, link)
    return {i for i in named if hits[i].kind in ENTRY_KINDS}


def _posted_later(named: list[Hit], linked: list[Hit]) -> bool:
    """Whether the link's preprint was posted years after the named work's year (a 2018 entry
    and `arxiv.org/pdf/2310.14079`): a preprint comes before its paper or the year after, so
    the link is another work."""
    years = {h.reference.year for h in named if h.reference and h.reference.year is not None}
    posted = {year for h in linked for year in dated_years(h)}
    return bool(years and posted) and min(posted) > max(years) + 1


def _link_then_entry(text: str, link: Hit, entry: Hit) -> bool:
    """Whether the place's one bare link stands in a paragraph of its own (perhaps labelled:
    `Paper: <url>`) right above the paragraph that opens with its one named work."""
    if not 0 <= entry.start - link.end <= ENTRY_REACH:
        return False
    if _LINE_END.match(text, link.end) is None:
        return False
    gap = text[link.end : entry.start]
    if len(BLANK_LINE.findall(gap)) != 1 or gap.strip(" \t\n.,;:)>]}`'\"*/#"):
        return False
    if not starts_paragraph(text, text.rfind("\n", 0, entry.start) + 1, entry.start):
        return False
    line_start = text.rfind("\n", 0, link.start) + 1
    above = BLANK_LINE.split(text[max(0, line_start - ENTRY_REACH) : link.start])[-1]
    if _LIST_ITEM.search(above):
        return False
    # the link alone, or under a label with its colon (`Paper:`), or closing the sentence that
    # announces the work (`... algorithm from the following paper:`); `See <link>` points at
    # the link, and a paragraph after it is another matter
    return (
        not above.strip()
        or (
            _LABEL_ONLY.fullmatch(above) is not None
            and all(word.lower() in _SLOT_WORDS for word in WORD.findall(above))
        )
        or _ANNOUNCES_WORK.search(above) is not None
    )


_LABEL_ONLY = re.compile(r"\s*(?:[A-Za-z]+[ \t]*){1,2}:[ \t]*[<(`]?")
_ANNOUNCES_WORK = re.compile(
    r"(?i)\b(?:the[ \t]+following|this|the)[ \t]+(?:paper|article|publication)[ \t]*:\s*[<(`]?\Z"
)


def _dated_doi_item(text: str, named: list[Hit], linked: list[Hit]) -> bool:
    """Whether the place's one link is a bare DOI item of its reference list and its one named
    work an entry of the next or previous item whose year the DOI holds (`.. [1]
    https://doi.org/10.1200/jco.1994.12.10.2086` then `.. [2] Authors. "Title." J. Clin.
    Oncol. 12, 2086-2093 (1994)`): the list gives the work twice, by its link and its entry."""
    years = {h.reference.year for h in named if h.kind in ENTRY_KINDS and h.reference}
    dois = [h for h in linked if h.kind is RefKind.DOI and h.ref is not None]
    if len(dois) != len(linked) or len(years) != 1 or None in years:
        return False
    year = str(years.pop())
    if not all(year in _DOI_PARTS.split(h.ref.key.split("/", 1)[-1]) for h in dois if h.ref):
        return False
    first = min([*named, *linked], key=lambda h: h.start)
    last = max([*named, *linked], key=lambda h: h.end)
    between = [h for h in (*named, *linked) if h is not first and h is not last]
    if between or last.start - first.end > ENTRY_REACH:
        return False
    gap = _LIST_ITEM.sub(" ", text[first.end : last.start])
    return all(w.lower() in _SLOT_WORDS for w in WORD.findall(_LINKS_AND_TAGS.sub(" ", gap)))


_DOI_PARTS = re.compile(r"[./()\-_:;]")


# A Javadoc or Doxygen `@see` tag whose HTML anchor is the link, its title the anchor's text.
_SEE_ANCHOR = re.compile(r"(?i)[ \t*]*@see[ \t]+<a\s+[^<>\n]*?href\s*=\s*[\"']?$")
_ANCHOR_END = re.compile(
    r"(?i)[\"']?[^<>\n]{0,40}>(?P<text>[^<>\n]{1,200})</a[ \t]*>[ \t.]*(?:\n|$)"
)
# After the mention in its sentence: the sentence's end and a paragraph's close.
_MENTION_END = re.compile(r"(?i)[ \t]*[.;]?[ \t]*(?:</p>)?[ \t]*")


def _see_tag_anchor(text: str, named: list[Hit], linked: list[Hit]) -> bool:
    """Whether the place's one work is one author-year mention ending its sentence
    (`Implements the algorithm of Lemire (2019).`), or one entry ending its paragraph, and its
    one link the anchor of the `@see` tag of a later paragraph (`@see <a href="...">Title</a>`),
    perhaps after other block tags (`@author`, `@since`): the tag gives the work's paper. An
    entry's anchor names no other work: its text is the link's identifier or a copy's label."""
    if len(named) != 1 or named[0].kind not in (RefKind.AUTHOR_YEAR, RefKind.TITLE):
        return False
    mention, link = named[0], min(linked, key=lambda h: h.start)
    if not 0 <= link.start - mention.end <= ENTRY_REACH:
        return False
    line_start = text.rfind("\n", 0, link.start) + 1
    if _SEE_ANCHOR.fullmatch(text, line_start, link.start) is None:
        return False
    anchor = _ANCHOR_END.match(text, link.end)
    if anchor is None:
        return False
    parts = BLANK_LINE.split(text[mention.end : line_start])
    if len(parts) < 2 or _TAG_LINE.sub("", "".join(parts[1:])).strip(" \t\n*"):
        return False
    if mention.kind is RefKind.AUTHOR_YEAR:
        return _MENTION_END.fullmatch(parts[0].rstrip("\n")) is not None
    label = anchor["text"].strip()
    return _IDENTIFIER_TEXT.fullmatch(label) is not None or labels_a_copy(label)


# A Javadoc block tag's line other than `@see` (`@author Erika Lind`, `@since 0.7`).
_TAG_LINE = re.compile(r"(?m)^[ \t*]*@(?!see\b)[a-z]+\b[^\n]*$")
# An anchor's text that writes its link's identifier: `doi:10.1234/x`, `arXiv:1234.5678`, a URL.
_IDENTIFIER_TEXT = re.compile(r"(?i)(?:doi:?[ \t]*10\.|arxiv:?[ \t]*\d|https?://|10\.\d{4,9}/)\S*")


def _bare(hit: Hit) -> bool:
    """Whether an identifier was read with no entry of its own (no title, no authors)."""
    fields = hit.reference
    return fields is None or not (fields.title or fields.authors)


def _link_paragraph(text: str, start: int, end: int) -> bool:
    """Whether a blank line stands between the mention's paragraph and the link, and every
    paragraph after it up to the link holds only the words that label a link, in no list
    item (`* <url>` under `* Authors. Title.` is a list of two references)."""
    parts = BLANK_LINE.split(text[start:end])
    if len(parts) < 2:
        return False
    later = "\n".join(parts[1:])
    if _LIST_ITEM.search(later):
        return False
    words = WORD.findall(_LINKS_AND_TAGS.sub(" ", later))
    return all(word.lower() in _SLOT_WORDS for word in words)


# A list item's label at a line's start: a bullet, `2.`, `[2]`, `.. [2]`, `<li>`.
_LIST_ITEM = re.compile(
    r"(?m)^[ \t]*(?:(?:[-*•+]|\d{1,3}[.)]|\.\.[ \t]*\[[^\]\n]+\]|\[[^\]\n]{1,40}\]:?)[ \t]|<li\b)"
)


# A bare link its own line labels as the paper itself: `- paper available at: <url>`, `PDF:`.
_PAPER_LABEL = re.compile(
    r"(?i:[ \t]*(?:[-*•+][ \t]+)?(?:the[ \t]+)?(?:paper|pdf|preprint|article|full[ \t]+text)"
    r"(?:[ \t]+(?:is[ \t]+)?(?:available|online))?(?:[ \t]+(?:at|from|here))?[ \t]*:?[ \t]*[<(`]?)"
)


def join_paper_copy(text: str, hits: list[Hit], groups: Groups) -> set[int]:
    """Join the place's one entry to a bare link its line labels as the paper (`- paper
    available at: <pdf>` in the Notes above `.. [1] Authors. "Title". <doi link>`), in either
    order: the link is a copy of that work. Only when the place holds nothing else."""
    if len(hits) < 2 or not all(mergeable(h) for h in hits):
        return set()
    members = groups.members()
    if len(members) != 2:
        return set()
    copies = [
        m for m in members if len(m) == 1 and hits[m[0]].kind is RefKind.URL and _bare(hits[m[0]])
    ]
    if len(copies) != 1:
        return set()
    link = copies[0][0]
    work = next(m for m in members if m is not copies[0])
    if not any((fields := hits[i].reference) is not None and fields.title for i in work):
        return set()
    line_start = text.rfind("\n", 0, hits[link].start) + 1
    if _PAPER_LABEL.fullmatch(text, line_start, hits[link].start) is None:
        return set()
    if _LINE_END.match(text, hits[link].end) is None:
        return set()
    groups.join(work[0], link)
    return {i for i in work if hits[i].kind in ENTRY_KINDS}
