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
    assert library.entries[0]["title"] == r"Costs of 50\% {more} R\&D\_spend"
    assert library.entries[0]["journal"] == r"J. Econ. \& Stats"


def test_entry_types_follow_the_venue() -> None:
    from catalog.bibtex import entry_type

    def kind(venue: str | None, **ids: str) -> str:
        return entry_type(Paper(key="k", title="T", venue=venue, ids=ids))

    assert kind("Proceedings of the 40th ICML", doi="10.1/x") == "inproceedings"
    assert kind("Advances in Neural Information Processing Systems", arxiv="1706.03762") == (
        "inproceedings"
    )
    assert kind("Communications of the ACM", doi="10.1145/1") == "article"
    assert kind(None, isbn="9780262033848") == "book"
    book = Paper(key="book:numerical recipes", title="T", venue="Cambridge University Press")
    assert entry_type(book) == "book"
    assert kind(None, arxiv="1412.6980") == "misc"
    entry = next(
        bibtex_entries(
            [
                Paper(
                    key="arxiv:1412.6980",
                    title="Adam",
                    year=2014,
                    authors=("Kingma, D.",),
                    ids={"arxiv": "1412.6980"},
                    primary_category="cs.LG",
                )
            ]
        )
    )
    assert entry.startswith("@misc{kingma2014adam,\n  title = {Adam},")
    assert "eprint = {1412.6980}" in entry and "archivePrefix = {arXiv}" in entry
    assert "primaryClass = {cs.LG}" in entry
    nips = Paper(key="doi:10.1/n", title="N", venue="NeurIPS 2017", ids={"doi": "10.1/n"})
    assert next(bibtex_entries([nips])).startswith("@inproceedings{")
    assert "booktitle = {NeurIPS 2017}" in next(bibtex_entries([nips]))
