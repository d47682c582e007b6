"""An entry's fields as the Papers page shows them (issue #15 item 4): a venue is its whole
name, never a fragment (`Press`, `Review E`, `University Press`), an identifier or its
collection's editors; a year is never read from a page range or an arXiv id; an author is a
person, not a venue or an institution."""

from __future__ import annotations

import pytest

from catalog.types import RefKind
from scanner.extract import find_hits
from scanner.titles import find_citations
from scanner.titles.fields import clean_venue, is_person
from scanner.titles.names import split_authors
from scanner.types import EntryFields


def _fields(text: str) -> EntryFields:
    (hit,) = find_citations(text)
    assert hit.reference is not None
    return hit.reference


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        # A year inside the name goes on with it: "Proceedings of the" is no venue.
        ("Okafor, A. (2022). A Faster Front Modeling Algorithm for Large-scale Optimization.\n"
         "   Proceedings of the 2022 Genetic and Evolutionary Computation Conference (GECCO 2022).",
         "Proceedings of the 2022 Genetic and Evolutionary Computation Conference"),
        ("A. Okafor. A geometry based algorithm for sorting. In Proceedings of the 2019\n"
         "   Conference on Sorting, pp. 1-10.", "Proceedings of the 2019 Conference on Sorting"),
        # The name opens before its cue word, after the field before it.
        ("M. Chevallier and D. Polarski. Accelerating universes with scaling dark matter.\n"
         "   International Journal of Modern Physics D, 10(2):213-223, 2001.",
         "International Journal of Modern Physics D"),
        ("B. Efron (2008). Microarrays, empirical Bayes and the two-groups model.\n"
         "   Statistical Science 23(1), 1-22.", "Statistical Science"),
        ('J. Y. Yen, "Finding the K shortest loopless paths in a network", Management\n'
         "   Science, Vol. 17, No. 11, pp. 712-716, 1971.", "Management Science"),
        ('D. Krackhardt. "Assessing the political landscape: structure, cognition, and power\n'
         '   in organizations". Administrative Science Quarterly. 35 (2): 342-369. 1990.',
         "Administrative Science Quarterly"),
        ("H. Jeffreys (1998). Theory of Probability. Oxford\n   University Press, 3rd edition.",
         "Oxford University Press"),
        ("S. Efromovich: Orthogonal series density estimation,\n   2010 John Wiley & Sons, Inc.",
         "John Wiley & Sons"),
        ("F. Chung. *Spectral Graph Theory*. (CBMS Regional Conference Series in Mathematics,\n"
         "   No. 92), American Mathematical Society, 1997.",
         "CBMS Regional Conference Series in Mathematics"),
        ("Z. Abu-Aisheh and R. Raveaux. An exact graph edit distance algorithm for solving\n"
         "   pattern recognition problems. 4th International Conference on Pattern Recognition\n"
         "   Applications and Methods, 2015.",
         "4th International Conference on Pattern Recognition Applications and Methods"),
        # Emphasis marks and a wrapped line are not part of the name.
        ('J. M. Schmidt (2013). "A simple test on 2-vertex- and 2-edge-connectivity."\n'
         "   *Information\n   Processing Letters*, 113, 241-244.",
         "Information Processing Letters"),
        # A venue named for its fields, listed with commas.
        ('H. Sakoe, S. Chiba, "Dynamic programming for spoken word recognition," IEEE\n'
         "   Transactions on Acoustics, Speech and Signal Processing, vol. 26(1), 1978.",
         "IEEE Transactions on Acoustics, Speech and Signal Processing"),
        # A journal named before its publisher, with the small words of a name.
        ("A. Moreau and B. Lindqvist, Procrustes problems in curved spaces, Linear Algebra\n"
         "   and its Applications, Elsevier, 2019, 563, pp.440-445.",
         "Linear Algebra and its Applications"),
        ("A. Moreau, B. Lindqvist and C. Okafor. Hyperbolic averages of tensor fields.\n"
         "   Neurocomputing, Elsevier, 2013, 112, pp.172-178.", "Neurocomputing"),
        # ...but a book's place of publication is no journal.
        ("Okafor, Luc (1988). Spatial Drift Analysis. Boston, Kluwer Academic, Table 12.1.",
         "Kluwer Academic"),
        # Not a word of a title or an edition before it.
        ("J. Nocedal and S. Wright, Numerical Optimization, 2nd Ed. Springer, 1999.", "Springer"),
        # An abbreviated name keeps its full stops.
        ("D. J. Watts. 'Networks, dynamics, and the small-world phenomenon.'\n"
         "   Amer. J. Soc. 105, 493-527, 1999.", "Amer. J. Soc."),
        # Never an identifier, a lone cue word or the editors of the collection.
        ("D. P. Kingma and J. Ba. Adam: A method for stochastic optimization. arXiv preprint\n"
         "   arXiv:1412.6980, 2014.", "arXiv preprint"),
        ('B. Efron. "The jackknife, the bootstrap, and other resampling plans". Technical\n'
         "   Report No. 63, Stanford University, 1980.", "Technical Report"),
        ("Y. Tian, R. A. Hankins and J. M. Patel. Efficient aggregation for graph summarization.\n"
         "   In Proc. 2008 ACM SIGMOD Int. Conf. on Management of Data, pages 567-580, 2008.",
         None),
        ("M. Bradonjic, A. Hagberg and A. G. Percus. Giant component and connectivity in\n"
         "   geographical threshold graphs. In Antony Bonato and Fan Chung (Eds), Algorithms\n"
         "   and Models for the Web-Graph, 2007.", "Algorithms and Models for the Web-Graph"),
    ],
)  # fmt: skip
def test_venue_is_the_whole_name(text: str, venue: str | None) -> None:
    assert _fields(text).venue == venue


def test_an_author_is_a_person_not_the_venue() -> None:
    fields = _fields(
        "J. Lakhal and L. Litzler, A polynomial algorithm for the extendability problem in\n"
        "   bipartite graphs, Information Processing Letters, 65(1):11-16, 1998."
    )
    assert fields.authors == ("J. Lakhal", "L. Litzler")
    assert fields.venue == "Information Processing Letters"


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("J. Smith and K. Lee. A study of streaming sketches. Journal of Sketches,\n"
         "   pp. 2010-2019.", None),
        ("J. Smith. A study of streaming sketches. Journal of Sketches, 12:1987-1999, 2005.", 2005),
    ],
)  # fmt: skip
def test_a_year_is_never_a_page(text: str, year: int | None) -> None:
    assert _fields(text).year == year


@pytest.mark.parametrize(
    ("venue", "name"),
    [
        ("*Information Processing Letters*", "Information Processing Letters"),
        (". ApJ", "ApJ"),
        ("Science Quarterly.", "Science Quarterly"),
        ("ACM Trans. Math. Softw.", "ACM Trans. Math. Softw."),
        ("arXiv preprint arXiv:1412.", "arXiv preprint"),
        ("arXiv:0605197", None),
        ("PMC 3604768. PMID", None),
        ("Press", None),
        ("Review E", None),
        ("University Press", None),
        ("Report No", None),
        ("Proc.", None),
        ("A. Bonato and F. Chung (Eds)", None),
        ("doc:`scipy:tutorial/optimize` - although", None),
        ("`Journal of Forecasting`", "Journal of Forecasting"),
        ("Physical Reports Volume", "Physical Reports"),
        ("CRC Press", "CRC Press"),
        ("Science", "Science"),
        # a field after the name: a page mark, a volume; a year stays
        ("John Wiley & Sons. p", "John Wiley & Sons"),
        ("Front. Psychol. 4", "Front. Psychol."),
        (
            "Symposium on Process Engineering ESCAPE19:925-930",
            "Symposium on Process Engineering ESCAPE19",
        ),
        ("ICML 2017", "ICML 2017"),
        ("Cambridge University Press. June", "Cambridge University Press"),
        (
            "Conference on Latent Variable Analysis and Signal Separation",
            "Conference on Latent Variable Analysis and Signal Separation",
        ),
        (
            "Reliability Engineering and System Safety, Elsevier",
            "Reliability Engineering and System Safety",
        ),
        ("Elsevier", "Elsevier"),
        # a report's number is its identifier
        ("Report No. RE-CR-76-1", None),
        ("Report No. RE-CR-76-1. University of Alabama", "University of Alabama"),
        ("Technical Report No. 63", "Technical Report"),
        ("ArXiv:0905", None),
        # a bracket it never opened: at the end it is dropped, inside it is another field
        ("Northeastern University)", "Northeastern University"),
        ("Journal of Physics A (Mathematical)", "Journal of Physics A (Mathematical)"),
        ("STAMP) algorithm and MASS", None),
        ("Research Report] RR-7751", None),
    ],
)
def test_clean_venue(venue: str, name: str | None) -> None:
    assert clean_venue(venue) == name


@pytest.mark.parametrize(
    ("author", "person"),
    [
        ("J. Lakhal", True),
        ("Press, W. H.", True),
        ("Information Processing Letters", False),
        ("York University", False),
        ("Psychology Department", False),
        ("SAS Institute", False),
        ("Amer", False),
        ("Physical Reports", False),
        ("Phys", False),
        ("ACM Computing Surveys", False),
    ],
)
def test_is_person(author: str, person: bool) -> None:
    assert is_person(author) is person


@pytest.mark.parametrize(
    "text",
    [
        "-   Y. Liu, P. Ramachandran, Q. Liu and J. Peng (2017)\n"
        "    Stein Variational Policy Gradient\n    arXiv:1704.02399\n",
        ".. [2] S. Butler, Interlacing For Weighted Graphs Using The Normalized\n"
        "   Laplacian, Electronic Journal of Linear Algebra, Volume 16, pp. 90-98, 2007.\n",
    ],
)
def test_a_title_is_never_cut_into_its_venue(text: str) -> None:
    """Nor does it run into the venue or the identifier on the next line."""
    (hit,) = find_citations(text)
    assert hit.reference is not None
    title, venue = hit.reference.title, hit.reference.venue
    assert title in (
        "Stein Variational Policy Gradient",
        "Interlacing For Weighted Graphs Using The Normalized Laplacian",
    )
    assert venue in (None, "Electronic Journal of Linear Algebra")
    assert hit.title_hint == title


@pytest.mark.parametrize(
    ("text", "authors"),
    [
        # A first initial that is also a word ("C", "I", "A") still opens the author list.
        ("    .. [1] C. M. Yeh, Y. Zhu and L. Ulanova. Matrix Profile I: All Pairs\n"
         "       Similarity Joins for Time Series. ICDM 2016.",
         ("C. M. Yeh", "Y. Zhu", "L. Ulanova")),
        ('    [1] C. F. van Loan. "Computing Integrals Involving the Matrix Exponential."\n'
         "        IEEE Trans. Automatic Control, 23(3): 395-404 (1978)", ("C. F. van Loan",)),
        ('I. Reda and A. Andreas, "Solar Position Algorithm for Solar Radiation\n'
         'Applications," National Renewable Energy Laboratory, 2005.',
         ("I. Reda", "A. Andreas")),
        ("    .. [1] `Classifying drift by sensor fields\n"
         "        <https://example.org/papers/drift-fields.pdf>`_\n"
         "        A Okafor, G Lindqvist, M Moreau. Journal of Synthetic Sensors, 2025",
         ("A Okafor", "G Lindqvist", "M Moreau")),
        ("    .. [1] A. Dachraoui, A. Bondu & A. Cornuejols. Early classification of time\n"
         "       series as a sequential decision making problem. ECML 2015",
         ("A. Dachraoui", "A. Bondu", "A. Cornuejols")),
        # initials joined by a hyphen and written without stops, as Chinese given names are
        ("    Y Lind, L-X Okafor (2007). Asymptotics of sliced tidal\n"
         "    variance estimation.  The Annals of Tides.", ("Y Lind", "L-X Okafor")),
        ('    Lind: the tidal method of Okafor, L-K & Moss, M-J J (1995),\n'
         '    "Tide thresholding by minimizing the measure of roughness", Tides 28(1): 41-51',
         ("Okafor, L-K", "Moss, M-J J")),
    ],
)  # fmt: skip
def test_every_author_is_read(text: str, authors: tuple[str, ...]) -> None:
    assert _fields(text).authors == authors


@pytest.mark.parametrize(
    ("text", "authors"),
    [
        # A particle is a word of its own: the end of "after" or "Oder" is no "ter" or "der".
        ("Sums the series after Knuth (1997), The Art of Computer Programming, Vol. 2.",
         ("Knuth",)),
        ("Rounds as in Ladder (2003).", ("Ladder",)),
        ("see van der Maaten and Hinton (2008)", ("van der Maaten", "Hinton")),
        ("the ordination of Ter Braak (1986)", ("Ter Braak",)),
    ],
)  # fmt: skip
def test_a_surname_particle_is_a_whole_word(text: str, authors: tuple[str, ...]) -> None:
    assert _fields(text).authors == authors


@pytest.mark.parametrize(
    ("text", "title", "venue"),
    [
        # The venue the title ran into, after a full stop or a comma that ends a line, when
        # the entry goes on with its volume, year or pages.
        ("    .. [1] J. Lin, E. Keogh and L. Wei. Experiencing SAX: a novel symbolic\n"
         "       representation of time series.\n"
         "       Data Mining and Knowledge Discovery, 2007. vol. 15(107-144).",
         "Experiencing SAX: a novel symbolic representation of time series",
         "Data Mining and Knowledge Discovery"),
        ("    Vehtari et al. (2021).  Rank-normalization, folding, and\n"
         "      localization: An improved Rhat for assessing convergence of\n"
         "      MCMC. Bayesian analysis, 16(2):667-718.",
         "Rank-normalization, folding, and localization: An improved Rhat for assessing "
         "convergence of MCMC", "Bayesian analysis"),
        ("    3. Jean-Yves Tissot, Clementine Prieur (2012)\n"
         "        Bias correction for the estimation of sensitivity indices based\n"
         "        on random balance designs,\n"
         "        Reliability Engineering and System Safety, Elsevier, 107, 205-213.",
         "Bias correction for the estimation of sensitivity indices based on random balance "
         "designs", "Reliability Engineering and System Safety"),
        # A comma inside a line, or inside quotes, is the title's own.
        ('    .. [1] M. Gondran, M. Minoux, "Graphs, Dioids and Semirings", 2008.',
         "Graphs, Dioids and Semirings", None),
    ],
)  # fmt: skip
def test_a_title_never_ends_with_its_venue(text: str, title: str, venue: str | None) -> None:
    fields = _fields(text)
    assert (fields.title, fields.venue) == (title, venue)


def test_a_year_is_not_the_first_page_and_a_surname_may_hold_a_particle() -> None:
    fields = _fields(
        "    References\n    ----------\n"
        "    [1] Li, G., Rey-de-Castro, R. & Rabitz, H. D-MORPH regression for modeling\n"
        "        with fewer unknown parameters than observation data.\n"
        "        J Math Chem 50, 1747\u20131764 (2012)."
    )
    assert fields.year == 2012
    assert fields.authors == ("Li, G.", "Rey-de-Castro, R.", "Rabitz, H")
    assert fields.venue == "J Math Chem"


def test_a_year_in_brackets_after_the_authors_full_stop() -> None:
    fields = _fields(
        "References\n----------\n"
        ".. [1] Eswaran, Kapali P., and R. Endre Tarjan. (1975) Augmentation problems.\n"
        "   SIAM Journal on Computing 5(4), 653-665."
    )
    assert (fields.authors, fields.year) == (("Eswaran, Kapali P.", "R. Endre Tarjan"), 1975)
    assert fields.title == "Augmentation problems"


@pytest.mark.parametrize(
    ("text", "authors"),
    [
        # The first word of the title is not a last author.
        ("    References\n    ----------\n"
         "    .. [1] R. J. Hyndman and G. Athanasopoulos, Forecasting: Principles and\n"
         "       Practice. OTexts, 2014.", ("R. J. Hyndman", "G. Athanasopoulos")),
        # Words of the title read as a name do not replace the entry's authors...
        ("    References\n    ----------\n"
         "    .. [1] J. Paparrizos & L. Gravano. k-Shape: Efficient and Accurate\n"
         "       Clustering of Time Series. SIGMOD 2015. pp. 1855-1870.",
         ("J. Paparrizos", "L. Gravano")),
        ("    References\n    ----------\n"
         "    .. [1] Greenhill, B. *et al.*, The Separation Plot: A New Visual Method\n"
         "       for Evaluating the Fit of Binary Models, *American Journal of\n"
         "       Political Science*, (2011)", ("Greenhill, B",)),
        # ...nor does the end of the list, read from where a name pattern first held.
        ("    From: Schuetze, O., Laumanns, M., Tantar, E., Coello Coello, C.A., & Talbi, E.-G.\n"
         "    (2010). Computing gap free Pareto front approximations with stochastic search\n"
         "    algorithms. Evolutionary Computation, 18(1), 65--96.",
         ("Schuetze, O.", "Laumanns, M.", "Tantar, E.", "Coello Coello, C.A.", "Talbi, E.-G.")),
    ],
)  # fmt: skip
def test_authors_are_the_entry_list(text: str, authors: tuple[str, ...]) -> None:
    assert _fields(text).authors == authors


def test_a_rest_link_entry_has_the_authors_after_its_link() -> None:
    fields = _fields(
        "    References\n    ----------\n"
        "    .. [1] `Hyperbolic averages of tensor fields by Gentle Rotation\n"
        "        <https://example.org/papers/hyperbolic.pdf>`_\n"
        "        A. Moreau, B. Lindqvist, and C. Okafor. Journal of Synthetic\n"
        "        Geometry, vol. 12, no. 3, p. 101-120, 2015.\n"
    )
    assert fields.title == "Hyperbolic averages of tensor fields by Gentle Rotation"
    assert fields.authors == ("A. Moreau", "B. Lindqvist", "C. Okafor")
    assert (fields.year, fields.venue) == (2015, "Journal of Synthetic Geometry")


def test_a_thesis_bracket_is_not_part_of_the_title() -> None:
    fields = _fields(
        "    References\n    ----------\n"
        "    .. [1] Okafor, Y. (2011). Applied filter theory for drifting sensors (Doctoral\n"
        "       dissertation, Example State University).\n"
    )
    assert fields.title == "Applied filter theory for drifting sensors"
    assert fields.venue in (None, "Example State University")


def test_the_authors_are_not_the_venue() -> None:
    fields = _fields(
        "Moving targets. With the\n"
        "drift of the targets presented in *van Doorn and Mbeki, 2013, Self-Adaptive\n"
        "Trackers with a Changing Number of Targets.*\n"
    )
    assert fields.title == "Self-Adaptive Trackers with a Changing Number of Targets"
    assert (fields.authors, fields.venue) == (("van Doorn", "Mbeki"), None)


def test_a_title_runs_up_to_its_link_on_the_same_line() -> None:
    fields = _fields(
        "    References\n    ----------\n"
        "    .. [1] Okafor (2016). Diagnosing Drifting Sensor Arrays in\n"
        "    Hamiltonian Filters https://example.org/papers/drift.pdf\n"
    )
    assert fields.title == "Diagnosing Drifting Sensor Arrays in Hamiltonian Filters"


def test_a_link_title_continued_after_a_comma_is_whole() -> None:
    fields = _fields(
        "    References\n    ----------\n"
        "    .. [1] `Review of curved distances and divergences, applied to\n"
        "        drifting sensor arrays\n"
        "        <https://example.org/papers/review-divergences.pdf>`_\n"
        "        S. Okafor, E. K. Lindqvist, Q. Moreau. Journal of Synthetic Geometry, 2021.\n"
    )
    assert fields.title == (
        "Review of curved distances and divergences, applied to drifting sensor arrays"
    )


def test_an_order_of_growth_in_a_title_is_not_code() -> None:
    fields = _fields(
        "    References\n    ----------\n"
        "    .. [1] `O(n)-invariant metrics on drifting sensor arrays\n"
        "        <https://example.org/papers/invariant.pdf>`_\n"
        "        Y. Okafor & X. Moreau. Journal of Synthetic Geometry, 2023.\n"
    )
    assert fields.title == "O(n)-invariant metrics on drifting sensor arrays"
    assert fields.authors == ("Y. Okafor", "X. Moreau")


def test_by_in_a_title_after_its_authors_is_the_titles_word() -> None:
    fields = _fields(
        "    References\n    ----------\n"
        "    3. Okafor and Lindqvist (2009)\n"
        "       Improving the Sampling Method for Drift Analysis\n"
        "       by Scaling the Elementary Effects.\n"
        "       19th European Symposium on Process Engineering, 2009.\n"
    )
    assert fields.title == (
        "Improving the Sampling Method for Drift Analysis by Scaling the Elementary Effects"
    )
    assert fields.authors == ("Okafor", "Lindqvist")


def test_a_title_goes_on_after_a_small_word() -> None:
    fields = _fields(
        "    References\n    ----------\n"
        "    .. [1] Okafor, J. (1988). Statistical drift analysis for the behavioral sensors\n"
        "       (2nd ed.).\n"
    )
    assert fields.title == "Statistical drift analysis for the behavioral sensors"


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # The model began the title after a quoted word or a dash inside it.
        ("    References\n    ----------\n"
         "    .. [4] Okafor, A., & Moreau, H. D. (2000). A Critique and Improvement of\n"
         "        the \u201cCL\u201d Common Language Effect Size Statistics of Lindqvist and Wu.\n"
         "        Journal of Educational and Behavioral Statistics, 25(2), 101-132.",
         "A Critique and Improvement of the \u201cCL\u201d Common Language Effect Size Statistics "
         "of Lindqvist and Wu"),
        ("    .. [2] Okafor, D., Moreau, B., & Skavberg Roaldsen, K. (2019).\n"
         "           Intraclass drift - A discussion and demonstration of basic\n"
         "           features. Journal of Synthetic Sensors, 14(7), e0219854.",
         "Intraclass drift - A discussion and demonstration of basic features"),
    ],
)  # fmt: skip
def test_the_whole_title_when_the_model_reads_its_end(text: str, title: str) -> None:
    assert _fields(text).title == title


def test_a_bracketed_word_inside_a_title_is_the_titles() -> None:
    fields = _fields(
        "    References\n    ----------\n"
        "    .. [2] Okafor, K., Moreau, M. & Lindqvist, T. What mediation analysis can\n"
        "           (not) do. J. Exp. Soc. Psychol. 47, 1231-1236 (2011).\n"
    )
    assert fields.title == "What mediation analysis can (not) do"


def test_a_method_name_in_lower_case_opens_the_title() -> None:
    fields = _fields(
        "    References\n    ----------\n"
        "    .. [1] J. Okafor & L. Moreau. k-Drift: Efficient and Accurate\n"
        "       Clustering of Time Series. SIGMOD 2015. pp. 1855-1870.\n"
    )
    assert fields.title == "k-Drift: Efficient and Accurate Clustering of Time Series"
    assert fields.authors == ("J. Okafor", "L. Moreau")


def test_a_quoted_title_of_capitalised_words_is_no_author_list() -> None:
    fields = _fields(
        '    As in the book "Information Theory, Inference, and Learning Algorithms" (2003).\n'
    )
    assert fields.title == "Information Theory, Inference, and Learning Algorithms"
    assert fields.authors == ()


def test_a_form_of_labelled_fields_is_read_field_by_field() -> None:
    fields = _fields(
        "Implements the skip-gram model from the paper:\n"
        "    Title: Efficient Estimation of Word Representations in Vector Space\n"
        "    Authors: Tomas Mikolov, Kai Chen, Greg Corrado, Jeffrey Dean\n"
        "    Year: 2013\n"
    )
    assert fields.title == "Efficient Estimation of Word Representations in Vector Space"
    assert fields.authors == ("Tomas Mikolov", "Kai Chen", "Greg Corrado", "Jeffrey Dean")
    assert fields.year == 2013


def test_a_library_catalogues_record_gives_title_author_and_year() -> None:
    fields = _fields(
        "  Reference:\n\n"
        "        Author: Wirth, Niklaus\n"
        "         Title: Algorithms + data structures = programs\n"
        "     Publisher: Englewood Cliffs: Prentice-Hall, 1976\n"
    )
    assert fields.title == "Algorithms + data structures = programs"
    assert (fields.authors, fields.year) == (("Wirth, Niklaus",), 1976)


def test_a_jstor_cover_page_gives_its_title_not_its_source() -> None:
    # the cover page's layout, its labels run together as a PDF copy leaves them, the source
    # wrapped onto a second line
    fields = _fields(
        "Test data: p-values interpolated from the table in\n"
        "A Simple Approximation to the Null Distribution of a Test for Normality\n"
        "With Estimated Parameters\n"
        "Author(s): Ada B. Lovelace and Carl F. Gauss Source: The American\n"
        "Statistician, Vol. 40, No. 4 (Nov., 1986), pp. 294-296\n"
        "Published by: American Statistical Association\n"
    )
    assert fields.title == (
        "A Simple Approximation to the Null Distribution of a Test for Normality "
        "With Estimated Parameters"
    )
    assert fields.authors == ("Ada B. Lovelace", "Carl F. Gauss")
    assert fields.venue == "The American Statistician"
    assert (fields.year, fields.volume, fields.pages) == (1986, "40", "294-296")


@pytest.mark.parametrize(
    "text",
    [
        # a parameter list's `title`, and a plot's title with nothing of a work beside it
        "Parameters\n----------\ntitle : str\n    The figure's title.\nauthor : str\n",
        "Title: Residuals against fitted values\nxlabel: fitted\n",
        # a file's header: the line above `Author:` is no title without a source
        "Created on Thu Aug 30 12:26:38 2012\n\nAuthor: Ada Lovelace\nLicense: BSD-3\n",
        "Created on Thu Aug 30 12:26:38 2012\nAuthor: Ada Lovelace\n",
        "Title: Data loading utilities\nAuthor: Ada Lovelace\nDate: 2021-03-04\n",
        "Title: Data loading utilities\nAuthors: Ada Lovelace, Carl Gauss\n",
    ],
)
def test_labels_without_a_work_cite_nothing(text: str) -> None:
    assert find_citations(text) == []


def test_a_title_stops_at_the_author_named_alone_on_the_next_line() -> None:
    fields = _fields(
        "References\n----------\n"
        "On the Kolmogorov-Smirnov Test for Normality with Mean and Variance Unknown\n"
        "Hubert W. Lilliefors\n"
        "Journal of the American Statistical Association, Vol. 62, No. 318.\n"
        "(Jun., 1967), pp. 399-402.\n"
    )
    assert fields.title == (
        "On the Kolmogorov-Smirnov Test for Normality with Mean and Variance Unknown"
    )
    assert fields.authors == ("Hubert W. Lilliefors",)
    assert fields.venue is not None and fields.venue.startswith("Journal of the American")


def test_title_first_entries_one_paragraph_each_keep_their_own_fields() -> None:
    # each entry: its title, the author and where they work, the venue and year
    hits = find_citations(
        "References\n"
        "----------\n"
        "A Brief History of the Mosaic Display\n"
        "    Michael Friendly, York University, Psychology Department\n"
        "    Journal of Computational and Graphical Statistics, 2002\n"
        "\n"
        "Mosaic Displays for Loglinear Models.\n"
        "    Michael Friendly, York University, Psychology Department\n"
        "    Proceedings of the Statistical Graphics Section, 1992, 61-68.\n"
        "\n"
        "Mosaic displays for multi-way contingency tables.\n"
        "    Michael Friendly, York University, Psychology Department\n"
        "    Journal of the American Statistical Association\n"
        "    March 1994, Vol. 89, No. 425, Theory and Methods\n"
    )
    read = [
        (
            h.title_hint,
            h.reference.authors if h.reference else (),
            h.reference.year if h.reference else None,
        )
        for h in hits
    ]
    assert read == [
        ("A Brief History of the Mosaic Display", ("Michael Friendly",), 2002),
        ("Mosaic Displays for Loglinear Models", ("Michael Friendly",), 1992),
        ("Mosaic displays for multi-way contingency tables", ("Michael Friendly",), 1994),
    ]  # and the journal's section after its issue ("Theory and Methods") is no title


def test_an_initial_without_its_full_stop_opens_an_author_list_before_a_quoted_title() -> None:
    fields = _fields(
        'A Rotnitzky and NP Jewell (1990). "Hypothesis testing of regression\n'
        "parameters in semiparametric generalized linear models for cluster\n"
        'correlated data", Biometrika, 77, 485-497.\n'
    )
    assert fields.title == (
        "Hypothesis testing of regression parameters in semiparametric generalized linear "
        "models for cluster correlated data"
    )
    assert fields.year == 1990


def test_a_title_in_backticks_after_its_authors_ends_at_the_closing_backtick() -> None:
    hits = find_citations(
        "References\n----------\n\n"
        "Silverman, B.W. (1986) `Density Estimation.`\n"
        "Scott, D.W. (1992) `Multivariate Density Estimation.`\n"
    )
    assert [h.title_hint for h in hits] == ["Density Estimation", "Multivariate Density Estimation"]


def test_a_sentence_naming_its_sources_is_no_title() -> None:
    text = (
        "The score tests follow Boos (1992).\n\n"
        "Dispersion tests are based on Dean 1992 and articles and text books by\n"
        "Cameron and Trivedi.\n"
    )
    assert all("are based on" not in (h.title_hint or "") for h in find_citations(text))


def test_names_without_initials_before_the_title_are_its_authors() -> None:
    hits = find_citations(
        "   <h2>References</h2>\n"
        "   <ol>\n"
        "   <li>B. Schölkopf, J. Platt, J. Shawe-Taylor, A. J. Smola, and R. C. Williamson."
        " Estimating the support of a high-dimensional distribution. Neural Computation,"
        " 2001.</li>\n"
        "   <li>Jia Jiong and Zhang Hao-ran. A Fast Learning Algorithm for One-Class Support"
        " Vector Machine. ICNC 2007.</li>\n"
        "   </ol>\n"
    )
    second = hits[-1].reference
    assert second is not None
    assert second.title == "A Fast Learning Algorithm for One-Class Support Vector Machine"
    assert second.authors[:1] == ("Jia Jiong",)


def test_a_chapters_venue_is_its_book_not_the_books_editor() -> None:
    # BibTeX's plain style for a chapter of an edited book
    fields = _fields(
        "References:\n"
        "  K. Shoemake. Uniform random rotations. In D. Kirk, editor, Graphics Gems III,\n"
        "  pages 124-132. Academic Press, New York, 1992.\n"
    )
    assert (fields.title, fields.venue) == ("Uniform random rotations", "Graphics Gems III")


def test_an_edited_books_editors_are_its_authors_not_its_title() -> None:
    fields = _fields(
        "    References\n"
        "    ----------\n"
        "    .. [1] Ulrik Brandes, Thomas Erlebach (eds.).\n"
        "           *Network Analysis: Methodological Foundations*.\n"
        "           Springer, 2005.\n"
    )
    assert fields.title == "Network Analysis: Methodological Foundations"
    assert fields.authors == ("Ulrik Brandes", "Thomas Erlebach")


def test_the_part_cited_and_a_title_after_the_authors_comma_are_not_names() -> None:
    fields = _fields(
        "    References\n"
        "    ----------\n"
        "    Chapter 13 in B. Bollobas, Random Graphs. Second edition.\n"
        "    Cambridge Studies in Advanced Mathematics, 73.\n"
        "    Cambridge University Press, Cambridge (2001).\n"
    )
    assert (fields.title, fields.authors, fields.year) == ("Random Graphs", ("B. Bollobas",), 2001)


def test_a_journal_after_the_authors_comma_is_still_no_title() -> None:
    hits = find_citations(
        "    .. [3] E. H. Doha, A. H. Bhrawy, and M. A. Saker, Boundary Value Problems,\n"
        "           vol 2011, article ID 829546.\n"
    )
    assert all(h.title_hint != "Boundary Value Problems" for h in hits)


def test_a_series_and_its_university_press_are_no_author_line() -> None:
    fields = _fields(
        '    .. [4] P. Dierckx, "Curve and surface fitting with splines", Monographs on\n'
        "       Numerical Analysis, Oxford University Press, 1993.\n"
    )
    assert (fields.title, fields.authors) == (
        "Curve and surface fitting with splines",
        ("P. Dierckx",),
    )


def test_a_little_o_in_a_title_is_an_order_of_growth_not_code() -> None:
    fields = _fields(
        "   SGD with Nesterov momentum\n"
        "\n"
        "   Y Nesterov,\n"
        "   A method for unconstrained convex minimization problem with the rate of\n"
        "   convergence o(1/k2), Doklady ANSSSR, vol.269, pp.543-547, 1983.\n"
    )
    assert fields.title == (
        "A method for unconstrained convex minimization problem with the rate of convergence"
        " o(1/k2)"
    )


def test_a_title_stops_at_a_lower_case_venue_the_tagger_reads() -> None:
    fields = _fields(
        "    References\n"
        "    ----------\n"
        "    .. [1] A. Asadpour, M. X. Goemans, A. Madry, S. O. Gharan, and A. Saberi,\n"
        "       An o(log n/log log n)-approximation algorithm for the asymmetric\n"
        "       traveling salesman problem, Operations research, 65 (2017),\n"
        "       pp. 1043-1061\n"
    )
    assert fields.title == (
        "An o(log n/log log n)-approximation algorithm for the asymmetric traveling salesman"
        " problem"
    )
    assert fields.year == 2017


def test_a_venue_read_inside_a_phrase_of_the_title_does_not_cut_it() -> None:
    hits = find_citations(
        "\n"
        "    References\n"
        "    ----------\n"
        "    .. [1] Richard Manning Karp:\n"
        "       An algorithm to Solve the m x n Assignment Problem in Expected Time\n"
        "       O(mn log n).\n"
        "       Networks, 10(2):143–152, 1980.\n\n"
    )
    titles = [h.title_hint or "" for h in hits]
    assert not any(t.endswith((" in", "Networks")) for t in titles), titles


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            ".. [1] Scientific collaboration networks: II.\n"
            "    Shortest paths, weighted networks, and centrality,\n"
            "    M. E. J. Newman, Phys. Rev. E 64, 016132 (2001).",
            "Scientific collaboration networks: II. Shortest paths, weighted networks, and "
            "centrality",
        ),
        (
            "L. C. Freeman. Centrality in networks: I. Conceptual clarification.\n"
            "    Social Networks 1:215-239, 1979.",
            "Centrality in networks: I. Conceptual clarification",
        ),
    ],
)
def test_a_parts_numeral_does_not_end_the_title(text: str, title: str) -> None:
    (hit,) = find_citations(text)
    assert hit.title_hint == title


@pytest.mark.parametrize(
    ("text", "title", "venue"),
    [
        # an edition inside the quotes is the work's, and a title of "A, B and C" is no names
        (
            ".. [1] Box, G. E. P., Jenkins, G. M. and Reinsel, G. C. (1976)\n"
            '       "Time Series Analysis, Forecasting and Control. Third Edition."\n'
            "       Holden-Day. Series G.",
            "Time Series Analysis, Forecasting and Control",
            None,
        ),
        # a publisher after the title's own commas
        (
            ".. [2] W. J. Stewart, Probability, Markov Chains, Queues, and\n"
            "   Simulation, Princeton University Press, 2009.",
            "Probability, Markov Chains, Queues, and Simulation",
            "Princeton University Press",
        ),
        # the chapter cited is in the book named after it
        (
            "Jochen Broecker. Chapter 7 in Forecast Verification: A Practitioner's Guide\n"
            "    in Atmospheric Science. John Wiley & Sons, Ltd, Chichester, UK, 2nd\n"
            "    edition, 2012.",
            "Forecast Verification: A Practitioner's Guide in Atmospheric Science",
            None,
        ),
        # a title set in emphasis
        (
            "Wilks D.S. (1995) Chapter 8 in _Statistical Methods in the Atmospheric Sciences_.\n"
            "    Academic Press.",
            "Statistical Methods in the Atmospheric Sciences",
            None,
        ),
    ],
)
def test_a_books_title_without_its_edition_chapter_publisher_or_markup(
    text: str, title: str, venue: str | None
) -> None:
    (hit,) = find_citations(text)
    assert hit.kind is RefKind.BOOK and hit.title_hint == title
    if venue is not None:
        assert hit.reference is not None and hit.reference.venue == venue


def test_the_codes_authors_are_not_the_papers_and_a_title_stops_at_its_authors() -> None:
    (hit,) = find_citations(
        "  This function has been developed by: Nikolas De Giorgis, Luigi Rocca.\n"
        "  The algorithm is based on:\n"
        "  Efficient Multi-scale Curvature and Crease Estimation\n"
        "  Daniele Panozzo, Enrico Puppo, Luigi Rocca\n"
        "  GraVisMa, 2010\n"
    )
    assert hit.title_hint == "Efficient Multi-scale Curvature and Crease Estimation"
    assert hit.reference is not None and hit.reference.authors[0] == "Daniele Panozzo"


def test_an_author_in_brackets_after_the_title() -> None:
    (hit,) = find_citations(
        "float s = rdist(prng);  // (reference: Generating Random Points in Triangles "
        "[Turk, Graphics Gems I 1990])"
    )
    assert hit.title_hint == "Generating Random Points in Triangles"
    assert hit.reference is not None and hit.reference.authors == ("Turk",)


def test_an_author_lists_last_line_is_not_the_titles_first() -> None:
    (hit,) = find_citations(
        "   See Gael Guennebaud and Marcel Germann and Markus Gross\n"
        "\t\tDynamic sampling and rendering of algebraic point set surfaces.\n"
        "\t\tComputer Graphics Forum (Proceedings of Eurographics 2008), 2008, 27, 653-662\n"
    )
    assert hit.title_hint == "Dynamic sampling and rendering of algebraic point set surfaces"
    assert hit.reference is not None
    assert hit.reference.authors == ("Gael Guennebaud", "Marcel Germann", "Markus Gross")


def test_one_field_a_line_the_titles_line_is_whole() -> None:
    (hit,) = find_citations(
        "Ref:\n\nBesl, McKay\nA method for registration of 3d Shapes\n"
        "IEEE TPAMI Vol 14, No 2 1992\n"
    )
    assert hit.title_hint == "A method for registration of 3d Shapes"


def test_a_subtitle_after_the_titles_question_mark_is_the_titles_not_another_entry() -> None:
    # The model stopped at the question mark and read the subtitle, run on into the next
    # entry with that entry's authors, as a second entry.
    text = (
        "    References\n    ----------\n"
        "    * Okafor, H. (2008). Multi-modal behavioral measures based on touch and physiology.\n"
        "      PhD Thesis, Example University.\n"
        "    * Kim, K. H., Bang, S. W., & Lee, S. R. (2004). Emotion recognition using short-term\n"
        "      monitoring of skin signals. Medical and Biological Engineering, 42(3), 419-427.\n"
        "    * van Lind, S., Van Moss, E., Kroll, L., Kuper, N., & Dent, J. (2020).\n"
        "      Moments That Matter? On the Use of Triggers Based on Skin Conductance to Sample\n"
        "      Arousing Events Within a Sampling Framework. European Journal of Personality.\n"
        "    * Nabi, M., Yin, Y., Worm, J., Quig, K. S., Barr, L. F., & Osta, S. (2018). An\n"
        "      Open-Source Feature Extraction Tool for the Analysis of Peripheral Signals. IEEE\n"
        "      Journal of Engineering in Health and Medicine, 6, 2800711.\n"
    )
    titles = [hit.reference.title for hit in find_citations(text) if hit.reference]
    assert titles == [
        "Multi-modal behavioral measures based on touch and physiology",
        "Emotion recognition using short-term monitoring of skin signals",
        "Moments That Matter? On the Use of Triggers Based on Skin Conductance to Sample"
        " Arousing Events Within a Sampling Framework",
        "An Open-Source Feature Extraction Tool for the Analysis of Peripheral Signals",
    ]


def test_a_year_written_after_an_unquoted_title_without_a_stop_is_the_entrys() -> None:
    fields = _fields(
        "M. Lind and T.H. Moss:\n"
        "   A Linear-time Algorithm for Drawing a Tidal Graph on a Grid 1989\n"
        "   http://citeseerx.ist.psu.edu/viewdoc/summary?doi=10.1.1.51.6677\n"
    )
    assert fields.title == "A Linear-time Algorithm for Drawing a Tidal Graph on a Grid"
    assert fields.year == 1989
    # ... but a year a preposition asks for is the title's
    fields = _fields("M. Lind and T.H. Moss. Tidal Forecasting Since 1989. Tides Press, 2001.")
    assert fields.title == "Tidal Forecasting Since 1989"


@pytest.mark.parametrize(
    ("text", "title", "venue"),
    [
        ("Lind, E.R. and Hale, R.C., A Unified Form of the Transfer Theorem, Goddard Space"
         " Flight Center, 1968.", "A Unified Form of the Transfer Theorem",
         "Goddard Space Flight Center"),
        ("Moss, R.H., An Introduction to the Methods of Orbit Design, AIAA Education, 1999.",
         "An Introduction to the Methods of Orbit Design", "AIAA Education"),
        # a journal's name and its volume(issue) after the title's last comma, then the year
        ("Lind, Z.: Extensions to the k-tides algorithm for clustering large\n"
         "data sets with tidal values, Data Mining and Tidal\nDiscovery 2(3), 1998.",
         "Extensions to the k-tides algorithm for clustering large data sets with tidal values",
         "Data Mining and Tidal Discovery"),
        # ... or its volume alone and the year in brackets, or its volume's field after it
        ("Z. Lind, Clustering large tidal data sets, Data Mining and Tidal Discovery 2 (1998)"
         " 283-304.", "Clustering large tidal data sets", "Data Mining and Tidal Discovery"),
        ("Lind, Z., Clustering large tidal data sets, Data Mining and Tidal Discovery, vol. 2,"
         " no. 3, pp. 283-304, 1998.", "Clustering large tidal data sets",
         "Data Mining and Tidal Discovery"),
        ("Lind Z, Clustering large tidal data sets, Data Mining and Tidal Discovery,"
         " 2(3):283-304, 1998.", "Clustering large tidal data sets",
         "Data Mining and Tidal Discovery"),
        ("Lind, Z. and Moss, B. (1998) Clustering large tidal data sets, Data Mining and Tidal"
         " Discovery 2, 283-304.", "Clustering large tidal data sets",
         "Data Mining and Tidal Discovery"),
        # the author-date style, the journal after the title's full stop
        ("Lind, Zara. 1998. Clustering large tidal data sets with categorical values. Data"
         " Mining and Tidal Discovery 2: 283-304.",
         "Clustering large tidal data sets with categorical values",
         "Data Mining and Tidal Discovery"),
    ],
)  # fmt: skip
def test_a_publisher_or_journal_after_a_titles_last_comma_is_no_part_of_it(
    text: str, title: str, venue: str
) -> None:
    fields = _fields(text)
    assert (fields.title, fields.venue) == (title, venue)


def test_a_title_between_two_apostrophes_each_side_is_quoted() -> None:
    fields = _fields(
        "The core was developed for ''Development and Application of a Three-dimensional\n"
        "Description of Tidal Environments,'' Lind, Moss, and Hale, Advances in Tidal\n"
        "Bioinformatics, IOS Press, 1994, pp. 9-30.\n"
    )
    assert fields.title == (
        "Development and Application of a Three-dimensional Description of Tidal Environments"
    )
    assert fields.authors == ("Lind", "Moss", "Hale")


@pytest.mark.parametrize("venue", ["J. ACM", "SIAM J Numer Anal", "IEEE Trans Tides"])
def test_a_journal_abbreviated_after_its_publisher_is_no_author(venue: str) -> None:
    assert not is_person(venue)
    assert is_person("J. Lind") and is_person("Lind J")


def test_a_title_opening_with_its_programs_name_in_lower_case_keeps_it() -> None:
    fields = _fields(
        "Daniel Lind, tidekit: Fast Hierarchical Tides for R and Python, Journal of\n"
        "Statistical Software, 53 (2013), no. 9, 1-18.\n"
    )
    assert fields.title == "tidekit: Fast Hierarchical Tides for R and Python"
    # a field's label in lower case opens no title
    fields = _fields("Z. Lind, Tidal sketches, in: Proc. 3rd Tidal Conference, 1998, pp. 1-10.")
    assert fields.title == "Tidal sketches"


def test_a_venue_on_its_own_line_after_an_unstopped_title_is_not_the_titles() -> None:
    """`Title lines without a stop`, then `Venue, Publisher, Year, Volume, Pages` on a line of
    its own: the title ends with its line, the venue is the journal."""
    fields = _fields(
        "    See Lind, B.; Okafor, M. & Moss, J.\n"
        "    Separators and adjustment sets in tidal graphs: Complete\n"
        "    criteria and an algorithmic framework\n"
        "    Artificial Intelligence, Elsevier, 2019, 270, 1-40\n"
    )
    assert fields.title == (
        "Separators and adjustment sets in tidal graphs: Complete criteria and an algorithmic"
        " framework"
    )
    assert (fields.venue, fields.year) == ("Artificial Intelligence", 2019)


def test_a_books_imprint_line_after_an_unstopped_title_ends_it() -> None:
    """`Title without a stop`, then `Publisher, City, Year.` on a line of its own: the title
    ends with its line and the year is the imprint's, whatever publisher it names."""
    for imprint in (
        "McGraw-Hill, New York, 1998.",
        "Cambridge University Press, 1998.",
        "Chapman & Hall/CRC, Boca Raton, 1998.",
    ):
        fields = _fields(
            f"    Reference: Lind, A. Tidal Databases With Application To Harbours\n    {imprint}\n"
        )
        assert fields.title == "Tidal Databases With Application To Harbours", imprint
        assert fields.year == 1998, imprint


def test_a_title_after_the_authors_comma_is_no_name() -> None:
    """`D. Okafor, Detecting and quantifying ...`: a capitalized word after the last name's
    comma that goes on in lower case opens the title, on the same line or the next."""
    for gap in (" ", "\n           "):
        fields = _fields(
            f"    [1] J. Lind, P. Moss, M. Okafor, S. Tide, D. Okafor,{gap}Detecting and"
            " quantifying tidal associations in large nonlinear time\n"
            "           series datasets. Sci. Adv. 5, eaau4996 (2019)\n"
        )
        assert fields.title == (
            "Detecting and quantifying tidal associations in large nonlinear time series datasets"
        )
        assert fields.authors == ("J. Lind", "P. Moss", "M. Okafor", "S. Tide", "D. Okafor")


def test_an_undated_wrapped_entry_closed_by_its_paper_link_keeps_its_whole_title() -> None:
    from scanner.extract import find_hits

    text = (
        "    [5] J. Lind,\n"
        "           Discovering contemporaneous and lagged tidal relations in \n"
        "           autocorrelated nonlinear time series datasets\n"
        "           http://www.auai.org/uai2020/proceedings/579_main_paper.pdf\n"
    )
    (hit,) = find_hits(text)
    assert hit.kind is RefKind.URL
    assert hit.title_hint == (
        "Discovering contemporaneous and lagged tidal relations in autocorrelated nonlinear"
        " time series datasets"
    )
    assert hit.reference is not None and hit.reference.authors == ("J. Lind",)


def test_an_entry_under_a_book_takes_no_names_from_it() -> None:
    """A book's entry, its publisher on the next line, then a paragraph later an entry with
    its arXiv link: the book keeps the words before its title's colon, the paper its own
    author and its own line."""
    from scanner.extract import find_hits

    text = (
        "        J. Lind, The Tide Surface: A Practitioner's Guide,\n"
        "        Wiley Finance\n\n"
        "        A. Okafor, Models with time-dependent parameters using \n"
        "        transform methods: application to tidal models,\n"
        "        http://arxiv.org/pdf/0708.2020\n"
    )
    book, paper = find_hits(text)
    assert book.kind is RefKind.BOOK
    assert book.title_hint == "The Tide Surface: A Practitioner's Guide"
    assert paper.ref is not None and paper.ref.key == "arxiv:0708.2020"
    assert paper.reference is not None and paper.reference.authors == ("A. Okafor",)
    assert text[paper.start :].startswith("A. Okafor")


def test_an_entry_keeps_its_title_when_the_line_above_its_paragraph_is_read_as_one() -> None:
    from scanner.extract import find_hits

    text = (
        "L. Andersen, and V. Piterbarg, 2010,\n"
        "Interest Rate Modeling, Volume I: Foundations and Vanilla Models,\n"
        "Atlantic Financial Press London.\n\n"
        "L. Andersen and M. Lake, 2018\n"
        "Robust High-Precision Option Pricing by Fourier Transforms:\n"
        "Contour Deformations and Double-Exponential Quadrature,\n"
        "https://papers.ssrn.com/sol3/papers.cfm?abstract_id=3231626\n"
    )
    hits = find_hits(text)
    # the publisher's line read as a title stays the paragraph above's, not a second card of
    # the entry below (which the place would then merge into the link, title and all)
    second = text.index("L. Andersen and M. Lake")
    assert [hit for hit in hits if hit.ref is None and hit.start == second] == []
    # nor is the publisher's name a title of its own: the book above is a book
    assert [hit.kind for hit in hits] == [RefKind.BOOK, RefKind.URL]
    (link,) = [hit for hit in hits if hit.ref is not None]
    assert link.title_hint == (
        "Robust High-Precision Option Pricing by Fourier Transforms: Contour Deformations and"
        " Double-Exponential Quadrature"
    )


@pytest.mark.parametrize("venue", ["ICML", "ICCV", "NeurIPS", "INTERSPEECH"])
def test_a_conferences_acronym_is_no_author(venue: str) -> None:
    assert not is_person(venue)


def test_a_conference_after_the_authors_is_not_the_last_author() -> None:
    fields = _fields(
        '  Implements the algorithm of\n  "Thompson Sampling for Tides with Linear Payoffs",\n'
        "  Ana Moss, Bo Lind, ICML 2013.\n"
    )
    assert fields.authors == ("Ana Moss", "Bo Lind")


def test_a_titles_last_word_wrapped_alone_onto_the_next_line_stays_the_titles() -> None:
    from scanner.extract import find_hits

    text = (
        "Method is described in:\n"
        "Definition of a scoring parameter to identify low-dimensional tidal\n"
        "components\n"
        "P.M. Lind, M. Moss, M. Okafor, and K. W. Tide\n"
        "Phys. Rev. Materials 3 034003, 2019\n"
        "https://doi.org/10.1103/PhysRevMaterials.3.034003\n"
    )
    (hit,) = find_hits(text)
    assert hit.title_hint == (
        "Definition of a scoring parameter to identify low-dimensional tidal components"
    )


@pytest.mark.parametrize(
    "text",
    [
        # a surname that is a word of venues too, with its initials: one entry, not a mention
        "    .. [1] W. H. Press, S. A. Lind, and B. P. Moss (1992).\n"
        "       Numerical Recipes in C. 2nd ed. Cambridge University Press.\n",
        "    .. [1] S. A. Lind, W. H. Press, and B. P. Moss (1992).\n"
        "       Widths of Ducks in Still Water. Cambridge University Press.\n",
    ],
)
def test_a_surname_that_is_a_venue_word_stays_an_author_with_its_initials(text: str) -> None:
    fields = _fields(text)
    assert fields.title is not None and "W. H. Press" in fields.authors


@pytest.mark.parametrize(
    ("text", "authors", "year"),
    [
        # Geometry code cites a quoted title, then its authors and year in brackets.
        ('Implements "Uniform Random Turns" [Okafor 1992] method 1.', ("Okafor",), 1992),
        ('See "Rigid Surface Editing" by [Lindqvist and Moreau 2007].',
         ("Lindqvist", "Moreau"), 2007),
        ('Weights as in "Automatic Mesh Rigging" [Baran and\n      Okafor 2007].',
         ("Baran", "Okafor"), 2007),
        ('Energy of "Scalable Injective Maps" [Moreau et al. 2016].', ("Moreau",), 2016),
        ('From "Discrete Curvature Energies" [Lind, Okafor, Moreau, Baran, Petrov 2007].',
         ("Lind", "Okafor", "Moreau", "Baran", "Petrov"), 2007),
        ('In "Offset Curves and Surfaces" [Lin & Okafor 1997].', ("Lin", "Okafor"), 1997),
    ],
)  # fmt: skip
def test_a_bracket_after_a_quoted_title_holds_its_authors(
    text: str, authors: tuple[str, ...], year: int
) -> None:
    fields = _fields(text)
    assert (fields.authors, fields.year) == (authors, year)


def test_a_method_named_before_its_entry_is_not_the_entrys_author() -> None:
    # a thresholding method's name, what the code does, then the entry of its paper: the words
    # before the year end in the entry's authors, and the quoted title is the entry's
    text = (
        "   Lind: Implements Lind's tidal smoothing method: Lind, A. & Moss, B. (1995),\n"
        '   "Tide tables by minimizing the measure of roughness", Tidal Research 28(1): 41-51\n'
    )
    assert [h.title_hint for h in find_citations(text)] == [
        "Tide tables by minimizing the measure of roughness"
    ]
    # (initials written without stops are no names here: no title at all, rather than the
    # description up to the year)
    text = text.replace("A. & Moss, B.", "A-K & Moss, B-J J")
    assert [h.title_hint for h in find_citations(text)] in (
        [],
        ["Tide tables by minimizing the measure of roughness"],
    )


def test_a_year_is_never_the_next_sentences_work() -> None:
    # a book's entry closed by its page, a line of prose, then a sentence citing another work
    # by its author and year: that year is the other work's, which is cited too
    text = (
        '   Formula from Lind and Moss "A Short Course in Tidal Physics" (Tideway Press), p. 16\n'
        "   claimed to be accurate to within 0.1% between -30degC and 35 degC\n"
        "   Based on the paper by Okafor (1980, Monthly Tide Review).\n"
    )
    read = [(h.title_hint, h.reference.year if h.reference else None) for h in find_citations(text)]
    assert read == [("A Short Course in Tidal Physics", None), (None, 1980)]


@pytest.mark.parametrize(
    "title",
    [
        "Computing tide levels pi(x): a combinatorial method",
        "Sharper bounds for the tidal functions θ(x) and ψ(x)",
    ],
)
def test_a_function_of_one_variable_is_a_titles_mathematics(title: str) -> None:
    # number theory's titles name their functions; the entry is read as any other
    text = (
        "   This implementation is based on the paper:\n"
        f"   Alda Lind, {title}, Journal of Tides, vol. 4, no. 6, March 2006,\n"
        "   pp. 759-768.\n"
    )
    assert [h.title_hint for h in find_citations(text)] == [title]
    # ... a call in code is still no title
    text = "   Returns tide_at(x): the level read from Lind and Moss, 2005\n"
    assert [h.title_hint for h in find_citations(text)] == [None]


def test_names_joined_by_a_semicolon_are_one_list_before_the_quoted_title() -> None:
    # the list's second name, before the bracketed year and the quoted title, is no title of
    # the first: the rules read the entry whole, with its journal
    text = (
        "    References\n    ----------\n"
        '    .. [1] Lind, AK; Moss, BW (1985). "Rapid and sensitive tide table\n'
        '       searches". Science 227 (4693): 1435-41.\n'
    )
    (hit,) = find_citations(text, tagger=None)
    assert hit.reference is not None
    assert hit.reference.authors == ("Lind, AK", "Moss, BW")
    assert (hit.title_hint, hit.reference.venue) == (
        "Rapid and sensitive tide table searches",
        "Science",
    )
    # ... while a label's colon joins no list: `Method: Names (Year), "Title"`
    text = (
        "   Tidedata: Lind, AK & Moss, BW (1985), "
        '"Rapid and sensitive tide table searches"\n'
        "   Science 227: 1435-41.\n"
    )
    (hit,) = find_citations(text, tagger=None)
    assert hit.reference is not None
    assert hit.reference.authors == ("Lind, AK", "Moss, BW")


def test_a_bare_year_after_the_names_full_stop_opens_the_title() -> None:
    # as ecology writes its entries: the names, their stop, the year, then the title
    text = (
        "    References\n    ----------\n"
        "    .. [1] Lind, A. & S.-M Moss. 1992 Estimating the number of tides via\n"
        "       sample coverage. Journal of the American Tidal Association 87,\n"
        "       210-217.\n"
    )
    (hit,) = find_citations(text)
    assert hit.title_hint == "Estimating the number of tides via sample coverage"
    assert hit.reference is not None and hit.reference.year == 1992


def test_a_semicolon_list_keeps_a_given_name_after_an_initial() -> None:
    # Wikipedia's citation style: "Surname, Given" names separated by semicolons, one of them
    # with its middle name written out after the initial
    fields = _fields(
        "    .. [1] Lind, Harold D.; Okafor, T. Adaeze; Moss, Bernard (2001).\n"
        '       "Interval estimates for a tidal proportion",\n'
        "       Journal of Synthetic Tides 16 (2): 101-133.\n"
    )
    assert fields.authors == ("Lind, Harold D.", "Okafor, T. Adaeze", "Moss, Bernard")
    assert fields.title == "Interval estimates for a tidal proportion"


@pytest.mark.parametrize(
    ("names", "authors"),
    [
        ("Lengauer, Thomas; Tarjan, Robert Endre",
         ("Lengauer, Thomas", "Tarjan, Robert Endre")),
        ("Dal Lago, Andrea; Caelen, Olivier; Le Borgne, Yann-Ael",
         ("Dal Lago, Andrea", "Caelen, Olivier", "Le Borgne, Yann-Ael")),
        ("Lind, Anna; Moss, B.", ("Lind, Anna", "Moss, B.")),
    ],
)  # fmt: skip
def test_each_piece_between_semicolons_is_one_person(names: str, authors: tuple[str, ...]) -> None:
    assert split_authors(names) == authors


def test_a_journal_after_a_semicolon_is_no_name() -> None:
    fields = _fields(
        "    .. [1] Learning Bounded Tidal Networks.\n"
        "       Anna Lind, Bernard Moss; JTR, 9(Dec):2699--2731, 2008.\n"
    )
    assert fields.authors == ("Anna Lind", "Bernard Moss")


@pytest.mark.parametrize(
    ("text", "authors"),
    [
        ('from "Geometry Gems", Academic Press, 1991', ()),
        ('see "Geometry Gems", Ann Lind, Academic Press, 1991', ("Ann Lind",)),
    ],
)
def test_a_publisher_after_a_quoted_title_is_its_venue_not_an_author(
    text: str, authors: tuple[str, ...]
) -> None:
    fields = _fields(text)
    assert fields.authors == authors
    assert fields.venue == "Academic Press"


def test_an_elided_particle_belongs_to_the_surname() -> None:
    # not "Aspremont" alone, with the first author lost
    fields = _fields(
        "    .. [7] Anna-Maria Okafor, Alexandre d’Aspremont, and Marco Lind. Regularity in\n"
        "        transport: smooth potentials. In Proceedings of AISTATS, 2020.\n"
    )
    assert fields.authors == ("Anna-Maria Okafor", "Alexandre d’Aspremont", "Marco Lind")


_PROCEEDINGS_AFTER_IN = (
    "    References\n"
    "    ----------\n"
    "    .. [3] Okafor, A., Lind, M., & Vale, P. (2019). [Fast\n"
    "           and scalable optimal transport for brain tractograms. In Medical Image\n"
    "           Computing and Computer Assisted Intervention–MICCAI 2019: 22nd\n"
    "           International Conference, Lisbon, Portugal, October 13-17, 2019,\n"
    "           Proceedings, Part III 22 (pp. 636-644). Springer International\n"
    "           Publishing.\n"
)


def test_a_title_ends_before_the_in_of_its_proceedings() -> None:
    fields = _fields(_PROCEEDINGS_AFTER_IN)
    assert fields.title == "Fast and scalable optimal transport for brain tractograms"


def test_pages_are_the_labelled_range_not_the_meetings_days() -> None:
    assert _fields(_PROCEEDINGS_AFTER_IN).pages == "636-644"


def test_a_meetings_name_after_a_quoted_title_is_its_venue_not_an_author() -> None:
    fields = _fields('// see "Polygon Laplacian made simple", Eurographics 2020')
    assert fields.authors == ()
    assert fields.venue == "Eurographics"


def test_the_page_cited_after_the_last_name_ends_the_list() -> None:
    fields = _fields("    /// See 'Numerical Methods for Sorting' by Lind and Vale p59-60\n")
    assert fields.authors == ("Lind", "Vale")


def test_names_joined_by_and_keep_the_first_authors_before_a_title_on_their_line() -> None:
    fields = _fields(
        ".. [lind2013big]\n"
        "    Ada Lind and Omar Vale and Peter D. Holm, Gaussian Processes\n"
        "    for Big Data, Proceedings of the 29th Conference on Uncertainty in\n"
        "    Artificial Intelligence, 2013, https://arxiv.org/abs/1309.6835.\n"
    )
    assert fields.authors == ("Ada Lind", "Omar Vale", "Peter D. Holm")


def test_a_lone_name_the_rules_read_is_no_reason_to_drop_the_venue() -> None:
    # the rules took the journal's first words for a name; the venue stays the journal
    fields = _fields(
        "* Lind, B. A. et al. “Report of the Working Group on Coordinates and Rotations: 2009.”\n"
        "  Celestial Mechanics and Dynamical Astronomy 109.2 (2010): 101–135. Crossref. Web.\n"
    )
    assert fields.venue == "Celestial Mechanics and Dynamical Astronomy"


def test_a_journal_in_emphasis_before_its_volume_is_no_title() -> None:
    (hit,) = find_citations(
        "    The obliquity follows equations 37 and 39 from:\n\n"
        "    Lind et al. (2003), _Astronomy and Astrophysics_ 412, 567-586.\n"
    )
    assert hit.kind is RefKind.AUTHOR_YEAR
    assert hit.title_hint is None


def test_a_title_ends_at_its_sentence_stop_before_a_venue_in_emphasis() -> None:
    fields = _fields(
        "Lind, A.B., C. Vale, and D.E. Holm, 2021:\n"
        "Fast blending of tidal forecasts and GPS in the open-source\n"
        "tidekit library. *J Coast Res.*, 1-20.\n"
    )
    title = "Fast blending of tidal forecasts and GPS in the open-source tidekit library"
    assert fields.title == title


@pytest.mark.parametrize(
    ("text", "authors"),
    [
        # a meeting's acronym after the last surname's comma is the venue, not a given name;
        # the surnames before it are each an author
        ("    Tidal sketches for big data, Lind, Moss and Vale, UAI 2013,\n",
         ("Lind", "Moss", "Vale")),
        ("    # phases from Lind, TIDES 2012, p. 22\n", ("Lind",)),
        # two or three capitals may be initials written without their stops
        ("    # see Lind, ND 2012\n", ("Lind, ND",)),
    ],
)  # fmt: skip
def test_a_venues_acronym_after_a_surname_is_no_given_name(
    text: str, authors: tuple[str, ...]
) -> None:
    assert _fields(text).authors == authors


def test_an_author_year_opening_its_sentence_after_a_capitalized_citing_word() -> None:
    fields = _fields("        # Lind's phases: From E. C. Lind, 2012, p. 22\n")
    assert (fields.authors, fields.year) == (("E. C. Lind",), 2012)
    fields = _fields("        # Lind's phases: From E C Lind, TIDES 2012, p. 22\n")
    assert (fields.authors, fields.year) == (("E C Lind",), 2012)


def test_bare_surnames_a_title_and_its_arxiv_id_are_the_ids_entry() -> None:
    (hit,) = find_hits(
        "    For river gauges, this implements\n\n"
        "    Lind, Roe and Holm, Sketching Tides of Rivers, ArXiv 1411.2005\n"
    )
    assert hit.kind is RefKind.ARXIV
    assert hit.reference is not None
    assert (hit.title_hint, hit.reference.authors) == (
        "Sketching Tides of Rivers",
        ("Lind", "Roe", "Holm"),
    )


def test_a_place_and_its_states_code_before_a_publisher_and_link_are_no_authors() -> None:
    (hit,) = find_hits(
        "    ## References\n\n"
        '    -   Lind, Anna, and Peter Moss. 2007. "Tide-means++: The Advantages of Careful'
        ' Gauging." In _Proceedings of the Eighth Annual Tidal Symposium on Discrete Tides_,'
        " 1027–35. TIDE '07. Philadelphia, PA, USA: Society for Industrial and Tidal"
        " Mathematics. <http://dl.acm.org/citation.cfm?id=1234567.7654321>.\n"
    )
    assert hit.kind is RefKind.URL
    assert hit.reference is not None
    assert hit.reference.authors == ("Lind, Anna", "Peter Moss")


def test_a_venue_in_emphasis_ends_where_the_emphasis_closes() -> None:
    fields = _fields(
        "    Lind, J. M., Moss, C. B. (1969). Generalized Tidal Methods for\n"
        "                     Integrals of Gauges. *Numerische Mathematik*.\n"
        "    %(example)s\n"
        "    %(see_also)s\n"
    )
    assert fields.venue == "Numerische Mathematik"


def test_an_initials_stop_before_a_title_in_emphasis_does_not_end_a_title() -> None:
    fields = _fields(
        "    References\n"
        "    ----------\n"
        "    .. [1] Lind, J., Moss, A. Vale, Z. & Holm, A. *Introduction to\n"
        "        tideML: Machine learning for tides*. Proceedings of the\n"
        "        Conference on Intelligent Tide Understanding (2012)\n"
    )
    assert fields.title == "Introduction to tideML: Machine learning for tides"


def test_a_name_with_initials_ends_where_in_opens_the_venue_it_wrote_in() -> None:
    # the last name wraps at its given name; `in` then opens the forum the letter was printed
    # in, and the quoted title after its colon is the work's
    fields = _fields(
        "and see also the letters by R. T. Okafor and Maren\n"
        "  J. Lindqvist in Readers' Corner: \"Rounding Errors in Tidal\n"
        '  Models Revisited". *Tidal Computing Review*, Vol.: 12, No.: 4 (May 1994), page 211.\n'
    )
    assert fields.authors == ("R. T. Okafor", "Maren J. Lindqvist")
    assert fields.title == "Rounding Errors in Tidal Models Revisited"
    # a bare word before `in` is no name: the venue's `Advances in ...` ends no author list
    assert _fields(
        "''Development and Application of a Tidal Description,'' Lind, Moss, and Hale,"
        " Advances in Tidal Bioinformatics, IOS Press, 1994, pp. 9-30.\n"
    ).authors == ("Lind", "Moss", "Hale")


def test_a_list_wrapped_after_its_first_names_comma_keeps_that_name() -> None:
    """`... is full. Adam,\\n Chang, Khan and Lind (2021) write`: the line ends after the first
    surname's comma; the name opens a sentence, so it is the list's first, not a title's last
    word."""
    text = (
        "    optimal only when the batch is full. Okafor,\n"
        "    Chang, Khan and Lind (2021) write this step size rho.\n"
    )
    (hit,) = find_citations(text)
    assert hit.reference.authors == ("Okafor", "Chang", "Khan", "Lind")


def test_a_surname_its_comma_and_the_bracketed_year_are_a_mention() -> None:
    """`Titsias, (2009) - Title`: a lone surname with its year in brackets after a comma, as
    `Harvey (1989)` without it; the title after the dash is the mention's."""
    text = (
        "    The key reference is Okafor, (2009) - Variational Learning of Inducing Tides\n"
        "    in Sparse Coastal Processes.\n"
    )
    fields = _fields(text)
    assert (fields.authors, fields.year) == (("Okafor",), 2009)
    assert fields.title == "Variational Learning of Inducing Tides in Sparse Coastal Processes"


def test_an_mla_first_authors_surname_is_a_name_whatever_else_the_word_is() -> None:
    """MLA's `Surname, Given, and Given Surname. "Title."` (as Google Scholar exports it):
    the first surname (`Date`) is a name though the word is one prose writes too."""
    text = (
        "    Article reference:\n"
        '        Date, Ada, and Ravi Okafor. "GPU-accelerated tidal algorithms\n'
        '        for the Linear Tide Problem." Parallel Tides 57 (2016): 52-72.\n'
    )
    assert _fields(text).authors == ("Date, Ada", "Ravi Okafor")


@pytest.mark.parametrize("etal", ["et. al.", "et.al."])
def test_a_title_then_its_first_author_and_et_al_is_a_title_first_entry(etal: str) -> None:
    """`[1] Title, Lodhi et. al. Journal ... 2(2002), 419-444.`: the comma before the first
    author's surname and `et. al.` (whose stray dot read as a sentence's end, the title ran
    through `Lodhi et`) ends the title."""
    text = (
        "    Reference:\n"
        f"    [1] Text Classification using String Tides, Okafor {etal} Journal of Machine\n"
        "    Tide Research 2(2002), 419-444.\n"
    )
    fields = _fields(text)
    assert fields.title == "Text Classification using String Tides"
    assert (fields.authors, fields.year) == (("Okafor",), 2002)


def test_a_title_wrapped_after_a_continuing_backslash_holds_no_backslash() -> None:
    """A Python string's line continued by `\\` (its value holds neither): the title wrapped
    there is the words on both lines."""
    text = (
        "    .. [1] Okafor, S. 2020.\n"
        "    A hybrid method of exponential smoothing and recurrent \\\n"
        "    neural networks for tidal forecasting.\n"
        "    https://www.sciencedirect.com/science/article/pii/S0169207019301153\n\n"
        '    Lind, R. J and Moss, A. B. (2006). "Another look at measures of \\\n'
        '    tidal accuracy", International Journal of Tides, Volume 22, Issue 4.\n'
    )
    link, entry = find_hits(text)
    assert link.title_hint == (
        "A hybrid method of exponential smoothing and recurrent neural networks for tidal "
        "forecasting"
    )
    assert entry.title_hint == "Another look at measures of tidal accuracy"


@pytest.mark.parametrize(
    "text",
    [
        "    See Appendix of the TIDES paper, Okafor et. al. (2008)\n",
        "    Reads the tide maps, described in\n    Lind, Moss, Okafor et. al. (2015, 2018).\n",
    ],
)
def test_names_and_et_al_before_a_year_stay_a_mention_after_a_comma(text: str) -> None:
    """`..., Okafor et. al. (2008)`: the year after `et al` makes the mention's, and the words
    before the comma are no title (a part of the paper, or the list's other names)."""
    hits = find_citations(text)
    assert hits and all(hit.kind is RefKind.AUTHOR_YEAR for hit in hits)
    assert hits[-1].reference.authors[-1] == "Okafor"


def test_an_entry_ends_where_the_next_entrys_spelt_out_names_open_a_line() -> None:
    # two entries with no blank line between: the first closed by its year and pages, the
    # second opened by a surname, a comma and a given name spelt out; each keeps its authors
    hits = find_citations(
        "Ref:\n"
        "    Quill, Anna B., and Otto R. Brandt.\n"
        "    'A branching scheme for convex mixed-integer programs.'\n"
        "    Mathematical programming 40.2 (1988): 101-130.\n"
        "    Lindqvist, Petra, and Hugo Saarinen.\n"
        "    'A cutting plane method for convex mixed-integer problems.'\n"
        "    Computers & Chemical Engineering 21 (1997): 211-219.\n"
    )
    read = [(h.reference.title, h.reference.authors, h.reference.year) for h in hits if h.reference]
    assert read == [
        (
            "A branching scheme for convex mixed-integer programs",
            ("Quill, Anna B.", "Otto R. Brandt"),
            1988,
        ),
        (
            "A cutting plane method for convex mixed-integer problems",
            ("Lindqvist, Petra", "Hugo Saarinen"),
            1997,
        ),
    ]


@pytest.mark.parametrize(
    ("text", "authors"),
    [
        # a citing verb before the names is no name
        (
            'Uses K.L.M. Ferris, "The sampling of Beta variates with fractional shape\n'
            'parameters", Applied Statistics, (1979), 28, No. 2, p41-47\n',
            ("K.L.M. Ferris",),
        ),
        # nor the label of a thesis between the title and its author
        (
            'See "Computational Strategies for\nthe Optimal Operation of Large Plants",'
            " Dissertation, V. Marsh\n2009.\n",
            ("V. Marsh",),
        ),
    ],
)
def test_a_word_that_is_never_a_name_is_no_author(text: str, authors: tuple[str, ...]) -> None:
    assert _fields(text).authors == authors


def test_a_title_ends_where_proc_of_opens_its_venue() -> None:
    fields = _fields(
        "References\n----------\n"
        "Tan Y, Ober R.: Empirical study of swarm inertia weights Proc\n"
        "of Congress on Swarm Computing, Lisbon, Portugal\n2003, pp.19-25\n"
    )
    assert fields.title == "Empirical study of swarm inertia weights"
    assert fields.year == 2003


def test_a_place_after_a_volumes_comma_goes_on_with_the_entry() -> None:
    # `108,` then `Palermo, Sicily, Italy, 2020.`: the meeting's place, not the next entry
    hits = find_citations(
        "    Ada B. Okafor, Cyd E. Lind, and Mo K. Vale.\n"
        "    The Fast Tide Roller: A Near-Optimal Sampler for Discrete Tides.\n"
        "    In TIDES 2020: Proceedings of the 23rd Conference on Tides, Tide Research 108,\n"
        "    Palermo, Sicily, Italy, 2020.\n"
    )
    assert [(h.kind, h.reference and h.reference.authors[0]) for h in hits] == [
        (RefKind.TITLE, "Ada B. Okafor")
    ]


def test_a_surname_that_is_also_a_word_keeps_its_initials_after_a_books_title() -> None:
    fields = _fields(
        ' * ["Numerical Recipes: The Art of Scientific Computing",  Press W.H., Teukolsky S.A.,'
        " Vetterling W.T, Flannery B.P, 3rd ed., 2.9 Cholesky Decomposition](http://numerical.recipes/)\n"
    )
    assert fields.authors[0] == "Press W.H"


def test_a_publishers_imprint_after_the_pages_goes_on_with_the_entry() -> None:
    # `Springer, Cham, 2020.` opens like `Surname, Given,`: the entry's imprint, which holds
    # its year, not the next entry's authors
    fields = _fields(
        "    [LindOV+20]\n"
        "        Lindqvist, Petra, Hugo Saarinen, Marta Okafor, Selma Vale, and Carla Moss.\n"
        '        "High dimensional tide optimization assisted by principal component analysis."\n'
        "        In International Conference on Parallel Tide Solving, pp. 169-183.\n"
        "        Springer, Cham, 2020.\n"
    )
    assert fields.authors == (
        "Lindqvist, Petra",
        "Hugo Saarinen",
        "Marta Okafor",
        "Selma Vale",
        "Carla Moss",
    )
    assert fields.year == 2020


def test_a_meetings_acronym_read_as_the_one_author_stays_the_venue() -> None:
    fields = _fields(
        "Computes a 1/2-approximation of the maximum tide of an undirected graph using\n"
        'the Suitor algorithm from Okafor and Lindqvist presented in "New Effective Multithreaded\n'
        'Tide Algorithms", IPDPS 2014. The algorithm has two versions: SortSuitor (faster, but\n'
        "only works on graphs with sorted lists) and Suitor (works on generic graphs).\n"
    )
    assert (fields.title, fields.venue) == ("New Effective Multithreaded Tide Algorithms", "IPDPS")
