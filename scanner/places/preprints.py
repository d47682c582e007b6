"""A work named by its authors and year, and the one arXiv preprint of that year, as one reference.

A place that names a work in its prose by its authors and year (`we take the example in Meijer
et al. 2017`, `Gated Recurrent Unit - Cho et al. 2014.`) and gives, in another sentence of it, a
bare arXiv link whose id dates it to the same year (`https://arxiv.org/abs/1710.08273`: a
new-style id opens with the year and month it was submitted) cites one work twice, when nothing
else in the place is of that year: no other work named with that year, no other preprint
submitted in it. Not a link in the mention's own sentence (`Lind (2024) or <link> instead`), nor
an entry with a link the entry rules left apart (`Based on this we propose <link>`), nor a
preprint submitted the year before its publication (the layout does not say), a link read with
an entry of its own, or an old-style id, which does not date itself.
"""

from __future__ import annotations

import re

from catalog.types import RefKind
from scanner.places.base import Groups, mergeable
from scanner.types import Hit

# `arxiv:1710.08273`: two digits of the year, two of the month (01-12), then the number.
_NEW_STYLE = re.compile(r"arxiv:(\d\d)(?:0[1-9]|1[0-2])\.\d{4,5}\Z")


def join_dated_preprints(text: str, hits: list[Hit], groups: Groups) -> None:
    """Join the place's one work named with a year to its one bare preprint of that year."""
    if len(hits) < 2 or not all(mergeable(h) for h in hits):
        return
    named: dict[int, list[int]] = {}  # year -> the first hit of each work named with it
    preprints: dict[int, list[int]] = {}
    for members in groups.members():
        group = [hits[i] for i in members]
        year = _named_year(text, group)
        if year is not None:
            named.setdefault(year, []).append(members[0])
        preprint = _preprint_year(group)
        if preprint is not None:
            preprints.setdefault(preprint, []).append(members[0])
    for year, works in named.items():
        links = preprints.get(year, [])
        if (
            len(works) == 1
            and len(links) == 1
            and _sentences_apart(text, hits, groups, works[0], links[0])
        ):
            groups.join(works[0], links[0])


def _sentences_apart(text: str, hits: list[Hit], groups: Groups, work: int, link: int) -> bool:
    """Whether every mention of the work stands in another sentence than every copy of the
    link."""
    mentions = [h for i, h in enumerate(hits) if groups.find(i) == groups.find(work)]
    copies = [h for i, h in enumerate(hits) if groups.find(i) == groups.find(link)]
    for mention in mentions:
        for copy in copies:
            first, second = sorted((mention, copy), key=lambda h: h.start)
            if _SENTENCE_END.search(text, first.end, max(first.end, second.start)) is None:
                return False
    return True


# A sentence's end: its stop before a space or the line's end, or a blank line.
_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n[ \t]*\n")


def _named_year(text: str, group: list[Hit]) -> int | None:
    """The year of a work named in prose by its authors and year alone, or None (an entry, a
    title, a bracketed key: `[Lind2024tides]_`)."""
    if not all(h.kind is RefKind.AUTHOR_YEAR and text[h.start].isupper() for h in group):
        return None
    years = {h.reference.year for h in group if h.reference and h.reference.year}
    return years.pop() if len(years) == 1 else None


def _preprint_year(group: list[Hit]) -> int | None:
    """The year a bare arXiv link's id was submitted in, or None: a group of anything else,
    or of a link read with its own title or authors."""
    keys = {h.ref.key for h in group if h.ref is not None}
    if len(keys) != 1 or any(h.ref is None or h.kind is not RefKind.ARXIV for h in group):
        return None
    if any(h.reference and (h.reference.title or h.reference.authors) for h in group):
        return None
    dated = _NEW_STYLE.match(keys.pop())
    return None if dated is None else 2000 + int(dated[1])
