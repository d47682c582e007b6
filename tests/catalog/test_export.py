"""JSON records and BibTeX entries written by `citegraph catalog export`."""

from __future__ import annotations

import bibtexparser

from catalog.export import bibtex_entries, paper_record
from catalog.types import Paper

ODD = Paper(
    key="doi:10.1/a_b",
    title="Costs of 50% {more} R&D_spend",
    authors=("Ann Lee",),
    year=2020,
    venue="J. Econ. & Stats",
    ids={"doi": "10.1/a_b"},
    source="test",
)


def test_record_has_every_field() -> None:
    record = paper_record(ODD)
    assert set(record) == {
        "key",
        "title",
        "authors",
        "year",
        "venue",
        "abstract",
        "url",
        "ids",
        "source",
        "primary_category",
    }
    assert record["ids"] == {"doi": "10.1/a_b"}


def test_bibtex_escapes_and_parses_back() -> None:
    entries = list(bibtex_entries([ODD, ODD]))
    assert entries[0].startswith("@article{lee2020costs,")
    assert entries[1].startswith("@article{lee2020costsb,")
    library = bibtexparser.parse_string("\n".join(entries))
    assert not library.failed_blocks
    assert library.entries[0]["title"] == r"{Costs of 50\% more R\&D\_spend}"
    assert library.entries[0]["journal"] == r"J. Econ. \& Stats"


def test_citation_keys_use_the_family_name_however_authors_are_written() -> None:
    from catalog.export import citation_key

    for author in ("Kingma, D. P.", "Diederik P. Kingma", "D. P. Kingma Jr."):
        paper = Paper(key="arxiv:1412.6980", title="Adam: A Method", authors=(author,), year=2014)
        assert citation_key(paper) == "kingma2014adam"
