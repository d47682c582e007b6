"""A work named by its authors and year, and the one arXiv preprint of that year, as one reference.

A place that names a work in its prose by its authors and year (`we take the example in Meijer et
al. 2017`, `Gated Recurrent Unit - Cho et al. 2014.`) and gives, in another sentence of it, a bare
arXiv link whose id dates it to the same year (`https://arxiv.org/abs/1710.08273`: a new-style id
opens with the year and month it was submitted; a bioRxiv DOI holds the day it was posted,
`10.1101/2020.05.09.084897`) cites one work twice, when nothing else in the place is of that year:
no other work named with that year, no other preprint submitted in it. So does a place whose entry
gives a work's authors and year but no identifier (`"CatBoost: ...", Dorogush et al. (2018).`, a
BibTeX entry, `Lind, B. et al, Title (May, 2024)`) and whose bare preprint of that year stands in
another paragraph or list item (`... we follow Eq. (1) in <link>.`, `.. [3] Arxiv paper: <link>`,
the link a paragraph of its own). A bibliography key (`[lind2017]_`, its entry in the project's
documentation) names the work as its authors and year do. Not a link in the mention's own sentence
(`Lind (2024) or <link> instead`), nor an entry with a link on its next line the entry rules left
apart (`Based on this we propose <link>`), nor a preprint submitted the year before its publication
(the layout does not say), a link read with an entry of its own, or an old-style id, which does not
date itself.

One layout puts the link in the mention's own sentence: a sentence that ends in a colon at its
line's end introduces the work that opens the next line (`Queries the Lind & Moss (2017) tide
map:` over `http://arxiv.org/abs/1706.00011`; `proposed by Lind et al. (2019) in the paper:`
over `"Title" (https://arxiv.org/abs/1903.08855)`), bare or with its title, when the work there
names no authors of its own.
"""

from __future__ import annotations

import re

from catalog.ids import issued_years
from catalog.keys import normalize_title
from catalog.types import RefKind
from scanner.places.base import ENTRY_BREAK, ENTRY_KINDS, Groups, mergeable
from scanner.types import Hit

# `arxiv:1710.08273`: two digits of the year, two of the month (01-12), then the number.
_NEW_STYLE = re.compile(r"arxiv:(\d\d)(?:0[1-9]|1[0-2])\.\d{4,5}\Z")
# `doi:10.1101/2020.05.09.084897`: a bioRxiv or medRxiv preprint's DOI holds the day it was
# posted (since December 2019), then the number.
_POSTED = re.compile(r"doi:10\.1101/((?:19|20)\d\d)\.(?:0[1-9]|1[0-2])\.[0-3]\d\.\d{6,}\Z")


def join_dated_preprints(text: str, hits: list[Hit], groups: Groups) -> None:
    """Join the place's one work named with a year to its one bare preprint of that year, when
    they are the only two works of the place that year dates (by their fields, an arXiv id or a
    publisher's identifier: `catalog.ids.issued_years`)."""
    if len(hits) < 2 or not all(mergeable(h) for h in hits):
        return
    dated: dict[int, list[list[int]]] = {}  # year -> the works it dates
    for members in groups.members():
        for year in _years(hits, members):
            dated.setdefault(year, []).append(members)
    for works in dated.values():
        if len(works) != 2:
            continue
        named = [w for w in works if _named_without_link(text, [hits[i] for i in w])]
        if len(named) != 1:
            continue
        (other,) = (w for w in works if w is not named[0])
        if any(w is not named[0] and w is not other for y in _years(hits, other) for w in dated[y]):
            continue  # a publisher's identifier allows two years, and the other dates a work too
        work, link = [hits[i] for i in named[0]], [hits[i] for i in other]
        if (
            _bare_preprint(link)
            and _sentences_apart(text, hits, groups, named[0][0], other[0])
            and (_in_prose(work) or _paragraphs_apart(text, work, link))
            and not _titled_apart(work, link)
        ) or _introduced(text, work, link):
            groups.join(named[0][0], other[0])


def _years(hits: list[Hit], members: list[int]) -> set[int]:
    """The years a work is dated by: its fields' years and its new-style arXiv ids'."""
    return {year for i in members for year in dated_years(hits[i])}


def dated_years(hit: Hit) -> set[int]:
    """The years one hit dates its work by: its fields' year, its new-style arXiv id's, the
    years a publisher's identifier allows (`catalog.ids.issued_years`)."""
    years = set()
    if hit.reference is not None and hit.reference.year is not None:
        years.add(hit.reference.year)
    if hit.ref is not None and hit.kind is RefKind.ARXIV:
        submitted = _NEW_STYLE.match(hit.ref.key)
        if submitted is not None:
            years.add(2000 + int(submitted[1]))
    elif hit.ref is not None:
        years.update(issued_years(hit.ref.key))
    if hit.ref is not None and hit.kind is RefKind.DOI:
        posted = _POSTED.match(hit.ref.key)
        if posted is not None:
            years.add(int(posted[1]))
    return years


def _sentences_apart(text: str, hits: list[Hit], groups: Groups, work: int, link: int) -> bool:
    """Whether every mention of the work stands in another sentence than every copy of the
    link."""
    mentions = [h for i, h in enumerate(hits) if groups.find(i) == groups.find(work)]
    copies = [h for i, h in enumerate(hits) if groups.find(i) == groups.find(link)]
    return _parted(text, mentions, copies, _SENTENCE_END)


def _parted(text: str, these: list[Hit], those: list[Hit], separator: re.Pattern[str]) -> bool:
    """Whether `separator` stands between each of `these` and each of `those`."""
    for one in these:
        for other in those:
            first, second = sorted((one, other), key=lambda h: h.start)
            if separator.search(text, first.end, max(first.end, second.start)) is None:
                return False
    return True


# A sentence's end: its stop before a space or the line's end, or a blank line.
_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n[ \t]*\n")

# The rest of a mention's sentence up to a colon that ends its line, then the next line's
# indentation and a comment's marks.
_INTRODUCING = re.compile(r"[^.!?\n]*:[ \t]*\r?\n[ \t#*/]*")


def _introduced(text: str, mentions: list[Hit], work: list[Hit]) -> bool:
    """Whether a mention's sentence ends in a colon at its line's end and `work`, an identifier
    with no authors of its own, opens the next line."""
    if not any(h.ref is not None for h in work):
        return False
    if any(h.reference and h.reference.authors for h in work):
        return False
    opens = min(h.start for h in work)
    for mention in mentions:
        lead = _INTRODUCING.match(text, mention.end)
        # the work opens the line, perhaps after an opening quote or bracket
        if lead is not None and lead.end() <= opens <= lead.end() + 1:
            return True
    return False


def _named_without_link(text: str, group: list[Hit]) -> bool:
    """Whether a work is named in prose by its authors and year (`Lind et al. (2018)`, a
    bibliography key of them: `[lind2018]_`, `[Lind2024tides]_`), or by an entry that gives
    its authors and year and no identifier (`"CatBoost: ...", Lind et al. (2018).`, a BibTeX
    entry), and by nothing else."""
    return all(
        (h.kind is RefKind.AUTHOR_YEAR and _names_or_key(text, h.start)) or _entry_without_link(h)
        for h in group
    )


def _preprint(hit: Hit) -> bool:
    """Whether a hit is an arXiv id, a DOI that dates a posted preprint (`_POSTED`) or a
    publisher's identifier that dates its work (`catalog.ids.issued_years`)."""
    if hit.ref is None:
        return False
    return (
        hit.kind is RefKind.ARXIV
        or (hit.kind is RefKind.DOI and _POSTED.match(hit.ref.key) is not None)
        or bool(issued_years(hit.ref.key))
    )


def _names_or_key(text: str, start: int) -> bool:
    """Whether a mention opens with a capital (its names) or a bracket and a letter (a key)."""
    head = text[start : start + 2]
    return head[:1].isupper() or (head[:1] == "[" and head[1:].isalpha())


def _entry_without_link(hit: Hit) -> bool:
    fields = hit.reference
    return (
        hit.kind in ENTRY_KINDS
        and hit.ref is None
        and fields is not None
        and bool(fields.authors)
        and fields.year is not None
    )


def _in_prose(group: list[Hit]) -> bool:
    """Whether a work is named by author-year mentions alone."""
    return all(h.kind is RefKind.AUTHOR_YEAR for h in group)


def _paragraphs_apart(text: str, work: list[Hit], link: list[Hit]) -> bool:
    """Whether an entry and a preprint stand in paragraphs or list items of their own: an
    entry and a link of its year a line apart are two works the entry rules left apart
    (`Lind, Moss. Fast tides. 2011.` over `Based on this we propose <link>`)."""
    return _parted(text, work, link, ENTRY_BREAK)


def _titled_apart(work: list[Hit], link: list[Hit]) -> bool:
    """Whether the work's entry and the preprint's link text give two titles (`` `Title one` -
    <link> `` over the BibTeX entry of another title)."""
    titles = {normalize_title(h.reference.title) for h in work if h.reference and h.reference.title}
    hints = {normalize_title(h.title_hint) for h in link if h.title_hint}
    return bool(titles and hints) and not titles & hints


def _bare_preprint(group: list[Hit]) -> bool:
    """Whether a work is one arXiv id, bioRxiv DOI or publisher's identifier that dates it (a
    ScienceDirect link's PII, `catalog.ids.issued_years`), linked or written without a title or
    authors of its own."""
    keys = {h.ref.key for h in group if h.ref is not None}
    if len(keys) != 1 or not all(_preprint(h) for h in group):
        return False
    return not any(h.reference and (h.reference.title or h.reference.authors) for h in group)
