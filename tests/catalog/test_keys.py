"""Tests for catalog.keys: one key per work across the scanner, the catalog and the lock."""

from __future__ import annotations

import pytest

from catalog.ids import ref_from_string
from catalog.imports.common import collect_ids, paper_from
from catalog.keys import (
    aliases,
    author_year_ref,
    book_ref,
    family_name,
    lookup_key,
    normalize_title,
    surname,
    text_ref,
    title_ref,
)


@pytest.mark.parametrize(
    ("title", "normalized"),
    [
        ("Gödel's Theorem", "godels theorem"),
        ("Gödel’s   Theorem", "godels theorem"),
        (r"The \emph{Adam} optimizer", "the adam optimizer"),
        (
            r"{BERT}: Pre-training of \textbf{Deep} Transformers",
            "bert pre training of deep transformers",
        ),
        (r"G\"odel and \'{E}cole", "godel and ecole"),
        ("Über die Auflösung", "uber die auflosung"),
        ("Straße", "strasse"),
        # a PDF's dotless i for an accented one: `Vilım` is `Vilím`
        ("Petr Vilım", "petr vilim"),
        ("Ελληνικά", "ελληνικα"),
        ("snake_case words", "snake case words"),
    ],
)
def test_one_normalizer_for_every_title(title: str, normalized: str) -> None:
    assert normalize_title(title) == normalized
    ref = title_ref(title)
    assert ref is not None and ref.key == f"title:{normalized}"


def test_a_title_without_words_has_no_key() -> None:
    assert title_ref(r"\emph{} --") is None


@pytest.mark.parametrize(
    ("author", "written", "family"),
    [
        ("Kingma, D. P.", "Kingma", "kingma"),
        ("Diederik P. Kingma", "Kingma", "kingma"),
        ("van der Zander, Benito", "van der Zander", "zander"),
        ("John Smith Jr.", "Smith", "smith"),
        ("Smith Jr., John", "Smith Jr.", "smith"),
        ("Smith et al.", "Smith", "smith"),
        ("Erdős", "Erdős", "erdos"),
        ("A.", "A.", ""),
    ],
)
def test_one_surname_reader(author: str, written: str, family: str) -> None:
    assert surname(author) == written
    assert family_name(author) == family


def test_author_year_keys() -> None:
    ref = author_year_ref(["Erdős, P.", "T. Gallai"], 1960)
    assert ref is not None and ref.key == "author-year:erdos-gallai-1960"
    assert author_year_ref(["Kingma", "Ba", "Welling", "Hinton"], None).key == (  # type: ignore[union-attr]
        "author-year:kingma-ba-welling-nd"
    )
    assert author_year_ref(["A."], 2001) is None
    assert text_ref("[KB14]").key == "author-year:text:kb14"


def test_lookup_keys_ignore_who_asks() -> None:
    assert lookup_key("Gödel's Theorem", ["Kurt Gödel"], 1931) == "q:godels theorem|kurt godel|1931"
    assert lookup_key(None, [], None) == "q:||"


def test_aliases_include_the_arxiv_doi() -> None:
    assert aliases("doi:10.1/x", {"doi": "10.1/x", "arxiv": "1412.6980"}) == [
        "doi:10.1/x",
        "arxiv:1412.6980",
        "doi:10.48550/arxiv.1412.6980",
    ]


@pytest.mark.parametrize(
    "url",
    [
        "https://arxiv.org/abs/1412.6980v9",
        "http://export.arxiv.org/pdf/1412.6980.pdf",
        "https://ar5iv.labs.arxiv.org/html/1412.6980",
        "https://www.alphaxiv.org/abs/1412.6980",
    ],
)
def test_one_arxiv_url_pattern(url: str) -> None:
    ref = ref_from_string(url)
    assert ref is not None and ref.key == "arxiv:1412.6980"
    assert collect_ids(url=url) == {"arxiv": "1412.6980"}


def test_an_imported_title_only_paper_has_the_scanners_title_key() -> None:
    paper = paper_from("bibtex", {}, title=r"On G\"odel's \emph{Theorem}")
    assert paper is not None
    assert paper.key == title_ref("On Gödel’s Theorem").key  # type: ignore[union-attr]


def test_a_book_is_keyed_by_its_title_else_its_authors_and_year() -> None:
    assert (
        book_ref("Numerical Recipes (3rd ed.)", (), None, "x").key
        == "book:numerical recipes 3rd ed"
    )
    assert book_ref(None, ("Knuth, D. E.",), 1997, "x").key == "book:knuth-1997"
    assert book_ref(None, (), None, "Knuth, Vol. 2").key == "book:knuth vol 2"
    assert ref_from_string("book:numerical recipes") == book_ref("Numerical Recipes", (), None, "")
    assert not book_ref("Numerical Recipes", (), None, "").kind.is_identifier


@pytest.mark.parametrize(
    ("author", "family"),
    [
        ("Grippo L", "grippo"),  # family name, then initials (Medline style)
        ("Van der Merwe R", "merwe"),
        ("CROCHEMORE M.", "crochemore"),
        ("L Grippo", "grippo"),
        ("TA Arias", "arias"),
        ("Alan B. Forsythe", "forsythe"),
    ],
)
def test_family_name_before_or_after_initials(author: str, family: str) -> None:
    assert family_name(author) == family
