"""Entries laid out a field a line, as Doxygen blocks of C++ libraries write them (the names on
one line, the title on the next, then the meeting or journal), and the credit lines of file
headers that name who wrote the code, not a work."""

from __future__ import annotations

import random
import re

import pytest

from catalog.types import RefKind
from scanner.extract import find_hits
from scanner.titles import detect, find_citations, names
from scanner.types import EntryFields


def _entry(lines: list[str]) -> str:
    return "Computes the descriptor.\n\nThe suggested reference is:\n" + "".join(
        f"  {line}\n" for line in lines
    )


def test_a_full_name_after_initialled_names_fills_the_names_line() -> None:
    """`Henrik Lund` has no initial as `A. Okafor` has, but the line holds names only: it is
    the second author, and the title opens the next line (with a digit: `3D ...`)."""
    (hit,) = find_citations(
        _entry(
            [
                "A. Okafor, Henrik Lund",
                "3D Pose Estimation of Household Objects from Depth Images",
                "Proceedings of the International Conference on Intelligent Robots (IROS)",
                "2012",
            ]
        )
    )
    assert hit.kind is RefKind.TITLE
    assert hit.reference.title == "3D Pose Estimation of Household Objects from Depth Images"
    assert hit.reference.authors == ("A. Okafor", "Henrik Lund")


def test_a_surname_with_its_particle_ends_the_names_line() -> None:
    """The model reads `Di Marco` as the title's first words; the line after the names is
    the title."""
    (hit,) = find_citations(
        _entry(
            [
                "F. Okafor, S. Lund, L. Di Marco",
                "Unique Histograms of Normals for Local Surface Matching.",
                "In Proceedings of the 11th European Conference on Computer Vision (ECCV),",
                "Heraklion, Greece, September 2010",
            ]
        )
    )
    assert hit.reference.title == "Unique Histograms of Normals for Local Surface Matching"
    assert hit.reference.authors == ("F. Okafor", "S. Lund", "L. Di Marco")


def test_a_full_name_that_ends_the_names_line_with_a_stop_is_an_author() -> None:
    (hit,) = find_citations(
        _entry(
            [
                "Z.C. Okafor, D. Lund, Maria Castell.",
                "Combined 2D-3D Categorization for Multimodal Perception Systems.",
                "In The International Journal of Robotics Research, 30(11), 2011.",
            ]
        )
    )
    assert hit.reference.title == (
        "Combined 2D-3D Categorization for Multimodal Perception Systems"
    )
    assert hit.reference.authors == ("Z.C. Okafor", "D. Lund", "Maria Castell")


@pytest.mark.parametrize(
    "meeting",
    [
        "2010 IEEE Conference on Computer Vision and Pattern Recognition (CVPR)",
        "Workshop on Search in 3D (S3D), IEEE Conf. on Computer Vision, June 2008",
        "In the Workshop on Active Perception, Robotics: Science and Systems, 2011",
    ],
)
def test_the_meetings_line_is_not_the_titles(meeting: str) -> None:
    (hit,) = find_citations(
        _entry(
            [
                "Ranjit Okafor and Martin Lund",
                "Multi-Scale Interest Regions from Unordered Point Sets",
                meeting,
            ]
        )
    )
    assert hit.reference.title == "Multi-Scale Interest Regions from Unordered Point Sets"
    assert hit.reference.authors == ("Ranjit Okafor", "Martin Lund")


def test_a_book_on_one_line_above_its_imprint_keeps_its_title() -> None:
    """Capitalized words after the last name, ending the line with a stop, above a
    publisher's line: the book's title, not one more author."""
    (hit,) = find_citations(
        "Random graphs.\n\nSee\n  B. Okafor, Random Graphs.\n  Academic Press, 2001.\n"
    )
    assert hit.reference.title == "Random Graphs"
    assert hit.reference.authors == ("B. Okafor",)


def test_bibtex_fields_without_their_head_are_one_entry() -> None:
    """The key on a line of its own, no `@inproceedings{`: the author field before the title
    is the entry's authors, not a title of its own."""
    text = (
        "Gaussian filtering on a lattice.\n\n"
        "Okafor_fasthigh\n"
        "  author = {Ada Okafor and Jonas Lund and Maria Castell},\n"
        "  title = {Fast high-dimensional filtering using the permutohedral lattice},\n"
        "  booktitle = {Computer Graphics Forum},\n"
        "  year = {2010}\n"
    )
    (hit,) = find_citations(text)
    assert hit.reference.title == "Fast high-dimensional filtering using the permutohedral lattice"
    assert hit.reference.authors == ("Ada Okafor", "Jonas Lund", "Maria Castell")


@pytest.mark.parametrize(
    "line",
    [
        "C version by Jonas Q. Lund (February 1997).",
        "128-bit AVX2 support by Ada Okafor, 2015.",
        "1983 Original algorithm and test code by Ada Okafor and Jonas Lund, UC Davis\n * 1994",
        "1995 Degenerate volume fix submitted by Jonas Lund\n * 2004 Templated port by Ada Okafor",
        "\\author Jonas Lund, lund@example.org placed in Public Domain, 2010",
    ],
)
def test_credit_lines_cite_no_one(line: str) -> None:
    assert find_citations(f"Transposes in place.\n\n{line}\n") == []


@pytest.mark.parametrize(
    ("line", "venue_word"),
    [
        ("Software: Practice & Experience, 2004", "Practice"),
        ("Int. Conf. on Robotics & Automation (ICRA). 2011.", "Int"),
    ],
)
def test_a_venues_words_are_no_authors(line: str, venue_word: str) -> None:
    for hit in find_citations(f"Compressed graphs.\n\nPublished in {line}\n"):
        assert venue_word not in (hit.reference.authors if hit.reference else ())


@pytest.mark.parametrize("call", ['PCL_WARN ("', 'LOG_ERROR("', 'warn_user ( "'])
def test_a_log_calls_message_in_commented_code_is_no_title(call: str) -> None:
    """Commented-out code: the message after its function's name in brackets is a string."""
    text = (
        f"//{call}[initFrames] The number of points in the input dataset differs from the "
        'number of points in the reference frames! Proceed using default\\n");\n'
    )
    assert find_citations(text) == []


def test_a_range_of_months_is_no_surname() -> None:
    text = (
        "Benchmarks.\n\nThe tests were unstable in\n    Sept-Dec 2022, and again in Jan-Mar 2023.\n"
    )
    assert find_citations(text) == []


def test_an_affiliation_after_the_author_is_no_title() -> None:
    """The work is named by its author, venue and year: an author-year mention, without the
    institute as its title."""
    text = (
        "Credits.\n\n - The inverse error function is based on the method of\n"
        "   Ada Okafor, Oxford-Man Institute of Quantitative Finance,\n"
        "   and published in GPU Computing Gems, volume 2, 2010\n"
    )
    (hit,) = find_citations(text)
    assert hit.kind is RefKind.AUTHOR_YEAR
    assert (hit.reference.authors, hit.reference.year) == (("Ada Okafor",), 2010)


@pytest.mark.parametrize(
    "line",
    [
        ' * String title = "CPU performance over time [nops/sec]";',
        ' * title = "Speedup of dense over sparse"; Matrix speedup = div(a, b);',
    ],
)
def test_a_title_assignment_in_example_code_is_no_bibtex_field(line: str) -> None:
    assert find_citations(f"Demonstrates how to use this class.\n\n{line}\n") == []


def test_a_list_closed_by_its_and_name_ends_before_the_titles_first_words() -> None:
    (hit,) = find_citations(
        _entry(
            [
                "P. N. Okafor, A. C. Lund, and L. R. Castell, Consistent Initial",
                "Condition Calculation for Differential-Algebraic Systems,",
                "SIAM J. Sci. Comp., 19 (1998), pp. 1495-1512.",
            ]
        )
    )
    assert hit.reference.title == (
        "Consistent Initial Condition Calculation for Differential-Algebraic Systems"
    )
    assert hit.reference.authors == ("P. N. Okafor", "A. C. Lund", "L. R. Castell")


def test_a_journal_line_ends_the_title_line() -> None:
    (hit,) = find_citations(
        _entry(
            [
                "R. Okafor, A. P. Lund, and M. J. Castell",
                "Automatically generated fitting basis sets for systems containing H to Kr",
                "J. Chem. Phys. 127, 074102 (2007)",
            ]
        )
    )
    assert hit.reference.title == (
        "Automatically generated fitting basis sets for systems containing H to Kr"
    )


def test_a_journal_line_under_the_names_is_no_title() -> None:
    text = _entry(
        [
            "Zora A. Okafor, Justin Lund,",
            "Ali Castell, Bernd O. Moss",
            "Nucleic Acids Research, Volume 44, Issue D1,",
            "4 January 2016, Pages D515-D522",
        ]
    )
    assert all(hit.reference.title != "Nucleic Acids Research" for hit in find_citations(text))


def test_a_title_over_its_names_line_is_no_author_list() -> None:
    text = _entry(
        [
            "Smooth and Sparse Optimal Transport.",
            "Mathieu Okafor, Vivien Lund, Antoine Castell.",
            "In Proc. of AISTATS 2018.",
            "https://arxiv.org/abs/1710.06276",
        ]
    )
    (hit,) = find_citations(text)
    assert hit.reference.authors == ("Mathieu Okafor", "Vivien Lund", "Antoine Castell")


def test_a_title_going_on_in_lower_case_on_the_next_line_is_one_title() -> None:
    (hit,) = find_citations(
        _entry(
            [
                "G. Okafor, A. Lund, and R. Castell",
                "Spectrum and spectral density estimation by the discrete Fourier transform,",
                "including a list of window functions and some new flat-top windows.",
                "Technical Report, Max Planck Institute, Hannover, 2002",
            ]
        )
    )
    assert hit.reference.title.startswith("Spectrum and spectral density estimation")
    assert hit.reference.title.endswith("some new flat-top windows")


def test_an_editions_ordinal_is_no_title() -> None:
    text = (
        "Salt and pepper noise.\n\nReferences:\n"
        "    - Digital Image Processing: Rafael C. Okafor and Richard E. Lund, 4th Edition,\n"
        "        Chapter 5: Image Restoration and Reconstruction.\n"
    )
    assert all(
        not (hit.reference.title or "").startswith(("4th", "Chapter"))
        for hit in find_citations(text)
    )


def test_a_homework_sheet_is_no_work() -> None:
    text = (
        "A more understandable version of this algorithm is described in:\n"
        "Homework Assignment 5\n"
        "State University CS 308-250B, Winter 2002\n"
        "by Matthew Okafor\n"
    )
    assert find_citations(text) == []


def test_bibtex_fields_under_an_unread_type_keep_their_roles() -> None:
    text = (
        "Please acknowledge its use with a citation:\n\n"
        '    Okafor, Ada Kachites.  "LATTE: A Machine Learning for Tagging Toolkit." '
        "http://latte.example.edu. 2002.\n\n\n"
        "Here is a BiBTeX entry:\n\n"
        "    @unpublished{OkaforLATTE,\n"
        '      author = "Ada Kachites Okafor",\n'
        '      title = "LATTE: A Machine Learning for Tagging Toolkit",\n'
        '      note = "http://latte.example.edu",\n'
        "      year = 2002}\n"
    )
    titles = {hit.reference.title for hit in find_citations(text)}
    assert titles == {"LATTE: A Machine Learning for Tagging Toolkit"}


@pytest.mark.parametrize(
    "entry",
    [
        ".. [1] Press, W. H., Teukolsky, S. A., Vetterling, W. T., and Flannery, B. P. (1992).\n"
        "       Numerical Recipes in C. 2nd ed.",
        ".. [1] W. H. Press, S. A. Teukolsky, W. T. Vetterling, B. P. Flannery (1992).\n"
        "       Numerical Recipes in C. 2nd ed.",
    ],
)
def test_a_surname_that_is_also_a_word_stays_an_author(entry: str) -> None:
    """`Press` is a publisher's word, and a surname beside initials."""
    (hit,) = find_citations(f"Smooths.\n\nReferences\n----------\n{entry}\n")
    assert hit.reference.title == "Numerical Recipes in C"
    assert hit.reference.authors[0] in ("Press, W. H.", "W. H. Press")
    assert len(hit.reference.authors) == 4


def test_a_title_wrapped_after_an_and_is_no_list_of_names() -> None:
    text = (
        "Treebank reader.\n\n"
        "Chen Ada-Lin and Yu-Ming Lund (2004) Chinese Treebanks and Grammar\n"
        "Extraction, Proceedings of IJCNLP-04, pp560-565.\n"
    )
    (hit,) = find_citations(text)
    assert hit.reference.title == "Chinese Treebanks and Grammar Extraction"


@pytest.mark.parametrize(
    ("entry", "title"),
    [
        (
            "White, Ada. 1994. Estimation, Inference and Specification Analysis.\n"
            "Cambridge: Cambridge University Press.",
            "Estimation, Inference and Specification Analysis",
        ),
        ("* Lund, W. M. (1995). Kernel Smoothing, Chapman & Hall.", "Kernel Smoothing"),
        (
            "- Okafor, Mohamed & Lund, Mirjam & De Boer, Friso. (2010). Frequency Bands Effects\n"
            "  on QRS Detection. The 3rd International Conference on Bio-inspired Systems\n"
            "  (BIOSIGNALS2010). 428-431.",
            "Frequency Bands Effects on QRS Detection",
        ),
        (
            "Okafor, Alexandre and Lund, Thomas and Castell, Marc\n"
            '"Multiple Local Community Detection"\n'
            "International Symposium on Computer Performance, Modeling and Evaluation 2017",
            "Multiple Local Community Detection",
        ),
    ],
)
def test_one_line_entries_keep_their_titles(entry: str, title: str) -> None:
    """Titles with commas are no names' lines, `Detection. The 3rd` is no journal's line, and
    a name's last word is not a quoted title's first."""
    (hit,) = find_citations(f"Estimates.\n\nReferences\n----------\n{entry}\n")
    assert hit.reference.title == title


@pytest.mark.parametrize(
    "entry",
    [
        "Samuel Okafor, Virginia Lund-Garcia, Luca Castell (2014). PNAS\n"
        '"Trophic coherence determines food-web stability"',
        'B.A. van der Okafor, PhD thesis, "A limited memory Broyden method to solve\n'
        'high-dimensional systems of nonlinear equations". Leiden University, 2003.',
    ],
)
def test_a_label_before_the_quoted_title_is_not_the_titles(entry: str) -> None:
    titles = [hit.reference.title for hit in find_citations(f"Solves.\n\n{entry}\n")]
    assert titles
    assert all(not t.startswith(("PNAS", "PhD")) for t in titles)


def test_a_title_quoting_another_keeps_its_quote() -> None:
    text = (
        "Citations:\n\n"
        'Okafor P, Lund DK, & Castell DL (2011) Reply to comment on: "Fast\n'
        "determination of the optimal rotation matrix for macromolecular\n"
        'superpositions." Journal of Computational Chemistry 32(1):185-186.\n'
        "[http://dx.doi.org/10.1002/jcc.21606]\n"
    )
    (hit,) = find_citations(text) or [None]
    assert hit is not None and hit.reference.title.startswith("Reply to comment on")


def test_a_publisher_before_its_place_is_no_author() -> None:
    text = (
        ".. [1] Okafor, D. and Lund, S. (2000). CRC Standard\n"
        "   Probability and Statistics Tables and Formulae. Chapman & Hall: New\n"
        "   York. 2000.\n"
    )
    (hit,) = find_citations(f"Skewness.\n\nReferences\n----------\n{text}")
    assert hit.reference.title == "CRC Standard Probability and Statistics Tables and Formulae"


def test_et_al_written_without_its_space() -> None:
    text = (
        '.. [1] Okafor et.al.: "dena-Studie II. Integration erneuerbarer\n'
        "        Energien in die Stromversorgung im Zeitraum 2015 - 2020\n"
        '        mit Ausblick 2025.", Deutsche Energie-Agentur GmbH (dena),\n'
        "        Tech. rept., 2010, p. 101\n"
    )
    hits = find_citations(f"Wake losses.\n\nReferences\n----------\n{text}")
    assert [h.reference.authors for h in hits] == [("Okafor",)]


def _fields(text: str) -> EntryFields:
    (hit,) = find_citations(text)
    assert hit.reference is not None
    return hit.reference


# An entry laid out a field a line under a citing phrase: the title, its authors' line, then
# the meeting and year.
_LINE_LAID = (
    " The method follows:\n"
    " Robust Shape Estimation on Noisy Meshes\n"
    " Daniele Marchetti, Enrico Bassi, Luigi Conti\n"
    " GeoMeet, 2011\n"
)


def test_a_title_line_ends_above_its_line_of_names() -> None:
    fields = _fields(_LINE_LAID)
    assert fields.title == "Robust Shape Estimation on Noisy Meshes"
    assert fields.year == 2011


def test_the_last_name_of_a_names_line_does_not_take_the_next_lines_word() -> None:
    # not "Luigi Conti GeoMeet" as the last author, nor as the venue
    fields = _fields(_LINE_LAID)
    assert fields.authors == ("Daniele Marchetti", "Enrico Bassi", "Luigi Conti")
    assert fields.venue is None or "Conti" not in fields.venue


def test_a_title_with_its_acronym_keeps_it_above_a_names_line_with_the_venue() -> None:
    fields = _fields(
        " Implements the 2D version of the algorithm described in\n"
        " TRIM: Triangle Refinement for Interactive Meshing\n"
        " Mara Lind, Oskar Vale, Petra Holm, ACM Transactions on Graphics (Proc. SIGGRAPH 2018)\n"
    )
    assert fields.title == "TRIM: Triangle Refinement for Interactive Meshing"
    assert fields.authors == ("Mara Lind", "Oskar Vale", "Petra Holm")
    assert fields.year == 2018


_FIELD_A_LINE = (
    "Solvers for regularized transport.\n"
    "\n"
    "Implementation of :\n"
    "Smooth and Sparse Optimal Transport.\n"
    "Mathieu Blondel, Vivien Seguy, Antoine Rolet.\n"
    "In Proc. of AISTATS 2018.\n"
    "\n"
    "Sparsity-Constrained Optimal Transport.\n"
    "Liu, T., Puigcerver, J., & Blondel, M. (2023).\n"
    "Sparsity-constrained optimal transport.\n"
    "Proceedings of the Eleventh International Conference on\n"
    "Learning Representations (ICLR).\n"
)


def test_a_title_line_over_a_line_of_full_names_is_the_entrys_title() -> None:
    first = find_citations(_FIELD_A_LINE)[0].reference
    assert first is not None
    assert first.title == "Smooth and Sparse Optimal Transport"
    assert first.authors == ("Mathieu Blondel", "Vivien Seguy", "Antoine Rolet")


def test_a_heading_over_an_entry_is_none_of_its_authors() -> None:
    fields = _fields(_FIELD_A_LINE[_FIELD_A_LINE.index("Sparsity") :])
    assert fields.authors == ("Liu, T.", "Puigcerver, J.", "Blondel, M.")


def test_a_three_word_name_wraps_onto_the_next_line() -> None:
    fields = _fields(
        "   An example is the following paper:\n"
        "\n"
        "   Ana Lind, Omar Vale, and Carla Paes\n"
        "   Leme. 2017. Splitting Frames: from Disjoint to Overlapping Groups.\n"
        "   In Proceedings of the 23rd ACM Conference on Data Mining, 145-154.\n"
    )
    assert fields.authors == ("Ana Lind", "Omar Vale", "Carla Paes Leme")


def test_the_section_cited_and_the_meetings_acronym_stay_out_of_title_and_names() -> None:
    fields = _fields(
        "  Jacobian-vector product.\n"
        "\n"
        "  See Section 5 of\n"
        "  Fast Sorting of Ranked Lists\n"
        "  Ana Lind, Omar Vale, Carla Holm, Josip Berg\n"
        "  ICML 2020 arXiv:2002.08871\n"
    )
    assert fields.title == "Fast Sorting of Ranked Lists"
    assert fields.authors == ("Ana Lind", "Omar Vale", "Carla Holm", "Josip Berg")
    assert fields.venue == "ICML"


def test_the_section_cited_before_a_title_line_is_no_word_of_the_title() -> None:
    fields = _fields(
        "\n  See Section 2 of\n  Differentiable Merging and Ranking\n"
        "  Ana Lind, Omar Vale, Carla Holm, Josip Berg\n  ICML 2021 arXiv:2102.00001\n"
    )
    assert fields.title == "Differentiable Merging and Ranking"


def test_a_venues_first_word_on_the_next_line_is_no_part_of_the_last_name() -> None:
    fields = find_citations(
        "  This code is based on the papers:\n\n"
        "  Fast Spanning Trees: Algorithm, analysis, and applications\n"
        "  Ana Lind, Omar Vale, Carla Holm\n"
        "  Conference: Proceedings of the 16th Conference on Data Mining\n"
        "  2010\n"
    )[0].reference
    assert fields is not None
    assert fields.authors == ("Ana Lind", "Omar Vale", "Carla Holm")


def test_a_publishers_line_is_no_line_of_names() -> None:
    (hit,) = find_citations(
        "   Values recomputed according to:\n"
        "   Ada B. Lind, Analysis of Sorted Data: Volume 1\n"
        "   Introductory Topics, Academic Press, New York, USA (1978).\n"
    )
    assert hit.title_hint == "Analysis of Sorted Data: Volume 1 Introductory Topics"


def test_the_title_over_names_reader_finds_the_titles_the_one_pattern_found() -> None:
    """The paragraph form is read with its introducing line in Python and its title
    possessively (a region that is no such paragraph failed once per character given back):
    the same titles as the one pattern it replaced, with an optional introducing line and
    blanks and title that give back, on paragraphs made of its own pieces."""
    one_pattern = re.compile(
        r"\s*(?:[^\n]{0,80}(?::|\bof|\bin)[ \t]*\n[ \t*#/!]*)?"
        r"(?P<title>[A-Z][^\n.]{7,200})\.?[ \t]*\n[ \t*#/!]*"
        r"(?=" + names.INITIALS_LINE + "|" + names.FULL_NAMES_LINE + ")"
    )
    blanks = ["", " ", "  ", "\t", "\n", "\n  ", "\n * ", " \n", "\x1c", "\u2003"]
    intros = ["", "Implementation of:", "Described in", "See the paper of", "Xof", "in:"]
    intros += ["x" * width + ":" for width in (78, 79, 80, 81, 90)]
    titles = [
        "Topology Preserving Edge Contraction", "A Fast Solver. For Sparse Systems", "Short",
        "Y" * 150 + " Rest", "Y" * 230, "An Approach: Of Sorts  ", "lower case title here",
    ]  # fmt: skip
    line_names = [
        "T. Dey, H. Edelsbrunner",
        "Daniele Marchetti, Enrico Bassi and Luigi Conti",
        "Pub. Inst. Math. 1999",
        "GraVisMa, 2010",
        "A. B. Okafor",
        "Oxford University Press",
    ]
    ends = ["", ".", " ", "\t", "\r"]
    rng = random.Random(23)
    matched = introduced = 0
    for _ in range(20_000):
        text = rng.choice(blanks) + rng.choice(intros) + rng.choice(ends) + rng.choice(blanks)
        text += rng.choice(titles) + rng.choice(ends) + rng.choice(blanks) + rng.choice(blanks)
        text += rng.choice(line_names) + rng.choice(ends) + rng.choice(blanks)
        text += rng.choice(line_names)
        start = rng.randint(0, min(3, len(text)))
        limit = rng.choice([len(text), rng.randint(start, len(text))])
        want = one_pattern.match(text, start, limit)
        got = detect._title_over_names(text, start, limit)
        assert (want and want.start("title")) == got, (text, start, limit)
        matched += want is not None
        introduced += want is not None and "\n" in text[want.start() : want.start("title")]
    assert matched > 100 and introduced > 20, (matched, introduced)


def test_a_title_the_model_reads_across_a_blank_line_opens_the_next_entry() -> None:
    # the first entry's year alone on its line, a blank line, then the next entry's title:
    # the identifier below is the second entry's, with its own title, authors and year
    text = (
        "    This code follows the papers:\n\n"
        "    Fast Tidal Spanning Forests: Algorithm, analysis, and applications\n"
        "    Anna B. Lind, Peter Moss, Carla Vale\n"
        "    Conference: Proceedings of the 12th ACM International Conference on\n"
        "     Tidal Data Mining\n"
        "    2011\n\n"
        "    Gauge-Independent Dual-Forest Algorithms\n"
        "    Ryan R. Holm, Anna B. Lind, Peter Moss, David V. Roe,\n"
        "    Carla G. Vale, Charles L. Quinn Jr\n"
        "    2014, arXiv 1404.4327\n"
    )
    first, second = find_hits(text)
    assert first.kind is RefKind.TITLE and second.kind is RefKind.ARXIV
    assert second.reference is not None
    assert (second.title_hint, second.reference.authors[0], second.reference.year) == (
        "Gauge-Independent Dual-Forest Algorithms",
        "Ryan R. Holm",
        2014,
    )


def test_one_entry_a_line_each_with_its_names_title_and_year() -> None:
    """A file header listing the works it builds on, one a line: `Given Surname. Title. Year`.
    A single author's entry is one (prose does not fill a line so), and each line's year
    closes its entry, so no entry takes the next line's authors or year."""
    text = (
        "This work is based on:\n"
        "Michael Lind and Paul S. Moss. Surface tiding using quadric tide metrics. 1997\n"
        "Michael Lind. Quadric-based polygonal tide simplification. 1999\n"
        "Peter Okafor. Out-of-Core Simplification of Large Tidal Models. 2000\n"
        "Hugo Vale. New Quadric Metric for Simplifying Tides with Appearance Attributes. 1999\n"
        "Hugo Vale, Steve Holm. Efficient Minimization of New Quadric Metric for Tides. 2000\n"
        "Brian Lind. Tidal: A Deep Dive. 2021\n"
        "Peter Van Moss, Yannis Vale, Jignesh M. Holm. Efficiently Searching Sorted Tides:"
        " Revenge of the Tidal Search? 2019\n"
    )
    read = [
        (h.reference.authors, h.reference.title, h.reference.year)
        for h in find_citations(text)
        if h.reference is not None
    ]
    assert read == [
        (("Michael Lind", "Paul S. Moss"), "Surface tiding using quadric tide metrics", 1997),
        (("Michael Lind",), "Quadric-based polygonal tide simplification", 1999),
        (("Peter Okafor",), "Out-of-Core Simplification of Large Tidal Models", 2000),
        (
            ("Hugo Vale",),
            "New Quadric Metric for Simplifying Tides with Appearance Attributes",
            1999,
        ),
        (
            ("Hugo Vale", "Steve Holm"),
            "Efficient Minimization of New Quadric Metric for Tides",
            2000,
        ),
        (("Brian Lind",), "Tidal: A Deep Dive", 2021),
        (
            ("Peter Van Moss", "Yannis Vale", "Jignesh M. Holm"),
            "Efficiently Searching Sorted Tides: Revenge of the Tidal Search",
            2019,
        ),
    ]


@pytest.mark.parametrize(
    ("lines", "read"),
    [
        # indented as a comment's lines are once their `//` is blanked: the model reads the
        # next line's names into the entry above, whose own author the rules read
        (
            [
                "Paul Okafor. Polygonising a tidal field. 1994",
                "Michael Lind and Paul S. Moss. Surface tiding using quadric tide metrics. 1997",
            ],
            [(("Paul Okafor",), 1994, None), (("Michael Lind", "Paul S. Moss"), 1997, None)],
        ),
        (
            [
                "Michael Lind and Paul S. Moss. Surface tiding using quadric tide metrics. 1997",
                "Michael Lind. Quadric-based polygonal tide simplification. 1999",
                "Peter Okafor. Out-of-Core Simplification of Large Tidal Models. 2000",
            ],
            [
                (("Michael Lind", "Paul S. Moss"), 1997, None),
                (("Michael Lind",), 1999, None),
                (("Peter Okafor",), 2000, None),
            ],
        ),
    ],
)
def test_each_line_keeps_its_own_authors_under_a_comments_indent(
    lines: list[str], read: list[tuple[tuple[str, ...], int, str | None]]
) -> None:
    text = "  This work is based on:\n" + "".join(f"  {line}\n" for line in lines)
    found = [
        (h.reference.authors, h.reference.year, h.reference.venue)
        for h in find_citations(text)
        if h.reference is not None
    ]
    assert found == read


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        ("References\n----------\nW. Lind. Numerical Tide Methods. 1977\n"
         "Prentice Hall, Englewood Cliffs, NJ.\n", "Prentice Hall"),
        ("Reference: W. Lind, Numerical Tide Methods, 2nd ed., 1977\n"
         "  Addison Wesley, Reading, MA.\n", "Addison Wesley"),
        ("See A. Lind, Tidal sketches, J. Tides 12, 1999\nJohn Wiley, New York.\n", "John Wiley"),
        ("[1] A. Lind. Tidal sketches of graphs. 2004\n    Academic Press, San Diego, CA.\n",
         "Academic Press"),
    ],
)  # fmt: skip
def test_an_imprint_line_after_the_year_goes_on_with_its_entry(text: str, venue: str) -> None:
    """A line that opens with two capitalized words and a comma after a line closed by a year
    is the next entry only when it closes with a year of its own: a publisher's imprint line
    holds none, and is the entry's venue."""
    (hit,) = find_citations(text)
    assert hit.reference is not None and hit.reference.venue == venue


def test_an_imprint_line_after_the_pages_goes_on_with_its_entry() -> None:
    """`London, England, Cambridge ...` opens like `Surname, Given, Given Surname`: the line
    names its publisher, so it is the entry's imprint, with its year."""
    (hit,) = find_citations(
        "References\n----------\nLind, A. Tidal sketches. Tide Proc. 12, pp. 1-10.\n"
        "London, England, Cambridge University Press, 2004.\n"
    )
    assert hit.reference is not None and hit.reference.year == 2004
