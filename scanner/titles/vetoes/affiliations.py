"""Vetoes of a title that names where a work comes from: an institution, an affiliation, a
venue, a publisher."""

from __future__ import annotations

import re

from scanner.titles.entries import PLACES
from scanner.titles.publishers import IMPRINT
from scanner.titles.vetoes.base import fields_of
from scanner.titles.vetoes.phrases import VENUE_TITLE
from scanner.types import Hit

# An institution named after a report's number, read as a title with nothing around it:
# `Technical Report CES-487, The School of Computer Science and Electronic Engineering,\n
# University of Essex`.
_INSTITUTION_TITLE = re.compile(
    r"(?:The\s+)?(?:School|Department|Dept\.|Faculty|Institute|University|College|"
    r"Laboratory|Centre|Center|Division)\s+(?:of|for)\s"
)


def institution_title(text: str, hit: Hit, stop: int) -> bool:
    fields = fields_of(hit)
    title = fields.title or hit.title_hint or ""
    if not fields.authors and fields.year is None and _INSTITUTION_TITLE.match(title) is not None:
        return True
    # ... or a list of institutions alone, whatever was read around it as names, as a vendored
    # routine's header credits them above its date (`Univ. of California Berkeley, Xerox Palo
    # Alto Research Center,\n and Lawrence Berkeley National Lab.\n October 15, 2003`)
    parts = [p for p in _LIST_PARTS.split(title.strip(" .")) if p]
    return len(parts) >= 2 and all(_INSTITUTION.fullmatch(p) is not None for p in parts)


_LIST_PARTS = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)")
# One institution's name: its words, ending in what it calls itself, or opening with a
# university (`Univ. of Tennessee`, `University of Colorado Denver`).
_INSTITUTION = re.compile(
    r"(?:[A-Z][\w.&'’-]*\s+){0,6}(?:Center|Centre|Lab|Labs|Laboratory|Laboratories|University|"
    r"Institute|Corporation|Corp\.?|Inc\.?|Ltd\.?|Department|College|Foundation|Agency)"
    r"|(?:The\s+)?(?:Univ\.|University)\s+of\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}"
)


# An author's affiliation read as the title: `code developed by A. Lind, Oxford-Man Institute of
# Quantitative Finance, and published in GPU Computing Gems, volume 2, 2010` names the work by
# its author, venue and year; the mention is theirs.
_AFFILIATION = re.compile(
    _INSTITUTION.pattern
    + r"|(?:[A-Z][\w.&'’-]*\s+){0,4}(?:Institute|University|Laboratory|Centre|Center|School|"
    r"College|Department)\s+(?:of|for)\s+[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|and|&))*"
)
_LIST_TAIL = re.compile(
    r"[\s,.;]*(?:\b(?:and|&)\s*)?(?:\b(?:published|appeared|presented)\s+in\b.*)?$", re.DOTALL
)


def affiliation_title(text: str, hit: Hit, stop: int) -> bool:
    fields = fields_of(hit)
    title = _LIST_TAIL.sub("", fields.title or "")
    return bool(fields.authors) and _AFFILIATION.fullmatch(title) is not None


# Where an author works, read as the title: `G. Lind, Depto. de Informatica, Universidad Jaime
# I, Spain.` (a department and a university together name no work).
_DEPARTMENT = re.compile(r"\b(?:Dept|Depto|Department|Departamento|D[ée]partement|Faculty)\b")
_UNIVERSITY = re.compile(
    r"\b(?:Univ|University|Universidad|Universit[àäé]t?|Universidade|Universiteit|Institute|"
    r"Instituto|Laboratory|Lab)\b"
)
# ... or what the entry says the code did, read as the work's title: `[1] A Level 3 BLAS QR
# factorization algorithm with column pivoting developed in 1996.` (the title comes later)
_DEVELOPED_IN = re.compile(
    r"\b(?:developed|written|implemented|designed|coded)\s+in\s+(?:1[6-9]|20)\d\d$"
)


def affiliation_line_title(text: str, hit: Hit, stop: int) -> bool:
    title = fields_of(hit).title or ""
    department = _DEPARTMENT.search(title)
    return bool(
        (department and (_UNIVERSITY.search(title) or department.end() >= len(title) - 1))
        or _DEVELOPED_IN.search(title)
    )


def venue_title(text: str, hit: Hit, stop: int) -> bool:
    title = (fields_of(hit).title or "").strip(" .,")
    return VENUE_TITLE.fullmatch(title) is not None or _spelled_acronym(text, hit, title)


# A name spelled out before its acronym in brackets is a venue's or a body's, not a work's
# title: "Computer Vision and Pattern Recognition (CVPR), 2020" under an entry's authors.
_ACRONYM_AFTER = re.compile(r"(?P<word>[\w-]+)[ \t]*\((?P<acronym>[A-Z]{3,8})\)")
_MINOR_WORDS = frozenset("and of on for in the to".split())  # noqa: SIM905


def _spelled_acronym(text: str, hit: Hit, title: str) -> bool:
    words = title.split()
    if len(words) < 3 or any(not w[0].isupper() for w in words if w not in _MINOR_WORDS):
        return False
    initials = "".join(w[0] for w in words if w not in _MINOR_WORDS)
    return any(
        after["word"] == words[-1] and after["acronym"] == initials
        for after in _ACRONYM_AFTER.finditer(text, hit.start, min(len(text), hit.end + 40))
    )


# A book's place of publication and its publisher, read as its title: `New York: Wiley`.
_PLACE_PUBLISHER = re.compile(
    r"(?P<place>[A-Z][\w .]{2,30}?)(?:,[ \t]*[A-Z]{2})?[ \t]*:[ \t]*\S[^:]{0,50}"
)


# ... or the publisher alone, perhaps with its city: `Atlantic Financial Press London`,
# `Springer Science & Business Media` (an entry's title cut at a volume, `... Vol. 1.`).
_PUBLISHER_ALONE = re.compile(r"(?:" + IMPRINT + r")(?:[ \t]+[A-Z][a-z]+)?")


def publisher_title(text: str, hit: Hit, stop: int) -> bool:
    title = " ".join((fields_of(hit).title or "").split()).strip(" .,")
    match = _PLACE_PUBLISHER.fullmatch(title)
    return (match is not None and match["place"] in PLACES) or _PUBLISHER_ALONE.fullmatch(
        title
    ) is not None
