"""A Javadoc `@see "..."` string is one entry: its authors, title and identifier name one work.

Javadoc's string form of `@see` (`@see "Boehm, J. (2006), Title, Venue, doi:10.1029/..."`) is
how a Java comment cites a printed work: the quotes hold one entry, however its lines run. An
author-year read from the entry's head and the DOI or link at its end are that entry's fields,
not a mention beside a second reference.
"""

from __future__ import annotations

import re

from scanner.places.base import Groups, mergeable
from scanner.places.layout import BLANK_LINE
from scanner.types import Hit

# The tag, its opening quote, and the string up to the closing quote that ends its line.
_SEE_STRING = re.compile(r"@see[ \t]+\"(?P<body>[^\"]{1,1500})\"[ \t.,;]*(?:\n|$)")


def join_see_strings(text: str, hits: list[Hit], groups: Groups) -> set[int]:
    """Join the mentions inside one `@see "..."` string when one of them is an identifier:
    the identifier is the entry's, and the authors, year or title read before it are its
    fields. Several titles without an identifier are left to the other readers. The indexes
    of the mentions joined are returned: they are the entry's text, not in-text mentions."""
    joined: set[int] = set()
    if "@see" not in text:
        return joined
    for see in _SEE_STRING.finditer(text):
        start, end = see.span("body")
        if BLANK_LINE.search(text, start, end) is not None:
            continue
        inside = [
            i
            for i, hit in enumerate(hits)
            if start <= hit.start and hit.end <= end and mergeable(hit)
        ]
        if len(inside) > 1 and any(hits[i].ref is not None for i in inside):
            for index in inside[1:]:
                groups.join(inside[0], index)
            joined.update(inside)
    return joined
