"""Citations given without an identifier: reference entries, quoted titles, author-year.

`find_citations` reads one comment or docstring block. A cheap needle test rejects blocks with
no year, quote, `et al`, venue word or reference-section cue; the rest are read by the rules
(`detect`: regions split into list entries and paragraphs, each read three ways: entries that
open with an author list, entries and mentions that open with a title, quoted or after a citing
phrase, and author-year mentions), then by the tagger, a token CRF that reads the rules'
output as features (`tagger`, `tagged`).
"""

from __future__ import annotations

import re

from scanner.titles.cues import CUES, YEAR_PATTERN
from scanner.types import Hit

__all__ = [
    "AUTHOR_YEAR_RULE",
    "KNOWN_NEEDLES",
    "SHIPPED_MODEL",
    "TITLE_RULE",
    "find_citations",
    "may_cite",
    "rule_citations",
]

# The rule ids of citations without an identifier, whichever reader (rules or tagger) found them.
TITLE_RULE = "CG105"
AUTHOR_YEAR_RULE = "CG106"

SHIPPED_MODEL = object()  # `find_citations`' default tagger: the model shipped with citegraph

# The needle test: the cues a citation without an identifier needs (`scanner.titles.cues`, the
# one list, which the prefilter reads too), checked once per block, so that the detector and its
# tagger read only blocks that may cite. A cue is a plain string (found by `in`, at C speed) or,
# where the plain string is mostly something else, a string and the pattern the detector reads
# it in; the string is tested first, so the pattern runs only on blocks that hold it.
# Quotes are tested last: a block whose only cue is one is read only if a reader could cite in
# it (`quotegate`), as most quotes in code quote a word.
_QUOTES = frozenset({'"', "'", "“", "”", "«", "``"})
_CUE_STRINGS = tuple(
    dict.fromkeys(c.text for c in CUES if not c.book and not c.pattern and c.text not in _QUOTES)
)
_CUE_PATTERNS = tuple(
    (c.text, re.compile(c.pattern))
    for c in CUES
    if not c.book and c.pattern and c.text not in _QUOTES
)
_QUOTE_STRINGS = tuple(c.text for c in CUES if not c.book and not c.pattern and c.text in _QUOTES)
_QUOTE_PATTERNS = tuple(
    (c.text, re.compile(c.pattern)) for c in CUES if not c.book and c.pattern and c.text in _QUOTES
)
# The short names of reference works (`scanner.titles.books.KNOWN_WORKS`): `Knuth, Vol. 2`.
KNOWN_NEEDLES = tuple(c.text for c in CUES if c.book)
_YEAR_NEEDLE = YEAR_PATTERN
_NOT_CITATION_LINES = ("copyright", "(c)", "©", "spdx", "license")


def find_citations(text: str, tagger: object = SHIPPED_MODEL) -> list[Hit]:
    """Title and author-year citations in one block of text, as hits sorted by position.

    Each hit spans a whole entry or mention and carries the parsed `Reference`; a title
    citation is `RefKind.TITLE` (rule CG105), one with only authors and a year is
    `RefKind.AUTHOR_YEAR` (rule CG106), and either is `RefKind.BOOK` when its entry is a
    book's (`scanner.titles.books`). The rules read the block first; the tagger (the
    shipped model unless another `Tagger`, or None for the rules alone, is given) then reads
    the regions with bibliographic cues, and its entries replace or join the rules' ones.
    """
    if not _has_cue(text):
        if not any(needle in text for needle in KNOWN_NEEDLES):
            return []
        from scanner.titles.books import mark_books

        return mark_books(text, [])
    return _detected(text, tagger)


def may_cite(text: str) -> bool:
    """Whether `find_citations` may find anything in `text`: its needle test. A parser may
    leave out a block that fails it and holds none of the prefilter's cues either."""
    return _has_cue(text) or any(needle in text for needle in KNOWN_NEEDLES)


def _detected(text: str, tagger: object) -> list[Hit]:
    """What the rules, the tagger and the book reader find in `text`, past the needle test."""
    # Imported on the first block with a cue: compiling the detector's patterns and loading
    # the model cost more than scanning a few changed files.
    from scanner.titles.books import mark_books
    from scanner.titles.detect import detect
    from scanner.titles.tagged import with_tagger
    from scanner.titles.tidy import tidy
    from scanner.titles.vet import vet

    found = with_tagger(text, detect(text), tagger, SHIPPED_MODEL)
    return mark_books(text, vet(text, tidy(text, found)))


def rule_citations(text: str) -> list[Hit]:
    """The citations the rules alone find in `text` (the tagger's input features)."""
    if not _has_cue(text):
        return []
    from scanner.titles.detect import detect

    return detect(text)


def _has_cue(text: str) -> bool:
    """Whether `text` has anything a citation needs: a year, "et al", a header, or a quote
    with what a reader needs beside it (`quotegate`)."""
    if any(cue in text for cue in _CUE_STRINGS):
        return True
    if any(needle in text and pattern.search(text) for needle, pattern in _CUE_PATTERNS):
        return True
    position = 0
    while (match := _YEAR_NEEDLE.search(text, position)) is not None:
        position = match.start() + 1
        if match.start() and text[match.start() - 1].isdigit():
            continue
        # A year on a copyright or license line is in most files and never makes a citation
        # (the prefilter reads whole files the same way).
        start = text.rfind("\n", 0, match.start()) + 1
        end = text.find("\n", match.end())
        line = text[start : end if end >= 0 else len(text)].lower()
        if not any(word in line for word in _NOT_CITATION_LINES):
            return True
    if any(quote in text for quote in _QUOTE_STRINGS) or any(
        quote in text and pattern.search(text) for quote, pattern in _QUOTE_PATTERNS
    ):
        from scanner.titles.quotegate import quote_may_cite

        return quote_may_cite(text) or any(needle in text for needle in KNOWN_NEEDLES)
    return False
