"""Tests for the title and author-year detector on docstring, Doxygen and Javadoc shapes."""

from __future__ import annotations

import time

import pytest

from catalog.types import RefKind
from scanner.extract import find_hits
from scanner.titles import _has_cue, find_citations


def _blank(source: str, delimiters: tuple[str, ...]) -> str:
    """Replace comment delimiters with spaces, as the parsers do, keeping offsets and newlines."""
    out = []
    for line in source.split("\n"):
        for delim in delimiters:
            at = line.find(delim)
            if at >= 0 and not line[:at].strip():
                line = line[:at] + " " * len(delim) + line[at + len(delim) :]
                break
        out.append(line)
    return "\n".join(out)


NUMPY_DOCSTRING = """Compute the blossom matching of a graph.

    References
    ----------
    .. [1] Zvi Galil, "Efficient Algorithms for Finding Maximum Matching in
       Graphs", ACM Computing Surveys, 18(1):23-38, 1986.
    .. [2] G. Marsaglia and W. W. Tsang. A Simple Method for Generating Gamma
       Variables. ACM Transactions on Mathematical Software, 26(3):363-372, 2000.

    Examples
    --------
    >>> max_weight_matching(G)
"""

GOOGLE_DOCSTRING = """Adam optimizer.

    References:
        Kingma, D. P. and Ba, J. (2014). Adam: A Method for Stochastic Optimization.
            In International Conference on Learning Representations.
"""

SPHINX_DOCSTRING = """Mersenne twister state, as in [Matsumoto1998]_.

    .. [Matsumoto1998] M. Matsumoto and T. Nishimura, "Mersenne twister: a
       623-dimensionally equidistributed uniform pseudo-random number generator",
       ACM Transactions on Modeling and Computer Simulation 8(1):3-30, 1998.
"""

DOXYGEN = _blank(
    """/**
 * @brief Two-way string matching.
 *
 * Reference: M. Crochemore and D. Perrin, Two-way string-matching,
 * Journal of the ACM, 38(3):651-675, July 1991.
 */""",
    ("/**", "*/", "*"),
)

JAVADOC = _blank(
    """/**
     * Dominator tree construction.
     *
     * @see "A Fast Algorithm for Finding Dominators in a Flowgraph", Lengauer and
     *      Tarjan, ACM TOPLAS 1(1), 1979
     */""",
    ("/**", "*/", "*"),
)

CPP_LINES = _blank(
    """// Line search of More and Thuente (1994), following
// J. J. More and D. J. Thuente, "Line search algorithms with guaranteed
// sufficient decrease", ACM Trans. Math. Softw. 20(3):286-307, 1994.""",
    ("//",),
)


def _titles(text: str) -> list[str]:
    return [h.title_hint for h in find_citations(text) if h.kind is RefKind.TITLE]


def test_numpy_references_section_yields_one_hit_per_entry() -> None:
    hits = [h for h in find_citations(NUMPY_DOCSTRING) if h.kind is RefKind.TITLE]
    assert [h.title_hint for h in hits] == [
        "Efficient Algorithms for Finding Maximum Matching in Graphs",
        "A Simple Method for Generating Gamma Variables",
    ]
    first, second = (h.reference for h in hits)
    assert first.authors == ("Zvi Galil",) and first.year == 1986
    assert first.venue == "ACM Computing Surveys" and first.pages == "23-38"
    assert second.authors == ("G. Marsaglia", "W. W. Tsang")
    assert second.year == 2000 and second.volume == "26"
    # the span covers the whole entry, across its two lines, and not the Examples section
    assert NUMPY_DOCSTRING[hits[0].start : hits[0].end].startswith("Zvi Galil")
    assert NUMPY_DOCSTRING[hits[0].start : hits[0].end].rstrip(".").endswith("1986")
    assert all(h.rule == "CG105" and 0 < h.confidence <= 1 and h.ref is None for h in hits)


def test_google_references_with_year_in_parentheses() -> None:
    (hit,) = find_citations(GOOGLE_DOCSTRING)
    assert hit.title_hint == "Adam: A Method for Stochastic Optimization"
    assert hit.reference.authors == ("Kingma, D. P.", "Ba, J.")
    assert hit.reference.year == 2014


def test_sphinx_citation_entry_and_key() -> None:
    titles = _titles(SPHINX_DOCSTRING)
    assert titles == [
        "Mersenne twister: a 623-dimensionally equidistributed uniform pseudo-random number"
        " generator"
    ]
    keys = [h for h in find_citations(SPHINX_DOCSTRING) if h.kind is RefKind.AUTHOR_YEAR]
    assert [(h.reference.authors, h.reference.year, h.rule) for h in keys] == [
        (("Matsumoto",), 1998, "CG106")
    ]


def test_doxygen_block_with_multiline_entry() -> None:
    (hit,) = find_citations(DOXYGEN)
    assert hit.title_hint == "Two-way string-matching"
    assert hit.reference.authors == ("M. Crochemore", "D. Perrin")
    assert hit.reference.venue == "Journal of the ACM"
    assert hit.reference.year == 1991
    assert DOXYGEN[hit.start : hit.end].startswith("M. Crochemore")
    assert "\n" in DOXYGEN[hit.start : hit.end]


def test_javadoc_see_with_quoted_title_then_authors() -> None:
    (hit,) = find_citations(JAVADOC)
    assert hit.title_hint == "A Fast Algorithm for Finding Dominators in a Flowgraph"
    assert hit.reference.authors == ("Lengauer", "Tarjan")
    assert hit.reference.year == 1979


def test_javadoc_title_in_italics_then_its_authors_by_surname() -> None:
    text = (
        "\n   See <i>A Linear-Time Probabilistic Counting Algorithm for Database Applications</i>"
        "\n   by Whang, Vander-Zanden, Taylor\n"
    )
    (hit,) = find_citations(text)
    assert hit.kind is RefKind.TITLE
    assert (
        hit.title_hint == "A Linear-Time Probabilistic Counting Algorithm for Database Applications"
    )
    assert hit.reference.authors == ("Whang", "Vander-Zanden", "Taylor")


def test_cpp_line_comments_quoted_title_over_lines() -> None:
    titles = _titles(CPP_LINES)
    assert titles == ["Line search algorithms with guaranteed sufficient decrease"]


@pytest.mark.parametrize(
    ("text", "authors", "year"),
    [
        ("Uses the schedule of Vaswani et al. (2017) for warmup.", ("Vaswani",), 2017),
        ("  # optimizer as in Kingma & Ba, 2014, with bias correction", ("Kingma", "Ba"), 2014),
        ("The estimator follows (Efron and Tibshirani 1993).", ("Efron", "Tibshirani"), 1993),
        ("This algorithm has been described by Hill (1970) in detail.", ("Hill",), 1970),
        # one surname, no citing word: a bracketed year, or a bare year right after the name
        ("    Harvey (1989, p. 120) gives the recursion.", ("Harvey",), 1989),
        ("  # Bartlett 1954 has fewer terms", ("Bartlett",), 1954),
        ("// Welford [1962], updated for the parallel case", ("Welford",), 1962),
        # brackets around the year, or the venue and the year
        ("As shown by Smith et al. [2011], the bound is tight.", ("Smith",), 2011),
        ("Uses the correction of Kenward and Roger [1997].", ("Kenward", "Roger"), 1997),
        (
            "The model of Hastie and Tibshirani (Statistical Science, 1986) is fitted.",
            ("Hastie", "Tibshirani"),
            1986,
        ),
        ("* The subresultant algorithm of Collins [JACM 14 (1967), 128-142].", ("Collins",), 1967),
        # the names and `et al` inside the brackets, then the venue: the names are cited
        ("inspired by the work on\nFUSE (Moreau et al, ICRA 2019).", ("Moreau",), 2019),
        # a meeting's acronym and the year in the brackets: no author list inside them
        ("  # Tan et al. (IJCAI 2011), Section 3.1: the work range.", ("Tan",), 2011),
        # the letter that tells one author's works of a year apart
        ("  than the power law. See Diemer 2022b for details.", ("Diemer",), 2022),
        # the journal run into the names, then its volume and the year in brackets
        ("    Source: Lind and Moss JASA, vol 83 (1988), pp 406-413", ("Lind", "Moss"), 1988),
        # a second author's given name and initial: no title "Lind and Ann K" before "Moss"
        ("(See Lind and Ann K. Moss 1989 article)", ("Lind", "Ann K. Moss"), 1989),
        # Javadoc's escaped ampersand before the last surname and the year
        (
            " * as described in\n * Lind, Moss &amp; Okafor (2014), in a book.",
            ("Lind", "Moss", "Okafor"),
            2014,
        ),
        ("as analysed by Smith and Jones (NeurIPS 2019).", ("Smith", "Jones"), 2019),
        ("the clustering of Ortiz et al., Neural Computation, 2008", ("Ortiz",), 2008),
        # capitalized words before the names that are not names
        ("From Pevzner & Hearst (2002), the metric is defined as", ("Pevzner", "Hearst"), 2002),
        ("Following Church and Hanks (1990), counts are scaled.", ("Church", "Hanks"), 1990),
        ("Implements Chen & Goodman 1995's idea of smoothing.", ("Chen", "Goodman"), 1995),
        # "e.g." inside the bracket before one name and its year
        (
            "approximated by the formula for a ratio of means (e.g.\nLindqvist, 1977, on ratios),",
            ("Lindqvist",),
            1977,
        ),
        # a bracket holding a mention of its own: its names are cited, not the words before
        (
            "    Modified Dissimilarity Index (Dissimilarity from Lind and Moss (1997))\n",
            ("Lind", "Moss"),
            1997,
        ),
        ("    Modified Gini Index (Gini from Okafor et al. (1997))\n", ("Okafor",), 1997),
        # a meeting's acronym, in mixed case, after one surname; a theorem cited in the work
        ("exists according to Thm. 3 in Okafor NeurIPS 2021.", ("Okafor",), 2021),
        ("see Lemma 2 in Lind ICML 2019 for the bound.", ("Lind",), 2019),
    ],
)
def test_author_year_mentions(text: str, authors: tuple[str, ...], year: int) -> None:
    (hit,) = find_citations(text)
    assert hit.kind is RefKind.AUTHOR_YEAR and hit.rule == "CG106"
    assert hit.reference.authors == authors and hit.reference.year == year
    assert hit.title_hint is None


@pytest.mark.parametrize(
    ("text", "author", "year"),
    [
        ("  // See Kowalczyk13ijcv:\n  // the mean minimizes the chordal cost", "Kowalczyk", 2013),
        ("/** Modified from Tanaka94book version (which assumes unit w) */", "Tanaka", 1994),
        (" * following Ortega14eccv_motion.pdf we compute the distance", "Ortega", 2014),
        ("/** The robust error model (Lindqvist97ivc). */", "Lindqvist", 1997),
        ("  /// compute D, Harlow00book p.53", "Harlow", 2000),
        ("// the closed form of Morel-Dupont09thesis, eq. (4.2)", "Morel-Dupont", 2009),
        # in lower case before a venue's tag
        ("  /// @note lindqvist14tro Eq. 102", "Lindqvist", 2014),
    ],
)
def test_bare_citation_keys_are_author_year_mentions(text: str, author: str, year: int) -> None:
    (hit,) = find_citations(text)
    assert hit.kind is RefKind.AUTHOR_YEAR
    assert hit.reference.authors == (author,) and hit.reference.year == year


@pytest.mark.parametrize(
    "text",
    [
        "return Float64bits(x) ^ Urng32bits(seed);  // see Test16book",
        "// ids: abc12book, Spin20us, Win95pts and Bank32nh",
        "// the hypothesis and the parenthesis: 2 controls",
        "  // x.Smith13ijcvx and Smith1ijcv are no keys",
    ],
)
def test_code_names_with_digits_are_not_citation_keys(text: str) -> None:
    assert find_citations(text) == []


@pytest.mark.parametrize(
    ("text", "author", "year"),
    [
        # a reference manager's keys as Sphinx citations: a name in lower case, a word of the
        # title after the year, the year's two digits
        ("    model [lindqvist2013svgp]_.\n", "Lindqvist", 2013),
        ("    As described in [Moss2019hogp]_, the predictions\n", "Moss", 2019),
        ("    Batch version [kirsch2019batchtide]_ of TIDE.\n", "Kirsch", 2019),
        ("    Alg 1 from [Lacour17]_ is used to find the bounds\n", "Lacour", 2017),
        # sphinxcontrib-bibtex's `:keyprefix:` before the key
        ("    the pipeline :cite:p:`TideStats-lind2014moderated`.\n", "Lind", 2014),
        # a lower-case name, a colon and the year
        ("    modulated by the Fermi integral :cite:p:`lind:2002`\\ :\n", "Lind", 2002),
    ],
)
def test_sphinx_citation_keys_of_reference_managers_are_author_year(
    text: str, author: str, year: int
) -> None:
    (hit,) = find_citations(text)
    assert hit.kind is RefKind.AUTHOR_YEAR
    assert hit.reference is not None
    assert hit.reference.authors == (author,) and hit.reference.year == year


def test_a_sphinx_key_of_initials_spells_out_no_name() -> None:
    # `[KN2018]_`, as `[SFG17]_`: a label that names its work only through its entry
    assert find_citations("    The square root velocity metric [KN2018]_ is used.\n") == []
    assert find_citations("    As in [TP2021]_ the bound holds.\n") == []
    (named,) = find_citations("    The metric of [Kern2018]_ is used.\n")
    assert named.reference is not None and named.reference.authors == ("Kern",)


def test_cite_keys_with_two_digit_years() -> None:
    text = "implements the vectors\n@cite{ortvell06fisher} @cite{ortvell10better}. A vector is"
    found = [(h.reference.authors, h.reference.year) for h in find_citations(text)]
    assert found == [(("Ortvell",), 2006), (("Ortvell",), 2010)]


def test_a_cite_keys_hyphenated_surname_is_written_as_a_name() -> None:
    (hit,) = find_citations("//! Follows \\cite lind-okafor_2003_restricted for the normals.\n")
    assert hit.reference is not None and hit.reference.authors == ("Lind-Okafor",)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "    /* See Knuth TAOCP Vol2. 3rd Ed. P.106 for the multiplier. */",
            "The Art of Computer Programming",
        ),
        (
            "  Refer to K&R Second Edition Page 148,\n  last paragraph.",
            "The C Programming Language",
        ),
        (
            "These values were cross-checked vs the CRC Handbook of\nChemistry and Physics (105th "
            "edition).",
            "CRC Handbook of Chemistry and Physics",
        ),
    ],
)
def test_reference_works_by_their_short_names(text: str, title: str) -> None:
    (hit,) = find_citations(text)
    assert hit.kind is RefKind.BOOK and hit.title_hint == title


@pytest.mark.parametrize("text", ["uses K&R style braces", "the K&R C dialect of 1978 compilers"])
def test_initials_without_an_edition_are_no_book(text: str) -> None:
    assert find_citations(text) == []


def test_a_list_of_author_year_lines_with_journal_volume_and_pages() -> None:
    text = (
        "  Mismatch table (DNA)\n"
        "  Orvell & Lindqvist (1997), Biochemistry 36: 10581-10594\n"
        "  Orvell & Lindqvist (1998), Biochemistry 37: 9435-9444\n"
        "  Peyrard et al. (1999), Nucl Acids Res 38: 3468-3477\n"
    )
    found = [(h.kind, h.reference.authors, h.reference.year) for h in find_citations(text)]
    assert found == [
        (RefKind.AUTHOR_YEAR, ("Orvell", "Lindqvist"), 1997),
        (RefKind.AUTHOR_YEAR, ("Orvell", "Lindqvist"), 1998),
        (RefKind.AUTHOR_YEAR, ("Peyrard",), 1999),
    ]


@pytest.mark.parametrize(
    ("text", "author", "year"),
    [
        # a surname that is a word too, before `et al`
        ("  # an efficient recursive implementation (See Press et al. 1989)", "Press", 1989),
        # two surnames and a year where a longer reading (a title `This can be ...`) failed
        (
            "  plus its transpose.  See eqn 3.8 of\n  Orvell and Noakes 2015.  This can be the"
            " quadratic form, or",
            "Orvell",
            2015,
        ),
        (
            "  obtained from Orvell and Hilmer's\n  approximation (cf. Orvell and Hilmer, 1931)\n",
            "Orvell",
            1931,
        ),
        # two names, a comma and a journal before the bracketed year
        ("  Variance estimator from Dinsley and Larch, Biometrika (1986), 379", "Dinsley", 1986),
        # a comma before the bracketed year
        ("  window_length is set to 4 (as\n  per Guerrand and Perot, (2004)).", "Guerrand", 2004),
        # a longer reading of the prose around it (authors `ICRS`) is vetoed: the mention stays
        (
            "  The pole is oriented RA=286.13 deg in ICRS, and thus HCRS as well\n"
            "  (See Orvell et al. 2011,\n"
            '    "Report of the Working Group on Rotational Elements: 2009")\n',
            "Orvell",
            2011,
        ),
    ],
)
def test_author_year_mentions_read_where_a_longer_reading_failed(
    text: str, author: str, year: int
) -> None:
    (hit,) = find_citations(text)
    assert hit.kind is RefKind.AUTHOR_YEAR
    assert hit.reference.authors[0] == author and hit.reference.year == year


@pytest.mark.parametrize(
    "text",
    [
        "Cambridge University Press, 1992",
        "Oxford: Clarendon Press 1990",
        "see Press, 2007",
        # code: a call's arguments after a comma, not a year in brackets
        "  keep a by-component reduce, e.g. (Timestamp, (2020, 1, 2)), out of it",
    ],
)
def test_a_press_is_no_author_without_et_al(text: str) -> None:
    assert find_citations(text) == []


def test_a_reference_entry_with_a_book_title_and_a_page_but_no_year() -> None:
    text = (
        "    References\n    ----------\n    * Hollis, Jane Q. Advanced Sorting Methods, Merging,"
        " and Searching: A\n      Practical Handbook. Page 401.\n"
    )
    (hit,) = find_citations(text)
    assert (
        hit.title_hint == "Advanced Sorting Methods, Merging, and Searching: A Practical Handbook"
    )


def test_an_author_list_ends_with_its_and_name() -> None:
    text = (
        "   References :\n   [3] J. Ortvell, K. Lindqvist and B. Pohlman, Restarted GMRES\n"
        "    preconditioned by deflation,J. Computational Things, 69(1996), 303-318.\n"
    )
    (hit,) = find_citations(text)
    assert hit.title_hint == "Restarted GMRES preconditioned by deflation"
    assert hit.reference.authors == ("J. Ortvell", "K. Lindqvist", "B. Pohlman")


def test_a_line_of_a_title_then_surnames_and_a_year() -> None:
    text = "  the technique described in\n    Exact Sums and Dot Products, Ogden, Rusk, Ito 2005.\n"
    (hit,) = find_citations(text)
    assert hit.kind is RefKind.TITLE and hit.title_hint == "Exact Sums and Dot Products"
    assert hit.reference.authors == ("Ogden", "Rusk", "Ito") and hit.reference.year == 2005


@pytest.mark.parametrize(
    "text",
    [
        "  Fixed Bugs In The Parser, Windows and Linux 2000",
        "  Mathematics and Computing in the Lowlands, Utrecht, May 2000.",
        "  Parameterization follows Bode, Jansen, Lu and Tam 2011.",
    ],
)
def test_lines_of_a_phrase_then_capitalized_words_and_a_year_are_not_titles(text: str) -> None:
    assert all(h.kind is not RefKind.TITLE for h in find_citations(text))


@pytest.mark.parametrize(
    "text",
    [
        # a body's cite key, its words run together: a standard's or a manual's
        "   :cite:`InternationalTelecommunicationUnion2015` for the transfer function",
        "   :cite:`SocietyofMotionPictureEngineers1999b` gives the constants",
        # a body as the author or as the title of the entry
        "  References\n  ----------\n  The Society of Film Engineers, Science and Technology\n"
        "  Council. (2014). Technical Bulletin TB-2014-004. Retrieved from the web.\n",
        "  American Society of Pipe Engineers. Measurement Of Fluid Flow In Pipes, 2004.",
        # a title that opens with a standard's or recommendation's number
        '  see "Rec. ITU-R BT.709-6 Parameter values for HDTV", 2015',
        # a body's conventions or guidelines named with their year
        "  The full series: _ITRS Conventions (2010)_, Chapter 5, p. 60, Table 5.2e.",
        "  Rounded as the WMO Guidelines (2018) require.",
        # a specification by its version, and a section of it
        '    .. [2] Example Corporation, "Tide Programming Interface and Data\n'
        '       Specifications 1.0", section "Data Format of the Samples", August 1991\n',
    ],
)
def test_standards_and_bodies_are_no_citations(text: str) -> None:
    assert find_citations(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "   :cite:`Smith2010` and :cite:`Lindqvist2012a`",
        "  .. [1] Kornblum, P. (2002). Organization of Growing Random Graphs. Phys. Rev. E 6, 1-9.",
        "Smith, J. (2001). A fast parser for RFC 3986 URIs. J. Web Eng. 3, 1-9.",
    ],
)
def test_people_and_titles_that_name_a_body_or_a_standard_still_cite(text: str) -> None:
    assert find_citations(text) != []


def test_surnames_then_the_quoted_title_and_year_in_brackets() -> None:
    text = (
        '  as described by Okafor ("Uber die Gezeitenreihe", 1837) and found again by\n'
        '  Lind and Moss ("An Overlooked Series for the Tide Perimeter", 1995).\n'
    )
    found = [(h.title_hint, h.reference.authors, h.reference.year) for h in find_citations(text)]
    assert found == [
        ("Uber die Gezeitenreihe", ("Okafor",), 1837),
        ("An Overlooked Series for the Tide Perimeter", ("Lind", "Moss"), 1995),
    ]


def test_entries_one_per_line_each_closed_by_its_year() -> None:
    text = (
        "  For curve intersections:\n"
        '  see T.W. Okafor, "Computer Aided Tide Design", 2012\n'
        '  see T.W. Okafor and T. Lind, "Curve intersection using tide clipping", 1990\n'
        '  see T.W. Okafor and S.R. Moss, "Comparison of three tide algorithms", 1986\n'
    )
    found = [(h.title_hint, h.reference.year) for h in find_citations(text)]
    assert found == [
        ("Computer Aided Tide Design", 2012),
        ("Curve intersection using tide clipping", 1990),
        ("Comparison of three tide algorithms", 1986),
    ]


def test_a_title_line_then_its_year_and_surnames_in_brackets() -> None:
    text = "  Original paper:\n  Weighted Tide Sampling (2005; Okafor, Lind)\n\n  Blog:\n"
    (hit,) = find_citations(text)
    assert hit.kind is RefKind.TITLE and hit.title_hint == "Weighted Tide Sampling"
    assert hit.reference.authors == ("Okafor", "Lind") and hit.reference.year == 2005


@pytest.mark.parametrize(
    "text",
    [
        "Tables follow the method of Okafor (1996) and (2008).",
        "Most values are from Okafor (1996) or (2008).  A few were simulated here.",
    ],
)
def test_one_authors_second_year_is_a_second_work(text: str) -> None:
    found = [(h.reference.authors, h.reference.year) for h in find_citations(text)]
    assert found == [(("Okafor",), 1996), (("Okafor",), 2008)]


def test_several_author_year_mentions_in_one_bracket() -> None:
    text = "such as WordNet (Miller, 1990; Fellbaum, 1998) and [Brown et al., 1993; Koehn, 2010]"
    found = [(h.reference.authors, h.reference.year) for h in find_citations(text)]
    assert found == [
        (("Miller",), 1990),
        (("Fellbaum",), 1998),
        (("Brown",), 1993),
        (("Koehn",), 2010),
    ]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            'Implements Step 1a from "An algorithm for suffix stripping"\n\nFrom the paper:',
            "An algorithm for suffix stripping",
        ),
        (
            _blank(
                "  // proposed by Liu in his 1996 technical report\n"
                '  // "Metropolized Gibbs Sampler: An Improvement".',
                ("//",),
            ),
            "Metropolized Gibbs Sampler: An Improvement",
        ),
        (
            'See the thesis "Fast Sparse Cholesky Updates" for the proof.',
            "Fast Sparse Cholesky Updates",
        ),
        # the authors' surnames between the citing word and the quote, the title over lines
        (
            _blank(
                '    # See e.g. Marlowe & Quist, "Integer Roots: A Practical\n'
                '    # Introduction"\n',
                ("#",),
            ),
            "Integer Roots: A Practical Introduction",
        ),
        # the first author and `et al.` right before the quote, no year; a short title too
        (
            _blank(
                ' * This approach comes from Lindqvist, et al., "A Technique for Drawing\n'
                ' * Tidal Graphs."\n',
                ("*",),
            ),
            "A Technique for Drawing Tidal Graphs",
        ),
        (
            'This algorithm is derived from Okafor et al. "Bilayer Tide Counting."',
            "Bilayer Tide Counting",
        ),
        # one author written out by a given name or initials, then a comma (the names before
        # the quotes, as `"Title" by Marta Lindqvist` after them); no year, no venue
        (
            '    Formula (2.7) from Marta Lindqvist, "Principles of Tidal Climate"\n',
            "Principles of Tidal Climate",
        ),
        (
            '    # Formula from M. Lindqvist, "Principles of Tidal Climate", page 40.\n',
            "Principles of Tidal Climate",
        ),
    ],
)
def test_quoted_title_after_a_citing_word(text: str, title: str) -> None:
    assert _titles(text) == [title]


@pytest.mark.parametrize(
    "text",
    [
        'The value is read from "fast" or "accurate".',
        'Raised from "Could not find the requested file" when the path is missing.',
        'Copied from "Building from Source" in the documentation.',
        'Read in "Configuring The Build Section" below.',
        # two capitalized words before a sentence in quotes: prose, not authors and a title
        'See Read and Write, "Open the file in binary mode first".',
        # one capitalized word, or a thing's name, before the comma: no author written out
        'Formula from Lindqvist, "Principles of Tidal Climate".',
        'Taken from Python Software, "The Tidal Tutorial".',
        # a quoted word or a sentence after `et al.`: no title
        'As Okafor et al. put it, "Do not tune on the test data" here.',
        'Okafor et al. call it "tides".',
    ],
)
def test_quoted_strings_after_a_citing_word_that_are_not_titles(text: str) -> None:
    assert _titles(text) == []


@pytest.mark.parametrize(
    ("text", "title", "authors"),
    [
        (
            "is one less than N from\n 'Interpolation Theory and Interpolation Practice by"
            " K. M. Hollis (pg.42)'.",
            "Interpolation Theory and Interpolation Practice",
            ("K. M. Hollis",),
        ),
        (
            'see "Numerical Methods for Odd Functions by Amparo Lindqvist" for the method',
            "Numerical Methods for Odd Functions",
            ("Amparo Lindqvist",),
        ),
        # the title in quotes of its own inside the quotes, then the year
        (
            " * @see \"'Hub scores in linked corpora' by Ada Lindqvist, 1998\"\n",
            "Hub scores in linked corpora",
            ("Ada Lindqvist",),
        ),
    ],
)
def test_a_quoted_title_by_its_authors_inside_the_quotes(
    text: str, title: str, authors: tuple[str, ...]
) -> None:
    (hit,) = find_citations(text)
    assert hit.reference.title == title and hit.reference.authors == authors


@pytest.mark.parametrize(
    "text",
    [
        # a phrase ending in the verb "by" completes, read by the rules as "Title by Authors"
        "    Estimate the floor of a tide spectrum.\n\n"
        "    Use the method for the noise floor in Tide spectra outlined\n"
        "    by Lindqvist and Marlowe, 1974.\n",
        # a docstring's summary that the words after it say the work describes, read by the model
        "\n    Filtering one record of Tides and estimating Level and Phase\n"
        "    with the TKF algorithm described in Lindqvist et al, 2014\n"
        "    IEEE_TGRS. This routine estimates Level in the backward\n"
        "    direction given a set of matrices that define the Kalman\n"
        "    filter.\n",
        # a description that says whose work it follows, read by the model with a name in it
        "    See also\n    --------\n"
        "    tideModelZero: The zero-tide transfer function according to Lindqvist & Moss 1998.\n",
    ],
)
def test_prose_before_a_citing_verb_is_no_title_but_the_author_year_cites(text: str) -> None:
    hits = find_citations(text)
    assert [h.kind for h in hits] == [RefKind.AUTHOR_YEAR]


def test_quoted_titles_by_their_authors_keep_the_rules_split_where_the_model_reads() -> None:
    # the dated third line makes the model read the block; it labels each whole quote a title
    text = (
        "   Implements the augmenting-path flow algorithm.\n\n"
        '   @see "Flow Networks by Andersen, Marlowe, and Quist."\n'
        '   @see "Combinatorial Routing by Bellamy and Oduya."\n'
        '   @see "Faster augmenting paths for sparse capacity problems by Halvorsen and\n'
        '       Ruiz, 1981."\n'
        "   @author Jo Smith\n"
    )
    hits = find_citations(text)
    assert [h.title_hint for h in hits[:2]] == ["Flow Networks", "Combinatorial Routing"]
    assert hits[1].reference.authors == ("Bellamy", "Oduya")


@pytest.mark.parametrize(
    "text",
    [
        'see "Generated by the Build Script by John Smith"',
        'see "computed by J. Smith"',
        'the message "Created by Gradle by Jane Doe"',
    ],
)
def test_quoted_phrases_with_by_inside_are_not_titles(text: str) -> None:
    assert find_citations(text) == []


@pytest.mark.parametrize(
    "text",
    [
        " * Based off of the description provided in:<br>\n * <br>\n * Jane Q. Hollis,"
        ' "Foundations of Matrix Sorting," Second Edition. Page 404-411\n',
        ' For more see Jane Q. Hollis, "Foundations of Matrix Sorting" 2nd edition, pages 9-12.',
        # the edition after the quote's period
        ' * Based on:<br>\n * Jane Q. Hollis, "Foundations of Matrix Sorting." Second Edition.\n',
        # single quotes right after the names, `Ed.` after an ordinal
        "  See J. Q. Hollis, K. L. van Dorn 'Foundations of Matrix Sorting',\n  third Ed., page 5",
        # the volume between the title and the edition
        "  Hollis J.Q., K. van Dorn: Foundations of Matrix\n  Sorting, Volume 1, 2nd ed., p.30",
    ],
)
def test_an_author_first_book_with_its_edition_and_no_year(text: str) -> None:
    (hit,) = find_citations(text)
    assert hit.kind is RefKind.BOOK and hit.title_hint == "Foundations of Matrix Sorting"


@pytest.mark.parametrize(
    "text",
    [
        # no title after the names: a release note
        " Thanks to J. Q. Hollis, the Second Edition of the tool adds pages.",
        # an edition of software, not a book
        " Requires the Community Edition of the IDE, 2nd edition of the plugin.",
        " the first edge and the second edge, with edges of the 3rd edge list",
    ],
)
def test_an_edition_without_a_book_entry_is_no_citation(text: str) -> None:
    assert find_citations(text) == []


def test_quoted_title_with_authors_after_by() -> None:
    text = (
        'The method appears in "A Simple Method for Generating Gamma Variables" by\n'
        "Marsaglia and Tsang, ACM Transactions on Mathematical Software, 2000."
    )
    (hit,) = find_citations(text)
    assert hit.title_hint == "A Simple Method for Generating Gamma Variables"
    assert hit.reference.authors == ("Marsaglia", "Tsang")
    assert hit.reference.year == 2000


def test_entry_with_doi_spans_the_identifier() -> None:
    text = (
        "Navarro, G. (2001). A guided tour to approximate string matching.\n"
        "ACM Computing Surveys 33(1):31-88. doi:10.1145/375360.375365"
    )
    (hit,) = find_citations(text)
    assert hit.title_hint == "A guided tour to approximate string matching"
    assert text[hit.start : hit.end].endswith("375360.375365")


def test_lower_case_entries_of_a_reference_section_one_a_line() -> None:
    text = (
        "  references    :\n"
        "    lind, moss, tide report #3 1980\n"
        "    lind, tide report #6 1986\n"
        "    lind, okafor and moss 2004\n"
        "    moss 2006\n"
    )
    hits = find_citations(text)
    assert [(h.reference.authors, h.reference.year) for h in hits] == [
        (("Lind", "Moss"), 1980),
        (("Lind",), 1986),
        (("Lind", "Okafor", "Moss"), 2004),
    ]
    assert all(h.kind is RefKind.AUTHOR_YEAR for h in hits)


def test_an_entry_after_its_label_and_a_colon() -> None:
    text = (
        "    References:\n"
        "        .. [Lind] : Lind, Erika. Tidal Sketches: Theory\n"
        "                    and Practice. Reading, MA: Addison-Wesley, 1987.\n"
    )
    (hit,) = find_citations(text)
    assert hit.kind is RefKind.BOOK
    assert hit.reference.title == "Tidal Sketches: Theory and Practice"
    assert hit.reference.authors == ("Lind, Erika",)


def test_a_place_and_publisher_is_no_title() -> None:
    text = (
        "    References:\n        .. [Moss] : Moss L.L. Tidal Measures, (1949) New York: Wiley.\n"
    )
    assert all(h.reference.title != "New York: Wiley" for h in find_citations(text))


def test_an_entry_whose_only_link_is_a_courses_lecture_names_no_work() -> None:
    text = (
        "    References:\n"
        '        .. [Carter] Carter, P., "Tide seminar - 10/9/03", Example.edu.,\n'
        "                    https://www.example.edu/courses/120-fall-2003/lecture-5.html\n"
    )
    assert find_citations(text) == []


def test_an_entry_whose_link_is_a_poster_paper_still_names_its_work() -> None:
    # proceedings file the papers of a poster session under `Poster`: the paper, no talk
    text = (
        " * References:\n"
        " *  Erika J. Lind. The Tidal Sketch Algorithm. Advanced Tidal Optical and Space"
        " Surveillance Technologies, 2011. https://example.com/TechnicalPapers/2011/Poster/LIND.pdf\n"
    )
    titles = [h.reference.title for h in find_citations(text)]
    assert "The Tidal Sketch Algorithm" in titles


def test_a_bracketed_mention_ends_before_the_next_lines_web_page() -> None:
    text = (
        "    Notes\n    -----\n"
        "    From Lind et al. (2013, A&A, 558, 62) and Moss et al. (2014, A&A, 565, 9)\n"
        "    Computed by ToolX and downloaded from the ToolX website.\n"
    )
    assert [h.reference.authors for h in find_citations(text)] == [("Lind",), ("Moss",)]


def test_lower_case_lines_outside_a_reference_section_are_no_entries() -> None:
    assert find_citations("  notes:\n    lind, moss, tide report #3 1980\n") == []


def test_several_entries_in_one_comment() -> None:
    text = _blank(
        """# [1] A. Ahrens and U. Dieter. Generating gamma variates by a modified rejection
#     technique. Comm. ACM, 25:47-54, 1982.
# [2] G. Marsaglia and W. W. Tsang. A simple method for generating gamma variables.
#     ACM Trans. Math. Softw., 26(3):363-372, 2000.""",
        ("#",),
    )
    assert _titles(text) == [
        "Generating gamma variates by a modified rejection technique",
        "A simple method for generating gamma variables",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "See 'Usage' below for the options.",
        "Copyright 2019 Jane Smith. All rights reserved.",
        "# Copyright (c) 2005-2019 The SciPy Developers",
        "Added in version 2.3 (2019).",
        "Changed in version 1.4 (2020-05-01): the default changed.",
        "TODO(John Smith): remove this after the 2021 release.",
        'Raises ValueError("Invalid input: expected a positive number") on bad input.',
        'Licensed under the Apache License, Version 2.0 (the "License"); 2018',
        "2019-03-04 Jane Doe: fixed the overflow in the loop",
        'Set mode to "fast" or "accurate" (default "fast"), since 2015.',
        "Python 3.8 (2019) changed the pickle protocol.",
        "The result is cached; see Notes in the class docstring for details.",
        "Returns the value of x in 2010 units as a float.",
        'The format is "YYYY-MM-DD HH:MM:SS.sss", e.g. 2000-01-01 00:00:00.000.',
        '>>> cosmo = FlatLambdaCDM(name="Modified Planck 2013", Om0=0.35)',
        "Warren Weckesser, March 2011",
        "During the 1990s the method was popular; see Europe 1990s.",
        "Header values are encoded as in RFC 2045, section 6.8.",
        # one capitalized word before a year that names a product, a release or a time
        "Ported from Fortran 2008 code; Windows 2000 and Visual Studio 2019 are not supported.",
        "Updated 2015 to use the newer methods.",
        "By Jane Vanderberg (2013) <jane@example.org>",
        "Author: Jane Doe 2012",
        ">>> model = Model(name='Modified Kepler 2013')",
        "Jane Smith, 2012",
        "Copyright 2023 The JAX Authors.\n\nLicensed under the Apache License, Version 2.0 (the"
        ' "License");\ndistributed under the License is distributed on an "AS IS" BASIS,\n'
        "WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.",
    ],
)
def test_ordinary_comments_are_not_citations(text: str) -> None:
    assert find_citations(text) == []


def test_block_without_cues_is_rejected_quickly() -> None:
    text = "Return the sum of the weights along every edge of the path, in order.\n" * 3
    assert not _has_cue(text)
    assert _has_cue(text + "See Smith (1999).") and _has_cue(text + 'as in "Some Title"')
    started = time.process_time()
    for _ in range(2000):
        assert find_citations(text) == []
    per_call = (time.process_time() - started) / 2000
    # microseconds, not milliseconds: this runs on every block (CPU time, which other
    # processes on a busy machine do not stretch; the bound is loose)
    assert per_call < 200e-6


def test_author_year_span_takes_in_a_following_identifier() -> None:
    text = "Skip lists (Pugh 1990): https://doi.org/10.1145/78973.78977"
    (hit,) = find_citations(text)
    assert hit.kind is RefKind.AUTHOR_YEAR
    assert text[hit.start : hit.end] == "Pugh 1990): https://doi.org/10.1145/78973.78977"


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            " <h2>References</h2>\n <ol>\n <li>David Eppstein. Fast hierarchical clustering and"
            " other applications of dynamic closest pairs. SODA 1998.</li>\n </ol>",
            "Fast hierarchical clustering and other applications of dynamic closest pairs",
        ),
        (
            " **Reference**\n\n * Luigi P. Cordella, Pasquale Foggia, Carlo Sansone, Mario Vento;"
            " *A (Sub)Graph Isomorphism\n   Algorithm for Matching Large Graphs*",
            "A (Sub)Graph Isomorphism Algorithm for Matching Large Graphs",
        ),
        # an emphasized title opening with a letter in lower case before a hyphen
        (
            "Holm, N., Rask, L. and Ode, P., *q-values for sparse high-dimensional designs*,\n"
            "J. Amer. Statist. Assoc.104 1671-1681, 2009\n",
            "q-values for sparse high-dimensional designs",
        ),
    ],
)
def test_html_and_markdown_reference_headings_and_emphasized_titles(text: str, title: str) -> None:
    assert _titles(text) == [title]


def test_emphasis_in_prose_is_not_a_title() -> None:
    assert _titles("This is *not* what you want; use *Very Fast Mode* in 2019 builds.") == []
    assert _titles("Plot it on the *x-axis* (the *p-values* of 2019) with Lee, J.") == []


@pytest.mark.parametrize(
    "text", ["Calibration test as in [Okafor2019].\n", "Based on [OkaforEtal2019] and a bound.\n"]
)
def test_a_bracketed_key_without_sphinxs_underscore_is_an_author_year(text: str) -> None:
    (hit,) = find_citations(text)
    assert hit.kind is RefKind.AUTHOR_YEAR and hit.reference.year == 2019


@pytest.mark.parametrize(
    "text", ["Index it as x[Col2020] here.\n", "Flags [CVE2020] and [SSE2019] are set.\n"]
)
def test_an_index_or_an_acronym_before_a_year_is_no_key(text: str) -> None:
    assert find_citations(text) == []


def test_a_bracketed_key_and_the_entry_it_labels_are_one_reference() -> None:
    text = (
        "As in [Okafor2022].\n\nReferences\n----------\n[Okafor2022] V. Okafor et al.\n"
        "Generic inference on effects in randomized trials\n"
        "arXiv preprint arXiv:1712.04802, 2022.\n"
    )
    (hit,) = find_hits(text)
    assert hit.kind is RefKind.ARXIV and len(hit.also) == 1


def test_numbered_title_first_entries_outside_a_reference_section() -> None:
    text = (
        "\nThe periodic kernel as mentioned in:\n\n"
        "[1] Kernel Machines for Smooth Signals, A. B. Okafor, C. D. Rask.\nThe MIT Press, 2005.\n"
        "\n\n[2] An introduction to smooth signals. E. F. Holm. In G. H. Ode, editor,\n"
        "Signals and Learning, pages 133-165. Springer, 1998.\n"
    )
    assert [h.title_hint for h in find_hits(text)] == [
        "Kernel Machines for Smooth Signals",
        "An introduction to smooth signals",
    ]


def test_a_numbered_step_with_a_name_and_a_year_is_no_entry() -> None:
    text = (
        "Steps:\n\n1. Compute the mean of the data, as A. B. Okafor did.\n"
        "2. Subtract it from each Sample, then scale, 2005.\n"
    )
    assert not find_hits(text)


@pytest.mark.parametrize(
    ("text", "name", "year"),
    [
        ("described by Lind :footcite:p:`lind++_2020_numerical`. It is fast.\n", "Lind", 2020),
        ("as explained in :footcite:`lind+moss_2000_general`.\n", "Lind", 2000),
    ],
)
def test_a_lower_case_bibliography_key_with_a_year_is_an_author_year(
    text: str, name: str, year: int
) -> None:
    (hit,) = find_citations(text)
    assert hit.kind is RefKind.AUTHOR_YEAR
    assert hit.reference.authors == (name,) and hit.reference.year == year


def test_a_lower_case_bibliography_key_without_a_year_is_no_citation() -> None:
    assert find_citations("as shown in :footcite:`koles_csp` and :cite:`lind_moss`.\n") == []


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        ("Called the v-measure in :cite:`lind2018`.\n", [("Lind", 2018)]),
        ("Measure A1 in :cite:`moss1998Tides`,\n", [("Moss", 1998)]),
        (
            "Compute a path silhouette :cite:`lind2019geotides,Moss1987`.\n",
            [("Lind", 2019), ("Moss", 1987)],
        ),
        (
            "For details see :cite:`Lind_2010` and :cite:`Moss_2010`.\n",
            [("Lind", 2010), ("Moss", 2010)],
        ),
        ("Based on the approach of :cite:t:`lind_sample_1996`.\n", [("Lind", 1996)]),
        (
            "Follows :cite:p:`moss_long-term_2013` (AR5) and :cite:cts:`lind_new_2004`.\n",
            [("Moss", 2013), ("Lind", 2004)],
        ),
        ("Derivations can be found in :cite:`lind81`.\n", [("Lind", 1981)]),
        # the year's two digits, words of the title run in after them
        ("The key reference is :cite:t:`Lind06sparsetides`.\n", [("Lind", 2006)]),
        ("See :cite:`moss98harbour` for more.\n", [("Moss", 1998)]),
        # Better BibTeX's default: the name, capitalized words of the title, the year
        ("Denoted C in eq (14) in :cite:`lindTidalSortingStrategies2012`.\n", [("Lind", 2012)]),
        (
            "Based on :cite:`mossHarbourTides2013,lindTidesAndWaves2025a`.\n",
            [("Moss", 2013), ("Lind", 2025)],
        ),
    ],
)
def test_bibliography_keys_in_reference_managers_shapes_are_author_years(
    text: str, keys: list[tuple[str, int]]
) -> None:
    hits = find_citations(text)
    assert all(hit.kind is RefKind.AUTHOR_YEAR for hit in hits)
    assert [(hit.reference.authors[0], hit.reference.year) for hit in hits] == keys


def test_role_items_without_a_name_and_a_year_are_no_citation() -> None:
    text = (
        "See :cite:`tides_bays`, :cite:`IPCCAtlas`, :cite:`sha256`, :cite:`Python310` and\n"
        ":cite:`a1`, and\n"
        ":cite:t:`world_meteorological_organization_guide_2008`, and\n"
        # a particle is no family name (`van Lind`, not `Van`)
        ":cite:`vanLind2002`.\n"
    )
    assert find_citations(text) == []


def test_a_numbered_part_of_a_title_after_a_javadoc_line_break_is_the_entrys() -> None:
    # A Javadoc entry written one field a line, its title's second part numbered on a line of
    # its own: one entry, not a list item "Hierarchical tides" read as a title of its own.
    text = _blank(
        " * Reference:\n * <p>\n * G. N. Lind, W. T. Moss<br>\n"
        " * A general theory of tidal sorting strategies<br>\n"
        " * 1. Hierarchical tides<br>\n * The Computer Journal 9.4\n",
        ("*",),
    )
    (hit,) = find_citations(text)
    assert hit.title_hint is not None
    assert hit.title_hint.startswith("A general theory of tidal sorting strategies")


def test_numbered_entries_each_closed_by_a_line_break_stay_two() -> None:
    text = _blank(
        " * 1. G. N. Lind, W. T. Moss. A general theory of tidal sorting, 1967.<br>\n"
        " * 2. K. Hollis, J. Okafor. Tidal sorting revisited, 1971.<br>\n",
        ("*",),
    )
    assert len(find_citations(text)) == 2


@pytest.mark.parametrize(
    "entry",
    [
        # full names, a venue and no year
        " * Erika Lind, Michael Moss, Hans-Peter Okafor<br>\n"
        " * Tide-Trend: scalable detection of emerging tides in coastal streams by\n"
        " * hashed significance thresholds<br>\n"
        " * Proc. 20th ACM SIGKDD Int. Conf. on Knowledge Discovery and Data Mining\n",
        # initials, a journal's volume and issue and no year
        " * M. K. Lind, S. Moss, U. Okafor<br>\n"
        " * Validity index for crisp and fuzzy tides<br>\n * Tide Recognition, 37(3)\n",
    ],
)
def test_a_javadoc_entry_under_its_paragraph_tag_is_read_without_a_year(entry: str) -> None:
    text = _blank(" * Reference:\n * <p>\n" + entry + " *\n * @author Erika Lind\n", ("*",))
    (hit,) = find_citations(text)
    assert hit.kind is RefKind.TITLE and hit.title_hint is not None
    assert hit.title_hint.split()[-1] in ("thresholds", "tides")


def test_prose_under_a_paragraph_tag_after_the_entry_is_no_entry() -> None:
    text = _blank(
        " * Reference:\n * <p>\n * J. Lind, M. Moss<br>\n"
        " * Fast parameterless tide clustering via random projections<br>\n"
        " * Proc. 22nd ACM Int. Conf. on Information and Knowledge Management (CIKM 2013)\n"
        " * <p>\n * This is based on the original code provided by Johannes Lind, with\n"
        " * optimizations by Erika Moss.\n",
        ("*",),
    )
    (hit,) = find_citations(text)
    assert hit.title_hint == "Fast parameterless tide clustering via random projections"


def test_a_title_the_place_calls_a_paper_is_kept_beside_its_html_page() -> None:
    # A Doxygen class comment: the page at the end is the paper's, since the text calls the
    # quoted title a paper (without that, `"Topic", url: <page>.html` is a web page).
    text = _blank(
        " * This implementation is based on the paper\n"
        ' * "Random generation of large connected tide graphs with prescribed degrees" by\n'
        " * Fabien Lind and Matthieu Moss, available at http://www.example-lab.fr/~moss/gen.html,\n"
        " * however without preserving connectivity.\n",
        ("*",),
    )
    (hit,) = find_citations(text)
    assert hit.title_hint == (
        "Random generation of large connected tide graphs with prescribed degrees"
    )


@pytest.mark.parametrize(
    "text",
    [
        # a software foundation, vendor or consortium with a year (Rust doc comments)
        "/// Mirrors the `TideSketch` class of DataSketches 4.2 (Apache, 2023) so images agree.\n",
        "/// Same byte order as Oracle (2021) uses for its tide tables.\n",
        "/// Follows the line breaking of Unicode (2022) for tide labels.\n",
        # a company's data set named with its year (recommender code)
        '"""The tide recipe for the (Amazon 2014) reviews as a config."""\n',
    ],
)
def test_an_organisation_with_a_year_is_no_author_year(text: str) -> None:
    assert find_hits(text) == ()


def test_a_one_author_entry_in_apa_form_is_read_without_a_venue() -> None:
    # a JSDoc block: the entry, then its mention in the text, one work
    text = _blank(
        " * Lind, A. (2018). Tides on graphs.\n *\n * The notation follows Lind (2018), Sec. 2.\n",
        ("*",),
    )
    (hit,) = find_hits(text)
    assert hit.kind is RefKind.TITLE and hit.title_hint == "Tides on graphs"


@pytest.mark.parametrize(
    "head",
    ["Lind, L. et al. (2017)", "Lind L. et al. (2017)", "Lind, L. (2017)", "Lind L. (2017)."],
)
def test_a_one_author_entry_in_harvard_form_is_one_title_without_a_known_venue(head: str) -> None:
    # the venue, a workshop's name and year, is no author-year of its own
    text = (
        "Compute the loss defined in:\n\n"
        f"    {head} Generalised Tidal Score for Imbalanced Multi-class\n"
        "    Segmentation using Holistic Harbour Networks. TideLes 2017.\n"
    )
    (hit,) = find_hits(text)
    assert hit.kind is RefKind.TITLE
    assert hit.title_hint == (
        "Generalised Tidal Score for Imbalanced Multi-class Segmentation using Holistic Harbour"
        " Networks"
    )
    assert hit.reference is not None and hit.reference.year == 2017


def test_a_harvard_head_in_running_prose_opens_no_entry() -> None:
    text = (
        "    Return the tidal vote [Lind2009]_. This index was developed\n"
        "    by Lind, R. et al. (2009). The model takes into account factors such as\n"
        "    wind, depth and season, which have an impact on the tide.\n"
    )
    assert all(hit.kind is not RefKind.TITLE for hit in find_hits(text))


def test_a_journals_name_volume_and_page_label_after_a_harvard_head_are_no_title() -> None:
    (hit,) = find_hits("    // Posten, H. (1989) American Statistician 43 p. 261-265\n")
    assert hit.kind is RefKind.AUTHOR_YEAR and hit.title_hint is None


def test_a_title_may_hold_a_ratio() -> None:
    # a Doxygen class comment's entry in parentheses: "11/6" is the ratio, not a path
    text = _blank(
        " * This implementation is based on:\n *\n"
        " * (A. Lind, An 11/6-Approximation Algorithm for the Network Tide Problem,\n"
        " * Algorithmica, volume 9, number 5, pages 463-470, Springer, 1993)\n",
        ("*",),
    )
    (hit,) = find_citations(text)
    assert hit.title_hint == "An 11/6-Approximation Algorithm for the Network Tide Problem"


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("uses the projection technique (Wilcox, 2004, 2005) to find outliers", [2004, 2005]),
        ("the projection technique of Wilcox (2004, 2005) finds outliers", [2004, 2005]),
        ("as shown before (see Smith, 2001, 2003; Lee, 2010)", [2001, 2003, 2010]),
        # a number far from the year is no second work; a page is no year
        ("as in Jones (1999, p. 12) and (Lee, 2010, 1850 samples)", [1999, 2010]),
    ],
)
def test_each_year_of_one_bracketed_mention_is_a_work(text: str, years: list[int]) -> None:
    hits = find_citations(text)
    assert [h.kind for h in hits] == [RefKind.AUTHOR_YEAR] * len(years)
    assert [h.reference.year for h in hits if h.reference] == years


def test_an_author_list_with_a_particle_is_no_title() -> None:
    (hit,) = find_citations(
        "# (see Mark Schmidt, Nicolas le Roux and Francis Bach, NIPS\n# 2011), so we count"
    )
    assert hit.kind is RefKind.AUTHOR_YEAR and hit.title_hint is None
    assert hit.reference is not None
    assert hit.reference.authors == ("Mark Schmidt", "Nicolas le Roux", "Francis Bach")
    assert hit.reference.year == 2011


def test_a_title_of_two_capitalised_phrases_after_its_author_stays_a_title() -> None:
    (hit,) = find_citations(
        "Lim, Jae S., Two-Dimensional Signal and Image Processing,\n"
        "    Englewood Cliffs, NJ, Prentice Hall, 1990, pp. 42-45."
    )
    assert hit.title_hint == "Two-Dimensional Signal and Image Processing"


def test_a_surname_of_three_hyphenated_parts_is_whole() -> None:
    (hit,) = find_citations("# see Lung-Yut-Fong, A., Levy-Leduc, C., & Cappe, O. (2015)")
    assert hit.reference is not None and hit.reference.authors[0] == "Lung-Yut-Fong, A."


def test_a_table_row_is_not_an_author_year() -> None:
    table = (
        "    ================   ==============\n"
        "    Training samples              104\n"
        "    Timestamps                   2000\n"
        "    Classes                        52\n"
        "    ================   ==============\n"
    )
    assert find_citations(table) == []
    assert [h.kind for h in find_citations("as Bartlett 1954 has fewer terms")] == [
        RefKind.AUTHOR_YEAR
    ]


def test_a_quoted_algorithm_name_with_its_acronym_is_not_a_title() -> None:
    text = (
        'Compute the profile with the "Scalable Time series\n'
        '    Anytime Matrix Profile" (STAMP) algorithm and MASS (2017 - with FFT).'
    )
    assert find_citations(text) == []


def test_a_quoted_clause_before_its_author_year_is_a_quotation() -> None:
    (hit,) = find_citations(
        '//! Calculate "the maximum of the distances from a point in any of the sets to the\n'
        '//! nearest point in the other set." (Rote, 1991)'
    )
    assert hit.kind is RefKind.AUTHOR_YEAR and hit.title_hint is None
    assert hit.reference is not None and hit.reference.authors == ("Rote",)


def test_a_quoted_section_name_after_a_section_number_is_no_title() -> None:
    (hit,) = find_citations(
        "        # From Puterman 2005, Section 3.2, Section 4.6.1\n"
        '        # "single-product stochastic inventory control"\n'
    )
    assert hit.kind is RefKind.AUTHOR_YEAR and hit.title_hint is None


@pytest.mark.parametrize("locator", ["Table2", "Table 2", "Fig. 3", "Eq. (4)"])
def test_a_table_or_figure_after_an_author_year_is_no_title(locator: str) -> None:
    # the comment block as the scan hands it over: its marks taken off
    (hit,) = find_citations(f"Lind & Moss (2019) {locator}\nCorrections for Vega\n")
    assert hit.kind is RefKind.AUTHOR_YEAR and hit.title_hint is None
    assert hit.reference is not None and hit.reference.authors == ("Lind", "Moss")


def test_a_figure_of_a_paper_named_by_its_title_keeps_the_title() -> None:
    (hit,) = find_citations(
        "G is the example graph in Figure 1 from Lind and\nMoss's paper titled A Linear Algorithm"
        " for Tide\nDecompositions, 2003,\nhttp://arXiv.org/abs/cs/0310049.  With nodes\n"
    )
    assert hit.kind is RefKind.TITLE  # the arXiv link it goes with is read by another reader
    assert hit.title_hint is not None and "A Linear Algorithm for Tide" in hit.title_hint


def test_a_citation_label_and_a_port_credit_are_no_authors() -> None:
    (hit,) = find_citations(
        " Citation: Rasmus Pagh, Flemming Friche Rodler:\n Cuckoo Hashing.\n ESA 2001: 121-133\n"
    )
    assert hit.title_hint == "Cuckoo Hashing"
    assert hit.reference is not None and hit.reference.authors[0] == "Rasmus Pagh"
    assert not find_citations(
        "Original Java port from Paolo Perissinotto for Jpatch Project by Sascha Ledinsky"
    )


@pytest.mark.parametrize(
    ("text", "titles"),
    [
        # a Python docstring's reference list: the titles in reST interpreted text, the authors
        # on the next line, no year
        (
            "Dual averaging.\n\nReferences\n\n"
            "[1] `Primal-dual subgradient methods for convex tides`,\nYurii Lind\n\n"
            "[2] `The Tide sampler: adaptively setting path lengths in Harbour Monte Carlo`,\n"
            "Matthew D. Moss, Andrew Okafor\n",
            [
                "Primal-dual subgradient methods for convex tides",
                "The Tide sampler: adaptively setting path lengths in Harbour Monte Carlo",
            ],
        ),
        # ... or in emphasis, numbered
        (
            "Effective size.\n\n**References:**\n\n"
            "1. *Introduction to Tide Chain Monte Carlo*,\n   Charles J. Lind\n",
            ["Introduction to Tide Chain Monte Carlo"],
        ),
    ],
)
def test_a_listed_entrys_title_in_interpreted_text_or_emphasis_reads_as_quoted(
    text: str, titles: list[str]
) -> None:
    assert [h.title_hint for h in find_citations(text) if h.kind is RefKind.TITLE] == titles


def test_interpreted_text_in_an_argument_list_is_no_title() -> None:
    text = "Args:\n\n    1. `Parameter Of The Tide Model`, the value\n    2. *Note* this\n"
    assert find_citations(text) == []


def test_a_languages_year_is_its_edition_but_the_surname_still_cites() -> None:
    assert not find_citations("- avoid a clash with the new `gen` keyword in Rust 2024 ([#1438])")
    hits = find_citations("as shown in (Rust, 1987) for bus engines")
    assert [(h.kind, h.reference.year if h.reference else None) for h in hits] == [
        (RefKind.AUTHOR_YEAR, 1987)
    ]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # a quoted title opening with its method's name in lower case before a colon
        (
            '// Based on Lind\'s paper "tidemeans++: The Advantages of Careful Mooring" (see'
            " conclusion), pick the best candidate.",
            "tidemeans++: The Advantages of Careful Mooring",
        ),
        (
            'Embeddings as described in "harbor2vec: Scalable Feature Learning for Tides".',
            "harbor2vec: Scalable Feature Learning for Tides",
        ),
        (
            'See the paper "tidenet 2.0: A Framework for Learning Harbour Tides".',
            "tidenet 2.0: A Framework for Learning Harbour Tides",
        ),
    ],
)
def test_a_quoted_title_may_open_with_a_lower_case_name_and_a_colon(text: str, title: str) -> None:
    assert [h.title_hint for h in find_citations(text) if h.kind is RefKind.TITLE] == [title]


@pytest.mark.parametrize(
    "text",
    [
        'Read the paper "mode: fast" first.',  # no capital after the colon
        'returns the paper "id: The Value" field',  # too short for a title
        'set via "tide: Fast Harbour Mode" in the config file',  # no citing word before it
    ],
)
def test_a_quoted_setting_with_a_colon_is_no_title(text: str) -> None:
    assert [h for h in find_citations(text) if h.kind is RefKind.TITLE] == []


def test_html_quotation_marks_quote_a_title() -> None:
    # Javadoc writes the quotes as entities; the venue in `<i>` is no second title
    text = (
        "   The bound suggested by Ada Lindqvist,\n"
        "   Ben Marlowe and Cy Quist in &ldquo;Fast computation of tight bounds for the diameter"
        " of sparse graphs&rdquo;,\n"
        "   <i>J. Exp. Graphs</i>, 13:1.10:1&minus;1.10:9, ACM, 2009.\n"
    )
    assert [h.title_hint for h in find_citations(text)] == [
        "Fast computation of tight bounds for the diameter of sparse graphs"
    ]


def test_a_term_defined_in_quotes_and_a_bug_reports_date_are_no_citations() -> None:
    assert not find_citations(
        "Dates are encoded as the \u201cDublin Julian Day\u201d,\n"
        "which is the number of days that have passed since the last day of 1899, at noon."
    )
    assert not find_citations("# based on bug report from Reto Schuettel, 2008 Dec 10")


def test_entries_labelled_by_author_and_year_keys_are_one_citation_each() -> None:
    # `[Name:Year]` opening its line starts an entry, as `[1]` does: the second entry is not
    # read into the first, and its citation starts on its own line.
    text = _blank(
        "// References:\n"
        '//  [Bianchi:2007] G. Bianchi and R. Sorrentino, "Electronic Filter Simulation\n'
        '//      and Design." New York: McGraw-Hill, 2007.\n'
        '//  [Orchard:1965] H. J. Orchard, "The Roots of the Maximally Flat-Delay\n'
        '//      Polynomials." IEEE Transactions on Circuit Theory, September, 1965.\n',
        ("//",),
    )
    hits = find_hits(text)
    titles = [(h.reference.title if h.reference else None) for h in hits]
    assert titles == [
        "Electronic Filter Simulation and Design",
        "The Roots of the Maximally Flat-Delay Polynomials",
    ]
    assert [text.count("\n", 0, h.start) for h in hits] == [1, 3]


@pytest.mark.parametrize(
    ("text", "authors", "venue"),
    [
        # a name's last word before the journal's: the name is the author's
        (
            "[1] W. Lind, J.M. Moss, M. Okafor. Math. Comp. 75, 1429-1448 (2006).\n",
            ("W. Lind", "J.M. Moss", "M. Okafor"),
            "Math. Comp.",
        ),
        # a given name's initial, then the journal's own abbreviation
        (".. [4] Okafor, J. ApJ 695:496-502 (2009)\n", ("Okafor, J",), "ApJ"),
        # the journal on the line after the names
        (
            "[1] K. W. Lind, P. Moss, and J. K. Okafor,\n   Surf. Sci. 366, 394 (1996).\n",
            ("K. W. Lind", "P. Moss", "J. K. Okafor"),
            "Surf. Sci.",
        ),
        (
            "A.H. Lind, E.R. Moss, T. Okafor, SIAM J. Matrix Anal. Appl. 26, 962 (2005).\n",
            ("A.H. Lind", "E.R. Moss", "T. Okafor"),
            "SIAM J. Matrix Anal. Appl.",
        ),
    ],
)
def test_a_journal_citation_parts_names_and_journal(
    text: str, authors: tuple[str, ...], venue: str
) -> None:
    (hit,) = find_citations(text)
    assert (hit.reference.authors, hit.reference.venue) == (authors, venue)


@pytest.mark.parametrize(
    "text",
    [
        # the journal, volume, page and year as a link's text: no author is named
        "Tide bosons defined in `J. Chem. Phys. 120, 2140 (2004)\n"
        "<https://pubs.example.org/jcp/120/5/2140>`_.\n",
        "[1] The TIDES consortium, Nat. Methods 16, 670 (2019)\n",
    ],
)
def test_a_journal_citation_names_no_author_in_its_journals_words(text: str) -> None:
    assert [h for h in find_citations(text) if h.kind is RefKind.AUTHOR_YEAR] == []


@pytest.mark.parametrize(
    ("text", "authors", "venue", "year"),
    [
        (
            "    See V. Lind and M. B. Okafor, Phys. Rev. A 57, 1619 (1998).\n",
            ("V. Lind", "M. B. Okafor"),
            "Phys. Rev. A",
            1998,
        ),
        # wrapped inside a sentence of prose, the page number six digits long
        (
            "    The test is based on the estimator in  S. Lind and B.\n"
            "    Moss, Phys. Rev. Lett. 99, 204101 (2007), combined with a shuffle.\n",
            ("S. Lind", "B. Moss"),
            "Phys. Rev. Lett.",
            2007,
        ),
        # a journal's abbreviation that reads like a name after the author's
        (
            "    /* See [F. Okafor, J. Comp. Appl. Math. 67, 167 (1996)]. */\n",
            ("F. Okafor",),
            "J. Comp. Appl. Math.",
            1996,
        ),
        (
            "[1] Arne L. Moss, Phys. Rev. Lett 115, 060402 (2015)\n",
            ("Arne L. Moss",),
            "Phys. Rev. Lett",
            2015,
        ),
        (
            "    David J. Lind and Harold A. Okafor, Science, Vol. 285, 1368 (1999)\n",
            ("David J. Lind", "Harold A. Okafor"),
            "Science",
            1999,
        ),
    ],
)
def test_a_journal_citation_without_a_title_is_cited_by_its_authors_and_year(
    text: str, authors: tuple[str, ...], venue: str, year: int
) -> None:
    """Physics cites a paper by its authors, journal, volume, page and the year in brackets;
    the year is the bracketed one, never the page."""
    (hit,) = find_citations(text)
    assert hit.kind is RefKind.AUTHOR_YEAR
    assert hit.reference.authors == authors
    assert (hit.reference.venue, hit.reference.year) == (venue, year)


def test_numbers_after_a_name_are_no_journal_citation() -> None:
    assert find_citations("    Version 2.1 by J. Lind, released 12, 1998 (2003).\n") == []


def test_a_title_hyphenated_over_two_lines_reads_whole() -> None:
    """Text copied from a PDF breaks a word over two lines with a hyphen; the title is the
    words as one, and the entry is still read when the model would stumble on the break."""
    text = (
        "    References\n    ----------\n\n"
        "    I. Lind and T. J. VanderMoss. A complete graphical criterion for the adjust-\n"
        "    ment formula in tidal analysis. The international journal of tides,\n"
        "    7(1), 2011.\n"
    )
    (hit,) = find_citations(text)
    assert (
        hit.title_hint
        == "A complete graphical criterion for the adjustment formula in tidal analysis"
    )
    assert hit.reference.authors == ("I. Lind", "T. J. VanderMoss")
    assert text[hit.start : hit.end].startswith("I. Lind")


def test_a_hyphen_before_and_at_a_line_end_is_a_compounds() -> None:
    text = (
        "    .. [1] Lind, T., Moss, R. Comparing tide forecasts using threshold-\n"
        "       and quantile-weighted scoring rules. J. Tides 29, 411-422 (2011).\n"
    )
    (hit,) = find_citations(text)
    assert hit.title_hint == (
        "Comparing tide forecasts using threshold- and quantile-weighted scoring rules"
    )


def test_a_compound_hyphenated_before_a_capital_at_a_line_end_reads_whole() -> None:
    # blanks after the hyphen, where a boxed comment's right border was
    text = (
        '    described in A. Lind, "Adaptive Precision Floating-   \n'
        '    Point Tidal Arithmetic," J. Tides 18(3):305-363, 1997.\n'
    )
    (hit,) = find_citations(text)
    assert hit.title_hint == "Adaptive Precision Floating-Point Tidal Arithmetic"


def test_an_apa_entry_quoted_whole_is_read_inside_its_quotes() -> None:
    text = (
        "    Function that applies a quotient filter as described in\n"
        '    "Lind, J., Moss, P. (2005), Filtering Poincare plots"\n'
    )
    (hit,) = find_citations(text)
    assert hit.title_hint == "Filtering Poincare plots"
    assert (hit.reference.authors, hit.reference.year) == (("Lind, J.", "Moss, P."), 2005)


@pytest.mark.parametrize("lead", ["    Link conditions test, as described in\n\n", ""])
def test_a_paragraph_of_title_authors_by_initials_and_venue_is_an_entry(lead: str) -> None:
    """`Title` over `T. Lind, H. Okafor,` over `Venue Year`: an entry with no marker and no
    quotes, its authors on the line after its title."""
    text = (
        lead + "    Topology Preserving Tide Contraction\n"
        "    T. Lind, H. Okafor,\n"
        "    Pub. Inst. Math. 1999\n\n"
        "    Lk (sigma) is the set of all the faces of the cofaces of sigma.\n"
    )
    (hit,) = find_citations(text)
    assert hit.title_hint == "Topology Preserving Tide Contraction"
    assert hit.reference.authors == ("T. Lind", "H. Okafor")
    assert hit.reference.year == 1999


def test_a_heading_over_a_line_of_names_without_a_venue_is_no_entry() -> None:
    text = "    Acknowledgements\n    T. Lind, H. Okafor,\n    for the review of 1999.\n"
    assert find_citations(text) == []


@pytest.mark.parametrize(
    ("text", "name", "year"),
    [
        ("growth factor (e.g. eq. 8 in okafor et al. 2011)", "okafor", 2011),
        ("as derived in reyes et al. (2019), eq. 3", "reyes", 2019),
    ],
)
def test_a_lower_case_surname_before_et_al_and_a_year_is_a_mention(
    text: str, name: str, year: int
) -> None:
    (hit,) = find_citations(text)
    assert hit.kind is RefKind.AUTHOR_YEAR
    assert hit.reference is not None
    assert (hit.reference.authors, hit.reference.year) == ((name,), year)


@pytest.mark.parametrize("text", ["the et al. 2008 column", "see also et al 2009 here"])
def test_a_lower_case_word_that_is_no_name_before_et_al_is_no_mention(text: str) -> None:
    assert find_citations(text) == []


def test_a_quote_opening_an_entry_is_no_title_before_its_authors() -> None:
    text = (
        "    See:\n"
        '    "Okafor, A., & Lind, T. (2023, June). Stable light recurrent units for tide\n'
        '    recognition. In ICASSP 2023 (pp. 1-5). IEEE."\n'
    )
    (hit,) = find_citations(text)
    assert hit.title_hint == "Stable light recurrent units for tide recognition"
    assert hit.reference is not None and hit.reference.venue == "ICASSP"


def test_entries_run_on_by_and_or_see_also_are_each_read() -> None:
    text = (
        '    Follows [B. Lind: <em>"Tracking of Grey Value Edges in Tidal\n'
        '    Charts"</em>, Diploma thesis, Univ. Nowhere, 1988, see also\n'
        '    B. Lind: <em>"Modelling of Grey Value Edges"</em>,\n'
        '    Chart and Map Computing 7:1 (1993) 12-19 and B. Lind: <em>"Corner Properties of\n'
        '    Tidal Edge Detectors"</em>, J. of Chart Imaging 3:2 (1995) 40-55].\n'
    )
    hits = find_citations(text)
    assert [(h.title_hint, h.reference.year, h.reference.pages) for h in hits if h.reference] == [
        ("Tracking of Grey Value Edges in Tidal Charts", 1988, None),
        ("Modelling of Grey Value Edges", 1993, "12-19"),
        ("Corner Properties of Tidal Edge Detectors", 1995, "40-55"),
    ]
