"""Tests for the parts of the title detector: author names, fields, sections, BibTeX."""

from __future__ import annotations

import pytest

from catalog.types import RefKind
from scanner.titles import find_citations
from scanner.titles.fields import pages_of, volume_of
from scanner.titles.names import AUTHOR_LIST, split_authors
from scanner.titles.sections import regions


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("J. M. Mellor-Crummey and M. L. Scott.", ("J. M. Mellor-Crummey", "M. L. Scott")),
        ("Kinderman, A.J. and Monahan, J.F.,", ("Kinderman, A.J.", "Monahan, J.F.")),
        ("CROCHEMORE M., PERRIN D.,", ("CROCHEMORE M.", "PERRIN D.")),
        ("Fedkiw, Ronald, Jos Stam, and Henrik Wann Jensen.", None),
        ("L'Ecuyer, P. and Cote, S.", ("L'Ecuyer, P.", "Cote, S.")),
        # an apostrophe inside the surname, after its first syllable
        ("Sant'Anna, P. H. and Zhao, J. (2020),", ("Sant'Anna, P. H.", "Zhao, J.")),
        ("Hull et al,", ("Hull",)),
        # an accent written as a combining mark (`e` + U+0301), as macOS files keep it
        ("Nicolas Dugue\u0301, Anthony Perez.", ("Nicolas Dugue\u0301", "Anthony Perez")),
        # bare surnames: the second is an author, not the first one's given name
        ("Deb, Pratab, Agarwal, and Meyarivan,", ("Deb", "Pratab", "Agarwal", "Meyarivan")),
        ("Igel, Hansen, Roth, 2007", ("Igel", "Hansen", "Roth")),
        ("Kinderman, Albert and Monahan, John.", ("Kinderman, Albert", "Monahan, John")),
        ("Durbin, James, and Siem Jan Koopman.", ("Durbin, James", "Siem Jan Koopman")),
        ("Smith, John.", ("Smith, John",)),
        # one person, surname first, with two given names
        ("Welch, Bernard Lewis.", ("Welch, Bernard Lewis",)),
        # an initial before the given name; a semicolon after an initial
        (
            "Brunton, Steven L., Joshua L. Proctor, and J. Nathan Kutz.",
            ("Brunton, Steven L.", "Joshua L. Proctor", "J. Nathan Kutz"),
        ),
        ("Julier, Simon J.; Uhlmann, Jeffrey, 1997", ("Julier, Simon J.", "Uhlmann, Jeffrey")),
        # a list written initials first goes on so: the venue's words after it are no names
        (
            "K. Zhao, A. Wiliem, and B. C. Lovell,\n Image and Vision Computing, 2019",
            ("K. Zhao", "A. Wiliem", "B. C. Lovell"),
        ),
        ("M Congedo, PLC Rodrigues, C Jutten.", ("M Congedo", "PLC Rodrigues", "C Jutten")),
        ("Sobol', I.M., Kucherenko, S., 2010.", ("Sobol', I.M.", "Kucherenko, S.")),
        (
            "G. L. W. vom Berg, V. Rohr and B. Blankertz.",
            ("G. L. W. vom Berg", "V. Rohr", "B. Blankertz"),
        ),
        # a surname of two words, with initials after it; not a given name and surname
        (
            "Lindqvist, D., & Skavberg Roaldsen, K. (2019).",
            ("Lindqvist, D.", "Skavberg Roaldsen, K."),
        ),
        ("Genyuan Okafor, H. Rabitz, P.E. Moreau.", ("Genyuan Okafor", "H. Rabitz", "P.E. Moreau")),
        # a venue's acronym after the list is no surname
        ("L. Zhou, C. Tang, W Li. ICCV 2015", ("L. Zhou", "C. Tang", "W Li")),
    ],
)
def test_author_lists(text: str, names: tuple[str, ...] | None) -> None:
    match = AUTHOR_LIST.match(text)
    assert match is not None
    found = split_authors(match.group())
    if names is None:
        assert found[-1] == "Henrik Wann Jensen" and len(found) == 3
    else:
        assert found == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Maaten, L. Van Der, & Hinton, G.", ("Maaten, L. Van Der", "Hinton, G.")),
        ("Okafor, P. J., & Driessen, K. Van.", ("Okafor, P. J.", "Driessen, K. Van")),
        ("Durme, B. Van, & Lall, A.", ("Durme, B. Van", "Lall, A.")),
    ],
)
def test_particles_after_the_initials_stay_with_their_name(
    text: str, names: tuple[str, ...]
) -> None:
    assert split_authors(text) == names


def test_a_semicolon_after_a_word_ends_the_list() -> None:
    match = AUTHOR_LIST.match("API; Garcia and Holt (2016)")
    assert match is not None and match.group() == "API"


def test_a_title_word_after_a_surname_is_not_a_given_name() -> None:
    match = AUTHOR_LIST.match("Pearson, Fast Hashing of Variable-Length Text Strings")
    assert match is not None and match.group() == "Pearson"


@pytest.mark.parametrize(
    ("text", "volume", "pages"),
    [
        ("Journal of the ACM, 38(3):651-675, 1991", "38", "651-675"),
        ("ACM TOMS, Vol. 26, No 3, pages 363-372", "26", "363-372"),
        ("ACM Trans. Math. Softw. 17:98-111 (1991)", "17", "98-111"),
        ("covering 1990-2005 in detail", None, None),
    ],
)
def test_volume_and_pages(text: str, volume: str | None, pages: str | None) -> None:
    assert volume_of(text) == volume
    assert pages_of(text) == pages


def test_numpy_reference_section_regions_stop_at_the_next_section() -> None:
    text = "Summary.\n\nReferences\n----------\n.. [1] A. B. Smith, Title One, 2001.\n"
    text += ".. [2] C. Jones, Title Two, 2002.\n\nExamples\n--------\n>>> f(1)\n"
    marked = [text[r.start : r.end].strip() for r in regions(text) if r.in_references]
    assert marked == [".. [1] A. B. Smith, Title One, 2001.", ".. [2] C. Jones, Title Two, 2002."]


def test_bibtex_entry_in_a_comment() -> None:
    text = """ you can check the paper below:
   @article{walker1977,
     author = {Walker, Alastair J.},
     title = {An Efficient Method for Generating Discrete Random Variables
              with General Distributions},
     journal = {ACM Trans. Math. Softw.},
     volume = {3}, pages = {253--256}, year = {1977},
   }
"""
    (hit,) = find_citations(text)
    ref = hit.reference
    assert hit.title_hint == (
        "An Efficient Method for Generating Discrete Random Variables with General Distributions"
    )
    assert ref.authors == ("Walker, Alastair J.",)
    assert (ref.year, ref.volume, ref.pages) == (1977, "3", "253-256")
    assert ref.venue == "ACM Trans. Math. Softw."
    assert text[hit.start :].startswith("@article")


def test_a_bibtex_chapter_is_one_title_citation_not_also_its_book() -> None:
    # The book a chapter appears in (`booktitle`, with its publisher) is where the chapter is
    # published: neither a second citation nor a reason to call the chapter a book.
    text = """For more information, please refer to:

@code
@incollection{lind2004chapter,
title={Tidal benchmark problems for layered optimisers},
author={Lind, Ada and Okafor, Ben},
booktitle={Layered optimisation: theory and practice of tidal methods},
pages={11--42},
year={2004},
publisher={Springer}
}
@endcode
"""
    (hit,) = find_citations(text)
    assert (hit.kind, hit.title_hint) == (
        RefKind.TITLE,
        "Tidal benchmark problems for layered optimisers",
    )


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # a slash between two words is the title's own; a path or id before it is not
        (
            'B. H. Bloom, "Space/time trade-offs in hash coding with allowable errors",\n'
            "Communications of the ACM 13(7), 1970.",
            "Space/time trade-offs in hash coding with allowable errors",
        ),
        (
            "A. Author, and B. Author. DS/0310049 Generalized cores of large networks.\n"
            "Journal of Networks, 2002.",
            "Generalized cores of large networks",
        ),
    ],
)
def test_title_keeps_its_own_slash(text: str, title: str) -> None:
    assert [h.reference.title for h in find_citations(text) if h.reference] == [title]


@pytest.mark.parametrize(
    ("text", "authors", "year"),
    [
        ("As of van der Merwe's dissertation of 2004 this was open.", ("van der Merwe",), 2004),
        ("See Smith's paper from 1999 for the proof.", ("Smith",), 1999),
        # a typographic apostrophe, as Javadoc and Doxygen often write it
        ("The matrix is the transpose of Knuth’s (1973).", ("Knuth",), 1973),
        ("See Smith’s paper from 1999 for the proof.", ("Smith",), 1999),
    ],
)
def test_a_possessive_names_its_work_and_year(
    text: str, authors: tuple[str, ...], year: int
) -> None:
    hits = find_citations(text)
    assert [(h.reference.authors, h.reference.year) for h in hits if h.reference] == [
        (authors, year)
    ]


def test_a_comment_line_of_two_surnames_and_a_title_names_a_work() -> None:
    text = (
        "   Ooura and Mori, A robust double exponential formula for Fourier-type integrals,\n"
        "   eta is the argument to the exponential in equation 3.3:\n"
    )
    hits = find_citations(text)
    assert [(h.reference.authors, h.reference.title) for h in hits if h.reference] == [
        (("Ooura", "Mori"), "A robust double exponential formula for Fourier-type integrals")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "   Insert and Delete, The operations we support on the tree.\n",
        "   Min and Max, A pair of values that we clamp the input to.\n",
        "   Ooura and Mori, A short note.\n",  # too short to be told from a phrase
        "   We thank Ooura and Mori, A robust double exponential formula for integrals,\n",
    ],
)
def test_other_lines_of_two_words_and_a_phrase_name_no_work(text: str) -> None:
    assert find_citations(text) == []


def test_javadoc_pre_blocks_are_separate_entries() -> None:
    # A line holding only `<pre>` or `</pre>` ends an entry as a blank line does: the first
    # entry's reading must not run on into the second.
    text = (
        " A trainer.\n <p>\n See:\n <pre>\n Lind AB, Okafor BC.\n"
        ' "TIDELINE: A library for Layered Tidal Classification"\n'
        " Journal of Tidal Research, 2008.\n </pre>\n and for the original algorithm:\n"
        ' <pre>\n Moss C, Reyes D.\n "Support-Tide Networks"\n Tidal Learning, 1995.\n </pre>\n'
    )
    assert [h.title_hint for h in find_citations(text)] == [
        "TIDELINE: A library for Layered Tidal Classification",
        "Support-Tide Networks",
    ]
    assert any(text[r.start : r.end].strip().startswith("</pre>") for r in regions(text))


def test_two_works_of_one_sentence_stay_two_citations() -> None:
    # The rule entry of the first work runs on into the second one's authors: widened to it,
    # the second title starts where the first entry does, and is still another work.
    text = (
        "     Computes the tidal correction term of Ada Lind, Ben Okafor, Cleo Moss,\n"
        '      Dara Reyes, 2020. "A Smoothness Energy without Tidal Distortion for\n'
        '      Curved Harbours", but using the basis functions by Ada Lind,\n'
        "      Cleo Moss, Ben Okafor, Dara Reyes, 2020.\n"
        '      "A Simple Discretization of the Vector Tidal Energy"\n'
    )
    assert [h.title_hint for h in find_citations(text)] == [
        "A Smoothness Energy without Tidal Distortion for Curved Harbours",
        "A Simple Discretization of the Vector Tidal Energy",
    ]
