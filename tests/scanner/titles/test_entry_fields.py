"""An entry's fields as the Papers page shows them (issue #15 item 4): a venue is its whole
name, never a fragment (`Press`, `Review E`, `University Press`), an identifier or its
collection's editors; a year is never read from a page range or an arXiv id; an author is a
person, not a venue or an institution."""

from __future__ import annotations

import pytest

from scanner.titles import find_citations
from scanner.titles.fields import clean_venue, is_person
from scanner.types import EntryFields


def _fields(text: str) -> EntryFields:
    (hit,) = find_citations(text)
    assert hit.reference is not None
    return hit.reference


@pytest.mark.parametrize(
    ("text", "venue"),
    [
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
        ("    .. [1] A. Dachraoui, A. Bondu & A. Cornuejols. Early classification of time\n"
         "       series as a sequential decision making problem. ECML 2015",
         ("A. Dachraoui", "A. Bondu", "A. Cornuejols")),
    ],
)  # fmt: skip
def test_every_author_is_read(text: str, authors: tuple[str, ...]) -> None:
    assert _fields(text).authors == authors
