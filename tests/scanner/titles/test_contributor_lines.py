"""Numerical libraries' reference sections name their contributors with where they work, and
say what the code did before naming the work (LAPACK's style): the works are cited, the
affiliations and the descriptions are not."""

from __future__ import annotations

import pytest

from catalog.types import RefKind
from scanner.titles import find_citations

_ENTRY = (
    "References:\n"
    " [1] A Level 3 BLAS QR factorization with pivoting developed in 1996.\n"
    " G. Okafor-Lund, Depto. de Informatica, Universidad Jaime I, Spain.\n"
    " X. Castell, Computer Science Dept., Duke University, USA.\n"
    " A BLAS-3 version of the QR factorization with column pivoting.\n"
    " LAPACK Working Note 114\n"
    " and in\n"
    " ACM Trans. Math. Softw. 35, 2, Article 12 (July 2008), 28 pages.\n"
)


def test_affiliations_and_what_the_code_did_are_no_titles() -> None:
    for hit in find_citations(_ENTRY):
        title = hit.reference.title or "" if hit.reference else ""
        assert "Depto" not in title and "Dept" not in title
        assert not title.endswith("developed in 1996")


def test_a_journals_abbreviation_is_no_author() -> None:
    for hit in find_citations(_ENTRY):
        assert "Softw" not in (hit.reference.authors if hit.reference else ())


@pytest.mark.parametrize(
    "line",
    [
        "Written on 22-October-1986.\n     Ada Okafor, Argonne National Lab.\n"
        "  -- Modified for the product, April 2006",
        "Ada Okafor, Sandia National Labs, 2006",
    ],
)
def test_a_laboratory_is_no_author(line: str) -> None:
    for hit in find_citations(f"Level 2 routine.\n\n  -- {line}\n"):
        assert not any("Lab" in a for a in (hit.reference.authors if hit.reference else ()))


def test_a_department_on_the_next_line_is_no_author() -> None:
    text = (
        "Estimators.\n\n"
        "   [2]   Peter Okafor,\n"
        "         On Efficient and Robust Estimators for the Separation\n"
        "         between two Regular Matrix Pairs with Applications in\n"
        "         Condition Estimation. Report UMINF-95.05, Department of\n"
        "         Computing Science, Umea University, S-901 87 Umea, Sweden, 1995.\n"
    )
    (hit,) = find_citations(text)
    assert hit.kind is RefKind.TITLE
    assert hit.reference.authors == ("Peter Okafor",)
    assert hit.reference.title.startswith("On Efficient and Robust Estimators")
