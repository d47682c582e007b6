"""The last look at an entry's fields: a title is never a fragment of an identifier, its
authors or its venue, and an entry whose "title" is its author list has no title."""

from __future__ import annotations

import re
from dataclasses import replace

from catalog.types import RefKind
from scanner.titles import AUTHOR_YEAR_RULE
from scanner.titles.names import AUTHOR_LIST, split_authors
from scanner.types import EntryFields, Hit

# What a title cannot open with: the tail of an identifier or path the entry wrapped from the
# line before (`DS/0310049 Generalized Cores`, `/abs/...`), or stray punctuation.
_LEADING_FRAGMENT = re.compile(r"^(?:[\w.-]*/[\w./-]*\s+|[/\\|>*#:;,.\-–]+\s*)+")
_WORD = re.compile(r"[^\W\d_]{2,}")


def tidy(hits: list[Hit]) -> list[Hit]:
    """`hits` with each entry's title cleaned of what is not the title (see the module)."""
    return [_tidy(hit) for hit in hits]


def _tidy(hit: Hit) -> Hit:
    fields = hit.reference
    if fields is None or not fields.title or hit.ref is not None:
        return hit
    title = _LEADING_FRAGMENT.sub("", fields.title)
    title = _without_tail(title, fields)
    if _is_author_list(title, fields):
        title = ""
    if len(_WORD.findall(title)) < 2:
        # Nothing of a title is left: the entry still names its authors and year.
        if not fields.authors or fields.year is None:
            return hit
        cleaned = replace(fields, title=None)
        if hit.kind is RefKind.TITLE:
            hit = replace(hit, kind=RefKind.AUTHOR_YEAR, rule=AUTHOR_YEAR_RULE)
        return replace(hit, title_hint=None, reference=cleaned)
    if title == fields.title:
        return hit
    return replace(hit, title_hint=title, reference=replace(fields, title=title))


def _without_tail(title: str, fields: EntryFields) -> str:
    """The title without the venue it ran into at its end, or the author list it ran into
    (`Generalized Cores Vladimir Batagelj and Matjaz Zaversnik`)."""
    venue = fields.venue or ""
    if len(venue) >= 4 and title.endswith(venue) and len(_WORD.findall(title[: -len(venue)])) > 1:
        title = title[: -len(venue)].rstrip(" ,.;:")
    first = fields.authors[0] if fields.authors else ""
    # a surname alone may be a word of the title ("Improving the Marsaglia generator")
    at = title.find(first) if " " in first.strip() else -1
    # ...only when what follows reads as that list: two names or more, or a name with an
    # initial ("A Simple Method for Generating Gamma Variables" keeps its last words)
    if at > 0 and len(_WORD.findall(title[:at])) >= 2:
        tail = title[at:]
        if len(split_authors(tail)) >= 2 or re.search(r"\b[A-Z]\.", tail):
            title = title[:at].rstrip(" ,.;:")
    return title


def _is_author_list(title: str, fields: EntryFields) -> bool:
    """Whether the "title" is a list of names (`Durbin, James, and Siem Jan Koopman`): the
    author-list pattern spans all of it and reads at least two names."""
    match = AUTHOR_LIST.fullmatch(title.strip(" .,"))
    if match is None or "," not in title:
        return False
    # Names with a given name or an initial: "Quaternions, Interpolation and Animation" is a
    # title whose words the pattern also reads as bare surnames.
    full = [n for n in split_authors(title) if len(n.replace(",", " ").split()) >= 2]
    return len(full) >= 2
