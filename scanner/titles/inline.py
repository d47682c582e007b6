"""Inline citations in prose: author-year mentions and citation keys."""

from __future__ import annotations

import re
from collections.abc import Iterator

from scanner.titles.names import AUTHOR_LIST, ETAL, NOT_NAMES, list_start, split_authors
from scanner.types import EntryFields

_YEAR = r"(?:1[6-9]\d\d|20[0-4]\d)"
# `Vaswani et al. (2017)`, `Kingma & Ba, 2014`, `(Smith and Jones 2003)`, `Hill, G. W. (1970)`.
AUTHOR_YEAR = re.compile(
    rf"(?P<names>{AUTHOR_LIST.pattern})(?:['’]s)?"
    rf"(?:\s*\(\s*(?P<y1>{_YEAR})[a-z]?(?:\s*[,;][^)]{{0,30}})?\s*\)|,?\s+(?P<y2>{_YEAR})[a-z]?\b(?![\w/.-]\d))"
)
# A single surname with a year is only a citation after a citing word: "described by Hill (1970)".
_CITING = re.compile(
    r"(?:\b(?:by|in|see|also|from|of|after|following|follows|per|cf\.?|to|and)\s*[:,]?\s*"
    r"|\(\s*)$"
)
# Who wrote or changed the code: "Written by", "revised for the exporter by", "Ported by".
_AUTHORSHIP = re.compile(
    r"\b(?:[Ww]ritten|[Rr]e-?written|[Rr]evised|[Mm]odified|[Cc]ontributed|[Mm]aintained|"
    r"[Pp]orted|[Aa]dded|[Uu]pdated|[Ff]ixed|[Cc]oded|[Rr]eviewed|[Tt]ranslated|[Ee]dited|"
    r"[Cc]hanged|[Cc]reated|[Aa]uthored|[Pp]atch(?:ed)?)\b(?:\s+[\w-]+){0,4}\s+by\s*[:,]?\s*$"
)
# Sphinx citation keys `[Smith2003]_`, BibTeX-style keys in `@cite smith2003fast` / `\cite{...}`.
CITE_KEY = re.compile(
    r"\[(?P<k1>[A-Z][A-Za-z'-]+)(?P<y1>(?:19|20)\d\d)[a-z]?\]_"
    r"|[@\\]cite\{?\s*(?P<k2>[A-Za-z][a-z'-]+)(?:_|:)?(?P<y2>(?:19|20)\d\d)[a-z]*\}?"
)


def author_year(text: str, start: int, end: int) -> Iterator[tuple[int, int, EntryFields, float]]:
    """Author-year mentions in `text[start:end]` as (start, end, reference, confidence)."""
    # The names end right before the year, so only the text just before each year is searched:
    # the author-list pattern is too costly to try at every position of a long docstring.
    pos = start
    for year_match in _YEAR_RE.finditer(text, start, end):
        window = max(pos, year_match.start() - 160)
        if _CAPITALIZED.search(text, window, year_match.start()) is None:
            continue  # no name can precede this year (a column of a numeric table)
        match = AUTHOR_YEAR.search(text, window, min(end, year_match.end() + 40))
        while match is not None and match.start() > start and text[match.start() - 1].isalnum():
            match = AUTHOR_YEAR.search(text, match.start() + 1, min(end, year_match.end() + 40))
        if match is None or match.start() > year_match.start():
            continue
        if (first := list_start(text, match.start(), end)) != match.start():
            match = AUTHOR_YEAR.match(text, first, min(end, year_match.end() + 40)) or match
        pos = match.end()
        names = match.group("names")
        authors = tuple(a for a in split_authors(names) if a.split()[0].lower() not in NOT_NAMES)
        last = names.split()[-1].strip(",.").lower()
        if not authors or names.split()[0].strip(",").lower() in NOT_NAMES or last in NOT_NAMES:
            continue
        etal = ETAL.search(names) is not None  # "et\nal." wrapped over two lines too
        before = text[max(start, match.start() - 30) : match.start()]
        if not (etal or len(authors) >= 2 or _CITING.search(before)):
            continue
        if not etal and _AUTHORSHIP.search(text, max(start, match.start() - 60), match.start()):
            continue  # "Revised by Jane Doe, 2012": who wrote the code, not a citation
        year = int(match.group("y1") or match.group("y2"))
        confidence = 0.75 if etal or match.group("y1") else 0.6
        # "(Pugh 1990): https://doi.org/..." - the span takes in the identifier that follows, so
        # that extract.py folds this mention into the identifier's instead of reporting both.
        ident = _TRAILING_ID.match(text, match.end(), end)
        stop = ident.end() if ident else match.end()
        yield match.start(), stop, EntryFields(authors=authors, year=year), confidence


_TRAILING_ID = re.compile(r"\)?[ \t]*[:,;]?[ \t]*<?(?:https?://|doi:\s*|arXiv:\s*)[^\s\])>]+>?")
_YEAR_RE = re.compile(_YEAR + r"(?!\d)")
_CAPITALIZED = re.compile(r"[A-Z][A-Za-z]")  # every author list holds one capitalized word


def cite_keys(text: str, start: int, end: int) -> Iterator[tuple[int, int, EntryFields, float]]:
    """Citation keys that name an author and a year (`[Smith2003]_`, `@cite smith2003`)."""
    for match in CITE_KEY.finditer(text, start, end):
        name = match.group("k1") or match.group("k2")
        year = int(match.group("y1") or match.group("y2"))
        yield match.start(), match.end(), EntryFields(authors=(name.capitalize(),), year=year), 0.5
