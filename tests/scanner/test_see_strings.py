"""A Javadoc `@see "..."` string is one entry: the authors and year at its head and the DOI at
its end are one reference, not an author-year mention beside a second one."""

from __future__ import annotations

from catalog.types import RefKind
from scanner.extract import find_hits

SEE = (
    "The global mapping functions.\n"
    "\n"
    '@see "Boehm, J., A.E. Niell, P. Tregoning, H. Schuh (2006),\n'
    "     Global Mapping Functions (GMF): A new empirical mapping function based\n"
    "     on numerical weather model data, Geoph. Res. Letters, Vol. 33, L07304,\n"
    '     doi:10.1029/2005GL025545."\n'
)


def test_the_authors_and_the_doi_of_one_see_string_are_one_reference() -> None:
    hits = find_hits(SEE)
    assert [h.kind for h in hits] == [RefKind.DOI]
    assert hits[0].ref is not None and hits[0].ref.key == "doi:10.1029/2005gl025545"
    assert hits[0].problem is None  # the quotes hold the entry, not the DOI
    assert hits[0].reference is not None and hits[0].reference.year == 2006
    assert SEE[hits[0].start :].startswith("Boehm")  # the reference's line is the entry's


def test_two_see_strings_stay_two_references() -> None:
    text = SEE + '@see "Niell, A. E. (1996), Global mapping functions, J. Geophys. Res."\n'
    hits = find_hits(text)
    assert len(hits) == 2 and hits[1].ref is None


def test_a_doi_quoted_alone_still_carries_its_trailing_full_stop_problem() -> None:
    hits = find_hits('@see "doi:10.1029/2005GL025545."\n')
    assert hits[0].problem is not None and "trailing '.'" in hits[0].problem
