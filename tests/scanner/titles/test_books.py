"""Tests for books and reference works (scanner.titles.books) and the last look at an entry's
fields (scanner.titles.tidy): kind, title, authors, year and venue as a reader would give them."""

from __future__ import annotations

import pytest

from catalog.types import RefKind
from scanner.titles import find_citations
from scanner.types import Hit


def _only(text: str) -> Hit:
    hits = find_citations(text)
    assert len(hits) == 1, hits
    return hits[0]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # an edition
        (
            "References\n----------\n.. [1] Ada Quist and Boris Lemaire,\n"
            "       Numerical Continuation, second edition,\n       Springer-Verlag, 2006.\n",
            "Numerical Continuation",
        ),
        ("Reflectors as in Numerical Recipes (3rd ed.), section 11.3.", "Numerical Recipes"),
        # a publisher, with its city, and publisher + year
        (
            "References\n----------\nPellan, Marta, and Oskar Vind. 2004. Sampling Designs in "
            "Practice.\n    Cambridge: Cambridge University Press.\n",
            "Sampling Designs in Practice",
        ),
        (
            "Tollin, R. Discrete Structures for Counting. Cambridge University Press, 2004.",
            "Discrete Structures for Counting",
        ),
        (
            "Owen, A. B. (2001). Elementary Likelihood Theory. Chapman and Hall.",
            "Elementary Likelihood Theory",
        ),
        # reference works cited by a short name
        ("Follows Knuth, Vol. 2, Algorithm S.", "The Art of Computer Programming"),
        ("Hacker's Delight 2-5: Average of Two Integers, rounded up.", "Hacker's Delight"),
        (
            'Magnitude of Mars as adopted in "Astronomical Almanac" in 1984.0',
            "The Astronomical Almanac",
        ),
        # the author, a colon, the title, its volume, publisher and year, wrapped over lines
        (
            "Coefficients for the series on [0, 1], from Edda\nRask: The theory of rational"
            " approximations, Vol. II,\nAcademic Press, p. 88, 1971. A constant is wrong.",
            "The theory of rational approximations",
        ),
        ("Polar method: Knuth vol II algorithm P, 3.4.1", "The Art of Computer Programming"),
        ("// Knuth, 4.6.1", "The Art of Computer Programming"),
        ("@see The Art of Computer Programming, section 3.4.2", "The Art of Computer Programming"),
        ("Quantiles as in Abramowitz and Stegun, 26.2.23.", "Handbook of Mathematical Functions"),
        ("Identities from DLMF 19.20 hold here.", "NIST Digital Library of Mathematical Functions"),
        # Nocedal and Wright's book by its title and edition, in a comment or a list
        (
            "# See Numerical Optimization, second edition, equation (5.44).",
            "Numerical Optimization",
        ),
        (
            "References:\n    Ada Quist and Boris Lemaire.\n    Numerical Optimization, second"
            " edition.\n    Algorithm 5.4 (page 121).\n",
            "Numerical Optimization",
        ),
    ],
)
def test_books_are_their_own_kind_with_their_title(text: str, title: str) -> None:
    hit = _only(text)
    assert hit.kind is RefKind.BOOK
    assert hit.title_hint == title


@pytest.mark.parametrize(
    "text",
    [
        # a paper in a journal, and one in proceedings a book publisher prints
        'T. Ferro, "Iterative steps for bounded regions", Journal of Applied Iteration, '
        "4(3), pp. 12-29, 2011.",
        'L. Ivers and K. Noor, "Sparse sketches for streams", Proceedings of the Workshop '
        "on Streams, Springer, pp. 1-10, 2015.",
        # a meeting named in lower case, whose organisers' name is also a publisher's
        'see: Arthur, D. and Vassilvitskii, S.\n"k-means++: the advantages of careful seeding". '
        "ACM-SIAM symposium\non Discrete algorithms. 2007",
        # a meeting named with its year, before a book publisher
        "G. Hulten, L. Spencer, and P. Domingos. Mining time-changing data streams.\n"
        "In KDD'01, pages 97-106, San Francisco, CA, 2001. ACM Press.",
        "N. Oza and S. Russell. Online bagging and boosting.\n"
        "In Artificial Intelligence and Statistics 2001, pages 105-112.\nMorgan Kaufmann, 2001.",
        # two meetings held jointly, by their acronyms and year, before the publisher
        "    References\n    ----------\n    .. [8] Lind, S., Vale, D., & Holm, T. (2021).\n"
        "        Quantized matching of metric spaces. ECML PKDD 2021. Springer International"
        " Publishing.\n",
    ],
)
def test_papers_stay_titles(text: str) -> None:
    assert _only(text).kind is RefKind.TITLE


@pytest.mark.parametrize(
    "text",
    [
        "Running variance by Welford's method; special functions from Cephes and Boost.",
        "Cluster centres by Lloyd's algorithm (see the notes of 2011).",
        "Trivial helper referred to simply as l() in Knuth.",
        # the field, not the book: no edition follows
        "Methods of Numerical Optimization differ; see the Numerical Optimization section.",
        # the almanac's Explanatory Supplement is a book of its own, not the almanac
        "Time scales as in the Explanatory Supplement to the Astronomical Almanac.",
        "References\n----------\nStataCorp LP. 2013. Stata Regression Statistics: Reference "
        "Manual.\n    College Station, Texas: Stata Press.\n",
    ],
)
def test_libraries_eponyms_and_manuals_are_not_books(text: str) -> None:
    assert find_citations(text) == []


@pytest.mark.parametrize(
    "text",
    [
        # a colon that labels a line, a publisher's name in the next sentence
        "Note: Values are cached per reader, then dropped. Springer users since 2004 know it.",
        "Warning: The defaults changed in version 2 of the reader",
        # a journal article written the same way
        "Ilse Berg: Fast rational fits, Journal of Fits, Academic Press, 1999.",
    ],
)
def test_a_colon_line_is_a_book_only_with_its_publisher_and_year(text: str) -> None:
    assert all(h.kind is not RefKind.BOOK for h in find_citations(text))


def test_venue_is_the_whole_name_never_a_fragment() -> None:
    hit = _only("Tollin, R. Discrete Structures for Counting. Cambridge University Press, 2004.")
    assert hit.reference is not None
    assert hit.reference.venue == "Cambridge University Press"
    assert hit.reference.year == 2004
    assert hit.reference.authors == ("Tollin, R",) or hit.reference.authors == ("Tollin, R.",)


def test_a_title_is_not_the_author_list_that_follows_it() -> None:
    text = (
        "An Algorithm for Splitting Graphs\nVladimir Batagelj and Matjaz Zaversnik, 2003.\n"
        "https://arxiv.org/abs/cs/0310049\n\n"
        "Generalized Cores\nVladimir Batagelj and Matjaz Zaversnik, 2002.\n"
        "https://arxiv.org/pdf/cs/0202039\n"
    )
    for hit in find_citations(text):
        assert hit.reference is not None
        assert hit.reference.authors == ("Vladimir Batagelj", "Matjaz Zaversnik")
        assert hit.reference.year in (2002, 2003)
        assert "Batagelj" not in (hit.title_hint or "")
        assert not (hit.title_hint or "").startswith(("/", "DS/"))


def test_an_author_list_is_not_a_title() -> None:
    text = (
        "References\n----------\n.. [1] Durbin, James, and Siem Jan Koopman. 2012.\n"
        "   Time Series Analysis by State Space Methods: Second Edition.\n"
        "   Oxford University Press.\n"
    )
    hit = _only(text)
    assert hit.kind is RefKind.BOOK
    assert hit.title_hint == "Time Series Analysis by State Space Methods"  # not its edition
    assert hit.reference is not None
    assert hit.reference.authors == ("Durbin, James", "Siem Jan Koopman")
    assert hit.reference.year == 2012


def test_a_venue_after_a_quoted_title_is_not_a_second_title() -> None:
    text = (
        "first identified in\n\n"
        'Kolmogorov, A. (1933) "Sulla Determinazione Empirica di una Legge di\n'
        "Distribuzione.\" Giornale dell' Istituto Italiano degli Attuari\n\n"
        "This limiting form is a first-order expansion.\n"
    )
    hit = _only(text)
    assert hit.title_hint == "Sulla Determinazione Empirica di una Legge di Distribuzione"
    assert hit.reference is not None
    assert hit.reference.venue == "Giornale dell' Istituto Italiano degli Attuari"
    assert hit.reference.year == 1933


def test_the_venue_of_a_title_first_entry_is_not_a_title() -> None:
    text = (
        'The reference is: "A Set of Algorithms For Special Functions." N. M. Temme. '
        "Probability in the Engineering and Informational Sciences, 8, 1994, 291."
    )
    hit = _only(text)
    assert hit.title_hint == "A Set of Algorithms For Special Functions"
    assert hit.reference is not None
    assert hit.reference.venue == "Probability in the Engineering and Informational Sciences"


@pytest.mark.parametrize(
    ("text", "authors", "year", "venue"),
    [
        ("Carlson, Numerische Mathematik, vol 33, 1 (1979)", ("Carlson",), 1979,
         "Numerische Mathematik"),
        ("Matrix for FK5 based on Capitaine et\nal. 2003/IAU2006.  Used inside.", ("Capitaine",),
         2003, None),
        ("References\n----------\nHilton, J. et al., 2006, Celest.Mech.Dyn.Astron. 94, 351\n",
         ("Hilton, J.",), 2006, None),
        ("The moment estimate; see also Kacker 2004.", ("Kacker",), 2004, None),
    ],
)  # fmt: skip
def test_author_year_entries_and_mentions(
    text: str, authors: tuple[str, ...], year: int, venue: str | None
) -> None:
    hit = _only(text)
    assert hit.kind is RefKind.AUTHOR_YEAR and hit.title_hint is None
    assert hit.reference is not None
    assert (hit.reference.authors, hit.reference.year, hit.reference.venue) == (
        authors,
        year,
        venue,
    )


@pytest.mark.parametrize(
    "text",
    [
        "History: written for the Google\nSummer of Code 2006, then fitted to the\n"
        "Boost.Math conceptual framework better.\nUpdated 2015 to use the latest methods.\n",
        'TODO: the reference contends the following in\nSection B.2 "Strategy internal '
        'numerical effort":\n"In practice, the re-calculation needs to be done rarely."\n',
        # Doxygen image captions
        '\\image html wolves.gif "One Grey Wolf" width=3cm\nA pack search heuristic of 2014.\n',
        '@image html gm_example.png "G-Means clustering results on most common data-sets."\n',
    ],
)
def test_library_names_and_section_names_are_not_citations(text: str) -> None:
    assert find_citations(text) == []


def test_an_author_year_mention_takes_in_its_link() -> None:
    from scanner.extract import find_hits

    text = (
        "A frame (see Lahav et al. 2000, <https://ui.adsabs.harvard.edu/abs/2000MNRAS.312..166L>)."
    )
    (hit,) = find_hits(text)
    assert hit.ref is not None and hit.ref.kind is RefKind.URL


def test_a_known_work_keeps_its_title_as_written_and_a_trailing_name_is_an_author() -> None:
    hit = _only("References\n----------\n.. [2] W. Press et al, Numerical Recipes in C (2002)\n")
    assert (hit.kind, hit.title_hint) == (RefKind.BOOK, "Numerical Recipes in C")
    text = (
        "References\n----------\n.. [1] An introduction to data structures and algorithms,\n"
        "       James Andrew Storer,  Birkhauser Boston 2001, (page 225).\n"
    )
    hit = _only(text)
    assert hit.kind is RefKind.BOOK
    assert hit.title_hint == "An introduction to data structures and algorithms"
    assert hit.reference is not None and hit.reference.authors == ("James Andrew Storer",)


def test_entries_under_a_label_without_a_space_are_separate_books() -> None:
    # `..[1]` (no space after the dots) still starts an entry; a publisher after its city
    # ("Massachusetts: A K Peters. 1994") makes a book, and its city is not a second title.
    text = (
        "References\n----------\n"
        "..[1] M.V. Wickerhauser. Adapted Wavelet Analysis from Theory to\n"
        "      Software. Wellesley. Massachusetts: A K Peters. 1994.\n"
        "..[2] D.B. Percival and A.T. Walden.  Wavelet Methods for Time Series\n"
        "      Analysis. Cambridge University Press. 2000.\n"
    )
    hits = find_citations(text)
    assert [(h.kind, h.title_hint) for h in hits] == [
        (RefKind.BOOK, "Adapted Wavelet Analysis from Theory to Software"),
        (RefKind.BOOK, "Wavelet Methods for Time Series Analysis"),
    ]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "See my book Kalman and Bayesian Filters in Python\nhttps://example.org/book",
            "Kalman and Bayesian Filters in Python",
        ),
        (
            "As explained in the textbook Numerical Optimization by Nocedal.",
            "Numerical Optimization",
        ),
    ],
)
def test_a_book_named_after_the_word_book(text: str, title: str) -> None:
    (hit,) = find_citations(text)
    assert (hit.kind, hit.title_hint) == (RefKind.BOOK, title)


@pytest.mark.parametrize(
    "text",
    [
        "For further information, please see Chapter 3 of the NLTK book.",
        "The book Python is great. The book-keeping is done by the book keeper.",
    ],
)
def test_the_word_book_without_a_title_is_no_citation(text: str) -> None:
    assert find_citations(text) == []


def test_french_quotes_hold_a_title() -> None:
    text = (
        "M. E. J. Newman, « Modularity and community structure in networks »,\n"
        "Proc. Natl. Acad. Sci. USA, vol. 103, no 23, 2006, p. 8577-8582\n"
    )
    (hit,) = find_citations(text)
    assert hit.title_hint == "Modularity and community structure in networks"


@pytest.mark.parametrize(
    ("text", "title", "authors"),
    [
        (
            "For more details see Numerical Optimization by Nocedal & Wright.",
            "Numerical Optimization",
            ("Nocedal", "Wright"),
        ),
        (
            "as described in Matrix Computations by Golub and Van Loan, chapter 5.",
            "Matrix Computations",
            ("Golub", "Van Loan"),
        ),
    ],
)
def test_a_book_named_in_prose_by_its_title_and_authors(
    text: str, title: str, authors: tuple[str, ...]
) -> None:
    (hit,) = find_citations(text)
    assert (hit.kind, hit.title_hint) == (RefKind.BOOK, title)
    assert hit.reference is not None and hit.reference.authors == authors


@pytest.mark.parametrize(
    "text",
    [
        'Based on "Layered Sketches and Their Uses in Faster Streaming Joins" by A.B. Okafor and'
        " C.D. Lind.",
        'Follows "A Short Algorithm for Finding All Stable Matchings Quickly" by Mira Osei.',
    ],
)
def test_a_long_title_named_by_its_authors_alone_is_a_papers(text: str) -> None:
    # Books named by title and authors without a year have short titles; a paper's is longer.
    (hit,) = find_citations(text)
    assert hit.kind is RefKind.TITLE


def test_a_books_subtitle_does_not_make_it_a_paper() -> None:
    text = (
        'Section 4.2 in "Introduction to Tidal Filtering: Theory, Practice and Code" by Ana Reyes.'
    )
    (hit,) = find_citations(text)
    assert hit.kind is RefKind.BOOK


@pytest.mark.parametrize(
    "text",
    [
        "see Figure Three by default.",
        "See the Getting Started Guide by Jane Smith for setup.",
        "Written by John Smith for the Data Tools project.",
    ],
)
def test_capitalized_words_before_by_are_not_always_a_work(text: str) -> None:
    assert find_citations(text) == []


def test_a_numbered_book_entry_the_tagger_leaves_is_kept() -> None:
    # The model reads papers' entries and rarely labels a book's; an edition and a
    # publisher after the rules' title keep it, as a book.
    text = (
        " Compute the largest tide with an accelerated method\n\n"
        " References :\n"
        " 1) A. Lind and B. C. Okafor, Matrix Tides, 3rd ed. Baltimore, Johns\n"
        " Hopkins University Press, 1996, pp.405-411\n"
        " 2) Moss, C. and Reyes, D., 2017, September. Computational\n"
        " enhancements for certifiably correct tides. In Proceedings of the\n"
        " International Conference on Tidal Systems.\n"
    )
    books = [h.title_hint for h in find_citations(text) if h.kind is RefKind.BOOK]
    assert books == ["Matrix Tides"]


def test_a_quoted_title_by_several_authors_is_a_paper_not_a_book() -> None:
    text = (
        "  Tidal descent with restarts as described in:\n"
        '  "TDR: Tidal Gradient Descent with Warm Restarts" by A. Lind et al.\n'
    )
    assert [(h.kind, h.title_hint) for h in find_citations(text)] == [
        (RefKind.TITLE, "TDR: Tidal Gradient Descent with Warm Restarts")
    ]


@pytest.mark.parametrize(
    "text",
    [
        # a meeting's acronym, then the publisher that prints its proceedings
        '  see "Sparse Tide Processes using Pseudo-points", Ada Lind, Ben Okafor, NIPS 18,\n'
        "  MIT Press, 2005.\n",
        "  Lind, A., Okafor, B. (2006). Sparse tide processes using pseudo-points.\n"
        "  In NIPS 18, pages 1257-1264. MIT Press.\n",
        '  A. Lind, B. Okafor, "Improved Tide Approximation in Graphs", SODA 2000,\n'
        "  pages 770-779, SIAM, 2000.\n",
        # an evolutionary-computation meeting's acronym and year
        "  K. Okafor, L. Lind, M. Moss and E. Vale. Scalable Many-Objective Tide\n"
        "  Test Problems. CEC 2002, p. 825 - 830, IEEE Press, 2002.\n",
    ],
)
def test_a_paper_of_a_meeting_its_publisher_prints_is_no_book(text: str) -> None:
    assert [h.kind for h in find_citations(text)] == [RefKind.TITLE]


@pytest.mark.parametrize(
    "text",
    [
        '  See the paper "Residual learning of deep tide stacks" by Okafor and Lind.\n',
        '  The paper "Residual learning of deep tide stacks" by Okafor and Lind shows this.\n',
    ],
)
def test_a_title_called_a_paper_is_no_book(text: str) -> None:
    assert [(h.kind, h.title_hint) for h in find_citations(text)] == [
        (RefKind.TITLE, "Residual learning of deep tide stacks")
    ]


def test_a_title_in_html_italics_with_its_edition_is_a_book() -> None:
    text = (
        " An implementation of the line search described by Okafor and\n"
        " Lind in <i>Numerical Tide Optimization</i> (2nd edition) on pages 59-63.\n"
    )
    (hit,) = find_citations(text)
    assert hit.kind is RefKind.BOOK and hit.title_hint == "Numerical Tide Optimization"
    assert text[hit.start : hit.end].endswith("pages 59-63")  # offsets are the block's


def test_the_publisher_test_orders_hits_only_where_it_did() -> None:
    from scanner.titles.books import mark_books
    from scanner.titles.detect import TITLE_RULE

    def hit(start: int) -> Hit:
        return Hit(start, start + 4, RefKind.URL, TITLE_RULE, None, 0.5)

    unordered = [hit(20), hit(0)]
    # A publisher and a colon but no entry `Author: Title, ...`: sorted, as the publisher's
    # test always had them.
    assert [h.start for h in mark_books("note: see Wiley here and there", unordered)] == [0, 20]
    # No publisher: left as given.
    assert [h.start for h in mark_books("note: see this here and there", unordered)] == [20, 0]


def test_an_edition_is_never_a_books_title() -> None:
    # the book's title taken for names, its edition left where a title stands: the authors and
    # year still cite, under no title
    text = (
        "    References\n    ----------\n"
        "    .. [1] Lindqvist and Marlowe, Tide Gauges and Harbour Observations, Second\n"
        "        Edition, 1993, p. 21.\n"
    )
    hit = _only(text)
    assert hit.kind is RefKind.AUTHOR_YEAR and hit.title_hint is None


def test_the_authors_after_a_quoted_books_edition_are_its_authors_not_its_venue() -> None:
    (hit,) = find_citations(
        'Reference:\n    "Numerical Tide Optimization", 2nd Edition\n    Okafor and Lind, 2006.\n'
    )
    assert hit.kind is RefKind.BOOK and hit.reference is not None
    assert (hit.reference.authors, hit.reference.venue) == (("Okafor", "Lind"), None)
