"""The reference works' registry: a card's key finds its work (`reference_work_keyed`)."""

from __future__ import annotations

from catalog.works import REFERENCE_WORKS, reference_work_keyed


def test_each_reference_work_is_found_by_its_cards_key() -> None:
    for work in REFERENCE_WORKS:
        assert reference_work_keyed(work.key) is work
        assert reference_work_keyed(work.key) is next(
            w for w in REFERENCE_WORKS if w.key == work.key
        )


def test_a_key_that_is_no_reference_works_card_finds_none() -> None:
    assert reference_work_keyed("url:https://dlmf.nist.gov/10.2.E2") is None  # a section
    assert reference_work_keyed("doi:10.1000/xyz") is None
    assert reference_work_keyed("") is None
