"""Authors' family names as mentions and labels compare them."""

from __future__ import annotations

import re

from catalog.keys import family_name
from scanner.types import EntryFields, Hit

# A label made of the first author's name and the year: `Haveliwala2002`, `SmithEtAl2011`.
NAME_YEAR_LABEL = re.compile(
    r"(?P<name>[A-Z][a-z]+)(?:[A-Z][a-z]+)*?(?:EtAl|etal)?(?P<year>(?:19|20)\d\d)[a-z]?"
)


_SURNAME_SIMILARITY = 85  # rapidfuzz ratio for a label spelled unlike its entry


def authors(hit: Hit) -> tuple[str, ...]:
    return hit.reference.authors if hit.reference else ()


def first_family(fields: EntryFields) -> str:
    return family_name(fields.authors[0]) if fields.authors else ""


def same_family(wanted: str, other: str) -> bool:
    if not other:
        return False
    if wanted == other:
        return True
    from rapidfuzz import fuzz  # imported here: most blocks never compare two surnames

    return fuzz.ratio(wanted, other) >= _SURNAME_SIMILARITY
